"""Sign-in with NIR and password: success, failure, throttling per account and per address, no
account enumeration (messages, statuses, timing), session rotation, sign-out, audit events."""

from __future__ import annotations

import re
import statistics
import time

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from dife.accounts.backends import NirBackend
from dife.accounts.models import User
from dife.audit.models import Event
from tests.accounts.fixtures import NIR_A, NIR_B, PASSWORD, make_elu, nir_with_key
from tests.www.elus.test_wizard import text

pytestmark = pytest.mark.django_db

INVALID = "Numéro de sécurité sociale ou mot de passe incorrect."
UNKNOWN_NIR = nir_with_key("2850675056789")


def main_content(response, nir: str) -> str:
    html = text(response).split("<main")[1].split("</main>")[0].replace(nir, "NIR")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def sign_in(client, nir, password, **extra):
    return client.post("/connexion", {"nir": nir, "password": password, **extra}, REMOTE_ADDR="203.0.113.7")


@pytest.fixture
def elu(db):
    return make_elu(NIR_A, "Lefèvre")


def test_sign_in_page_shows_franceconnect_first_then_identifiers(client):
    html = text(client.get("/connexion"))
    assert "Connexion avec vos identifiants" in html and "Mot de passe oublié" in html
    assert html.index("Connexion FranceConnect+") < html.index("Connexion avec vos identifiants")
    assert "Numéro de sécurité sociale" in html


def test_sign_in_with_nir_and_password(client, elu):
    client.get("/connexion")
    anonymous_key = client.session.session_key
    response = sign_in(client, "1 84 12 75 123 456 40", PASSWORD)
    assert response.status_code == 302 and response.url == "/droits"
    assert int(client.session["_auth_user_id"]) == elu.pk
    assert client.session.session_key != anonymous_key  # rotated
    event = Event.objects.get(action="accounts.session.signed_in")
    assert event.actor == elu and event.ip_address == "203.0.113.7" and event.data == {"method": "password"}


def test_next_is_followed_only_when_local(client, elu):
    assert sign_in(client, NIR_A, PASSWORD, next="/profil").url == "/profil"
    client.post("/deconnexion")
    assert sign_in(client, NIR_A, PASSWORD, next="https://evil.example/").url == "/droits"


def test_wrong_password_and_unknown_nir_look_the_same(client, elu):
    wrong = sign_in(client, NIR_A, "Mauvais-Motdepasse-1")
    unknown = sign_in(client, UNKNOWN_NIR, "Mauvais-Motdepasse-1")
    assert wrong.status_code == unknown.status_code == 400
    assert INVALID in text(wrong) and INVALID in text(unknown)
    # Apart from the NIR typed (shown again) and the CSRF token, the two pages are identical.
    assert main_content(wrong, NIR_A) == main_content(unknown, UNKNOWN_NIR)
    assert "_auth_user_id" not in client.session
    failures = Event.objects.filter(action="accounts.session.sign_in_failed").order_by("pk")
    assert [e.data for e in failures] == [{"method": "password", "reason": "invalid_credentials"}] * 2
    for event in Event.objects.all():
        assert NIR_A not in str(event.data) and UNKNOWN_NIR not in str(event.data)


def test_axes_never_stores_the_nir(client, elu):
    sign_in(client, NIR_A, "Mauvais-Motdepasse-1")
    attempt = AccessAttempt.objects.get()
    assert attempt.username.startswith("nir:") and NIR_A not in attempt.username
    assert NIR_A not in attempt.post_data and "Mauvais" not in attempt.post_data


def test_lockout_per_account_says_the_same_for_known_and_unknown_nir(client, elu):
    for nir in (NIR_A, UNKNOWN_NIR):
        for _ in range(5):
            client.post(
                "/connexion", {"nir": nir, "password": "Mauvais-1!"}, REMOTE_ADDR=f"198.51.100.{len(nir)}"
            )
    # Each from a fresh address: the account itself is locked, even with the right password.
    known = client.post("/connexion", {"nir": NIR_A, "password": PASSWORD}, REMOTE_ADDR="192.0.2.1")
    unknown = client.post("/connexion", {"nir": UNKNOWN_NIR, "password": PASSWORD}, REMOTE_ADDR="192.0.2.2")
    assert known.status_code == unknown.status_code == 429
    assert "Trop de tentatives de connexion" in text(known) and "Trop de tentatives de connexion" in text(
        unknown
    )
    assert "_auth_user_id" not in client.session


