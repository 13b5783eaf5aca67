"""Test harness: a real PostgreSQL (the private cluster, or DATABASE_URL when set)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "devtools"))


def pytest_configure(config):
    import pg

    pg.start()
