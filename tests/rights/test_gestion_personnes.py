"""Gestionnaire per-person page: identity, mandates, ledger, reservations, adjustment, mandate changes."""

import uuid
from datetime import date
from decimal import Decimal as D

import pytest
from django.db import DatabaseError, connection, transaction

from dife.audit.models import Event
from dife.mandates.models import Mandate, MandateChange
from dife.rights import services
from dife.rights.crediting import run_crediting
from dife.rights.models import Entry, RightsAccount
from tests.organisations.fixtures import verify_session
from tests.rights.conftest import add_mandate, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def elu_person(db):
    person = make_person(nom="Lefèvre", prenoms="Anne Marie", born=date(1968, 2, 3))
    add_mandate(
        person, "departemental", date(2021, 7, 1), collectivite_code="45", collectivite_label="Loiret"
    )
    add_mandate(person, "municipal", date(2026, 3, 15))
    run_crediting(as_of=date(2026, 11, 26))
    services.reserve(person=person, amount=D("250"), dossier="DOS-2026-0001", key="r1")
    return person


def test_of_user_and_anonymous_get_no_access(client, of_admin, elu_person):
    url = f"/gestion/personnes/{elu_person.pk}/"
    assert client.get(url).status_code == 302
    verify_session(client, of_admin)
    assert client.get(url).status_code == 404
    assert client.get("/gestion/personnes/?q=lefevre").status_code == 404
    assert (
        client.post(f"{url}ajustement", {"montant": "10", "motif": "x", "cle": uuid.uuid4()}).status_code
        == 404
    )
    assert not Entry.objects.filter(kind="adjustment").exists()


def test_search_by_name_first_name_and_birth_date(client, gestionnaire, elu_person):
    verify_session(client, gestionnaire)
    for query in ["lefevre", "LEFÈVRE anne", "Lefevre 03/02/1968", "lefèvre anne 1968-02-03"]:
        html = client.get("/gestion/personnes/", {"q": query}).content.decode()
        assert f'href="/gestion/personnes/{elu_person.pk}/"' in html, query
    html = client.get("/gestion/personnes/", {"q": "lefevre 04/02/1968"}).content.decode()
    assert "Aucune personne ne correspond" in html


def test_person_page_shows_identity_mandates_rights_reservations_and_ledger(client, gestionnaire, elu_person):
    verify_session(client, gestionnaire)
    response = client.get(f"/gestion/personnes/{elu_person.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "LEFÈVRE Anne Marie" in html and "03/02/1968" in html
    assert "Conseiller départemental" in html and "Loiret (45)" in html
    assert "Disponible : <strong>550,00\u00a0€</strong>" in html
    assert "Plafond en vigueur : 800,00\u00a0€" in html
    assert "le 05/07/2027, 0,00\u00a0€" in html  # the departmental mandate (older) sets the date
    assert "DOS-2026-0001" in html and "250,00\u00a0€" in html
    assert "Alimentation annuelle 2022 (plafond de 700,00\u00a0€ en vigueur le 05/07/2022)" in html
    assert '<svg class="dife-chart"' in html
    assert client.get("/gestion/personnes/999999/").status_code == 404


def test_adjustment_needs_a_reason_is_audited_and_a_double_submit_moves_nothing_twice(
    client, gestionnaire, elu_person
):
    verify_session(client, gestionnaire)
    url = f"/gestion/personnes/{elu_person.pk}/ajustement"
    key = uuid.uuid4()
    response = client.post(url, {"montant": "-100,50", "motif": "", "cle": key})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Le motif est obligatoire." in html and 'value="-100,50"' in html
    response = client.post(url, {"montant": "100", "motif": "Trop", "cle": key})
    assert response.status_code == 400
    assert "au-delà du plafond de 800,00" in response.content.decode()
    for _ in range(2):
        response = client.post(url, {"montant": "-100,50", "motif": "Double alimentation 2021", "cle": key})
        assert response.status_code == 302 and response["Location"] == f"/gestion/personnes/{elu_person.pk}/"
    account = RightsAccount.objects.get(person=elu_person)
    assert account.balance == D("699.50")
    entry = Entry.objects.get(kind="adjustment")
    assert entry.actor == gestionnaire and entry.reason == "Double alimentation 2021"
    assert Event.objects.filter(action="rights.account.adjusted", actor=gestionnaire).count() == 1
    html = client.get(f"/gestion/personnes/{elu_person.pk}/").content.decode()
    assert "Ajustement de \u2212100,50\u00a0€ enregistré" in html


def test_add_correct_and_close_a_mandate_with_history(client, gestionnaire, elu_person):
    verify_session(client, gestionnaire)
    base = f"/gestion/personnes/{elu_person.pk}/mandats"
    data = {
        "kind": "municipal", "collectivite_code": "45302", "collectivite_label": "Saran", "fonction": "ADJ",
        "start_date": "2025-10-05", "end_date": "", "motif": "Élection partielle, tableau du conseil reçu",
    }  # fmt: skip
    response = client.post(f"{base}/ajouter", {**data, "motif": ""})
    assert response.status_code == 400 and "Le motif est obligatoire." in response.content.decode()
    assert client.post(f"{base}/ajouter", data).status_code == 302
    mandate = Mandate.objects.get(collectivite_code="45302")
    assert mandate.source == "manual" and mandate.fonction == "ADJ"

    correct_url = f"{base}/{mandate.pk}/corriger"
    assert 'value="Saran"' in client.get(correct_url).content.decode()
    response = client.post(
        correct_url, {**data, "start_date": "2025-10-12", "motif": "Date du procès-verbal"}
    )
    assert response.status_code == 302
    response = client.post(
        f"{base}/{mandate.pk}/clore", {"end_date": "2025-10-01", "motif": "Démission"}
    )  # before the start: refused, input kept
    assert response.status_code == 400 and "précède son début" in response.content.decode()
    assert (
        client.post(
            f"{base}/{mandate.pk}/clore", {"end_date": "2026-06-30", "motif": "Démission"}
        ).status_code
        == 302
    )
    mandate.refresh_from_db()
    assert (mandate.start_date, mandate.end_date) == (date(2025, 10, 12), date(2026, 6, 30))
    changes = list(MandateChange.objects.filter(mandate=mandate).order_by("id"))
    assert [c.action for c in changes] == ["added", "corrected", "closed"]
    assert changes[1].before["start_date"] == "2025-10-05" and changes[1].after["start_date"] == "2025-10-12"
    assert all(c.actor == gestionnaire and c.audit_event_id for c in changes)
    html = client.get(f"/gestion/personnes/{elu_person.pk}/").content.decode()
    assert "Mandat clos le" in html and "motif : Démission" in html
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE mandates_mandatechange SET reason = 'x' WHERE id = %s", [changes[0].pk])


def test_mandate_of_another_person_answers_404(client, gestionnaire, elu_person):
    verify_session(client, gestionnaire)
    other = make_person()
    mandate = add_mandate(other, "municipal", date(2026, 3, 15))
    assert client.get(f"/gestion/personnes/{elu_person.pk}/mandats/{mandate.pk}/corriger").status_code == 404
