import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_page_in_a_real_browser(live_server, page, screenshot):
    page.goto(live_server.url + "/")
    assert page.title().startswith("Accueil")
    assert page.locator(".fr-header").get_by_text("République").first.is_visible()
    assert page.get_by_role("heading", level=1).inner_text() == "Utiliser mon DIFE pour suivre une formation"
    nav = page.locator("#navigation-principale")
    assert [a.inner_text() for a in nav.locator("a").all()] == ["Recherche", "Droits", "Dossiers"]
    assert page.get_by_role("link", name="Création de compte").first.is_visible()
    # The DSFR stylesheet is loaded: the header uses the design system's font.
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Marianne" in font
    assert screenshot("accueil").stat().st_size > 10_000


def test_date_limite_tool_in_a_real_browser(live_server, page, screenshot, communes):
    page.goto(live_server.url + "/outils/date-limite")
    page.get_by_label("Date de début de la session").fill("2026-04-20")
    page.get_by_label("Commune du lieu de la session (code INSEE)").fill("57463")
    page.get_by_role("button", name="Calculer la date limite").click()
    page.wait_for_url("**/outils/date-limite?*")
    heading = page.locator(".fr-callout__title").inner_text()
    assert heading == "Au plus tard le mercredi 1er avril 2026"
    assert "Vendredi saint" in page.locator(".fr-callout").inner_text()
    screenshot("outil-date-limite")
