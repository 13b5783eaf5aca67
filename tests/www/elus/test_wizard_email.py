"""Step 3 of the wizard: the e-mail code through the pages (wrong code, 5 tries, 15 minutes)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dife.accounts.models import EmailChallenge
from tests.www.elus.test_wizard import BASE, CONTACT, IDENTITE, address, code_from, post, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_step_3(client, communes):
    post(client, "identite", IDENTITE)
    post(client, "contact", CONTACT)
    return address(communes["orleans"])


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_wrong_code_then_right_code(client, at_step_3, mailoutbox):
    post(client, "adresse", at_step_3, action="envoyer_code")
    code = code_from(mailoutbox)
    html = text(post(client, "adresse", {**at_step_3, "code": wrong(code)}, action="verifier_code"))
    assert "Code incorrect. Il vous reste 4 essais." in html
    assert 'value="de Bourgogne"' in html  # the address typed meanwhile is kept
    html = text(post(client, "adresse", {**at_step_3, "code": "12a"}, action="verifier_code"))
    assert "Le code comporte 6 chiffres." in html
    html = text(post(client, "adresse", {**at_step_3, "code": code}, action="verifier_code"))
    assert "Votre adresse email est confirmée." in html and "Adresse confirmée" in html
    assert post(client, "adresse", at_step_3).url == BASE + "diplome"


def test_five_tries_then_a_new_code(client, at_step_3, mailoutbox):
    post(client, "adresse", at_step_3, action="envoyer_code")
    code = code_from(mailoutbox)
    for _ in range(4):
        post(client, "adresse", {**at_step_3, "code": wrong(code)}, action="verifier_code")
    html = text(post(client, "adresse", {**at_step_3, "code": wrong(code)}, action="verifier_code"))
    assert "Trop d'essais avec ce code. Demandez un nouveau code." in html
    html = text(post(client, "adresse", {**at_step_3, "code": code}, action="verifier_code"))
    assert "Trop d'essais avec ce code" in html
    assert "Confirmez cette adresse" in text(post(client, "adresse", at_step_3))
    # A new code works.
    post(client, "adresse", at_step_3, action="envoyer_code")
    html = text(post(client, "adresse", {**at_step_3, "code": code_from(mailoutbox)}, action="verifier_code"))
    assert "Votre adresse email est confirmée." in html


def test_a_code_expires_after_fifteen_minutes(client, at_step_3, mailoutbox):
    post(client, "adresse", at_step_3, action="envoyer_code")
    EmailChallenge.objects.update(expires_at=EmailChallenge.objects.get().created_at - timedelta(seconds=1))
    html = text(post(client, "adresse", {**at_step_3, "code": code_from(mailoutbox)}, action="verifier_code"))
    assert "Ce code a expiré. Demandez un nouveau code." in html


def test_changing_the_address_after_confirmation_asks_a_new_code(client, at_step_3, mailoutbox):
    post(client, "adresse", at_step_3, action="envoyer_code")
    post(client, "adresse", {**at_step_3, "code": code_from(mailoutbox)}, action="verifier_code")
    changed = {**at_step_3, "email": "autre@example.fr"}
    html = text(post(client, "adresse", changed))
    assert "Confirmez cette adresse" in html and "Adresse confirmée" not in html
    html = text(post(client, "adresse", changed, action="verifier_code"))
    assert "Cliquez d'abord sur « Recevoir un code » pour cette adresse." in html


def test_code_for_an_invalid_address_is_not_sent(client, at_step_3, mailoutbox):
    html = text(post(client, "adresse", {**at_step_3, "email": "pas-une-adresse"}, action="envoyer_code"))
    assert "Adresse email invalide" in html and mailoutbox == []
