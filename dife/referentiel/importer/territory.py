"""Territorial part of the import: régions, départements, EPCI, communes, postal codes.

Each table is staged in a temporary table by COPY, then upserted on its natural key; a row is
rewritten only when one of its values IS DISTINCT FROM the staged one.
"""

from __future__ import annotations

from dife.referentiel.importer.db import copy_rows, create_staging, execute_count, upsert
from dife.referentiel.importer.lookups import Lookups
from dife.referentiel.importer.report import ImportReport


def import_territory(cur, lk: Lookups, report: ImportReport) -> None:
    _regions(cur, lk, report)
    _departements(cur, lk, report)
    _epcis(cur, lk, report)
    _communes(cur, lk, report)
    _postal_codes(cur, lk, report)


def _count(report: ImportReport, key: str, label: str, staged: int, result: tuple[int, int]) -> None:
    table = report.table(key, label)
    table.inserted, table.updated = result
    table.unchanged = staged - table.inserted - table.updated


def _regions(cur, lk: Lookups, report: ImportReport) -> None:
    create_staging(cur, "stg_region", "code text PRIMARY KEY, nom text")
    staged = copy_rows(cur, "stg_region", ("code", "nom"), lk.regions.values())
    _count(
        report,
        "regions",
        "Régions",
        staged,
        upsert(
            cur,
            """
        INSERT INTO referentiel_region AS t (code, nom) SELECT code, nom FROM stg_region
        ON CONFLICT (code) DO UPDATE SET nom = EXCLUDED.nom WHERE t.nom IS DISTINCT FROM EXCLUDED.nom
    """,
        ),
    )


def _departements(cur, lk: Lookups, report: ImportReport) -> None:
    create_staging(cur, "stg_departement", "code text PRIMARY KEY, nom text, region_code text")
    rows = ((code, nom, lk.regions[region][0]) for code, nom, region in lk.departements.values())
    staged = copy_rows(cur, "stg_departement", ("code", "nom", "region_code"), rows)
    _count(
        report,
        "departements",
        "Départements",
        staged,
        upsert(
            cur,
            """
        INSERT INTO referentiel_departement AS t (code, nom, region_id)
        SELECT s.code, s.nom, r.id FROM stg_departement s JOIN referentiel_region r ON r.code = s.region_code
        ON CONFLICT (code) DO UPDATE SET nom = EXCLUDED.nom, region_id = EXCLUDED.region_id
        WHERE (t.nom, t.region_id) IS DISTINCT FROM (EXCLUDED.nom, EXCLUDED.region_id)
    """,
        ),
    )


def _epcis(cur, lk: Lookups, report: ImportReport) -> None:
    create_staging(cur, "stg_epci", "code text PRIMARY KEY, nom text, type text")
    staged = copy_rows(cur, "stg_epci", ("code", "nom", "type"), lk.epcis.values())
    _count(
        report,
        "epci",
        "EPCI",
        staged,
        upsert(
            cur,
            """
        INSERT INTO referentiel_epci AS t (code, nom, type) SELECT code, nom, type FROM stg_epci
        ON CONFLICT (code) DO UPDATE SET nom = EXCLUDED.nom, type = EXCLUDED.type
        WHERE (t.nom, t.type) IS DISTINCT FROM (EXCLUDED.nom, EXCLUDED.type)
    """,
        ),
    )


_COMMUNE_UPSERT = """
    INSERT INTO referentiel_commune AS t
        (code, type, nom, population, departement_id, epci_id, parent_id, latitude, longitude, is_active)
    SELECT s.code, s.type, s.nom, s.population, d.id, e.id, p.id, s.latitude, s.longitude, true
    FROM stg_commune s
    LEFT JOIN referentiel_departement d ON d.code = s.departement_code
    LEFT JOIN referentiel_epci e ON e.code = s.epci_code
    LEFT JOIN referentiel_commune p ON p.code = s.parent_code AND p.type = s.parent_type
    WHERE (s.parent_code IS NULL) = %s
    ON CONFLICT (code, type) DO UPDATE SET
        nom = EXCLUDED.nom, population = EXCLUDED.population, departement_id = EXCLUDED.departement_id,
        epci_id = EXCLUDED.epci_id, parent_id = EXCLUDED.parent_id, latitude = EXCLUDED.latitude,
        longitude = EXCLUDED.longitude, is_active = true
    WHERE (t.nom, t.population, t.departement_id, t.epci_id, t.parent_id, t.latitude, t.longitude,
           t.is_active)
        IS DISTINCT FROM (EXCLUDED.nom, EXCLUDED.population, EXCLUDED.departement_id, EXCLUDED.epci_id,
                          EXCLUDED.parent_id, EXCLUDED.latitude, EXCLUDED.longitude, true)
"""


