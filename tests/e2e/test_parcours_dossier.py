"""The whole journey of a dossier in a real browser, following seed 002 (AMF 42, "S'inscrire à la
formation") from the élu's side and the OF's side, then the gestionnaire's validation.

search → formation page → "Créer mon dossier d'inscription" → "Envoyer mon inscription" → "J'ai lu et
j'accepte" → the OF proposes → "Confirmer l'inscription" / "Je confirme mon inscription" → the OF
declares entry, exit and service fait → the gestionnaire validates → "Formation terminée", 600 € left.

Screenshots: tests/e2e/screenshots/dossier-*.png (looked at by a person).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from dife.catalog import places, services
from dife.core.names import matching_key
from dife.enrollment.models import Dossier
from dife.mandates.models import Person
from dife.organisations.models import Membership
from dife.organisations.services import agency
from dife.rights import services as rights
from dife.rights.models import RightsAccount
from tests.accounts.fixtures import NIR_B, PASSWORD, make_elu
from tests.catalog.factories import make_communes, make_organisme
from tests.e2e.conftest import SCREENSHOTS
from tests.identity.factories import approved_verification
from tests.organisations.fixtures import PASSWORD as STAFF_PASSWORD
from tests.organisations.fixtures import device_of, make_staff, next_code
from tests.rights.conftest import add_mandate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
NBSP = "\u00a0"
BORN = date(1971, 5, 4)


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def seed():
    """Seed 002's training by the Fédération des maires de la Loire (fictive) in Boën-sur-Lignon, an
    élu with 800 € of DIFE rights, the OF's agent and a gestionnaire."""
    communes = make_communes()
    places.clear_cache()
    organisme = make_organisme(nom="Fédération des maires de la Loire (fictive)")
    formation = services.create_formation(
        organisme=organisme,
        reference="DOMAINE",
        intitule="La gestion du domaine public et privé de la commune",
        objectifs="Connaître les règles du domaine public et du domaine privé de la commune.",
        contenu="Le régime juridique du domaine. La gestion au quotidien. Études de cas.",
        points_forts="Tous les intervenants sont des intervenants qualifiés et choisis pour leur expertise.",
        contexte="mandat",
        theme="ORG",
    )
    services.publish_formation(formation=formation)
    action = services.create_action(
        formation=formation, reference="DOMAINE-BOEN", modalite="centre", duree_heures=Decimal("6"),
        prix_ttc=Decimal("200.00"), frais_additionnels=Decimal("18.00"),
        frais_additionnels_detail="Repas de midi", adresse="Salle des fêtes", commune=communes["boen"],
        acces_handicap=True,
    )  # fmt: skip
    services.create_session(action=action, debut=days(30), fin=days(30), garantie=True, places=15)
    services.publish_action(action=action)
    person = Person.objects.create(
        matching_key=matching_key("Martin", "Claire", BORN), nom="MARTIN", prenoms="Claire", sexe="F",
        date_naissance=BORN,
    )  # fmt: skip
    add_mandate(person, "municipal", date(2026, 3, 15), collectivite_code="42022", collectivite_label="Boën")
    rights.credit(person=person, on=timezone.localdate(), key="credit-claire", amount=Decimal("800"))
    elu = make_elu(NIR_B, "Martin", prenoms="Claire", date_naissance=BORN, email="claire@example.fr")
    of_agent = make_staff("agent@federation-loire.test", organisme.organisation, Membership.Role.AGENT)
    gestionnaire = make_staff("gestion@agence.test", agency(), Membership.Role.AGENT)
    return action, elu, of_agent, gestionnaire


def shot(page, name: str):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"dossier-{name}.png"), full_page=True)


