import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/outils/date-limite"


@pytest.mark.parametrize(
    ("debut", "commune", "expected"),
    [
        ("2026-05-26", "45234", "2026-05-06"),  # Orléans: 8 May, Ascension, Whit Monday
        ("2026-04-20", "57463", "2026-04-01"),  # Metz: Good Friday and Easter Monday
        ("2026-04-20", "45234", "2026-04-02"),  # Orléans: Easter Monday only
    ],
)
def test_worked_examples(client, communes, debut, commune, expected):
    response = client.get(URL, {"debut": debut, "commune": commune})
    assert response.status_code == 200
    body = response.json()
    assert body["debut"] == debut
    assert body["commune"] == commune
    assert body["date_limite_proposition"] == expected


def test_holidays_listed_between_the_two_dates(client, communes):
    body = client.get(URL, {"debut": "2026-04-20", "commune": "57463"}).json()
    assert body["jours_feries"] == ["2026-04-03", "2026-04-06"]
    body = client.get(URL, {"debut": "2026-05-26", "commune": "45234"}).json()
    assert body["jours_feries"] == ["2026-05-08", "2026-05-14", "2026-05-25"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"debut": "26/05/2026", "commune": "45234"}, "debut", "Date invalide"),
        ({"debut": "2026-02-30", "commune": "45234"}, "debut", "Date invalide"),
        ({"debut": "2026-05-26", "commune": "99999"}, "commune", "Commune inconnue"),
        ({"commune": "45234"}, "debut", "obligatoire"),
        ({"debut": "2026-05-26"}, "commune", "obligatoire"),
        ({"debut": "2026-5-6", "commune": "45234"}, "debut", "Date invalide"),
        ({"debut": "0001-01-01", "commune": "45234"}, "debut", "hors de la période couverte"),
        ({"debut": "2100-01-01", "commune": "45234"}, "debut", "Date trop éloignée : le 31/12/2099"),
        ({"debut": "2101-05-26", "commune": "45234"}, "debut", "Date trop éloignée"),
        ({"debut": "9999-12-31", "commune": "45234"}, "debut", "Date trop éloignée"),
        ({"debut": "2026-05-26", "commune": "45 234"}, "commune", "Code INSEE mal formé"),
        ({"debut": "2026-05-26", "commune": " 45234"}, "commune", "Code INSEE mal formé"),
        ({"debut": "2026-05-26", "commune": "2a004"}, "commune", "Code INSEE mal formé"),
    ],
)
def test_bad_input_answers_400_in_french_naming_the_field(client, communes, params, field, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["erreur"]
    assert message in body["details"][field]


def test_tool_page_shows_the_date_and_the_holidays(client, communes):
    response = client.get("/outils/date-limite", {"debut": "2026-04-20", "commune": "57463"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Au plus tard le mercredi 1er avril 2026" in html
    assert "Vendredi saint" in html and "Metz" in html


def test_tool_page_keeps_input_and_explains_errors(client, communes):
    response = client.get("/outils/date-limite", {"debut": "2026-13-01", "commune": "57463"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Date invalide" in html
    assert 'value="57463"' in html
    assert "fr-input-group--error" in html


def test_tool_page_reads_the_code_as_people_type_it(client, communes):
    # The page forgives what the API refuses: lowercase Corsican code, a space inside.
    response = client.get("/outils/date-limite", {"debut": "2026-04-20", "commune": "57 463"})
    assert "Au plus tard le mercredi 1er avril 2026" in response.content.decode()


def test_tool_page_explains_a_date_before_the_known_rules(client, communes):
    response = client.get("/outils/date-limite", {"debut": "2021-05-26", "commune": "45234"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Date hors de la période couverte" in html
    assert 'value="2021-05-26"' in html


def test_tool_page_refuses_dates_after_2099(client, communes):
    response = client.get("/outils/date-limite", {"debut": "2101-05-26", "commune": "45234"})
    assert "Date trop éloignée : le 31/12/2099 au plus tard." in response.content.decode()
    ok = client.get(URL, {"debut": "2099-12-31", "commune": "45234"})
    assert ok.status_code == 200
