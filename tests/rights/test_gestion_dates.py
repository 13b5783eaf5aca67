"""Plausible gestion dates (security review F7): absurd mandate and adjustment dates get a French
400; nothing enters the register or the append-only ledger; never a 500."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from django.utils import timezone

from dife.mandates.models import Mandate
from dife.rights.models import Entry
from tests.organisations.fixtures import verify_session
from tests.rights.test_gestion_personnes import elu_person  # noqa: F401

pytestmark = pytest.mark.django_db

MANDATE = {
    "kind": "municipal", "collectivite_code": "45302", "collectivite_label": "Saran", "fonction": "ADJ",
    "start_date": "2025-10-05", "end_date": "", "motif": "Élection partielle",
}  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("9999-12-31", "", "Le début du mandat doit être compris entre le 01/01/1950"),
        ("0001-01-01", "", "Le début du mandat doit être compris entre le 01/01/1950"),
        ("1949-12-31", "", "Le début du mandat doit être compris entre le 01/01/1950"),
        ("2025-10-05", "9999-12-31", "La fin du mandat ne peut pas dépasser 7 ans après son début."),
        ("2025-10-05", "2032-10-06", "La fin du mandat ne peut pas dépasser 7 ans après son début."),
    ],
)
def test_absurd_mandate_dates_are_refused(client, gestionnaire, elu_person, start, end, message):  # noqa: F811
    verify_session(client, gestionnaire)
    url = f"/gestion/personnes/{elu_person.pk}/mandats/ajouter"
    response = client.post(url, MANDATE | {"start_date": start, "end_date": end})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Mandate.objects.filter(collectivite_code="45302").exists()
    assert client.get(f"/gestion/personnes/{elu_person.pk}/").status_code == 200


def test_plausible_mandate_dates_pass(client, gestionnaire, elu_person):  # noqa: F811
    verify_session(client, gestionnaire)
    url = f"/gestion/personnes/{elu_person.pk}/mandats/ajouter"
    response = client.post(url, MANDATE | {"start_date": "2025-10-05", "end_date": "2032-10-05"})
    assert response.status_code == 302


def test_absurd_close_date_is_refused(client, gestionnaire, elu_person):  # noqa: F811
    verify_session(client, gestionnaire)
    mandate = Mandate.objects.filter(person=elu_person).first()
    url = f"/gestion/personnes/{elu_person.pk}/mandats/{mandate.pk}/clore"
    response = client.post(url, {"end_date": "9999-12-31", "motif": "Démission"})
    assert response.status_code == 400 and "La fin du mandat doit être comprise" in response.content.decode()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2021-12-31", "far"])
def test_absurd_adjustment_dates_are_refused(client, gestionnaire, elu_person, day):  # noqa: F811
    verify_session(client, gestionnaire)
    if day == "far":
        day = (timezone.localdate() + timedelta(days=32)).isoformat()
    url = f"/gestion/personnes/{elu_person.pk}/ajustement"
    response = client.post(url, {"montant": "1,00", "motif": "Essai", "cle": uuid.uuid4(), "date_effet": day})
    assert response.status_code == 400
    assert "La date d’effet doit être comprise entre le 01/01/2022" in response.content.decode()
    assert not Entry.objects.filter(kind="adjustment").exists()


def test_adjustment_dated_in_the_next_31_days_passes(client, gestionnaire, elu_person):  # noqa: F811
    verify_session(client, gestionnaire)
    day = timezone.localdate() + timedelta(days=31)
    assert day > date(2022, 1, 1)
    url = f"/gestion/personnes/{elu_person.pk}/ajustement"
    response = client.post(
        url, {"montant": "-1,00", "motif": "Essai", "cle": uuid.uuid4(), "date_effet": day.isoformat()}
    )
    assert response.status_code == 302
