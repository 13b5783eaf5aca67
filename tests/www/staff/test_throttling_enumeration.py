"""Brute-force throttling (django-axes) and no account enumeration in the staff sign-in."""

import re

import pytest
from django.contrib.auth import SESSION_KEY

from dife.audit.models import Event
from tests.organisations.fixtures import PASSWORD


def _alert(response) -> str:
    match = re.search(
        r'<div class="fr-alert fr-alert--error[^"]*"[^>]*>(.*?)</div>', response.content.decode(), re.S
    )
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else ""


def test_wrong_password_unknown_address_and_elu_get_the_same_answer(client, of_admin, elu):
    wrong = client.post("/pro/connexion", {"email": of_admin.email, "password": "mauvais"})
    unknown = client.post("/pro/connexion", {"email": "personne@nulle-part.test", "password": "mauvais"})
    elu_right_password = client.post(
        "/pro/connexion", {"email": elu.username + "@x.test", "password": PASSWORD}
    )
    elu.username = "elu@exemple.test"
    elu.save()
    elu_own = client.post("/pro/connexion", {"email": "elu@exemple.test", "password": PASSWORD})
    answers = {_alert(r) for r in (wrong, unknown, elu_right_password, elu_own)}
    assert answers == {_alert(wrong)} and "Adresse e-mail ou mot de passe incorrect." in _alert(wrong)
    assert {r.status_code for r in (wrong, unknown, elu_right_password, elu_own)} == {200}
    assert SESSION_KEY not in client.session
    assert Event.objects.filter(action="staff.session.sign_in_failed").count() == 4
    # The failed attempt with an address is journalled with the address (never with a password).
    event = Event.objects.filter(action="staff.session.sign_in_failed").first()
    assert event.data == {"identifiant": of_admin.email} and event.ip_address == "127.0.0.1"


def test_a_password_typed_in_the_address_field_never_reaches_the_journal(client, db):
    client.post("/pro/connexion", {"email": "Secret-Passw0rd!", "password": "x"})
    # (the form refuses a non-address before any attempt, and nothing records the value)
    assert not Event.objects.filter(data__icontains="Secret").exists()


@pytest.mark.parametrize("same_account", [True, False])
def test_sign_in_is_blocked_after_five_failures(client, of_admin, same_account, settings):
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 5  # the address's own budget (50 per hour by default)
    for i in range(5):
        email = of_admin.email if same_account else f"inconnu{i}@exemple.test"
        client.post("/pro/connexion", {"email": email, "password": f"mauvais-{i}"})
    # Even the right password is refused now, with a message that says nothing about the account.
    response = client.post("/pro/connexion", {"email": of_admin.email, "password": PASSWORD})
    assert response.status_code == 429
    alert = _alert(response)
    assert "Trop de tentatives de connexion ont échoué" in alert and "15 minutes" in alert
    assert SESSION_KEY not in client.session
    assert Event.objects.filter(action="staff.session.locked").exists()


def test_lockout_message_is_the_same_for_an_unknown_address(client, db):
    for i in range(6):
        response = client.post("/pro/connexion", {"email": "fantome@exemple.test", "password": f"x{i}"})
    assert response.status_code == 429
    assert "Trop de tentatives de connexion ont échoué" in _alert(response)


def test_a_success_before_the_limit_resets_the_counter(client, of_admin):
    for i in range(4):
        client.post("/pro/connexion", {"email": of_admin.email, "password": f"mauvais-{i}"})
    assert client.post("/pro/connexion", {"email": of_admin.email, "password": PASSWORD}).status_code == 302
    client.post("/pro/deconnexion")
    for i in range(4):
        client.post("/pro/connexion", {"email": of_admin.email, "password": f"encore-{i}"})
    assert client.post("/pro/connexion", {"email": of_admin.email, "password": PASSWORD}).status_code == 302
