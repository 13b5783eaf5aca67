"""The gestionnaire records an OF's agrément in a real browser: error first, then success."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dife.catalog.search import SearchParams, search
from tests.catalog.factories import make_action, make_formation, make_organisme
from tests.organisations.fixtures import PASSWORD, device_of, make_staff, next_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_gestionnaire_grants_an_agrement(live_server, page, screenshot):
    from dife.organisations.services import agency

    today = timezone.localdate()
    gestionnaire = make_staff("agrement@agence.test", agency(), "admin")
    profile = make_organisme(agrement=(), nom="Institut des élus du Morvan (fictif)")
    formation = make_formation(profile, intitule="Le conseil municipal en pratique")
    make_action(formation, modalite="distance", sessions=((30, 30),), publish=False)

    page.goto(live_server.url + "/pro/connexion")
    page.get_by_label("Adresse e-mail professionnelle").fill(gestionnaire.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/pro/double-authentification")
    page.get_by_label("Code à 6 chiffres").fill(next_code(device_of(gestionnaire)))
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url("**/gestion/")

    page.get_by_role("link", name="Organismes de formation et agréments").click()
    page.get_by_label("Nom ou SIRET de l’organisme").fill("morvan")
    page.get_by_role("button", name="Rechercher").click()
    assert "Sans agrément" in page.locator("table").text_content()
    screenshot("gestion-organismes-liste")
    page.get_by_role("link", name="Institut des élus du Morvan (fictif)").click()

    page.get_by_label("Début de l’agrément élus").fill(today.isoformat())
    page.get_by_label("Fin de l’agrément élus").fill((today - timedelta(days=1)).isoformat())
    page.get_by_label("Certifié Qualiopi").check()
    page.get_by_role("button", name="Enregistrer l’agrément").click()
    main = page.locator("main").inner_text()
    assert "La fin de l’agrément doit être postérieure ou égale à son début." in main
    assert "Le motif est obligatoire." in main  # every error at once
    screenshot("gestion-organisme-agrement-erreur")

    page.get_by_label("Fin de l’agrément élus").fill((today + timedelta(days=3 * 365)).isoformat())
    page.get_by_label("Motif").fill("Arrêté ministériel d’agrément reçu par courrier.")
    page.get_by_role("button", name="Enregistrer l’agrément").click()
    main = page.locator("main").inner_text()
    assert "Agrément enregistré." in main
    assert "Agréé" in page.locator("main").text_content()
    assert "Arrêté ministériel d’agrément reçu par courrier." in main
    screenshot("gestion-organisme-agrement")
    assert search(SearchParams(a_distance=True)).hits == []  # the action is still a draft of the OF
