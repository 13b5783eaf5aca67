"""Register of élus, step 2: check the staged dates, then upsert persons and mandates set-based."""

from __future__ import annotations

from datetime import date

from dife.mandates import register_rules as rules
from dife.mandates.elections import COMMUNAUTAIRE, DEPARTEMENTAL, MUNICIPAL, REGIONAL
from dife.mandates.importer.elus_stage import SOURCES
from dife.referentiel.importer.db import copy_rows, create_staging, execute_count, scalar, upsert
from dife.referentiel.importer.report import ImportReport

KINDS = (MUNICIPAL, COMMUNAUTAIRE, DEPARTEMENTAL, REGIONAL)
_REASONS = {
    rules.BEFORE_ELECTION: "antérieur à l'élection générale du conseil",
    rules.AFTER_REGISTER: "postérieur à la date du registre",
}


def apply_elus(cur, report: ImportReport, *, today: date) -> None:
    latest = scalar(
        cur,
        """
        SELECT max(d) FROM stg_mandate, LATERAL (VALUES (start_date), (fonction_start)) AS v(d)
        WHERE d <= %s AND extract(day FROM d) > 12
    """,
        (today,),
    )
    report.register_date = rules.register_date_from(latest, today)
    _check_dates(cur, report, report.register_date)
    _upsert_persons(cur, report)
    _upsert_mandates(cur, report, today)


def _check_dates(cur, report: ImportReport, register_date: date) -> None:
    bounds = [(kind, rules.window_start(kind, register_date)) for kind in KINDS]
    values = ", ".join(["(%s, %s::date)"] * len(bounds))  # placeholders only
    sql = f"""
        SELECT s.source, s.source_id, s.kind, s.start_date, s.fonction_start, s.file, s.line,
               s.nom, s.prenoms, s.coll_label
        FROM stg_mandate s JOIN (VALUES {values}) AS w(kind, lower_bound) ON w.kind = s.kind
        WHERE s.start_date < w.lower_bound OR s.start_date > %s
           OR s.fonction_start < w.lower_bound OR s.fonction_start > %s
        ORDER BY s.file, s.line, s.source
    """  # noqa: S608
    cur.execute(sql, [v for pair in bounds for v in pair] + [register_date, register_date])
    fixes = []
    for source, source_id, kind, start, fonction_start, filename, line, nom, prenoms, label in cur.fetchall():
        where = f"{filename}, ligne {line} : {nom} {prenoms}, {label}"
        check = rules.check_date(kind, start, register_date)
        _note(report, "start", kind, check, start, where)
        f_check = rules.check_date(kind, fonction_start, register_date) if fonction_start else None
        if f_check is not None:
            _note(report, "fonction_start", kind, f_check, fonction_start, where)
        fixes.append(
            (
                source,
                source_id,
                check.status,
                check.value,
                check.original,
                f_check.value if f_check else None,
                f_check.original if f_check else None,
            )
        )
    create_staging(
        cur,
        "stg_fix",
        """
        source text, source_id bigint, status text, start_date date, start_original date,
        fonction_start date, fonction_start_original date
    """,
    )
    copy_rows(
        cur,
        "stg_fix",
        (
            "source",
            "source_id",
            "status",
            "start_date",
            "start_original",
            "fonction_start",
            "fonction_start_original",
        ),
        fixes,
    )
    cur.execute("""
        UPDATE stg_mandate s
        SET status = f.status, start_date = f.start_date, start_original = f.start_original,
            fonction_start = coalesce(f.fonction_start, s.fonction_start),
            fonction_start_original = f.fonction_start_original
        FROM stg_fix f WHERE f.source = s.source AND f.source_id = s.source_id
    """)


