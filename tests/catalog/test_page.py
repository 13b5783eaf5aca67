"""The page /recherche ("Recherche Formation"): form, count, DSFR cards, pagination, sort, errors."""

import re

import pytest

from tests.catalog.factories import listed, make_action, make_formation

pytestmark = pytest.mark.django_db


def html(response) -> str:
    """The page with runs of whitespace collapsed (templates wrap text over several lines)."""
    return re.sub(r"[ \t\r\n]+", " ", response.content.decode())  # not str.split(): keep the NBSPs


@pytest.fixture
def catalog(organisme, communes):
    listed("Le budget communal", organisme, communes["boen"], prix="200.00", heures="6")
    listed("Prise de parole en public", organisme, None, modalite="distance", prix="90.00")
    listed(
        "Titre professionnel Comptable assistant",
        organisme,
        communes["leigneux"],
        prix="2500.00",
        heures="300",
        formation={"contexte": "reconversion"},
    )


def test_search_by_keyword_and_place(client, catalog):
    response = client.get("/recherche", {"q": "budget", "lieu": "42130", "rayon": "20"})
    page = html(response)
    assert response.status_code == 200
    assert "<h1>Recherche Formation</h1>" in page
    assert re.search(r"1 formation <span[^>]*>à 20 km autour de Boën-sur-Lignon \(42130\)</span>", page)
    assert (
        "Le code postal 42130 dessert 3 communes : la distance est mesurée depuis la mairie de "
        "Boën-sur-Lignon." in page
    )
    card = page[page.index('class="fr-card') :]
    assert 'href="/formation/recherche/' in card and ">Le budget communal</a>" in card
    assert "200,00\u00a0€" in card and "6h · En centre · Boën-sur-Lignon (0,0 km)" in card
    assert "Formation liée au mandat" in card
    # The filters stay in the form (bookmarkable, nothing typed is lost).
    assert 'name="q" value="budget"' in page and 'name="lieu" value="42130"' in page
    assert '<option value="20" selected>' in page


def test_context_radios_and_empty_result(client, catalog):
    page = html(client.get("/recherche?contexte=reconversion"))
    assert "Formations liées à mon mandat" in page and "Formations pour me reconvertir" in page
    assert 'value="reconversion" checked' in page
    assert "Titre professionnel Comptable assistant" in page and "Le budget communal" not in page
    page = html(client.get("/recherche?q=xylophone"))
    assert "0 formation" in page and "Aucune formation ne correspond à votre recherche" in page


def test_errors_are_shown_in_french_and_keep_what_was_typed(client, catalog):
    response = client.get("/recherche", {"q": "budget", "lieu": "Atlantide", "prix_max": "beaucoup"})
    page = html(response)
    assert response.status_code == 400
    assert "La recherche n’a pas pu être lancée : corrigez les champs signalés." in page
    assert "Lieu introuvable : « Atlantide »" in page
    assert "Le prix maximum est un montant en euros (par exemple 800)." in page
    assert 'value="Atlantide"' in page and 'value="beaucoup"' in page and 'value="budget"' in page
    assert "fr-input-group--error" in page


def test_pagination_and_sort(client, organisme, communes):
    for index in range(45):
        make_action(
            make_formation(organisme, intitule=f"Gestion de crise {index}"),
            commune=communes["centre"],
            prix=f"{100 + index}.00",
            sessions=((10 + index, 10 + index),),
        )
    page = html(client.get("/recherche", {"q": "crise", "tri": "prix", "page": "2"}))
    assert "45 formations" in page
    assert 'aria-current="page"' in page and 'title="Page 3"' in page
    assert "?q=crise&amp;tri=prix&amp;page=3" in page  # the other filters stay in the links
    prices = re.findall(r"(\d+),00\u00a0€</p>", page)
    assert prices == [str(p) for p in range(120, 140)]  # page 2 of the ascending prices
    assert '<option value="prix" selected>' in page


def test_navigation_and_home_link_to_the_search(client):
    page = html(client.get("/"))
    assert 'href="/recherche"' in page
    assert client.get("/recherche").status_code == 200


def test_card_values_are_escaped(client, organisme, communes):
    listed('Budget <script>alert("x")</script> & co', organisme, communes["centre"])
    page = html(client.get("/recherche", {"q": "budget"}))
    assert "<script>alert" not in page
    assert "Budget &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in page


def test_a_page_past_the_last_says_so_and_links_back(client, catalog):
    page = html(client.get("/recherche", {"q": "budget", "page": "3"}))
    assert "1 formation" in page
    assert "Cette page n’existe pas : les résultats tiennent sur 1 page." in page
    assert 'href="?q=budget&amp;page=1#resultats"' in page


def test_the_page_sends_its_radius_without_a_place_and_that_is_fine(client, catalog):
    response = client.get("/recherche", {"q": "budget", "lieu": "", "rayon": "30"})
    assert response.status_code == 200
    assert "1 formation" in html(response)
