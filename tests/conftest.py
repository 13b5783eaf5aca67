"""Test harness: a real PostgreSQL (the private cluster, or DATABASE_URL when set)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "devtools"))


def pytest_configure(config):
    import pg

    pg.start()


REFERENTIEL_FIXTURES = ROOT / "tests" / "referentiel" / "data"


@pytest.fixture
def communes(db):
    """The small reference-data fixture (20 real communes incl. Orléans 45234 and Metz 57463)."""
    from datetime import date

    from dife.mandates.importer import run_import

    return run_import(REFERENTIEL_FIXTURES, only="referentiel", today=date(2026, 11, 26))
