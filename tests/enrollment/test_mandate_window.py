"""The mandate window of one élu for one session: a mandate training ends during the mandate, a
reconversion within 6 months after the last mandate (the check behind ``create_dossier``)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from dife.catalog import places, services
from dife.enrollment.services.application import mandate_window_reasons
from dife.mandates.windows import add_months
from tests.catalog.factories import make_action, make_communes, make_formation, make_organisme

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def catalog_communes(db):
    places.clear_cache()
    yield make_communes()
    places.clear_cache()


@pytest.fixture
def catalog_of(db):
    return make_organisme()


def test_mandate_window_for_a_mandate_training(catalog_of, catalog_communes):
    action = make_action(make_formation(catalog_of), commune=catalog_communes["centre"], sessions=((30, 31),))
    session = action.sessions.get()
    assert mandate_window_reasons(session=session, mandate_end=None, context="mandat") == []
    assert mandate_window_reasons(session=session, mandate_end=days(31), context="mandat") == []
    assert mandate_window_reasons(session=session, mandate_end=days(30), context="mandat") == [
        f"Cette session se termine le {days(31):%d/%m/%Y}, après la fin de votre mandat le "
        f"{days(30):%d/%m/%Y} : une formation liée au mandat doit se dérouler pendant le mandat."
    ]


def test_mandate_window_for_a_reconversion_is_six_months_after_the_last_mandate(catalog_of, catalog_communes):
    formation = make_formation(catalog_of, contexte="reconversion", intitule="Comptable assistant")
    action = make_action(formation, commune=catalog_communes["centre"], sessions=(), publish=False)
    end = days(200).replace(day=15)
    session = services.create_session(action=action, debut=end - timedelta(days=60), fin=end)
    last_mandate = add_months(end, -6)  # the window closes exactly on the session's last day
    assert mandate_window_reasons(session=session, mandate_end=last_mandate, context="reconversion") == []
    earlier = last_mandate - timedelta(days=1)
    assert mandate_window_reasons(session=session, mandate_end=earlier, context="reconversion") == [
        f"Cette session se termine le {end:%d/%m/%Y} : une formation pour se reconvertir doit s'achever "
        f"au plus tard le {end - timedelta(days=1):%d/%m/%Y} "
        f"(votre dernier mandat prend fin le {earlier:%d/%m/%Y})."
    ]
