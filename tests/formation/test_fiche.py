"""The formation page through the real HTTP stack: visitor, élu with 800 €, élu with 100 €, deep link."""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import quote

import pytest

from dife.catalog import services
from dife.catalog.search import SearchParams, search
from tests.formation.conftest import days

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


def url_of(action) -> str:
    return f"/formation/recherche/{action.numero}/{action.formation.numero}"


def page(client, action) -> str:
    response = client.get(url_of(action))
    assert response.status_code == 200
    return response.content.decode()


def test_visitor_sees_that_a_mandate_training_is_reserved_with_a_sign_in_link(client, mandat_action):
    html = page(client, mandat_action)
    assert "La gestion du domaine public et privé de la commune" in html
    assert "Cette formation est indisponible" in html
    next_url = quote(url_of(mandat_action), safe="")
    assert f'href="/connexion?next={next_url}"' in html
    for hidden in (
        "Prix de la formation",
        "Informations clés",
        "Créer mon dossier d&#x27;inscription",
        "200,00",
    ):
        assert hidden not in html


def test_the_sign_in_link_comes_back_to_the_page(client, mandat_action, elu_800):
    from tests.accounts.fixtures import NIR_B, PASSWORD

    target = url_of(mandat_action)
    response = client.post(
        "/connexion", {"nir": NIR_B, "password": PASSWORD, "next": target}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 302 and response["Location"] == target
    html = client.get(target).content.decode()
    assert "Cette formation est indisponible" not in html and "Prix de la formation" in html


def test_elu_with_800_euros_is_fully_funded(client, mandat_action, elu_800):
    client.force_login(elu_800)
    html = page(client, mandat_action)
    assert "Informations clés" in html and "6h" in html and "Boën-sur-Lignon" in html
    assert "Bâtiment conforme aux normes d&#x27;accessibilité" in html
    assert "Organisation et fonctionnement des collectivités territoriales" in html
    assert "Prix de la formation (frais d&#x27;examen non inclus)" in html
    assert f"200,00{NBSP}€" in html
    assert re.search(f'>Vos droits élu</td>\\s*<td class="fr-cell--right">−{NBSP}200,00{NBSP}€</td>', html)
    assert f"<strong>0,00{NBSP}€</strong>" in html and "Reste à payer final" in html
    assert "Vos droits formation vous permettent de financer intégralement cette formation." in html
    assert (
        "Frais additionnels à régler au début de votre formation : "
        f'<strong class="dife-mono">18,00{NBSP}€</strong>' in html
    )
    assert "Aides au financement" in html and "Description détaillée" in html
    assert "Les points forts de cette formation" in html
    # Two sessions to come (the past one is not offered), the first one guaranteed.
    assert f"2 sessions disponibles, du {days(30):%d/%m/%Y} au {days(61):%d/%m/%Y}" in html
    assert html.count("Session garantie") == 1
    assert html.count("Créer mon dossier d'inscription") == 2
    first = mandat_action.sessions.get(debut=days(30))
    assert f'href="/formation/{mandat_action.numero}/inscription?session={first.pk}"' in html


def test_elu_with_100_euros_sees_the_reste_a_payer(client, mandat_action, elu_100):
    client.force_login(elu_100)
    html = page(client, mandat_action)
    assert f"−{NBSP}100,00{NBSP}€" in html
    assert f"<strong>100,00{NBSP}€</strong>" in html
    assert "Vos droits formation vous permettent de financer intégralement" not in html
    # Collectivité co-funding for a mandate training: at most 75 % of 200 € = 150 €; here the 100 € left.
    assert (
        f"dans la limite de 75{NBSP}% du coût de la formation "
        f"(au plus 150,00{NBSP}€, soit 100,00{NBSP}€ pour vous)" in html
    )
    assert "À titre personnel." in html


def test_visitor_sees_a_reconversion_training_and_its_price_without_rights(client, reconversion_action):
    html = page(client, reconversion_action)
    assert "Cette formation est indisponible" not in html
    assert "Prix de la formation (frais d&#x27;examen inclus)" in html and f"1\u202f500,00{NBSP}€" in html
    assert "Vos droits élu" not in html and "Reste à payer final" not in html
    assert "Connectez-vous</a> pour voir ce que vos droits élu financent." in html
    assert (
        "Formation à distance" in html
        and "Certification RNCP35190 — Gestionnaire comptable et fiscal" in html
    )
    assert (
        "La prise en charge par la collectivité est réservée aux formations liées à l’exercice du mandat."
        in html
    )
    assert f"1 session disponible, du {days(45):%d/%m/%Y} au {days(120):%d/%m/%Y}" in html


def test_deep_link_is_the_search_url_and_stays_stable(client, mandat_action, elu_800):
    hit = search(SearchParams(q="domaine public")).hits[0]
    assert hit.url == url_of(mandat_action)
    assert hit.url == f"/formation/recherche/{mandat_action.formation.organisme.siret}_DOMAINE-BOEN/" \
        f"{mandat_action.formation.organisme.siret}_DOMAINE"  # fmt: skip
    services.update_action(action=mandat_action, prix_ttc=Decimal("180.00"))
    services.update_formation(
        formation=mandat_action.formation, intitule="Le domaine public et privé de la commune"
    )
    client.force_login(elu_800)
    html = page(client, mandat_action)
    assert "Le domaine public et privé de la commune" in html and f"180,00{NBSP}€" in html
    short = client.get(f"/formation/recherche/{mandat_action.numero}")
    assert short.status_code == 302 and short["Location"] == url_of(mandat_action)
    wrong = f"/formation/recherche/{mandat_action.numero}/{mandat_action.formation.organisme.siret}_AUTRE"
    assert client.get(wrong).status_code == 404
    assert client.get("/formation/recherche/00000000000000_X/00000000000000_Y").status_code == 404


def test_draft_is_hidden_closed_is_said(client, mandat_action, reconversion_action):
    draft = services.create_action(
        formation=reconversion_action.formation, reference="COMPTA-BROUILLON", modalite="distance",
        duree_heures=Decimal("70"), prix_ttc=Decimal("1500"),
    )  # fmt: skip
    assert client.get(url_of(draft)).status_code == 404
    services.close_action(action=reconversion_action)
    html = page(client, reconversion_action)
    assert "Cette formation n’est plus proposée" in html and "Créer mon dossier" not in html


def test_elu_account_without_mandate_sees_the_full_price_and_how_to_attach(client, mandat_action):
    from tests.accounts.fixtures import NIR_B, make_elu

    client.force_login(make_elu(NIR_B, "Inconnue", prenoms="Zoé", email="zoe@example.fr"))
    html = page(client, mandat_action)
    assert f"−{NBSP}0,00{NBSP}€" in html and f"<strong>200,00{NBSP}€</strong>" in html
    assert "Vos droits élu n’apparaissent pas : votre compte n’est rattaché à aucun mandat." in html
    assert 'href="/droits/rattachement">Demander le rattachement</a>' in html
