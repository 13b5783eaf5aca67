"""The accounts journey end to end, in a real browser: a person creates an account with the five steps
of the wizard, then signs in with FranceConnect+ (the local provider) choosing the identity matching
the account, proves the account with its password on « Lier votre compte », and sees their compte
élu. The FranceConnect+ identity is linked to the SAME account."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from devtools.idp import identities
from devtools.idp.testing import CLIENT_ID, fake_franceconnect, franceconnect_server  # noqa: F401
from dife.accounts.models import User
from dife.identity.models import FranceConnectLink

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANGELE = identities.get("angele")  # fictional: Angèle Marie FICTIVEL, maire in the demo registry
PASSWORD = "Tres-Bon-Motdepasse-42"


def next_step(page):
    page.get_by_role("button", name="Étape suivante").click()


@pytest.mark.usefixtures("communes", "fake_franceconnect")
def test_wizard_account_then_franceconnect_sign_in_shows_the_compte_elu(live_server, page, screenshot):
    from devtools.demo import identity as demo

    # The fictional élus of the local provider in the mandate registry (not ``demo.load()``: it also
    # creates a password account for another identity, and this test counts the élu accounts).
    demo._load_registry()
    base = live_server.url

    # Step 1 — Identité: the identity's NIR and birth name.
    page.goto(base + "/")
    page.locator(".fr-header__tools").get_by_role("link", name="Création de compte").click()
    page.wait_for_url("**/creation-de-compte/identite")
    page.get_by_label("Numéro de sécurité sociale").fill(ANGELE["nir"])
    page.get_by_label("Nom de naissance").fill(ANGELE["family_name"])
    screenshot("parcours-fc-01-identite")
    next_step(page)

    # Step 2 — Contact.
    page.wait_for_url("**/creation-de-compte/contact")
    page.get_by_label("Téléphone mobile").fill("06 12 34 56 78")
    screenshot("parcours-fc-02-contact")
    next_step(page)

    # Step 3 — Adresse: the code of the e-mail sent, then Orléans (45000) from the reference data.
    page.wait_for_url("**/creation-de-compte/adresse")
    page.get_by_label("Adresse email personnelle").fill(ANGELE["email"])
    page.get_by_role("button", name="Recevoir un code").click()
    assert mail.outbox[-1].to == [ANGELE["email"]]
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="Vérifier le code").click()
    assert page.locator(".fr-badge--success").text_content().strip() == "Adresse confirmée"
    page.get_by_label("Numéro de voie").fill("12")
    page.get_by_label("Type de voie").select_option(label="Rue")
    page.get_by_label("Nom de la voie").fill("de Bourgogne")
    page.get_by_label("Ville, code postal…").press_sequentially("orlea", delay=40)
    page.get_by_text("Orléans (45000)").click()
    screenshot("parcours-fc-03-adresse")
    next_step(page)

    # Step 4 — Diplôme.
    page.wait_for_url("**/creation-de-compte/diplome")
    page.locator("select[name=diplome]").select_option("6")
    page.locator("input[name=annee_obtention]").fill("1991")
    screenshot("parcours-fc-04-diplome")
    next_step(page)

    # Step 5 — Mot de passe, then the final page.
    page.wait_for_url("**/creation-de-compte/mot-de-passe")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password_confirm]").fill(PASSWORD)
    page.get_by_text("J'ai lu et j'accepte les conditions générales d'utilisation").click()
    screenshot("parcours-fc-05-mot-de-passe")
    page.get_by_role("button", name="Valider mon inscription").click()
    page.wait_for_url("**/creation-de-compte/terminee")
    # The same page whether the NIR already had an account or not (security review F1): not signed in.
    assert "Votre demande de création de compte est enregistrée" in page.locator("main").inner_text()
    screenshot("parcours-fc-06-inscription-terminee")
    account = User.objects.get(kind=User.Kind.ELU)
    assert account.email == ANGELE["email"]
    assert not account.franceconnect_links.exists()
    assert page.locator(".fr-header__tools").get_by_role("link", name="Connexion").is_visible()

    # Sign in with FranceConnect+, choosing the identity of the account on the local provider.
    page.locator(".fr-header__tools").get_by_role("link", name="Connexion").click()
    button = page.locator(".fr-connect--plus")
    assert button.get_attribute("aria-label") == "S'identifier avec FranceConnect+"
    screenshot("parcours-fc-08-connexion")
    button.click()
    page.wait_for_url(re.compile(r"http://127\.0\.0\.1:\d+/api/v2/.*"))
    page.get_by_label(re.compile(identities.label(ANGELE))).check()
    screenshot("parcours-fc-09-franceconnect-choix-identite")
    page.get_by_role("button", name="Continuer sur le service").click()

    # Never linked on what the identity looks like (security review F5): the completion page offers
    # « Lier votre compte », where the owner proves the account with its NIR and password.
    page.wait_for_url("**/franceconnect/complement")
    screenshot("parcours-fc-10-complement")
    page.get_by_role("link", name="Lier votre compte").click()
    page.wait_for_url("**/franceconnect/lier")
    page.get_by_label("Numéro de sécurité sociale").fill(ANGELE["nir"])
    page.get_by_label("Mot de passe").fill(PASSWORD)
    screenshot("parcours-fc-11-lier-votre-compte")
    page.get_by_role("button", name="Lier mon compte").click()

    # The compte élu, on the same account.
    page.wait_for_url(re.compile(r".*/droits$"))
    main = page.locator("main").inner_text()
    assert "Votre compte élu" in main and "Barville-en-Gâtinais" in main
    assert page.get_by_role("img", name="Cocarde tricolore").is_visible()
    screenshot("parcours-fc-12-droits-compte-elu")
    assert User.objects.filter(kind=User.Kind.ELU).count() == 1
    link = FranceConnectLink.objects.get()
    assert link.user_id == account.pk
    assert link.sub == identities.sub_for(ANGELE["key"], CLIENT_ID)
    profile = User.objects.get(pk=account.pk).elu_profile
    assert profile.prenoms == ANGELE["given_name"]  # verified by FranceConnect+, not asked by the wizard
    assert (profile.nom_voie, profile.commune.nom) == ("de Bourgogne", "Orléans")  # the wizard's address
