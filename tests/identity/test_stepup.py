"""Step-up: buying needs eIDAS substantiel in the current session; the élu goes through FranceConnect+
and comes back where he was."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import RequestFactory

from dife.accounts.models import EluProfile
from dife.audit.models import Event
from dife.identity.models import FranceConnectAuthRequest, FranceConnectLink
from dife.identity.stepup import NEXT_KEY, has_substantial_identity, safe_next
from tests.identity.conftest import (
    make_elu,
    make_linked_elu,
    make_staff,
    path_of,
    sign_in_staff,
    start_franceconnect,
    text,
)
from tests.identity.factories import approved_verification, pending_verification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def urls(settings):
    settings.ROOT_URLCONF = "tests.identity.urls"


def test_password_session_goes_through_franceconnect_and_comes_back(client, fake_franceconnect):
    user = make_elu("angele")
    client.force_login(user)  # signed in with NIR + password

    response = client.get("/test/dossier/7?session=42")
    assert response.status_code == 302
    assert response["Location"] == "/identite/verification-requise"
    assert client.session[NEXT_KEY] == "/test/dossier/7?session=42"

    page = client.get("/identite/verification-requise")
    body = text(page)
    assert page.status_code == 200
    assert "L'inscription à une formation nécessite la vérification préalable de votre identité" in body
    assert 'aria-label="S\'identifier avec FranceConnect+"' in page.content.decode()
    assert "Qu'est-ce que FranceConnect+ ?" in body
    assert 'href="/identite/verification"' in page.content.decode()

    authorization_url = start_franceconnect(client)  # the button, with no next: the session's one is used
    assert FranceConnectAuthRequest.objects.get().purpose == "step_up"
    callback = fake_franceconnect.authorize(authorization_url, identity="angele")
    key_before = client.session.session_key
    response = client.get(path_of(callback))
    assert response.status_code == 302
    assert response["Location"] == "/test/dossier/7?session=42"
    assert client.session.session_key != key_before  # rotated on the privilege change
    assert NEXT_KEY not in client.session

    response = client.get("/test/dossier/7?session=42")
    assert response.status_code == 200
    assert response.content.decode() == "Dossier d'inscription 7 : GET"
    assert FranceConnectLink.objects.get().user == user  # linked on the way
    assert EluProfile.objects.get(user=user).date_naissance == date(1968, 4, 12)
    assert Event.objects.filter(action="identity.franceconnect.stepped_up", actor=user).exists()

    # The assurance belongs to this session: a new password sign-in needs it again.
    client.logout()
    client.force_login(user)
    assert client.get("/test/dossier/7")["Location"] == "/identite/verification-requise"


def test_a_post_comes_back_to_the_page_of_the_form(client, fake_franceconnect):
    client.force_login(make_elu("angele"))
    response = client.post(
        "/test/dossier/3", {}, HTTP_REFERER="http://testserver/formation/12?onglet=sessions"
    )
    assert response["Location"] == "/identite/verification-requise"
    assert client.session[NEXT_KEY] == "http://testserver/formation/12?onglet=sessions"
    client.post("/test/dossier/3", {}, HTTP_REFERER="https://ailleurs.example/piege")
    assert client.session[NEXT_KEY] == "/test/dossier/3"


def test_someone_elses_identity_does_not_verify_the_session(client, fake_franceconnect):
    user = make_elu("angele")
    client.force_login(user)
    client.get("/test/dossier/1")
    callback = fake_franceconnect.authorize(start_franceconnect(client), identity="helene")
    response = client.get(path_of(callback))
    assert response.status_code == 400
    assert "ne correspond pas à celle du compte avec lequel vous êtes connecté" in text(response)
    assert int(client.session["_auth_user_id"]) == user.pk  # still himself, nothing changed
    assert not FranceConnectLink.objects.exists()
    assert client.get("/test/dossier/1").status_code == 302


def test_franceconnect_identity_linked_to_another_account(client, fake_franceconnect):
    make_linked_elu("helene")
    other = make_elu("angele")
    client.force_login(other)
    callback = fake_franceconnect.authorize(start_franceconnect(client), identity="helene")
    response = client.get(path_of(callback))
    assert response.status_code == 400
    assert "déjà rattachée à un autre compte" in response.content.decode()


def test_approved_manual_verification_is_enough(client, gestionnaire):
    user = make_elu("angele")
    approved_verification(user, by=gestionnaire)
    client.force_login(user)
    assert client.get("/test/dossier/5").status_code == 200
    assert client.get("/identite/verification-requise")["Location"] == "/droits"


def test_pending_manual_verification_is_not_enough(client):
    user = make_elu("angele")
    pending_verification(user)
    client.force_login(user)
    assert client.get("/test/dossier/5")["Location"] == "/identite/verification-requise"
    body = text(client.get("/identite/verification-requise"))
    assert "en cours d'examen" in body
    assert "vous ne pouvez pas vous inscrire à une formation" in body


def test_anonymous_visitors_sign_in_first(client):
    response = client.get("/test/dossier/5")
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion?next=")


def test_staff_cannot_use_franceconnect(client, fake_franceconnect):
    sign_in_staff(client, make_staff("organisme", "of@exemple.test"))
    response = client.get("/franceconnect/connexion")
    assert response.status_code == 400
    assert "réservée aux élus" in response.content.decode()


def test_external_next_is_ignored(client, fake_franceconnect):
    start_franceconnect(client, next_url="https://ailleurs.example/piege")
    assert FranceConnectAuthRequest.objects.get().next_url == ""
    start_franceconnect(client, next_url="//ailleurs.example/piege")
    assert FranceConnectAuthRequest.objects.order_by("-pk").first().next_url == ""


def test_has_substantial_identity_without_user():
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    request.session = {}
    assert has_substantial_identity(request) is False
    assert safe_next(request, "/droits") == "/droits"
    assert safe_next(request, "javascript:alert(1)") == ""
