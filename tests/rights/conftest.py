"""Registry persons and mandates for the rights tests, and the staff users of the organisations tests."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from dife.core.names import matching_key
from dife.mandates.models import Mandate, Person
from tests.organisations.fixtures import (  # noqa: F401
    agency_org,
    elu,
    gestionnaire,
    of_admin,
    of_org,
)

_counter = itertools.count(1)
SOURCES = {
    "municipal": "rne_municipal",
    "communautaire": "rne_communautaire",
    "departemental": "rne_departemental",
    "regional": "rne_regional",
}


def make_person(nom: str = "Fictif", prenoms: str = "Camille", born: date = date(1970, 5, 17)) -> Person:
    n = next(_counter)
    return Person.objects.create(
        matching_key=f"{matching_key(nom, prenoms, born)}#{n}",  # unique even for homonyms of the tests
        nom=f"{nom.upper()}",
        prenoms=prenoms,
        sexe="F",
        date_naissance=born,
    )


def add_mandate(person: Person, kind: str, start: date, end: date | None = None, **extra) -> Mandate:
    return Mandate.objects.create(
        person=person,
        kind=kind,
        collectivite_code=extra.pop("collectivite_code", "45234"),
        collectivite_label=extra.pop("collectivite_label", "Orléans"),
        start_date=start,
        end_date=end,
        source=SOURCES[kind],
        source_id=next(_counter),
        **extra,
    )


@pytest.fixture
def person(db) -> Person:
    return make_person()
