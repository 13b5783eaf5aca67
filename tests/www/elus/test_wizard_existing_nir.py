"""Security review F1: the wizard never says that a NIR has an account. Step 1 accepts it; at the end
no account is created, the existing account's address gets « Vous avez déjà un compte », and the
person sees the same page as after a creation. The wizard is throttled per session and address."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from dife.accounts.models import EluProfile, User
from dife.audit.models import Event
from dife.notifications.models import Email
from tests.accounts.fixtures import NIR_A, NIR_B, PASSWORD, make_elu
from tests.www.elus.test_wizard import BASE, CONTACT, EMAIL, IDENTITE, address, confirm_email, post, text

pytestmark = pytest.mark.django_db

FINAL = {"password": PASSWORD, "password_confirm": PASSWORD, "cgu": "on"}


def whole_wizard(client, mailoutbox, communes, nir: str):
    """Every step with ``nir``; returns (answer of step 1, answer of the last step, final page)."""
    first = post(client, "identite", {**IDENTITE, "nir": nir})
    post(client, "contact", CONTACT)
    data = address(communes["orleans"])
    confirm_email(client, mailoutbox, data)
    post(client, "adresse", data)
    post(client, "diplome", {"diplome": "not_provided"})
    last = post(client, "mot-de-passe", FINAL)
    return first, last, client.get(last.url)


def main(response) -> str:
    html = text(response).split("<main")[1].split("</main>")[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_registered_nir_is_accepted_at_step_1(client, communes):
    make_elu(NIR_A, "Martin", email="autre@example.fr")
    response = post(client, "identite", IDENTITE)
    assert response.status_code == 302 and response.url == BASE + "contact"


def test_existing_and_new_nir_end_on_the_same_page_and_the_owner_is_told(client, communes, mailoutbox):
    owner = make_elu(NIR_A, "Martin", email="autre@example.fr")
    first, last, page = whole_wizard(client, mailoutbox, communes, NIR_A)
    from django.test import Client

    other = type(client)()
    assert isinstance(other, Client)
    new_first, new_last, new_page = whole_wizard(other, mailoutbox, communes, NIR_B)

    assert (first.status_code, first.url) == (new_first.status_code, new_first.url)
    assert (last.status_code, last.url) == (new_last.status_code, new_last.url)
    assert page.status_code == new_page.status_code == 200
    assert main(page) == main(new_page)
    assert "Votre demande de création de compte est enregistrée" in main(page)
    # Neither session is signed in; no second account for the registered NIR, one for the new one.
    assert "_auth_user_id" not in client.session and "_auth_user_id" not in other.session
    assert EluProfile.objects.count() == 2
    assert User.objects.get(elu_profile__nir_hash=owner.elu_profile.nir_hash) == owner
    # The owner's address (not the one typed in the wizard) is told, through the outbox.
    queued = Email.objects.get(template="compte_existant")
    assert queued.to == "autre@example.fr" and queued.status == Email.Status.SENT  # sent after the commit
    (message,) = [m for m in mail.outbox if m.to == ["autre@example.fr"]]
    assert "Vous avez déjà un compte" in message.subject
    assert "/connexion" in message.body and "/mot-de-passe-oublie" in message.body
    assert NIR_A not in message.body and "Martin" not in message.subject
    # The typed address only got its confirmation codes.
    typed = {m.subject for m in mail.outbox if m.to == [EMAIL]}
    assert typed == {"Votre code de confirmation d'adresse email"}
    event = Event.objects.get(action="accounts.elu_account.duplicate_signup")
    assert event.target_id == str(owner.pk) and NIR_A not in str(event.data)


def test_repeated_duplicates_are_journalled_and_mail_the_owner_once_an_hour(client, communes, mailoutbox):
    owner = make_elu(NIR_A, "Martin", email="autre@example.fr")
    for _ in range(2):
        whole_wizard(type(client)(), mailoutbox, communes, NIR_A)
    events = Event.objects.filter(action="accounts.elu_account.duplicate_signup", target_id=str(owner.pk))
    assert events.count() == 2
    assert events.order_by("pk").last().data["repeated"] == 2
    assert Email.objects.filter(template="compte_existant").count() == 1


def test_the_wizard_is_throttled_per_session(client, communes, settings):
    limit = settings.SIGNUP_NIR_PER_SESSION
    for i in range(limit):
        assert post(client, "identite", IDENTITE).status_code == 302, i
    response = post(client, "identite", IDENTITE)
    assert response.status_code == 429
    assert "Trop de demandes" in text(response)


def test_the_wizard_is_throttled_per_address(communes, settings, client):
    limit = settings.SIGNUP_NIR_PER_ADDRESS
    statuses = [
        type(client)().post(BASE + "identite", {**IDENTITE, "action": "suivant"}, REMOTE_ADDR="198.51.100.8")
        for _ in range(limit + 1)
    ]
    assert {r.status_code for r in statuses[:limit]} == {302} and statuses[-1].status_code == 429
    # Another address is not affected.
    other = type(client)().post(
        BASE + "identite", {**IDENTITE, "action": "suivant"}, REMOTE_ADDR="198.51.100.9"
    )
    assert other.status_code == 302


def test_a_registered_nir_costs_a_password_hash_like_a_creation(settings, communes):
    """Equal timing with the production hasher: the duplicate path hashes the password too."""
    import statistics
    import time

    from dife.accounts.services.signup import register_elu
    from tests.accounts.fixtures import nir_with_key

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    make_elu(NIR_A, "Martin", email="autre@example.fr")
    samples = {"existing": [], "new": []}
    for i in range(5):  # interleaved, so load on the shared machine hits both alike
        for name, nir in (("existing", NIR_A), ("new", nir_with_key(f"1841275123{i + 500:03d}"))):
            start = time.perf_counter()
            register_elu(
                nir=nir, nom_naissance="Durand", password=PASSWORD, email="x@example.fr", source="test"
            )
            samples[name].append(time.perf_counter() - start)
    existing, new = (statistics.median(samples[name]) for name in ("existing", "new"))
    assert new > 0.005  # a real Argon2 hash
    assert 1 / 3 < existing / new < 3
    assert EluProfile.objects.count() == 6
