"""Journey "search by keyword + place → open a formation → see the price block" in a real browser.

Screenshots (tests/e2e/screenshots/formation-*.png) were looked at by a person.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from dife.catalog import services
from tests.accounts.fixtures import NIR_A, NIR_B, PASSWORD
from tests.catalog.factories import make_communes, make_organisme
from tests.formation.conftest import days, registered_elu

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
NBSP = "\u00a0"


def seed_catalog():
    from dife.catalog import places

    communes = make_communes()
    places.clear_cache()
    organisme = make_organisme(nom="Fédération des maires de la Loire (fictive)")
    formation = services.create_formation(
        organisme=organisme,
        reference="DOMAINE",
        intitule="La gestion du domaine public et privé de la commune",
        objectifs="Connaître les règles du domaine public et du domaine privé de la commune.",
        contenu="Le régime juridique du domaine. La gestion au quotidien. Études de cas.",
        points_forts="Tous les intervenants sont des intervenants qualifiés et choisis pour leur expertise "
        "et leur connaissance du monde territorial.",
        resultats_attendus="Savoir préparer une délibération sur le domaine communal.",
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
    services.create_session(action=action, debut=days(75), fin=days(75))
    services.publish_action(action=action)
    return action


def search_and_open(page, base_url: str) -> None:
    page.goto(base_url + "/recherche")
    page.get_by_label("Formation, métier, compétence").fill("domaine public")
    page.get_by_label("Lieu (commune ou code postal)").fill("42130")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche?*")
    assert "1 formation" in page.locator("#resultats").inner_text()
    page.get_by_role("link", name="La gestion du domaine public et privé de la commune").click()
    page.wait_for_url("**/formation/recherche/**")


def test_visitor_then_elu_with_100_euros(live_server, page, screenshot):
    action = seed_catalog()
    registered_elu(NIR_A, "Durand", "Paul", days(0).replace(year=1984, month=12, day=3),
                   credit=Decimal("400"), reserve=Decimal("300"))  # fmt: skip

    search_and_open(page, live_server.url)
    assert page.get_by_role("heading", name="Cette formation est indisponible").is_visible()
    screenshot("formation-visiteur-indisponible")

    page.get_by_role("link", name="Me connecter").click()
    page.wait_for_url("**/connexion?next=*")
    page.get_by_label("Numéro de sécurité sociale").fill(NIR_A)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url(f"**/formation/recherche/{action.numero}/{action.formation.numero}")

    block = page.locator(".dife-prix")
    assert block.get_by_role("heading", name="Prix de la formation").is_visible()
    rows = block.locator("tbody tr")
    assert rows.nth(0).inner_text().split("\t") == [
        "Prix de la formation (frais d'examen non inclus)",
        f"200,00{NBSP}€",
    ]
    assert rows.nth(1).inner_text().split("\t") == ["Vos droits élu", f"−{NBSP}100,00{NBSP}€"]
    assert rows.nth(2).inner_text().split("\t") == ["Reste à payer final", f"100,00{NBSP}€"]
    assert "Frais additionnels à régler au début de votre formation : 18,00" in block.inner_text()
    assert page.get_by_role("heading", name="Aides au financement").is_visible()
    assert page.get_by_text(
        f"2 sessions disponibles, du {days(30):%d/%m/%Y} au {days(75):%d/%m/%Y}"
    ).is_visible()
    assert page.get_by_role("link", name="Créer mon dossier d'inscription").count() == 2
    screenshot("formation-elu-100-euros")


def test_elu_with_800_euros_fully_funded(live_server, page, screenshot):
    seed_catalog()
    registered_elu(
        NIR_B, "Martin", "Claire", days(0).replace(year=1971, month=5, day=4), credit=Decimal("800")
    )
    page.goto(live_server.url + "/connexion")
    page.get_by_label("Numéro de sécurité sociale").fill(NIR_B)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/droits")

    search_and_open(page, live_server.url)
    block = page.locator(".dife-prix")
    assert f"−{NBSP}200,00{NBSP}€" in block.inner_text() and f"0,00{NBSP}€" in block.inner_text()
    assert page.get_by_text(
        "Vos droits formation vous permettent de financer intégralement cette formation."
    ).is_visible()
    assert page.get_by_text("Session garantie").is_visible()
    screenshot("formation-elu-800-euros", full_page=False)
    page.locator("#sessions").scroll_into_view_if_needed()
    screenshot("formation-elu-800-euros-complet")


def test_provider_imports_a_file_and_fixes_an_action(live_server, page, screenshot, tmp_path):
    """The provider's side of the same page: import with a report, then an ineligible action's reasons."""
    from django.test import Client

    from dife.organisations.models import Membership
    from tests.catalog_of.helpers import csv_bytes, row
    from tests.organisations.fixtures import make_staff, verify_session

    action = seed_catalog()
    organisme = action.formation.organisme
    user = make_staff("agent@federation-fictive.test", organisme.organisation, Membership.Role.AGENT)
    client = Client()
    verify_session(client, user)  # both factors done: the TOTP flow has its own browser test
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    siret = organisme.siret
    path = tmp_path / "catalogue.csv"
    path.write_bytes(csv_bytes([
        row(siret, code_insee="42022"),
        row(siret, reference_session="S2", date_debut=days(50).isoformat(), date_fin=days(50).isoformat(),
            code_insee="42022"),
        row(siret, reference_formation="CHER", reference_action="CHER-1", intitule="Une formation trop chère",
            prix_ttc="900", code_insee="42022"),
        row("12345678901234", reference_formation="X", reference_action="X-1"),
        row(siret, reference_formation="Y", reference_action="Y-1", code_insee="99999", prix_ttc="-4"),
    ]))  # fmt: skip
    page.goto(live_server.url + "/of/catalogue/")
    assert page.get_by_role("heading", name="Mon catalogue", level=1).is_visible()
    page.get_by_role("link", name="Importer un fichier (CSV ou LHÉO)").click()
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_selector("#rapport-import")
    summary = page.locator("#rapport-import .fr-alert").inner_text()
    assert "5 lignes lues : 3 importées, 0 mise à jour, 2 rejetées." in summary
    screenshot("of-import-rapport")

    page.goto(live_server.url + "/of/catalogue/")
    screenshot("of-catalogue")
    page.get_by_role("link", name="CHER-1").click()
    assert page.get_by_role(
        "heading", name="Cette action ne peut pas être publiée pour les élus"
    ).is_visible()
    assert "dépasse le plafond de 80,00" in page.locator(".fr-alert--warning").inner_text()
    screenshot("of-action-non-eligible")