def _note(
    report: ImportReport, what: str, kind: str, check: rules.DateCheck, value: date, where: str
) -> None:
    if check.status == rules.OK:
        return
    subject = "Début de mandat" if what == "start" else "Début de fonction"
    reason = _REASONS[check.reason]
    if check.status == rules.CORRECTED:
        defect = report.defect(
            f"{what}_swapped_{check.reason}",
            f"{subject} {reason}, jour et mois inversés",
            "corrigé par inversion jour/mois (date du registre conservée à côté)",
        )
        defect.add(f"{where} : {value.isoformat()} → {check.value.isoformat()}", part=kind)
    else:
        defect = report.defect(
            f"{what}_suspect_{check.reason}",
            f"{subject} {reason}, non corrigeable",
            "date conservée telle quelle, mandat marqué « à vérifier »"
            if what == "start"
            else "date conservée telle quelle",
        )
        defect.add(f"{where} : {value.isoformat()}", part=kind)


def _upsert_persons(cur, report: ImportReport) -> None:
    table = report.table("persons", "Personnes (élus)")
    # One row per person: the identity as written in the first file (municipal, departmental, regional).
    cur.execute("DROP TABLE IF EXISTS stg_person")
    cur.execute("""
        CREATE TEMPORARY TABLE stg_person ON COMMIT DROP AS
        SELECT DISTINCT ON (matching_key) matching_key, alt_key, nom, prenoms, sexe, date_naissance
        FROM stg_mandate ORDER BY matching_key, priority, source_id
    """)
    distinct = cur.rowcount
    table.inserted, table.updated = upsert(
        cur,
        """
        INSERT INTO mandates_person AS t (matching_key, alt_matching_key, nom, prenoms, sexe, date_naissance)
        SELECT matching_key, alt_key, nom, prenoms, sexe, date_naissance FROM stg_person
        ON CONFLICT (matching_key) DO UPDATE SET
            alt_matching_key = EXCLUDED.alt_matching_key, nom = EXCLUDED.nom, prenoms = EXCLUDED.prenoms,
            sexe = EXCLUDED.sexe, date_naissance = EXCLUDED.date_naissance, updated_at = now()
        WHERE (t.alt_matching_key, t.nom, t.prenoms, t.sexe, t.date_naissance)
            IS DISTINCT FROM (EXCLUDED.alt_matching_key, EXCLUDED.nom, EXCLUDED.prenoms, EXCLUDED.sexe,
                              EXCLUDED.date_naissance)
    """,
    )
    table.unchanged = distinct - table.inserted - table.updated


_MANDATE_FIELDS = (
    "person_id",
    "kind",
    "collectivite_code",
    "collectivite_label",
    "fonction",
    "fonction_rank",
    "fonction_start",
    "fonction_start_original",
    "start_date",
    "start_check",
    "start_date_original",
    "removed_from_register_on",
)


def _upsert_mandates(cur, report: ImportReport, today: date) -> None:
    table = report.table("mandates", "Mandats")
    staged = scalar(cur, "SELECT count(*) FROM stg_mandate")
    setters = ", ".join(f"{f} = EXCLUDED.{f}" for f in _MANDATE_FIELDS)
    current = ", ".join(f"t.{f}" for f in _MANDATE_FIELDS)
    incoming = ", ".join(f"EXCLUDED.{f}" for f in _MANDATE_FIELDS)
    # Column names are the constants above, never input.
    sql = f"""
        INSERT INTO mandates_mandate AS t (source, source_id, {", ".join(_MANDATE_FIELDS)})
        SELECT s.source, s.source_id, p.id, s.kind, s.coll_code, s.coll_label, s.fonction, s.fonction_rank,
               s.fonction_start, s.fonction_start_original, s.start_date, s.status, s.start_original,
               NULL::date
        FROM stg_mandate s JOIN mandates_person p ON p.matching_key = s.matching_key
        ON CONFLICT (source, source_id) DO UPDATE SET {setters}, updated_at = now()
        WHERE ({current}) IS DISTINCT FROM ({incoming})
    """  # noqa: S608
    table.inserted, table.updated = upsert(cur, sql)
    table.unchanged = staged - table.inserted - table.updated
    table.removed_label = "absent(s) du registre (fin de mandat à établir)"
    table.removed = execute_count(
        cur,
        """
        UPDATE mandates_mandate t SET removed_from_register_on = %s, updated_at = now()
        WHERE t.removed_from_register_on IS NULL AND t.source = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM stg_mandate s WHERE s.source = t.source AND s.source_id = t.source_id)
    """,
        (today, list(SOURCES.values())),
    )
