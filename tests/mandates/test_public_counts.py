from datetime import date

import pytest

from dife.mandates.models import Mandate, Person
from dife.mandates.selectors import public_counts


@pytest.mark.django_db
def test_public_counts_distinct_persons_and_current_mandates():
    person = Person.objects.create(
        matching_key="a|b|1970-01-01", nom="A", prenoms="B", sexe="F", date_naissance=date(1970, 1, 1)
    )
    other = Person.objects.create(
        matching_key="c|d|1970-01-01", nom="C", prenoms="D", sexe="M", date_naissance=date(1970, 1, 1)
    )
    common = {"collectivite_code": "45234", "collectivite_label": "Orléans", "start_date": date(2026, 3, 15)}
    Mandate.objects.create(person=person, kind="municipal", source="rne_municipal", source_id=1, **common)
    Mandate.objects.create(
        person=person, kind="communautaire", source="rne_communautaire", source_id=1, **common
    )
    Mandate.objects.create(
        person=other, kind="municipal", source="rne_municipal", source_id=2,
        removed_from_register_on=date(2026, 11, 1), **common,
    )  # fmt: skip
    assert public_counts() == {"elus": 1, "mandats": 2}
