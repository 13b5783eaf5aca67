from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
TODAY = date(2026, 11, 26)  # the import's day, fixed: the register checks depend on it


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def imported(db):
    """The fixture folder imported once (both parts); returns the report."""
    from dife.mandates.importer import run_import

    return run_import(DATA, today=TODAY)
