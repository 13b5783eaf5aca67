"""GET /api/v1/formations: the contract of issue 5, bad input in French, and /stats.json."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.catalog.factories import listed, make_action, make_formation, make_organisme

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def catalog(organisme, communes):
    budget = listed("Le budget communal", organisme, communes["boen"], prix="200.00", heures="6")
    listed("Prise de parole en public", organisme, None, modalite="distance", prix="90.50", heures="3.5")
    return budget


def test_result_shape(client, catalog, communes):
    response = client.get("/api/v1/formations", {"q": "budgets", "commune": "42130", "rayon": "20"})
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "count": 1,
        "results": [
            {
                "numero_action": catalog.numero,
                "intitule": "Le budget communal",
                "organisme": "Organisme de test",
                "url": f"http://testserver/formation/recherche/{catalog.numero}/{catalog.formation.numero}",
                "prix": "200.00",
                "duree_heures": 6,
                "modalite": "centre",
                "commune": "Boën-sur-Lignon",
                "distance_km": 0.0,
                "prochaine_session": (TODAY + timedelta(days=30)).isoformat(),
            }
        ],
    }


def test_remote_results_have_no_place(client, catalog):
    body = client.get("/api/v1/formations?a_distance=1").json()
    [result] = body["results"]
    assert (result["modalite"], result["commune"], result["distance_km"]) == ("distance", None, None)
    assert (result["prix"], result["duree_heures"]) == ("90.50", 3.5)


def test_commune_is_an_insee_code_first(client, organisme, communes):
    listed("Conduite de projets", organisme, communes["affoux"])
    listed("Management des équipes", organisme, communes["lyon1"])
    near_affoux = client.get("/api/v1/formations?commune=69001&rayon=5").json()
    assert [r["intitule"] for r in near_affoux["results"]] == ["Conduite de projets"]
    near_lyon = client.get("/recherche?lieu=69001&rayon=5")  # the page reads a postal code first
    assert "Management des équipes" in near_lyon.content.decode()
    assert "Conduite de projets" not in near_lyon.content.decode()


def test_bad_input_answers_400_in_french(client, communes):
    response = client.get(
        "/api/v1/formations",
        {
            "commune": "Atlantide",
            "rayon": "0",
            "a_distance": "peut-être",
            "contexte": "loisirs",
            "du": "2027-02-30",
            "au": "demain",
            "prix_max": "-5",
            "tri": "alphabétique",
            "page": "0",
        },
    )
    assert response.status_code == 400
    body = response.json()
    assert body["erreur"].startswith("Paramètre(s) invalide(s) : ")
    assert body["details"] == {
        "commune": "Lieu introuvable : « Atlantide ». Saisissez le nom d'une commune ou un code postal "
        "(5 chiffres).",
        "rayon": "Le rayon est un nombre entier de kilomètres, de 1 à 200.",
        "a_distance": "« a_distance » vaut 1 (formations à distance seulement) ou 0.",
        "contexte": "Contexte inconnu : « loisirs ». Valeurs possibles : mandat, reconversion.",
        "du": "Date invalide : le format attendu est AAAA-MM-JJ (par exemple 2027-03-21).",
        "au": "Date invalide : le format attendu est AAAA-MM-JJ (par exemple 2027-03-21).",
        "prix_max": "Le prix maximum est un montant en euros positif (par exemple 800).",
        "tri": "Tri inconnu : « alphabétique ». Valeurs possibles : pertinence, date, distance, prix.",
        "page": "Le numéro de page est un nombre entier à partir de 1.",
    }


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            "commune=42130&a_distance=1",
            "commune",
            "Choisissez un lieu ou « Formation à distance », pas les deux.",
        ),
        ("tri=distance", "tri", "Le tri par distance demande un lieu."),
        ("du=2027-05-02&au=2027-05-01", "au", "La date « au » ne peut pas précéder la date « du »."),
        ("rayon=201", "rayon", "Le rayon est un nombre entier de kilomètres, de 1 à 200."),
        ("rayon=10", "rayon", "Le rayon demande une commune (code INSEE ou code postal)."),
        ("rayon=10&communes=42130", "rayon", "Le rayon demande une commune (code INSEE ou code postal)."),
    ],
)
def test_inconsistent_filters(client, communes, query, field, message):
    response = client.get(f"/api/v1/formations?{query}")
    assert response.status_code == 400
    assert response.json()["details"] == {field: message}


def test_empty_search_lists_everything_by_date(client, catalog):
    body = client.get("/api/v1/formations").json()
    assert body["count"] == 2 and len(body["results"]) == 2


def test_openapi_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/formations" in schema["paths"]


def test_stats_count_what_the_search_lists(client, communes):
    organisme = make_organisme()
    listed("Le budget communal", organisme, communes["centre"])
    make_action(
        make_formation(organisme, intitule="Urbanisme"), commune=communes["centre"], sessions=((5, 5), (9, 9))
    )
    draft = make_formation(organisme, intitule="Brouillon", publish=False)
    make_action(draft, commune=communes["centre"], publish=False)
    make_organisme(nom="Organisme sans catalogue")
    stats = client.get("/stats.json").json()
    assert (stats["organismes"], stats["formations"], stats["sessions"]) == (1, 2, 3)
