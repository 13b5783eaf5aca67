"""Fixtures of the provider's catalog space and of the imports: real rows, made through the services."""

from __future__ import annotations

import pytest

from devtools.demo.catalog_generator.identities import fictional_siret
from dife.catalog import places, services
from dife.organisations.models import Membership, Organisation
from tests.catalog.factories import make_communes, make_organisme
from tests.organisations.fixtures import make_staff, verify_session


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
    return make_organisme(nom="Institut de formation des élus (fictif)")


@pytest.fixture
def other_organisme(db):
    return make_organisme(nom="Autre organisme (fictif)")


@pytest.fixture
def of_user(organisme):
    return make_staff("agent@institut-fictif.test", organisme.organisation, Membership.Role.AGENT)


@pytest.fixture
def other_of_user(other_organisme):
    return make_staff("agent@autre-fictif.test", other_organisme.organisation, Membership.Role.AGENT)


@pytest.fixture
def of_client(client, of_user):
    verify_session(client, of_user)
    return client


def new_organisation(index: int, nom: str = "Organisme sans catalogue (fictif)") -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.ORGANISME, nom=nom, siret=fictional_siret(index)
    )


__all__ = ["new_organisation", "services"]
