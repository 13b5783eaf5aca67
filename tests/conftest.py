"""Test harness: a real PostgreSQL (the private cluster, or DATABASE_URL when set), started only when a
test needs the database; tests without one (calendar, parameters, validators…) never wait for it."""

import fcntl
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "devtools"))


@pytest.fixture(scope="session")
def postgresql():
    """The private cluster, started once; parallel workers (pytest-xdist) wait for the first one."""
    import pg

    pg.LOCAL.mkdir(exist_ok=True)
    with open(pg.LOCAL / "pg-start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        pg.start()


@pytest.fixture(scope="session")
def django_db_setup(postgresql, django_db_setup):
    """pytest-django's test database (one per xdist worker: ``test_dife<suffix>_gw0``…), once
    PostgreSQL runs."""


REFERENTIEL_FIXTURES = ROOT / "tests" / "referentiel" / "data"


@pytest.fixture
def communes(db):
    """The small reference-data fixture (20 real communes incl. Orléans 45234 and Metz 57463)."""
    from datetime import date

    from dife.mandates.importer import run_import

    return run_import(REFERENTIEL_FIXTURES, only="referentiel", today=date(2026, 11, 26))


class OutboxWorker:
    """Stands for the procrastinate worker that sends the outbox (``notifications.send_outbox``): after
    each commit that queued e-mails, the outbox is sent at once, so ``mail.outbox`` holds what a user
    would receive. The job itself is still deferred, as in production. ``pause()`` leaves the outbox
    unsent (tests of the queue itself)."""

    def __init__(self, monkeypatch):
        from dife.notifications import services

        self.paused = False
        kick = services._kick

        def kick_then_send() -> None:
            kick()
            if not self.paused:
                services.send_pending()

        monkeypatch.setattr(services, "_kick", kick_then_send)

    def pause(self) -> None:
        self.paused = True


@pytest.fixture(autouse=True)
def outbox_worker(monkeypatch):
    return OutboxWorker(monkeypatch)