def staff_page(browser, base_url: str, user):
    """A separate browser for a staff member, signed in with password and TOTP code."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/pro/connexion")
    page.get_by_label("Adresse e-mail professionnelle").fill(user.email)
    page.get_by_label("Mot de passe").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/pro/double-authentification")
    page.get_by_label("Code à 6 chiffres").fill(next_code(device_of(user)))
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url(lambda url: "double-authentification" not in url)
    return page


def test_parcours_du_dossier(live_server, page, browser):
    action, elu, of_agent, gestionnaire = seed()
    base = live_server.url

    # The élu signs in (NIR + password) and finds the training (seed 002: "Afficher la formation").
    page.goto(base + "/connexion")
    page.get_by_label("Numéro de sécurité sociale").fill(NIR_B)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/droits")
    page.goto(base + "/recherche")
    page.get_by_label("Formation, métier, compétence").fill("domaine public")
    page.get_by_label("Lieu (commune ou code postal)").fill("42130")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("link", name="La gestion du domaine public et privé de la commune").click()
    page.wait_for_url("**/formation/recherche/**")
    prix = page.locator(".dife-prix").inner_text()
    assert (
        "Vos droits élu" in prix and "Vos droits formation vous permettent de financer intégralement" in prix
    )
    shot(page, "01-formation")

    # "Créer mon dossier d'inscription": the identity must be verified first (step-up).
    page.get_by_role("link", name="Créer mon dossier d'inscription").first.click()
    page.wait_for_url("**/identite/verification-requise")
    shot(page, "02-identite-requise")
    approved_verification(elu, by=gestionnaire)  # the gestionnaire approved her manual verification
    page.go_back()
    page.get_by_role("link", name="Créer mon dossier d'inscription").first.click()
    page.wait_for_url("**/inscription?session=*")
    assert page.get_by_role("heading", name="Créer mon dossier d’inscription").is_visible()
    page.get_by_role("button", name="Envoyer mon inscription").click()  # nothing chosen yet
    assert page.locator(".fr-error-text").first.inner_text() == "Ce champ est obligatoire."
    page.get_by_label("Catégorie socioprofessionnelle").select_option(
        label="Cadre, profession intellectuelle supérieure"
    )
    page.get_by_label("Objectif de la formation").select_option(
        label="Je souhaite acquérir des savoirs de base et des compétences clés"
    )
    shot(page, "03-formulaire")
    page.get_by_role("button", name="Envoyer mon inscription").click()
    shot(page, "04-j-ai-lu-et-j-accepte")
    page.get_by_role("button", name="J’ai lu et j’accepte").click()
    page.wait_for_url("**/envoyee")
    sent = page.locator("main").inner_text()
    assert (
        "Vous avez bien envoyé votre demande d’inscription à Fédération des maires de la Loire (fictive)."
        in sent
    )
    assert "a 2 jours ouvrés pour répondre à votre demande d’inscription" in sent
    shot(page, "05-demande-envoyee")
    dossier = Dossier.objects.get()

    # The OF's "Dossiers à traiter": "Non traité", then the proposal.
    of_page = staff_page(browser, base, of_agent)
    of_page.goto(base + "/of/dossiers/")
    row = of_page.locator("tbody tr").first
    assert "Non traité" in row.text_content()  # the badge is shown in capitals by the DSFR
    assert "Proposer une inscription ou refuser la demande" in row.inner_text()
    shot(of_page, "06-of-dossiers-a-traiter")
    row.get_by_role("link", name=f"n°{dossier.numero}").click()
    of_page.get_by_role("button", name="Proposer l’inscription").click()
    assert "Proposition envoyée" in of_page.locator(".fr-alert--success").inner_text()
    shot(of_page, "07-of-proposition-envoyee")

    # The élu confirms ("Vos dossiers de formation" → "Confirmer l'inscription" → "Je confirme…").
    page.goto(base + "/dossiers")
    assert "Proposition de l'organisme — à confirmer" in page.locator("tbody").text_content()
    shot(page, "08-vos-dossiers-proposition")
    page.get_by_role("link", name="La gestion du domaine public et privé de la commune").click()
    page.get_by_role("link", name="Confirmer l’inscription").click()
    assert "Vous avez 4 jours ouvrés pour valider votre inscription" in page.locator("main").inner_text()
    shot(page, "09-confirmer-plan-de-financement")
    page.get_by_role("button", name="Je confirme mon inscription").click()
    assert page.locator(".fr-stepper__state").inner_text() == "Étape 3 sur 5"
    assert RightsAccount.objects.get(person__nom="MARTIN").reserved == Decimal("200.00")
    shot(page, "10-inscription-validee")

    # Time passes: the session took place yesterday (the OF moves its dates, as after a postponement).
    services.update_session(session=dossier.session, debut=days(-1), fin=days(-1))

    of_page.reload()
    of_page.get_by_role("button", name="Déclarer l’entrée").click()
    assert "Entrée en formation déclarée." in of_page.locator(".fr-alert--success").inner_text()
    of_page.get_by_label("Date de sortie de formation").fill(days(-1).isoformat())
    of_page.get_by_label("Heures suivies").fill("6")
    of_page.get_by_role("button", name="Déclarer la sortie").click()
    assert "Sortie de formation déclarée." in of_page.locator(".fr-alert--success").inner_text()
    of_page.get_by_role("button", name="Déclarer le service fait").click()
    assert "Service fait déclaré" in of_page.locator("main").inner_text()
    shot(of_page, "11-of-service-fait-declare")

    # The gestionnaire validates ("Service fait validé").
    gestion_page = staff_page(browser, base, gestionnaire)
    gestion_page.goto(base + "/gestion/service-fait/")
    assert f"200,00{NBSP}€" in gestion_page.locator("tbody").inner_text()
    shot(gestion_page, "12-gestion-services-faits")
    gestion_page.get_by_role("link", name=f"n°{dossier.numero}").click()
    gestion_page.get_by_role("button", name="Valider le service fait").click()
    assert (
        f"Service fait validé pour le dossier n°{dossier.numero}."
        in gestion_page.locator(".fr-alert--success").inner_text()
    )
    shot(gestion_page, "13-gestion-service-fait-valide")

    # The élu: "Formation terminée" and 600 € left of his 800 €.
    page.goto(base + f"/dossiers/{dossier.numero}")
    assert page.locator(".fr-stepper__title").inner_text().startswith("Formation terminée")
    assert "Droits DIFE consommés : 200,00" in page.locator("main").inner_text()
    shot(page, "14-formation-terminee")
    page.goto(base + "/droits")
    assert f"600,00{NBSP}€" in page.locator(".dife-compte-elu-droits").inner_text()
    shot(page, "15-vos-droits-apres")
    assert Dossier.objects.get().state == "service_validated"


def test_outil_que_se_passe_t_il_si_j_annule(live_server, page):
    from tests.enrollment.factories import make_places

    make_places()
    page.goto(live_server.url + "/outils/reglement")
    page.get_by_label("Ce qui se passe").select_option("annulation_titulaire")
    page.get_by_label("Prix de la formation (€)").fill("300,00")
    page.get_by_label("Droits DIFE engagés (€)").fill("300")
    page.get_by_label("Date de début de la session").fill("2026-06-15")
    page.get_by_label("Commune du lieu de la session (code INSEE)").fill("45234")
    page.get_by_label("Date de l’annulation").fill("2026-06-08")
    page.get_by_role("button", name="Calculer").click()
    result = page.locator(".fr-callout--blue-ecume")
    assert f"L’organisme reçoit 15,00{NBSP}€" in result.inner_text()
    assert f"Droits DIFE consommés : 300,00{NBSP}€" in result.inner_text()
    shot(page, "16-outil-que-se-passe-t-il-si-j-annule")
