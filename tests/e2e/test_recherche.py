"""Browser journey: search by keyword + place on /recherche (Playwright + Chromium)."""

import pytest

from tests.catalog.factories import listed, make_communes, make_organisme

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalog_communes(db):
    return make_communes()


def test_search_by_keyword_and_place(live_server, page, screenshot, catalog_communes):
    organisme = make_organisme(nom="Fédération fictive des maires de la Loire")
    listed(
        "La gestion du domaine public et privé de la commune",
        organisme,
        catalog_communes["boen"],
        prix="200.00",
        heures="6",
        formation={"theme": "DOMAINE"},
    )
    listed("Le budget communal", organisme, catalog_communes["leigneux"], prix="350.00")
    listed("Le budget communal", organisme, catalog_communes["lyon"], prix="400.00")  # too far
    listed("Prise de parole en public", organisme, None, modalite="distance", prix="150.00")

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Trouver une formation").click()
    page.wait_for_url("**/recherche")
    assert page.get_by_role("heading", level=1).inner_text() == "Recherche Formation"

    page.get_by_label("Formation, métier, compétence").fill("domaine public")
    page.get_by_label("Lieu (commune ou code postal)").fill("42130")
    page.get_by_label("Rayon").select_option("10")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche?*")
    assert "q=domaine+public" in page.url and "lieu=42130" in page.url  # bookmarkable
    assert page.locator("#resultats").inner_text().startswith("1 formation")
    card = page.locator(".fr-card").first
    assert "La gestion du domaine public et privé de la commune" in card.inner_text()
    assert "200,00" in card.inner_text() and "Boën-sur-Lignon" in card.inner_text()
    screenshot("recherche-mot-cle-et-lieu")

    # Same place, any keyword: the two trainings nearby, nearest first; Lyon and remote are not listed.
    page.get_by_label("Formation, métier, compétence").fill("")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche?*")
    titles = page.locator(".fr-card__title").all_inner_texts()
    assert titles == ["La gestion du domaine public et privé de la commune", "Le budget communal"]
    href = page.locator(".fr-card__title a").first.get_attribute("href")
    assert href.startswith("/formation/recherche/") and href.count("_") == 2
    screenshot("recherche-lieu")
