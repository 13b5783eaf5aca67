"""Search relevance and filters, on the real PostgreSQL full text / trigram / distance machinery."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from dife.catalog.places import PlaceNotFound, resolve_place
from dife.catalog.search import PAGE_SIZE, SearchParams, search
from tests.catalog.factories import listed, make_action, make_formation

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def titles(**params) -> list[str]:
    return [hit.intitule for hit in search(SearchParams(**params)).hits]


@pytest.fixture
def catalog(organisme, communes):
    """A handful of listed actions with distinct words, places and prices."""
    listed("Les élus et le budget communal", organisme, communes["centre"], prix="300.00")
    listed(
        "Préparer le débat d'orientation",
        organisme,
        communes["in_9_9"],
        prix="450.00",
        formation={"contenu": "Les budgets annexes et le compte administratif."},
    )
    listed(
        "Urbanisme et foncier",
        organisme,
        communes["out_10_1"],
        prix="600.00",
        heures="14",
        formation={"theme": "URBA"},
    )
    listed("Prise de parole en public", organisme, None, modalite="distance", prix="200.00")
    listed(
        "Titre professionnel Comptable assistant",
        organisme,
        communes["boen"],
        prix="2500.00",
        heures="300",
        formation={"contexte": "reconversion"},
    )
    listed("Formation des elus sans accent", organisme, communes["lyon"], prix="150.00")


def test_accents_do_not_matter(catalog):
    # "élus" finds the title written without accent, and "elus" the one written with it.
    assert set(titles(q="élus")) == {"Les élus et le budget communal", "Formation des elus sans accent"}
    assert set(titles(q="ELUS")) == {"Les élus et le budget communal", "Formation des elus sans accent"}


def test_plurals_do_not_matter(catalog):
    # "budgets" finds "budget" (title) and "budgets" (content); the title match ranks first.
    assert titles(q="budgets") == ["Les élus et le budget communal", "Préparer le débat d'orientation"]
    assert titles(q="budget") == titles(q="budgets")


def test_a_typo_in_a_short_query_finds_close_titles(catalog):
    assert not search(SearchParams(q="Fonciers")).approximate  # stemming already covers this one
    result = search(SearchParams(q="urbanism"))
    assert result.approximate and [h.intitule for h in result.hits] == ["Urbanisme et foncier"]
    result = search(SearchParams(q="budjet comunal"))
    assert result.approximate
    assert [h.intitule for h in result.hits][:1] == ["Les élus et le budget communal"]
    assert search(SearchParams(q="xylophone")).count == 0


def test_the_theme_of_the_repertoire_is_searchable(catalog):
    # "foncier" is in the title, "aménagement" only in the theme's label (weight B).
    assert titles(q="aménagement") == ["Urbanisme et foncier"]


def test_radius_boundaries_and_nearest_first(catalog, communes):
    centre = resolve_place("Villecentre")
    hits = search(SearchParams(place=centre, rayon_km=10)).hits
    assert [h.commune for h in hits] == ["Villecentre", "Neuf-Virgule-Neuf"]  # 10.1 km is out
    assert [h.distance_km for h in hits] == [0.0, 9.9]
    hits = search(SearchParams(place=centre, rayon_km=11)).hits
    assert [h.distance_km for h in hits] == [0.0, 9.9, 10.1]


def test_a_postal_code_shared_by_several_communes_is_centred_on_the_largest(catalog, communes):
    place = resolve_place("42130")
    assert (place.nom, place.code_postal, place.shared_by) == ("Boën-sur-Lignon", "42130", 3)
    assert place.label == "Boën-sur-Lignon (42130)"
    # "Nom (code)" as the page displays it picks that commune among those of the code.
    assert resolve_place("Leigneux (42130)").nom == "Leigneux"
    hits = search(SearchParams(place=place, rayon_km=5)).hits
    assert [h.intitule for h in hits] == ["Titre professionnel Comptable assistant"]


def test_a_code_that_is_both_an_insee_and_a_postal_code(communes):
    # 69001 is the postal code of Lyon 1er and the INSEE code of Affoux.
    assert resolve_place("69001").nom == "Lyon 1er Arrondissement"
    assert resolve_place("69001", prefer="insee").nom == "Affoux"
    assert resolve_place("69123", prefer="insee").nom == "Lyon"
    # Paris has no town-hall coordinates in the source: centred on its arrondissements.
    paris = resolve_place("Paris")
    assert (paris.latitude, paris.longitude) == (48.8412, 2.3003)
    assert resolve_place("LYON").nom == "Lyon"  # case and accents do not matter
    with pytest.raises(PlaceNotFound, match="Lieu introuvable : « Atlantide »"):
        resolve_place("Atlantide")


def test_remote_only(catalog, communes):
    assert titles(a_distance=True) == ["Prise de parole en public"]
    # A place search never lists remote actions (they have no place).
    assert "Prise de parole en public" not in titles(place=resolve_place("Villecentre"), rayon_km=200)


def test_context(catalog):
    assert titles(contexte="reconversion") == ["Titre professionnel Comptable assistant"]
    assert "Titre professionnel Comptable assistant" not in titles(contexte="mandat")
    assert len(titles(contexte="mandat")) == 5


def test_maximum_price_is_inclusive(catalog):
    assert set(titles(prix_max=Decimal("300.00"))) == {
        "Les élus et le budget communal",
        "Prise de parole en public",
        "Formation des elus sans accent",
    }
    assert titles(tri="prix")[:2] == ["Formation des elus sans accent", "Prise de parole en public"]


def test_dates_filter_sessions_and_give_the_first_session_in_the_window(organisme, communes):
    formation = make_formation(organisme, intitule="Gestion de crise")
    make_action(formation, commune=communes["centre"], sessions=((20, 20), (60, 61), (120, 120)))
    du, au = TODAY + timedelta(days=50), TODAY + timedelta(days=100)
    [hit] = search(SearchParams(du=du, au=au)).hits
    assert hit.prochaine_session == TODAY + timedelta(days=60)
    assert search(SearchParams(du=TODAY + timedelta(days=121))).count == 0
    assert search(SearchParams(au=TODAY + timedelta(days=19))).count == 0
    [hit] = search(SearchParams(au=TODAY + timedelta(days=20))).hits  # inclusive bounds
    assert hit.prochaine_session == TODAY + timedelta(days=20) and hit.sessions == 3


def test_pagination_and_date_order(organisme, communes):
    for index in range(PAGE_SIZE + 5):
        formation = make_formation(organisme, intitule=f"Conduite de projets {index}")
        make_action(formation, commune=communes["centre"], sessions=((10 + index, 10 + index),))
    first = search(SearchParams(q="projets", tri="date"))
    second = search(SearchParams(q="projets", tri="date", page=2))
    assert (first.count, second.count, first.pages) == (25, 25, 2)
    assert len(first.hits) == PAGE_SIZE and len(second.hits) == 5
    dates = [h.prochaine_session for h in first.hits + second.hits]
    assert dates == sorted(dates)
    beyond = search(SearchParams(q="projets", page=3))
    assert (beyond.count, beyond.hits) == (25, [])


def test_relevance_puts_title_matches_first(organisme, communes):
    make_action(
        make_formation(organisme, intitule="Le centre communal d'action sociale", contenu="Sans rapport."),
        commune=communes["centre"],
        sessions=((40, 40),),
    )
    make_action(
        make_formation(
            organisme, intitule="Les finances locales", contenu="Dont le budget du CCAS et l'action sociale."
        ),
        commune=communes["centre"],
        sessions=((5, 5),),  # sooner, but the words are only in its content
    )
    assert titles(q="action sociale") == ["Le centre communal d'action sociale", "Les finances locales"]


def test_deep_link_of_a_hit(catalog):
    [hit] = search(SearchParams(q="urbanisme")).hits
    assert hit.url == f"/formation/recherche/{hit.numero_action}/{hit.numero_formation}"
    siret = hit.numero_action.split("_")[0]
    assert len(siret) == 14 and hit.numero_formation.startswith(siret + "_F")


def test_the_nightly_refresh_moves_to_the_next_session(organisme, communes):
    from dife.catalog.services import refresh_stale_rows

    make_action(make_formation(organisme, intitule="Gestion de crise"), commune=communes["centre"],
                sessions=((10, 10), (40, 40)))  # fmt: skip
    day_15 = TODAY + timedelta(days=15)
    assert search(SearchParams(), today=day_15).count == 0  # the row still says "next session: day 10"
    assert refresh_stale_rows(today=day_15) == 1
    [hit] = search(SearchParams(), today=day_15).hits
    assert hit.prochaine_session == TODAY + timedelta(days=40) and hit.sessions == 1
    assert refresh_stale_rows(today=TODAY + timedelta(days=45)) == 0  # nothing left to come: delisted
    assert search(SearchParams(), today=TODAY + timedelta(days=45)).count == 0