def test_lockout_per_address(client, db, settings):
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 5  # 50 per hour in production (test_signin_budget.py)
    users = [
        make_elu(nir_with_key(f"18412751234{i:02d}"), f"Nom{i}", email=f"e{i}@example.fr") for i in range(6)
    ]
    for i in range(5):
        client.post(
            "/connexion",
            {"nir": nir_with_key(f"18412751234{i:02d}"), "password": "x"},
            REMOTE_ADDR="203.0.113.9",
        )
    response = client.post(
        "/connexion", {"nir": nir_with_key("1841275123405"), "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 429
    # Another address still signs in.
    response = client.post(
        "/connexion", {"nir": nir_with_key("1841275123405"), "password": PASSWORD}, REMOTE_ADDR="203.0.113.10"
    )
    assert response.status_code == 302 and int(client.session["_auth_user_id"]) == users[5].pk


def test_a_success_clears_the_failures_of_the_account(client, elu):
    for _ in range(4):
        sign_in(client, NIR_A, "Mauvais-1!")
    assert sign_in(client, NIR_A, PASSWORD).status_code == 302
    client.post("/deconnexion")
    for _ in range(4):
        sign_in(client, NIR_A, "Mauvais-1!")
    assert sign_in(client, NIR_A, PASSWORD).status_code == 302


def test_inactive_accounts_and_staff_cannot_sign_in_here(client, elu):
    User.objects.filter(pk=elu.pk).update(is_active=False)
    assert sign_in(client, NIR_A, PASSWORD).status_code == 400
    staff = User.objects.create_user(
        username="gest@agence.test", password=PASSWORD, kind=User.Kind.GESTIONNAIRE
    )
    assert client.post("/connexion", {"nir": staff.username, "password": PASSWORD}).status_code == 400


def test_bad_input_keeps_what_was_typed(client):
    response = client.post("/connexion", {"nir": "1 84 12", "password": ""})
    html = text(response)
    assert 'value="1 84 12"' in html and "Saisissez votre mot de passe." in html


def test_sign_out(client, elu):
    sign_in(client, NIR_A, PASSWORD)
    assert client.get("/deconnexion").status_code == 405  # POST only (no sign-out by a mere link)
    response = client.post("/deconnexion")
    assert response.status_code == 302 and response.url == "/"
    assert "_auth_user_id" not in client.session
    assert Event.objects.filter(action="accounts.session.signed_out", actor=elu).exists()
    assert client.get("/droits").status_code == 302


def test_unknown_nir_costs_a_password_hash_like_a_known_one(settings, elu):
    """Equal timing: with the production hasher (Argon2), an unknown NIR and a wrong password both
    hash a password."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    elu.set_password(PASSWORD)
    elu.save()
    backend = NirBackend()
    request = RequestFactory().post("/connexion")

    cases = {"known": NIR_A, "unknown": UNKNOWN_NIR, "invalid": "123"}
    samples = {name: [] for name in cases}
    for _ in range(7):  # interleaved, so a burst of load on the shared machine hits every case alike
        for name, nir in cases.items():
            start = time.perf_counter()
            assert backend.authenticate(request, nir=nir, password="Mauvais-Motdepasse-1") is None
            samples[name].append(time.perf_counter() - start)
    known, unknown, invalid = (statistics.median(samples[name]) for name in cases)
    assert known > 0.005  # a real Argon2 hash
    # Without the dummy hash an unknown NIR answers ~50× faster; a factor 3 margin absorbs the noise.
    assert 1 / 3 < unknown / known < 3 and 1 / 3 < invalid / known < 3


def test_another_elu_nir_does_not_open_this_account(client, elu):
    make_elu(NIR_B, "Autre", email="autre@example.fr", password="Autre-Motdepasse-2026")
    assert sign_in(client, NIR_B, PASSWORD).status_code == 400
