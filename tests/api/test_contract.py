"""What the typed schemas must not change: bodies, French 400s (never ninja's own 422), query parsing."""

import pytest

pytestmark = pytest.mark.django_db
DATE_LIMITE = "/api/v1/outils/date-limite"


def test_date_limite_answer_and_error_bodies(client, communes):
    response = client.get(DATE_LIMITE, {"debut": "2026-05-26", "commune": "45234"})
    assert response.status_code == 200
    assert response.json() == {
        "debut": "2026-05-26",
        "commune": "45234",
        "date_limite_proposition": "2026-05-06",
        "jours_feries": ["2026-05-08", "2026-05-14", "2026-05-25"],
    }
    response = client.get(DATE_LIMITE)
    assert response.status_code == 400
    assert response.json() == {
        "erreur": "Paramètre(s) invalide(s) : debut, commune.",
        "details": {"debut": "Ce champ est obligatoire.", "commune": "Ce champ est obligatoire."},
    }


def test_french_text_is_sent_as_utf8(client):
    response = client.get("/api/v1/outils/droits")
    assert response["Content-Type"].startswith("application/json")
    assert "Paramètre(s) invalide(s) : premier_tour, au.".encode() in response.content


@pytest.mark.parametrize(
    ("url", "query", "field", "message"),
    [
        ("/api/v1/formations", "page=deux", "page", "Le numéro de page est un nombre entier à partir de 1."),
        ("/api/v1/formations", "rayon=1.5&commune=45234", "rayon", "Le rayon est un nombre entier"),
        ("/api/v1/formations", "du=demain", "du", "Date invalide"),
        ("/api/v1/outils/droits", "premier_tour=hier&au=2027-01-01", "premier_tour", "Date invalide"),
        ("/api/v1/outils/reglement", "evenement=sortie&prix=cent", "prix", "Nombre invalide"),
        ("/api/v1/outils/reglement", "force_majeure=true", "force_majeure", "Indiquez 0 (non) ou 1 (oui)."),
    ],
)
def test_a_mistyped_parameter_gets_the_french_400_not_a_422(client, communes, url, query, field, message):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["erreur"].startswith("Paramètre(s) invalide(s) : ") and field in body["erreur"]
    assert message in body["details"][field]


def test_the_last_of_a_repeated_parameter_counts(client, communes):
    body = client.get(f"{DATE_LIMITE}?debut=2026-05-26&commune=99999&commune=45234").json()
    assert body["commune"] == "45234"


def test_an_empty_parameter_is_an_absent_one(client):
    assert client.get("/api/v1/formations?rayon=&commune=&tri=&page=").json() == {"count": 0, "results": []}
    response = client.get("/api/v1/outils/droits?premier_tour=&au=2027-01-01")
    assert response.json()["details"] == {"premier_tour": "Ce champ est obligatoire."}


def test_the_page_place_parameter_is_not_an_api_parameter(client):
    # The page names the place ``lieu``; the API reads ``commune`` only.
    assert client.get("/api/v1/formations?lieu=Atlantide").json() == {"count": 0, "results": []}
