"""Register of élus, step 1: read the three files, check each row, COPY the mandates to a staging table.

One staged row per mandate: a municipal row with an EPCI start date also gives a communautaire
mandate. A row that cannot be used (missing name, bad date, unknown commune…) is reported with its
file and line and left out; the other rows go on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dife.core.names import alt_matching_key, matching_key
from dife.mandates.elections import COMMUNAUTAIRE, DEPARTEMENTAL, MUNICIPAL, REGIONAL
from dife.mandates.models import Mandate
from dife.referentiel.importer.db import copy_rows, create_staging
from dife.referentiel.importer.lookups import Lookups
from dife.referentiel.importer.report import ImportReport
from dife.referentiel.importer.source import RowError, parse_date, parse_int, read_rows, text

MUNICIPAL_FILE = "elus_municipaux.csv.lzma"
DEPARTEMENTAL_FILE = "elus_departementaux.csv.lzma"
REGIONAL_FILE = "elus_regionaux.csv.lzma"

SOURCES = {
    MUNICIPAL: Mandate.Source.RNE_MUNICIPAL.value,
    COMMUNAUTAIRE: Mandate.Source.RNE_COMMUNAUTAIRE.value,
    DEPARTEMENTAL: Mandate.Source.RNE_DEPARTEMENTAL.value,
    REGIONAL: Mandate.Source.RNE_REGIONAL.value,
}
# Which spelling of an identity a person keeps when the files disagree: the first file wins.
PRIORITY = {MUNICIPAL: 1, COMMUNAUTAIRE: 1, DEPARTEMENTAL: 2, REGIONAL: 3}
FONCTIONS = set(Mandate.Fonction.values)
# Départements whose council is not a "conseil départemental" of their own code.
DEPARTMENTAL_COUNCIL_CODES = {"67": "6AE", "68": "6AE", "976": "976R"}

STAGING_COLUMNS = (
    "source",
    "source_id",
    "file",
    "line",
    "matching_key",
    "alt_key",
    "nom",
    "prenoms",
    "sexe",
    "date_naissance",
    "kind",
    "coll_code",
    "coll_label",
    "fonction",
    "fonction_rank",
    "fonction_start",
    "start_date",
    "priority",
)
IDENTITY = (
    "id",
    "nom",
    "prenom",
    "sexe",
    "date_naissance",
    "date_debut_mandat",
    "fonction",
    "ordre_fonction",
    "date_debut_fonction",
)
DEFECT_NO_EPCI = (
    "epci_mandate_without_epci",
    "Mandat communautaire dans une commune sans EPCI",
    "mandat communautaire non importé, mandat municipal importé",
)


def create_mandate_staging(cur) -> None:
    create_staging(
        cur,
        "stg_mandate",
        """
        source text, source_id bigint, file text, line integer, matching_key text, alt_key text,
        nom text, prenoms text, sexe text, date_naissance date, kind text, coll_code text, coll_label text,
        fonction text, fonction_rank integer, fonction_start date, start_date date, priority smallint,
        status text DEFAULT 'ok', start_original date, fonction_start_original date
    """,
    )


def stage_elus(
    cur, lk: Lookups, data_dir: Path, report: ImportReport, *, today: date, progress: bool = False
) -> int:
    create_mandate_staging(cur)
    staged = 0
    for filename, extra, convert in (
        (
            MUNICIPAL_FILE,
            ("commune_id", "date_debut_mandat_epci", "fonction_epci", "date_debut_fonction_epci"),
            _municipal,
        ),
        (DEPARTEMENTAL_FILE, ("canton_id",), _departmental),
        (REGIONAL_FILE, ("collectivite_regionale_id",), _regional),
    ):
        rows = _rows(filename, IDENTITY + extra, convert, lk, data_dir, report, today, progress)
        staged += copy_rows(cur, "stg_mandate", STAGING_COLUMNS, rows)
    cur.execute("CREATE INDEX ON stg_mandate (source, source_id)")
    cur.execute("CREATE INDEX ON stg_mandate (matching_key)")
    cur.execute("ANALYZE stg_mandate")
    return staged


def _rows(filename, required, convert, lk, data_dir, report, today, progress):
    seen: set[int] = set()
    for line, cols, row in read_rows(data_dir, filename, required, progress=progress):
        try:
            if len(row) != cols.width:
                raise RowError(f"{len(row)} champs au lieu de {cols.width}")
            source_id = parse_int(row[cols["id"]], "identifiant", required=True)
            if source_id in seen:
                raise RowError(f"identifiant en double : {source_id}")
            person = _person(row, cols, today)
            mandates = convert(row, cols, lk, report, filename, line)
        except RowError as error:
            report.reject(filename, line, str(error))
            continue
        seen.add(source_id)
        for kind, coll_code, coll_label, fonction, rank, fonction_start, start in mandates:
            yield (
                SOURCES[kind],
                source_id,
                filename,
                line,
                *person,
                kind,
                coll_code,
                coll_label,
                fonction,
                rank,
                fonction_start,
                start,
                PRIORITY[kind],
            )


def _person(row, cols, today: date) -> tuple:
    nom = text(row[cols["nom"]], "nom")
    prenoms = text(row[cols["prenom"]], "prénom")
    sexe = text(row[cols["sexe"]], "sexe")
    if sexe not in ("F", "M"):
        raise RowError(f"sexe invalide : « {sexe} »")
    birth = parse_date(row[cols["date_naissance"]], "date de naissance")
    if birth > today:
        raise RowError(f"date de naissance dans le futur : {birth.isoformat()}")
    key = matching_key(nom, prenoms, birth)
    if key.startswith("|") or "||" in key:
        raise RowError(f"nom ou prénom sans lettre : « {nom} », « {prenoms} »")
    return key, alt_matching_key(nom, prenoms, birth), nom, prenoms, sexe, birth


def _fonction(code: str, rank: str, start: str, label: str) -> tuple[str, int | None, date | None]:
    code = text(code, "fonction", required=False)
    if code and code not in FONCTIONS:
        raise RowError(f"fonction inconnue : « {code} »")
    return (
        code,
        parse_int(rank, f"rang de la fonction {label}"),
        parse_date(start, f"date de début de la fonction {label}", required=False),
    )


def _municipal(row, cols, lk: Lookups, report: ImportReport, filename: str, line: int) -> list[tuple]:
    commune_id = text(row[cols["commune_id"]], "identifiant de commune")
    commune = lk.communes.get(commune_id)
    if commune is None:
        raise RowError(f"commune inconnue (identifiant {commune_id})")
    start = parse_date(row[cols["date_debut_mandat"]], "date de début de mandat")
    fonction = _fonction(
        row[cols["fonction"]], row[cols["ordre_fonction"]], row[cols["date_debut_fonction"]], "municipale"
    )
    mandates = [(MUNICIPAL, commune.code, commune.nom, *fonction, start)]
    epci_start = parse_date(
        row[cols["date_debut_mandat_epci"]], "date de début de mandat communautaire", required=False
    )
    epci_fonction = _fonction(
        row[cols["fonction_epci"]], "", row[cols["date_debut_fonction_epci"]], "communautaire"
    )
    if epci_start is not None:
        if commune.epci_id is None:
            report.defect(*DEFECT_NO_EPCI).add(f"{filename}, ligne {line} : commune {commune.code}")
        else:
            siren, nom, _type = lk.epcis[commune.epci_id]
            mandates.append((COMMUNAUTAIRE, siren, nom, *epci_fonction, epci_start))
    return mandates


def _departmental(row, cols, lk: Lookups, report, filename, line) -> list[tuple]:
    canton = text(row[cols["canton_id"]], "identifiant de canton")
    if canton not in lk.cantons:
        raise RowError(f"canton inconnu (identifiant {canton})")
    code, nom, _region = lk.departements[lk.cantons[canton]]
    council = DEPARTMENTAL_COUNCIL_CODES.get(code, f"{code}D")
    label = lk.departmental_councils.get(council, f"Conseil départemental ({nom})")
    start = parse_date(row[cols["date_debut_mandat"]], "date de début de mandat")
    fonction = _fonction(
        row[cols["fonction"]], row[cols["ordre_fonction"]], row[cols["date_debut_fonction"]], "départementale"
    )
    return [(DEPARTEMENTAL, code, label, *fonction, start)]


def _regional(row, cols, lk: Lookups, report, filename, line) -> list[tuple]:
    council = text(row[cols["collectivite_regionale_id"]], "identifiant de collectivité régionale")
    if council not in lk.regional_councils:
        raise RowError(f"collectivité régionale inconnue (identifiant {council})")
    code, label = lk.regional_councils[council]
    start = parse_date(row[cols["date_debut_mandat"]], "date de début de mandat")
    fonction = _fonction(
        row[cols["fonction"]], row[cols["ordre_fonction"]], row[cols["date_debut_fonction"]], "régionale"
    )
    return [(REGIONAL, code, label, *fonction, start)]
