"""Staff sign-in in a real browser: password, then TOTP, for the demo gestionnaire and a first enrolment."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp

from devtools.demo import organisations as demo
from dife.organisations.models import Organisation
from tests.organisations.fixtures import PASSWORD, device_of, make_staff, next_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base_url, email, password):
    page.goto(base_url + "/pro/connexion")
    page.get_by_label("Adresse e-mail professionnelle").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def test_demo_gestionnaire_signs_in_with_totp(live_server, page, screenshot):
    demo.load()
    email = demo.GESTIONNAIRE[0]
    _sign_in(page, live_server.url, email, "pas-le-bon-mot-de-passe")
    assert "Adresse e-mail ou mot de passe incorrect." in page.locator(".fr-alert--error").inner_text()
    assert page.get_by_label("Adresse e-mail professionnelle").input_value() == email  # kept
    screenshot("pro-connexion-erreur")
    _sign_in(page, live_server.url, email, demo.PASSWORD)
    page.wait_for_url("**/pro/double-authentification")
    assert page.get_by_role("heading", level=1).inner_text() == "Double authentification"
    screenshot("pro-double-authentification")
    # What the person's authenticator app shows, computed from the demo device's key.
    from django.contrib.auth import get_user_model

    page.get_by_label("Code à 6 chiffres").fill(
        next_code(device_of(get_user_model().objects.get(username=email)))
    )
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url("**/gestion/")
    assert page.get_by_role("heading", level=1).inner_text() == "Espace gestionnaire"
    assert page.locator("#contenu").get_by_role("link", name="Vérifications d’identité").is_visible()
    assert page.locator("#contenu").get_by_role("link", name="Demandes de rattachement").is_visible()
    assert (
        page.locator("#contenu")
        .get_by_role("link", name="Inviter un organisme ou une collectivité")
        .is_visible()
    )
    assert "Institut de formation des élus du Loiret — fictif" in page.locator("main").inner_text()
    screenshot("gestion-tableau-de-bord")
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/pro/connexion")
    assert "Vous êtes déconnecté." in page.locator("main").inner_text()


def test_first_sign_in_enrols_an_authenticator_from_the_page(live_server, page, screenshot):
    org = Organisation.objects.create(
        kind="organisme", nom="Organisme fictif de Tours", siret="04500000700018"
    )
    make_staff("premiere@organisme.test", org, "admin", totp_device=False)
    _sign_in(page, live_server.url, "premiere@organisme.test", PASSWORD)
    page.wait_for_url("**/pro/double-authentification/activation")
    qr = page.locator("svg.dife-qr")
    assert qr.is_visible() and qr.bounding_box()["width"] >= 200
    screenshot("pro-activation-double-authentification")
    # Do what an authenticator app does with the key shown for manual entry.
    secret = re.sub(r"\s", "", page.locator("#cle-secrete").inner_text())
    code = f"{totp(b32decode(secret)):06d}"
    page.get_by_label("Code à 6 chiffres").fill(code)
    page.get_by_role("button", name="Activer et continuer").click()
    page.wait_for_url("**/of/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mon organisme"
    screenshot("of-mon-organisme")
