"""Public tool "Simuler mes droits": API /api/v1/outils/droits and page /outils/droits."""

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/outils/droits"


def test_issue_example(client):
    response = client.get(URL, {"premier_tour": "2026-03-15", "au": "2027-04-01"})
    assert response.status_code == 200
    assert response.json() == {
        "credits": [
            {"date": "2026-03-30", "montant": "400.00", "solde": "400.00", "plafond": "800.00"},
            {"date": "2027-03-30", "montant": "400.00", "solde": "800.00", "plafond": "800.00"},
        ],
        "solde": "800.00",
    }


def test_ceiling_reached_and_2021_derogation(client):
    body = client.get(URL, {"premier_tour": "2021-06-20", "au": "2024-07-05"}).json()
    assert [(c["date"], c["montant"], c["solde"], c["plafond"]) for c in body["credits"]] == [
        ("2021-07-23", "400.00", "400.00", "1500.00"),
        ("2022-07-05", "300.00", "700.00", "700.00"),
        ("2023-07-05", "100.00", "800.00", "800.00"),
        ("2024-07-05", "0.00", "800.00", "800.00"),
    ]
    assert body["solde"] == "800.00"


def test_no_credit_yet(client):
    body = client.get(URL, {"premier_tour": "2026-03-15", "au": "2026-03-29"}).json()
    assert body == {"credits": [], "solde": "0.00"}


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"premier_tour": "15/03/2026", "au": "2027-04-01"}, "premier_tour", "Date invalide"),
        ({"premier_tour": "2026-02-30", "au": "2027-04-01"}, "premier_tour", "Date invalide"),
        ({"au": "2027-04-01"}, "premier_tour", "obligatoire"),
        ({"premier_tour": "2026-03-15"}, "au", "obligatoire"),
        ({"premier_tour": "2026-03-15", "au": "2025-01-01"}, "au", "postérieure ou égale"),
        ({"premier_tour": "2026-03-15", "au": "2999-01-01"}, "au", "31 décembre 2100"),
        ({"premier_tour": "1800-03-15", "au": "2027-01-01"}, "premier_tour", "1er janvier 1900"),
    ],
)
def test_bad_input_answers_400_in_french(client, params, field, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["erreur"].startswith("Paramètre(s) invalide(s)") and field in body["erreur"]
    assert message in body["details"][field]


def test_page_shows_the_credits_the_chart_and_keeps_input(client):
    response = client.get("/outils/droits", {"premier_tour": "2026-03-15", "au": "2027-04-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Simuler mes droits</h1>" in html
    assert "800,00\u00a0€ au 1er avril 2027" in html
    assert "lundi 30 mars 2026" in html
    assert "<td>30/03/2026</td>" in html and "<td>30/03/2027</td>" in html
    assert html.count("<td>400,00\u00a0€</td>") == 3  # two credits, one balance
    assert '<svg class="dife-chart"' in html and "<script" not in html.split("<main")[1].split("</main>")[0]
    assert 'value="2026-03-15"' in html


def test_page_explains_errors_and_keeps_what_was_typed(client):
    response = client.get("/outils/droits", {"premier_tour": "2026-03-15", "au": "2025-01-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Le formulaire contient des erreurs" in html
    assert "postérieure ou égale à la date du premier tour" in html
    assert 'value="2026-03-15"' in html and 'value="2025-01-01"' in html


def test_openapi_documents_the_tool(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/outils/droits" in schema["paths"]


def test_page_gives_the_real_first_credit_under_the_2021_derogation(client):
    # first round 2021-06-20: the anchor is Monday 5 July 2021, but the 2021 credit was on 23 July
    # (décret 2021-596 art. 14), even when "au" stops before it.
    for au in ("2021-07-10", "2024-01-01"):
        html = client.get("/outils/droits", {"premier_tour": "2021-06-20", "au": au}).content.decode()
        text = " ".join(html.split())
        first = "alimentation le <strong>vendredi 23 juillet 2021</strong> (date unique de 2021),"
        assert first in text
        assert "puis le 5 juillet de chaque année" in text
    html = client.get("/outils/droits", {"premier_tour": "2026-03-15", "au": "2026-03-20"}).content.decode()
    text = " ".join(html.split())
    assert "première date d’alimentation le <strong>lundi 30 mars 2026</strong>, puis le 30 mars" in text
