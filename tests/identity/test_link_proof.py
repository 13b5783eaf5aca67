"""Security review F5: a FranceConnect+ identity is linked to an existing password account only when
its owner proves it (the account's password on « Lier votre compte », or a step-up once signed in);
and F1 for the completion: a NIR that has an account gets the same page as a new one, the owner is told."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail

from devtools.idp import identities
from dife.accounts.models import EluProfile, User
from dife.audit.models import Event
from dife.identity.models import FranceConnectLink
from dife.notifications.models import Email
from dife.notifications.services import send_pending
from tests.identity.conftest import PASSWORD, franceconnect_round_trip, make_elu, text

pytestmark = pytest.mark.django_db


def main(response) -> str:
    body = response.content.decode().split("<main")[1].split("</main>")[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)


def test_a_matching_password_account_is_never_linked_without_proof(client, fake_franceconnect):
    # The wizard account of the same birth name and a NIR that agrees: a twin would match it too.
    user = make_elu("paul-antoine", nom_naissance="Specimen")
    response = franceconnect_round_trip(client, fake_franceconnect, identity="paul-antoine")
    assert response["Location"] == "/franceconnect/complement"
    assert not FranceConnectLink.objects.exists()
    assert "_auth_user_id" not in client.session
    page = text(client.get("/franceconnect/complement"))
    assert "Lier votre compte" in page
    assert EluProfile.objects.get(user=user).prenoms == ""  # nothing written on the account


def test_the_owner_links_with_the_accounts_password(client, fake_franceconnect):
    user = make_elu("paul-antoine", nom_naissance="Specimen")
    franceconnect_round_trip(client, fake_franceconnect, identity="paul-antoine", next_url="/profil")
    nir = identities.get("paul-antoine")["nir"]
    assert "Lier votre compte" in text(client.get("/franceconnect/lier"))
    wrong = client.post("/franceconnect/lier", {"nir": nir, "password": "Mauvais-1!"})
    assert wrong.status_code == 200 and "mot de passe incorrect" in text(wrong)
    assert not FranceConnectLink.objects.exists() and "_auth_user_id" not in client.session
    response = client.post("/franceconnect/lier", {"nir": nir, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/profil"
    assert FranceConnectLink.objects.get().user == user
    assert int(client.session["_auth_user_id"]) == user.pk
    profile = EluProfile.objects.get(user=user)
    assert profile.prenoms == "Paul-Antoine" and profile.date_naissance == date(1982, 9, 30)
    event = Event.objects.get(action="identity.franceconnect.linked")
    assert event.target_id == str(user.pk) and event.data["proof"] == "password"
    # Next time, FranceConnect+ alone signs in to the same account.
    client.post("/deconnexion")
    assert (
        franceconnect_round_trip(client, fake_franceconnect, identity="paul-antoine")["Location"] == "/droits"
    )
    assert int(client.session["_auth_user_id"]) == user.pk


def test_the_password_of_an_account_of_someone_else_does_not_link(client, fake_franceconnect):
    # Hélène's account (full identity known) and Angèle's FranceConnect+ identity.
    make_elu("helene", verified_identity=True)
    franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    response = client.post(
        "/franceconnect/lier", {"nir": identities.get("helene")["nir"], "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "ne correspond pas à ce compte" in text(response)
    assert not FranceConnectLink.objects.exists() and "_auth_user_id" not in client.session
    assert Event.objects.filter(
        action="identity.franceconnect.link_refused", data__reason="identity_mismatch"
    ).exists()


def test_known_first_names_and_birth_date_must_match(client, fake_franceconnect):
    user = make_elu("angele", verified_identity=True)
    EluProfile.objects.filter(user=user).update(date_naissance=date(1968, 4, 13))
    franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    nir = identities.get("angele")["nir"]
    response = client.post("/franceconnect/lier", {"nir": nir, "password": PASSWORD})
    assert "ne correspond pas à ce compte" in text(response) and not FranceConnectLink.objects.exists()
    EluProfile.objects.filter(user=user).update(date_naissance=date(1968, 4, 12), prenoms="Anne")
    response = client.post("/franceconnect/lier", {"nir": nir, "password": PASSWORD})
    assert "ne correspond pas à ce compte" in text(response) and not FranceConnectLink.objects.exists()


def test_an_account_already_linked_to_another_identity_is_refused(client, fake_franceconnect):
    user = make_elu("angele")
    FranceConnectLink.objects.create(user=user, sub="une-autre-identite", last_acr="eidas2")
    franceconnect_round_trip(client, fake_franceconnect, identity="angele")
    response = client.post(
        "/franceconnect/lier", {"nir": identities.get("angele")["nir"], "password": PASSWORD}
    )
    assert "déjà relié à une autre identité FranceConnect+" in text(response)
    assert FranceConnectLink.objects.get().sub == "une-autre-identite"


def test_completion_with_a_registered_nir_looks_like_a_creation_and_tells_the_owner(
    client, fake_franceconnect
):
    owner = make_elu("helene", email="helene.owner@example.fr")
    franceconnect_round_trip(client, fake_franceconnect, identity="helene")
    taken = client.post("/franceconnect/complement", {"nir": identities.get("helene")["nir"]})
    taken_page = client.get(taken["Location"])

    from django.test import Client

    other = Client()
    franceconnect_round_trip(other, fake_franceconnect, identity="noemie")
    new = other.post("/franceconnect/complement", {"nir": identities.get("noemie")["nir"]})
    new_page = other.get(new["Location"])

    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert taken_page.status_code == new_page.status_code == 200
    assert main(taken_page) == main(new_page)
    assert "Votre demande de création de compte est enregistrée" in text(taken_page)
    assert "_auth_user_id" not in client.session and "_auth_user_id" not in other.session
    # The owner's account is untouched and not linked; the new identity has its account, linked.
    assert User.objects.filter(kind=User.Kind.ELU).count() == 2
    assert not FranceConnectLink.objects.filter(user=owner).exists()
    assert FranceConnectLink.objects.filter(sub__isnull=False).count() == 1
    assert Email.objects.get(template="compte_existant").to == "helene.owner@example.fr"
    mail.outbox.clear()
    send_pending()
    (message,) = mail.outbox
    assert "Vous avez déjà un compte" in message.subject and "FranceConnect+" in message.body
    assert Event.objects.get(action="accounts.elu_account.duplicate_signup").data["source"] == "franceconnect"
    # The new account's owner signs in with FranceConnect+ again.
    assert franceconnect_round_trip(other, fake_franceconnect, identity="noemie")["Location"] == "/droits"


def test_the_completion_is_throttled_like_the_wizard(client, fake_franceconnect, settings):
    settings.SIGNUP_NIR_PER_SESSION = 2
    franceconnect_round_trip(client, fake_franceconnect, identity="noemie")
    other = identities.get("angele")["nir"]  # refused (disagrees), so the identity stays pending
    assert client.post("/franceconnect/complement", {"nir": other}).status_code == 200
    assert client.post("/franceconnect/complement", {"nir": other}).status_code == 200
    response = client.post("/franceconnect/complement", {"nir": identities.get("noemie")["nir"]})
    assert response.status_code == 429 and "Trop de demandes" in text(response)
    assert not User.objects.filter(kind=User.Kind.ELU).exists()
