"""Manual mandate changes (services): reasons, refusals, and their effect on crediting dates to come."""

from datetime import date

import pytest

from dife.accounts.models import User
from dife.mandates import services
from dife.mandates.models import MandateChange
from dife.rights.crediting import run_crediting
from dife.rights.models import Entry
from tests.rights.conftest import add_mandate, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(db):
    return User.objects.create(username="gestion-mandats", kind=User.Kind.GESTIONNAIRE)


def test_refusals(actor):
    person = make_person()
    mandate = add_mandate(person, "municipal", date(2026, 3, 15))
    with pytest.raises(services.MandateChangeRefused, match="motif est obligatoire"):
        services.close_mandate(mandate=mandate, end_date=date(2026, 6, 1), reason=" ", actor=actor)
    with pytest.raises(services.MandateChangeRefused, match="Aucune modification"):
        services.correct_mandate(mandate=mandate, reason="x", actor=actor, start_date=date(2026, 3, 15))
    with pytest.raises(services.MandateChangeRefused, match="non modifiable"):
        services.correct_mandate(mandate=mandate, reason="x", actor=actor, person_id=1)
    with pytest.raises(services.MandateChangeRefused, match="Type de mandat inconnu"):
        services.add_mandate(
            person=person, kind="syndical", collectivite_code="1", collectivite_label="Syndicat",
            start_date=date(2026, 1, 1), reason="x", actor=actor,
        )  # fmt: skip
    services.close_mandate(mandate=mandate, end_date=date(2026, 6, 1), reason="Démission", actor=actor)
    with pytest.raises(services.MandateChangeRefused, match="déjà clos au 01/06/2026"):
        services.close_mandate(mandate=mandate, end_date=date(2026, 7, 1), reason="x", actor=actor)
    assert MandateChange.objects.count() == 1


def test_manual_mandates_are_numbered_and_credited(actor):
    person = make_person()
    first = services.add_mandate(
        person=person, kind="municipal", collectivite_code="45302", collectivite_label="Saran",
        start_date=date(2025, 10, 5), reason="Élection partielle", actor=actor,
    )  # fmt: skip
    second = services.add_mandate(
        person=make_person(), kind="regional", collectivite_code="24",
        collectivite_label="Centre-Val de Loire", start_date=date(2025, 11, 2), reason="Remplacement",
        actor=actor,
    )  # fmt: skip
    assert (first.source, second.source, second.source_id) == ("manual", "manual", first.source_id + 1)
    run_crediting(as_of=date(2026, 11, 26))
    dates = list(
        Entry.objects.filter(account__person=person).order_by("id").values_list("effective_date", flat=True)
    )
    assert dates == [date(2025, 10, 20), date(2026, 10, 20)]  # by-election: third Monday after 5 October
