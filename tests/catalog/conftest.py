import pytest

from dife.catalog import places
from tests.catalog.factories import make_communes, make_organisme


@pytest.fixture(autouse=True)
def _fresh_place_cache():
    places.clear_cache()
    yield
    places.clear_cache()


@pytest.fixture
def communes(db):
    return make_communes()


@pytest.fixture
def organisme(db):
    return make_organisme()
