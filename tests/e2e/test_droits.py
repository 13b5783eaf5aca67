""" "Vos droits formation" and "Simuler mes droits" in a real browser (screenshots looked at by a person)."""

from datetime import date
from decimal import Decimal as D

import pytest

from dife.core.names import matching_key
from dife.mandates.models import Person
from dife.rights import services
from dife.rights.crediting import run_crediting
from tests.accounts.fixtures import NIR_B, PASSWORD, make_elu
from tests.rights.conftest import add_mandate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
BORN = date(1971, 5, 4)


def test_vos_droits_formation(live_server, page, screenshot):
    person = Person.objects.create(
        matching_key=matching_key("Martin", "Claire", BORN), nom="MARTIN", prenoms="Claire", sexe="F",
        date_naissance=BORN,
    )  # fmt: skip
    add_mandate(
        person, "departemental", date(2021, 7, 1), collectivite_code="45", collectivite_label="Loiret"
    )
    add_mandate(person, "municipal", date(2026, 3, 15), collectivite_label="Chécy")
    run_crediting(as_of=date(2026, 11, 26))
    services.reserve(person=person, amount=D("350"), dossier="DOS-2026-0042", key="r1")
    services.consume(person=person, amount=D("350"), dossier="DOS-2026-0042", key="c1")
    make_elu(NIR_B, "Martin", prenoms="Claire", date_naissance=BORN, email="claire@example.fr")

    page.goto(live_server.url + "/connexion")
    page.get_by_label("Numéro de sécurité sociale").fill(NIR_B)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/droits")
    assert page.get_by_role("heading", level=1).inner_text() == "Vos droits formation"
    block = page.locator(".dife-compte-elu-droits")
    assert "450,00" in block.inner_text()
    chart = block.locator("svg.dife-chart")
    assert chart.is_visible() and chart.bounding_box()["height"] > 100
    assert page.get_by_role(
        "link", name="Chercher les formations liées à l'exercice de mon mandat"
    ).is_visible()
    assert page.get_by_role("link", name="Chercher les formations pour me reconvertir").is_visible()
    assert page.get_by_role("heading", name="Vos droits salarié").is_visible()
    screenshot("vos-droits-formation")

    page.get_by_role("link", name="Consulter l'historique").click()
    page.wait_for_url("**/droits/historique")
    rows = page.locator("tbody tr")
    assert "Consommation" in rows.first.inner_text()
    assert "Alimentation annuelle 2021" in rows.last.inner_text()
    screenshot("droits-historique")


def test_simuler_mes_droits(live_server, page, screenshot):
    page.goto(live_server.url + "/outils/droits")
    page.get_by_label("Date du premier tour de l’élection").fill("2026-03-15")
    page.get_by_label("Simuler jusqu’au").fill("2027-04-01")
    page.get_by_role("button", name="Simuler mes droits").click()
    page.wait_for_url("**/outils/droits?*")
    assert page.locator(".fr-callout__title").inner_text() == "800,00\u00a0€ au 1er avril 2027"
    assert page.locator("tbody tr").count() == 2
    screenshot("outil-simuler-mes-droits")


def test_gestionnaire_person_page(live_server, page, screenshot):
    from django.test import Client

    from dife.organisations.services import agency
    from tests.organisations.fixtures import make_staff, verify_session

    person = Person.objects.create(
        matching_key=matching_key("Martin", "Claire", BORN), nom="MARTIN", prenoms="Claire", sexe="F",
        date_naissance=BORN,
    )  # fmt: skip
    add_mandate(
        person, "departemental", date(2021, 7, 1), collectivite_code="45", collectivite_label="Loiret"
    )
    add_mandate(person, "municipal", date(2026, 3, 15), collectivite_label="Chécy", fonction="ADJ")
    run_crediting(as_of=date(2026, 11, 26))
    services.reserve(person=person, amount=D("350"), dossier="DOS-2026-0042", key="r1")
    gestionnaire = make_staff("gestionnaire@agence.test", agency(), "admin")
    client = Client()
    verify_session(client, gestionnaire)  # both factors done: the TOTP flow has its own browser test
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/gestion/personnes/?q=martin claire")
    page.get_by_role("link", name="MARTIN").click()
    page.wait_for_url(f"**/gestion/personnes/{person.pk}/")
    page.get_by_label("Montant de l’ajustement (€)").fill("-50")
    page.get_by_role("button", name="Enregistrer l’ajustement").click()
    assert "Le motif est obligatoire." in page.locator("main").inner_text()
    assert page.get_by_label("Montant de l’ajustement (€)").input_value() == "-50"
    page.get_by_label("Motif").first.fill("Régularisation d'une formation payée hors plateforme")
    page.get_by_role("button", name="Enregistrer l’ajustement").click()
    page.wait_for_url(f"**/gestion/personnes/{person.pk}/")
    assert "Ajustement de \u221250,00\u00a0€ enregistré" in page.locator("main").inner_text()
    screenshot("gestion-fiche-personne")
