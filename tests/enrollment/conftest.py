"""A training provider with one action in Orléans, an élu with 800 € of DIFE rights, staff users."""

from __future__ import annotations

from datetime import date

import pytest

from tests.enrollment import factories as f


@pytest.fixture
def places(db):
    return f.make_places()


@pytest.fixture
def organisme(places):
    return f.make_of()


@pytest.fixture
def of_user(organisme):
    return f.make_of_user(organisme)


@pytest.fixture
def gestionnaire(db):
    return f.make_gestionnaire()


@pytest.fixture
def elu(db):
    return f.make_elu()


@pytest.fixture
def action(organisme, places):
    """300 € for 6 h in Orléans; sessions on Monday 15 June 2026 and Monday 7 September 2026."""
    return f.make_action(
        organisme,
        commune=places["Orléans"],
        sessions=((date(2026, 6, 15), date(2026, 6, 15)), (date(2026, 9, 7), date(2026, 9, 8))),
        published_on=date(2026, 5, 1),
    )


@pytest.fixture
def session(action):
    return action.sessions.get(debut=date(2026, 6, 15))


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploaded documents go to a temporary directory, never to the developer's .local/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
