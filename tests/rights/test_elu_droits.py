"""The élu's "Vos droits formation" (Votre compte élu) and "Consulter l'historique" (test client)."""

from datetime import date
from decimal import Decimal as D

import pytest

from dife.core.names import matching_key
from dife.mandates.models import Person
from dife.rights import services
from dife.rights.crediting import run_crediting
from tests.accounts.fixtures import NIR_B, make_elu
from tests.rights.conftest import add_mandate

pytestmark = pytest.mark.django_db
BORN = date(1971, 5, 4)


@pytest.fixture
def elu_with_rights(db):
    person = Person.objects.create(
        matching_key=matching_key("Martin", "Claire", BORN), nom="MARTIN", prenoms="Claire", sexe="F",
        date_naissance=BORN,
    )  # fmt: skip
    add_mandate(
        person, "regional", date(2021, 7, 2), collectivite_code="24", collectivite_label="Centre-Val de Loire"
    )
    add_mandate(person, "municipal", date(2026, 3, 15), collectivite_label="Chécy")
    run_crediting(as_of=date(2026, 11, 26))
    services.reserve(person=person, amount=D("120.50"), dossier="DOS-2026-0042", key="r")
    user = make_elu(NIR_B, "Martin", prenoms="Claire", date_naissance=BORN, email="claire@example.fr")
    return user, person


def test_votre_compte_elu_shows_amounts_ceiling_next_credit_chart_and_links(client, elu_with_rights):
    user, _ = elu_with_rights
    client.force_login(user)
    response = client.get("/droits")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Vos droits formation</h1>" in html and "Votre compte élu" in html
    assert "MONTANT DISPONIBLE" in html
    assert '<p class="fr-h2 fr-mb-1w">679,50\u00a0€</p>' in html
    assert "Solde de vos droits élu : 800,00\u00a0€, dont 120,50\u00a0€ réservés" in html
    assert "Plafond de vos droits : 800,00\u00a0€" in html
    assert "Prochaine alimentation le 5 juillet 2027" in html and "(plafond atteint)" in html
    assert '<svg class="dife-chart"' in html and "Évolution du solde de vos droits élu" in html
    assert 'href="/droits/historique">Consulter l\'historique</a>' in html
    assert (
        'href="/recherche?contexte=mandat">Chercher les formations liées à l\'exercice de mon mandat</a>'
        in html
    )
    assert 'href="/recherche?contexte=reconversion">Chercher les formations pour me reconvertir</a>' in html
    assert "Vos droits salarié" in html


def test_historique_newest_first_and_paginated(client, elu_with_rights):
    user, person = elu_with_rights
    for n in range(20):
        services.reserve(person=person, amount=D("1"), dossier=f"P-{n}", key=f"p-{n}")
    client.force_login(user)
    html = client.get("/droits/historique").content.decode()
    assert "<h1>Historique de vos droits élu</h1>" in html
    rows = html.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
    assert rows == 20
    assert html.index("Dossier P-19") < html.index("Dossier P-18")  # newest first
    assert "1 / 2" in html and 'href="?page=2"' in html
    page2 = client.get("/droits/historique", {"page": 2}).content.decode()
    assert "Alimentation annuelle 2021" in page2 and "Dossier DOS-2026-0042" in page2
    assert page2.index("Alimentation annuelle 2026") < page2.index("Alimentation annuelle 2021")
    assert "120,50\u00a0€ réservés" in page2


def test_historique_of_an_account_without_compte_elu(client, db):
    user = make_elu(NIR_B, "Inconnu", prenoms="Zoé", date_naissance=BORN, email="zoe@example.fr")
    client.force_login(user)
    html = client.get("/droits/historique").content.decode()
    assert "Votre compte élu n’est pas rattaché" in html
    assert client.get("/droits").status_code == 200


def test_historique_needs_an_elu_account(client, gestionnaire):
    assert client.get("/droits/historique")["Location"].startswith("/connexion")
    client.force_login(gestionnaire)
    assert client.get("/droits/historique").status_code == 404
