"""The FranceConnect+ flow for real: Django's test client ↔ the local provider over HTTP."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from devtools.idp import identities
from dife.accounts.models import EluProfile, User
from dife.audit.models import Event
from dife.identity.models import FranceConnectAuthRequest, FranceConnectLink
from dife.identity.stepup import SESSION_KEY
from tests.identity.conftest import franceconnect_round_trip, path_of, start_franceconnect, text

pytestmark = pytest.mark.django_db


def test_start_stores_long_single_use_state_and_nonce_and_asks_eidas2(client, fake_franceconnect):
    url = start_franceconnect(client, next_url="/dossiers")
    assert url.startswith(fake_franceconnect.issuer + "/authorize?")
    params = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert params["acr_values"] == "eidas2"
    assert params["response_type"] == "code"
    assert params["redirect_uri"] == "http://testserver/franceconnect/callback"
    assert set(params["scope"].split()) == {
        "openid",
        "given_name",
        "family_name",
        "birthdate",
        "gender",
        "birthplace",
        "birthcountry",
        "email",
        "preferred_username",
    }
    assert len(params["state"]) >= 32 and len(params["nonce"]) >= 32
    stored = FranceConnectAuthRequest.objects.get(state=params["state"])
    assert stored.nonce == params["nonce"]
    assert stored.next_url == "/dossiers"
    assert stored.used_at is None
    assert 9 * 60 <= (stored.expires_at - stored.created_at).total_seconds() <= 10 * 60


def test_first_sign_in_asks_the_nir_then_creates_the_linked_account(client, fake_franceconnect):
    response = franceconnect_round_trip(client, fake_franceconnect, identity="noemie", next_url="/dossiers")
    assert response.status_code == 302
    assert response["Location"] == "/franceconnect/complement"
    assert not User.objects.filter(kind=User.Kind.ELU).exists()  # nothing created before the NIR

    page = client.get("/franceconnect/complement")
    assert page.status_code == 200
    assert "Numéro de sécurité sociale" in text(page)
    assert "ÉCHANTILLON" in text(page)

    noemie = identities.get("noemie")
    response = client.post("/franceconnect/complement", {"nir": noemie["nir"]})
    assert response.status_code == 302
    # The same page whether the NIR had an account or not (review F1): not signed in yet.
    assert response["Location"] == "/franceconnect/demande-enregistree"
    page = client.get(response["Location"])
    assert "Votre demande de création de compte est enregistrée" in text(page)
    assert "_auth_user_id" not in client.session
    user = User.objects.get(kind=User.Kind.ELU)
    assert not user.has_usable_password()
    profile = EluProfile.objects.get(user=user)
    assert (profile.nom_naissance, profile.prenoms) == ("ÉCHANTILLON", "Noémie Lucía")
    assert profile.date_naissance.isoformat() == "1990-02-14"
    assert (profile.sexe, profile.lieu_naissance) == ("F", "99134")
    link = FranceConnectLink.objects.get(user=user)
    assert link.sub == identities.sub_for("noemie", fake_franceconnect.client.client_id)
    assert link.last_acr == "eidas2"
    assert Event.objects.filter(action="identity.franceconnect.account_created", actor=user).exists()

    # She identifies again with FranceConnect+: the link on sub signs her in directly.
    response = franceconnect_round_trip(client, fake_franceconnect, identity="noemie", next_url="/dossiers")
    assert response.status_code == 302
    assert response["Location"] == "/dossiers"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.session[SESSION_KEY]["acr"] == "eidas2"
    assert client.session[SESSION_KEY]["user_id"] == user.pk
    client.logout()
    response = franceconnect_round_trip(client, fake_franceconnect, identity="noemie")
    assert response["Location"] == "/droits"
    assert User.objects.filter(kind=User.Kind.ELU).count() == 1
    assert Event.objects.filter(action="identity.franceconnect.signed_in", actor=user).count() == 2


def test_the_nir_typed_must_agree_with_the_claims(client, fake_franceconnect):
    franceconnect_round_trip(client, fake_franceconnect, identity="noemie")
    other = identities.get("angele")["nir"]  # valid, but born in Orléans in 1968
    response = client.post("/franceconnect/complement", {"nir": other})
    assert response.status_code == 200
    assert "ne correspond pas à l'identité transmise par FranceConnect+" in text(response)
    assert f'value="{other}"' in response.content.decode()  # what was typed is kept
    assert not User.objects.filter(kind=User.Kind.ELU).exists()

    response = client.post("/franceconnect/complement", {"nir": "2 90 02 99 134 077 99"})
    assert "la clé (les 2 derniers chiffres) ne correspond pas" in text(response)
    assert not User.objects.filter(kind=User.Kind.ELU).exists()


def _assert_refused(response, expected_text: str, status: int = 400):
    body = text(response)
    assert response.status_code == status, body[:800]
    assert expected_text in body
    assert "_auth_user_id" not in response.wsgi_request.session
    assert not User.objects.filter(kind=User.Kind.ELU).exists()
    assert not FranceConnectLink.objects.exists()


@pytest.mark.parametrize(
    ("fault", "code", "text"),
    [
        ("wrong_nonce", "nonce", "ne correspond pas à votre demande de connexion"),
        ("unknown_key", "signature", "La signature de la réponse de FranceConnect+ n'a pas pu être vérifiée"),
        (
            "bad_signature",
            "signature",
            "La signature de la réponse de FranceConnect+ n'a pas pu être vérifiée",
        ),
        ("eidas1", "acr", "niveau de garantie demandé (eIDAS substantiel)"),
        ("expired", "token", "émetteur, destinataire ou date d'expiration"),
        ("wrong_issuer", "token", "émetteur, destinataire ou date d'expiration"),
        ("wrong_audience", "token", "émetteur, destinataire ou date d'expiration"),
        ("token_error", "provider", "FranceConnect+ a signalé une erreur"),
        ("userinfo_other_sub", "userinfo", "Les informations d'identité transmises par FranceConnect+"),
        ("unsigned_userinfo", "userinfo", "Les informations d'identité transmises par FranceConnect+"),
    ],
)
def test_every_bad_answer_of_the_provider_ends_on_a_french_error_without_account(
    client, fake_franceconnect, fault, code, text
):
    response = franceconnect_round_trip(client, fake_franceconnect, identity="angele", fault=fault)
    _assert_refused(response, text)
    assert Event.objects.filter(action="identity.franceconnect.failed", data__reason=code).count() == 1


def test_access_denied_by_the_user(client, fake_franceconnect):
    response = franceconnect_round_trip(client, fake_franceconnect, action="deny")
    _assert_refused(response, "Vous avez annulé la connexion avec FranceConnect+", status=200)
    assert Event.objects.filter(action="identity.franceconnect.failed", data__reason="access_denied").exists()


def test_state_mismatch_is_refused(client, fake_franceconnect):
    response = franceconnect_round_trip(client, fake_franceconnect, fault="wrong_state")
    _assert_refused(response, "Cette demande de connexion n'a pas pu être vérifiée")
    assert Event.objects.filter(action="identity.franceconnect.failed", data__reason="state").exists()


def test_a_callback_started_in_another_browser_is_refused(client, django_user_model, fake_franceconnect):
    from django.test import Client

    authorization_url = start_franceconnect(client)
    callback = fake_franceconnect.authorize(authorization_url)
    response = Client().get(path_of(callback))  # the attacker's link, opened by someone else
    _assert_refused(response, "n'a pas été commencée depuis ce navigateur")


def test_state_is_single_use(client, fake_franceconnect):
    authorization_url = start_franceconnect(client)
    callback = path_of(fake_franceconnect.authorize(authorization_url, identity="noemie"))
    assert client.get(callback)["Location"] == "/franceconnect/complement"
    session = client.session
    session["franceconnect_states"] = [parse_qs(urlsplit(callback).query)["state"][0]]  # even if replayed
    session.save()
    _assert_refused(client.get(callback), "a déjà servi")


def test_expired_request_is_refused(client, fake_franceconnect):
    authorization_url = start_franceconnect(client)
    FranceConnectAuthRequest.objects.update(created_at=FranceConnectAuthRequest.objects.get().created_at)
    stored = FranceConnectAuthRequest.objects.get()
    FranceConnectAuthRequest.objects.filter(pk=stored.pk).update(
        created_at=stored.created_at.replace(year=2020), expires_at=stored.expires_at.replace(year=2020)
    )
    callback = fake_franceconnect.authorize(authorization_url)
    _assert_refused(client.get(path_of(callback)), "elle a expiré")


def test_provider_timeout_gives_a_clear_message(client, fake_franceconnect, settings):
    settings.FRANCECONNECT = {**settings.FRANCECONNECT, "TIMEOUT": 0.4}
    response = franceconnect_round_trip(client, fake_franceconnect, fault="slow_token")
    _assert_refused(response, "FranceConnect+ ne répond pas pour le moment (délai dépassé)")
    assert Event.objects.filter(action="identity.franceconnect.failed", data__reason="unavailable").exists()


def test_provider_unreachable_at_start(client, fake_franceconnect, settings):
    settings.FRANCECONNECT = {**settings.FRANCECONNECT, "ISSUER": "http://127.0.0.1:9/api/v2"}
    response = client.get("/franceconnect/connexion")
    assert response.status_code == 400
    assert "FranceConnect+ ne répond pas pour le moment" in text(response)


def test_disabled_franceconnect(client, settings):
    settings.FRANCECONNECT = {**settings.FRANCECONNECT, "ENABLED": False}
    response = client.get("/franceconnect/connexion")
    assert response.status_code == 400
    assert "n'est pas disponible pour le moment" in text(response)
