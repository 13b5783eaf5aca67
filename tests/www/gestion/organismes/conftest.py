import pytest

from dife.catalog import places
from tests.organisations.fixtures import (  # noqa: F401
    agency_org,
    collectivite_org,
    elu,
    gestionnaire,
    of_admin,
    of_org,
    verify_session,
)


@pytest.fixture(autouse=True)
def _fresh_place_cache():
    places.clear_cache()
    yield
    places.clear_cache()


@pytest.fixture
def gestion_client(client, gestionnaire):  # noqa: F811
    verify_session(client, gestionnaire)
    return client
