"""The élu's journey in a real browser: the five steps of the account creation (with a step back and
a bad input), the final page, sign-in with NIR and password, sign-out and in again, then
FranceConnect+ on the local provider and « Lier votre compte » (the account's password), which links
the account and makes it a compte élu."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail

from devtools.idp import identities
from devtools.idp.testing import fake_franceconnect, franceconnect_server  # noqa: F401
from dife.accounts.models import User
from tests.accounts.fixtures import communes, make_person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANGELE = identities.get("angele")  # fictional: Angèle Marie FICTIVEL, 12 April 1968, NIR given
PASSWORD = "Tres-Bon-Motdepasse-42"


def next_step(page):
    page.get_by_role("button", name="Étape suivante").click()


def test_create_an_account_in_five_steps_then_sign_in(live_server, page, screenshot):
    communes()
    base = live_server.url
    page.goto(base + "/")
    page.locator(".fr-header__tools").get_by_role("link", name="Création de compte").click()
    page.wait_for_url("**/creation-de-compte/identite")
    assert page.locator(".fr-stepper__state").inner_text() == "Étape 1 sur 5"
    # Step 1 — Identité, first with a wrong key.
    page.get_by_label("Numéro de sécurité sociale").fill("2 68 04 45 234 123 12")
    page.get_by_label("Nom de naissance").fill("Fictivel")
    next_step(page)
    assert "la clé (les 2 derniers chiffres) ne correspond pas" in page.locator("main").inner_text()
    assert page.get_by_label("Nom de naissance").input_value() == "Fictivel"
    screenshot("creation-compte-1-identite-erreur")
    page.get_by_label("Numéro de sécurité sociale").fill("2 68 04 45 234 123 11")
    screenshot("creation-compte-1-identite")
    next_step(page)

    # Step 2 — Contact.
    page.wait_for_url("**/creation-de-compte/contact")
    assert page.locator(".fr-stepper__state").inner_text() == "Étape 2 sur 5"
    page.get_by_label("Téléphone mobile").fill("06 12 34 56 78")
    screenshot("creation-compte-2-contact")
    next_step(page)

    # Step 3 — Adresse: e-mail code, then the commune found as one types (JavaScript).
    page.wait_for_url("**/creation-de-compte/adresse")
    page.get_by_label("Adresse email personnelle").fill("angele.fictivel@example.fr")
    page.get_by_role("button", name="Recevoir un code").click()
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    page.get_by_label("Code de confirmation", exact=False).and_(page.locator("[name=code]")).fill(code)
    page.get_by_role("button", name="Vérifier le code").click()
    assert page.locator(".fr-badge--success").text_content().strip() == "Adresse confirmée"
    page.get_by_label("Numéro de voie").fill("12")
    page.get_by_label("Type de voie").select_option(label="Rue")
    page.get_by_label("Nom de la voie").fill("de Bourgogne")
    page.get_by_label("Ville, code postal…").press_sequentially("orlea", delay=40)
    page.get_by_text("Orléans (45000)").wait_for()
    page.get_by_text("Orléans (45000)").click()
    screenshot("creation-compte-3-adresse")
    # "Étape précédente" keeps what was typed, both ways.
    page.get_by_role("button", name="Étape précédente").click()
    page.wait_for_url("**/creation-de-compte/contact")
    assert page.get_by_label("Téléphone mobile").input_value() == "06 12 34 56 78"
    next_step(page)
    page.wait_for_url("**/creation-de-compte/adresse")
    assert page.get_by_label("Nom de la voie").input_value() == "de Bourgogne"
    assert page.get_by_label("Orléans (45000)").is_checked()
    next_step(page)

    # Step 4 — Diplôme.
    page.wait_for_url("**/creation-de-compte/diplome")
    page.locator("select[name=diplome]").select_option("6")
    page.locator("input[name=annee_obtention]").fill("1991")
    screenshot("creation-compte-4-diplome")
    next_step(page)

    # Step 5 — Mot de passe.
    page.wait_for_url("**/creation-de-compte/mot-de-passe")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password_confirm]").fill(PASSWORD)
    page.get_by_text("J'ai lu et j'accepte les conditions générales d'utilisation").click()
    screenshot("creation-compte-5-mot-de-passe")
    page.get_by_role("button", name="Valider mon inscription").click()
    page.wait_for_url("**/creation-de-compte/terminee")
    # The same page whether the NIR already had an account or not (security review F1): not signed in.
    assert "Votre demande de création de compte est enregistrée" in page.locator("main").inner_text()
    screenshot("creation-compte-terminee")
    assert User.objects.get(kind=User.Kind.ELU).email == "angele.fictivel@example.fr"

    page.locator("main").get_by_role("link", name="Se connecter").click()
    page.wait_for_url("**/connexion")
    page.locator("input[name=nir]").fill(ANGELE["nir"])
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/droits")
    assert "n’est pas rattaché" in page.locator("main").inner_text()
    screenshot("droits-compte-non-rattache")

    # Sign out, sign in again with the NIR and the password.
    page.locator(".fr-header__tools").get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(base + "/")
    page.locator(".fr-header__tools").get_by_role("link", name="Connexion").click()
    page.locator("input[name=nir]").fill(ANGELE["nir"])
    page.locator("input[name=password]").fill(PASSWORD)
    screenshot("connexion")
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/droits")
    assert "Angèle" not in page.locator(".fr-header__tools").inner_text()  # first names not known yet
    assert "Fictivel" in page.locator(".fr-header__tools").inner_text()


@pytest.mark.usefixtures("fake_franceconnect")
def test_franceconnect_sign_in_turns_the_account_into_a_compte_elu(live_server, page, screenshot):
    """The account created with the wizard (birth name + NIR) is linked after the first FranceConnect+
    sign-in once its password is given; the verified first names and birth date make it match the
    register."""
    from dife.accounts.services import create_elu_account

    communes()
    make_person(
        "FICTIVEL",
        ANGELE["given_name"],
        date.fromisoformat(ANGELE["birthdate"]),
        collectivite="Barville-en-Gâtinais",
    )
    create_elu_account(
        nir=ANGELE["nir"],
        nom_naissance="Fictivel",
        email=ANGELE["email"],
        email_confirmed=True,
        telephone_mobile="0612345678",
        password=PASSWORD,
    )
    page.goto(live_server.url + "/connexion")
    button = page.locator(".fr-connect--plus")  # the FranceConnect+ button (a link or a button)
    assert button.is_visible() and button.get_attribute("aria-label") == "S'identifier avec FranceConnect+"
    screenshot("connexion-franceconnect")
    button.click()
    page.wait_for_url(re.compile(r"http://127\.0\.0\.1:\d+/api/v2/.*"))
    screenshot("franceconnect-local-choix-identite")
    page.get_by_label(re.compile("Angèle Marie FICTIVEL")).check()
    page.get_by_role("button", name="Continuer sur le service").click()
    # Never linked on its own (security review F5): the owner proves the account with its password.
    page.wait_for_url("**/franceconnect/complement")
    page.get_by_role("link", name="Lier votre compte").click()
    page.wait_for_url("**/franceconnect/lier")
    page.get_by_label("Numéro de sécurité sociale").fill(ANGELE["nir"])
    page.get_by_label("Mot de passe").fill(PASSWORD)
    screenshot("franceconnect-lier-votre-compte")
    page.get_by_role("button", name="Lier mon compte").click()
    page.wait_for_url(re.compile(r".*/droits$"))
    main = page.locator("main").inner_text()
    assert "Votre compte élu" in main and "Barville-en-Gâtinais" in main
    assert page.get_by_role("img", name="Cocarde tricolore").is_visible()
    screenshot("droits-compte-elu")


def _browser_session(page, live_server, user, *, staff: bool = False) -> None:
    """Open the browser's session for a user (the sign-ins have their own browser tests)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    if staff:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
        session.save()
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_rattachement_request_decided_by_a_gestionnaire(live_server, page, screenshot, tmp_path, settings):
    from tests.accounts.fixtures import NIR_B, make_elu, make_staff

    settings.MEDIA_ROOT = str(tmp_path / "media")
    communes()
    person = make_person("MAQUETTE", "Élise Jeanne", date(1971, 5, 8), collectivite="Chécy")
    elu = make_elu(NIR_B, "Maquette", email="elise@example.fr")
    gestionnaire = make_staff(User.Kind.GESTIONNAIRE, "gestionnaire@agence.test")
    identity = tmp_path / "cni.pdf"
    identity.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    proof = tmp_path / "tableau.png"
    proof.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40)

    _browser_session(page, live_server, elu)
    page.goto(live_server.url + "/profil")
    assert "2 71 05 •• ••• ••• 79" in page.locator("main").inner_text()
    screenshot("profil")
    page.goto(live_server.url + "/droits")
    page.get_by_role("link", name="Demander le rattachement de mon compte élu").click()
    page.locator("input[name=prenoms]").fill("Élise Jeanne")
    page.locator("input[name=date_naissance]").fill("1971-05-08")
    page.locator("input[name=lieu_naissance]").fill("Orléans (Loiret)")
    page.locator("input[name=collectivite]").fill("Commune de Chécy (Loiret)")
    page.locator("input[name=piece_identite]").set_input_files(str(identity))
    page.locator("input[name=justificatif_mandat]").set_input_files(str(proof))
    screenshot("rattachement-demande")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url("**/droits/rattachement/*")
    assert "Demande de rattachement en cours d’examen" in page.locator("main").inner_text()
    screenshot("rattachement-suivi")

    _browser_session(page, live_server, gestionnaire, staff=True)
    page.goto(live_server.url + "/gestion/rattachements/")
    screenshot("gestion-rattachements")
    page.get_by_role("link", name="Examiner").click()
    page.get_by_text(re.compile(r"MAQUETTE Élise Jeanne, né\(e\) le 08/05/1971")).click()
    screenshot("gestion-rattachement-detail")
    page.get_by_role("button", name="Rattacher le compte à cette personne").click()
    page.wait_for_url("**/gestion/rattachements/")
    assert "Le compte est rattaché" in page.locator("main").inner_text()

    _browser_session(page, live_server, elu)
    page.goto(live_server.url + "/droits")
    assert "Votre compte élu" in page.locator("main").inner_text() and person.mandates.count() == 1
    assert page.get_by_role("img", name="Cocarde tricolore").is_visible()