def _communes(cur, lk: Lookups, report: ImportReport) -> None:
    create_staging(
        cur,
        "stg_commune",
        """
        code text, type text, nom text, population integer, departement_code text, epci_code text,
        parent_code text, parent_type text, latitude double precision, longitude double precision,
        PRIMARY KEY (code, type)
    """,
    )
    seen: set[tuple[str, str]] = set()

    def rows():
        for ref in lk.communes.values():
            if (ref.code, ref.type) in seen:  # natural key repeated: the first row wins
                report.reject("communes.csv.lzma", ref.line, f"commune en double : {ref.code} ({ref.type})")
                continue
            seen.add((ref.code, ref.type))
            parent = lk.communes[ref.parent_id] if ref.parent_id else None
            yield (
                ref.code,
                ref.type,
                ref.nom,
                ref.population,
                lk.departement_code(ref.departement_id or (parent.departement_id if parent else None)),
                lk.epcis[ref.epci_id][0] if ref.epci_id else None,
                parent.code if parent else None,
                parent.type if parent else None,
                ref.latitude,
                ref.longitude,
            )

    columns = (
        "code",
        "type",
        "nom",
        "population",
        "departement_code",
        "epci_code",
        "parent_code",
        "parent_type",
        "latitude",
        "longitude",
    )
    staged = copy_rows(cur, "stg_commune", columns, rows())
    cur.execute("ANALYZE stg_commune")
    top = upsert(cur, _COMMUNE_UPSERT, (True,))  # communes without a parent first: they are the parents
    sub = upsert(cur, _COMMUNE_UPSERT, (False,))
    _count(report, "communes", "Communes", staged, (top[0] + sub[0], top[1] + sub[1]))
    table = report.tables["communes"]
    table.removed_label = "désactivée(s) (absentes des données)"
    table.removed = execute_count(
        cur,
        """
        UPDATE referentiel_commune t SET is_active = false
        WHERE t.is_active
          AND NOT EXISTS (SELECT 1 FROM stg_commune s WHERE s.code = t.code AND s.type = t.type)
    """,
    )


def _postal_codes(cur, lk: Lookups, report: ImportReport) -> None:
    create_staging(cur, "stg_codepostal", "code text, commune_code text, commune_type text")
    rows = {(code, lk.communes[cid].code, lk.communes[cid].type) for code, cid in lk.postal_links}
    staged = copy_rows(cur, "stg_codepostal", ("code", "commune_code", "commune_type"), sorted(rows))
    cur.execute("ANALYZE stg_codepostal")
    table = report.table("codes_postaux", "Codes postaux (couples code, commune)")
    table.removed_label = "supprimé(s)"
    table.removed = execute_count(
        cur,
        """
        DELETE FROM referentiel_codepostal t USING referentiel_commune c
        WHERE c.id = t.commune_id AND NOT EXISTS (
            SELECT 1 FROM stg_codepostal s
            WHERE s.code = t.code AND s.commune_code = c.code AND s.commune_type = c.type)
    """,
    )
    table.inserted = execute_count(
        cur,
        """
        INSERT INTO referentiel_codepostal (code, commune_id)
        SELECT s.code, c.id FROM stg_codepostal s
        JOIN referentiel_commune c ON c.code = s.commune_code AND c.type = s.commune_type
        ON CONFLICT (commune_id, code) DO NOTHING
    """,
    )
    table.unchanged = staged - table.inserted
