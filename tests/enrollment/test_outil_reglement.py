"""The public tool "Que se passe-t-il si j'annule ?": the issue's example, each event, bad input."""

from __future__ import annotations

import pytest

from tests.enrollment.helpers import text

pytestmark = pytest.mark.django_db
API = "/api/v1/outils/reglement"
EXAMPLE = {
    "evenement": "annulation_titulaire",
    "prix": "300.00",
    "droits_engages": "300.00",
    "debut": "2026-06-15",
    "commune": "45234",
    "date": "2026-06-08",
}


def test_the_example_of_the_issue(client, places):
    response = client.get(API, EXAMPLE)
    assert response.status_code == 200
    assert response.json() == {
        "paye_organisme": "15.00",
        "droits_consommes": "300.00",
        "droits_liberes": "0.00",
        "annulation_gratuite": False,
    }


def test_free_cancellation_force_majeure_and_other_events(client, places):
    early = client.get(API, EXAMPLE | {"date": "2026-06-04"}).json()
    assert early == {
        "paye_organisme": "0.00",
        "droits_consommes": "0.00",
        "droits_liberes": "300.00",
        "annulation_gratuite": True,
    }
    fm = client.get(API, EXAMPLE | {"force_majeure": "1"}).json()
    assert (fm["paye_organisme"], fm["droits_liberes"], fm["annulation_gratuite"]) == (
        "0.00",
        "300.00",
        False,
    )
    base = {"prix": "1000.00", "droits_engages": "800.00", "heures_prevues": "100"}
    assert client.get(API, base | {"evenement": "sortie", "heures_suivies": "24.99"}).json() == {
        "paye_organisme": "250.00",
        "droits_consommes": "800.00",
        "droits_liberes": "0.00",
        "annulation_gratuite": None,
    }
    assert (
        client.get(API, base | {"evenement": "sortie", "heures_suivies": "80,01"}).json()["paye_organisme"]
        == "1000.00"
    )
    absence = client.get(API, {"evenement": "absence", "prix": "300.50", "droits_engages": "100"}).json()
    assert (absence["paye_organisme"], absence["droits_consommes"]) == ("15.03", "100.00")
    by_of = client.get(
        API, {"evenement": "annulation_organisme", "prix": "300", "droits_engages": "300"}
    ).json()
    assert (by_of["paye_organisme"], by_of["droits_liberes"]) == ("0.00", "300.00")


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"evenement": "vacances"}, "evenement", "Événement inconnu"),
        ({"prix": "trois cents"}, "prix", "Nombre invalide"),
        ({"prix": "300.001"}, "prix", "2 décimales au plus"),
        ({"droits_engages": "400.00"}, "droits_engages", "ne peuvent pas dépasser le prix"),
        ({"commune": "99999"}, "commune", "Commune inconnue"),
        ({"date": "08/06/2026"}, "date", "Date invalide"),
        ({"date": ""}, "date", "Ce champ est obligatoire."),
        ({"debut": "2019-06-15"}, "debut", "antérieure à l’ouverture du service"),
        ({"force_majeure": "oui"}, "force_majeure", "Indiquez 0 (non) ou 1 (oui)."),
        (
            {"evenement": "sortie", "heures_prevues": "10", "heures_suivies": "12"},
            "heures_suivies",
            "dépasser les heures prévues",
        ),
        ({"evenement": "sortie"}, "heures_prevues", "Ce champ est obligatoire."),
        # far dates were a 500 (the holiday calendar overflowed past year 9999)
        ({"date": "9999-12-31"}, "date", "Date trop éloignée"),
        ({"debut": "9999-12-31", "date": "9999-12-30"}, "debut", "Date trop éloignée"),
    ],
)
def test_bad_input_is_a_400_in_french(client, places, params, field, message):
    response = client.get(API, EXAMPLE | params)
    assert response.status_code == 400
    body = response.json()
    assert body["erreur"].startswith("Paramètre(s) invalide(s) :") and field in body["details"]
    assert message in body["details"][field]


def test_the_page(client, places):
    page = client.get("/outils/reglement", EXAMPLE)
    body = text(page)
    assert page.status_code == 200
    assert "Que se passe-t-il si j'annule ?" in body and "L'organisme reçoit 15,00 €" in body
    assert "Droits DIFE consommés : 300,00 €" in body
    bad = client.get("/outils/reglement", EXAMPLE | {"prix": "abc"})
    assert bad.status_code == 400 and "Nombre invalide" in text(bad)
    assert 'value="abc"' in bad.content.decode()  # what was typed stays
    far = client.get("/outils/reglement", EXAMPLE | {"date": "9999-12-31"})
    assert far.status_code == 400 and "Date trop éloignée" in text(far)
    assert client.get("/outils/reglement").status_code == 200
    typed = client.get("/outils/reglement", EXAMPLE | {"prix": "300,00", "droits_engages": "300"})
    link = "/api/v1/outils/reglement?evenement=annulation_titulaire&amp;prix=300.00&amp;droits_engages=300.00"
    assert link in typed.content.decode()  # the JSON link says it the API's way


def test_public_event_names_stay_french_and_map_every_event():
    from dife.api.reglement import EVENTS
    from dife.enrollment.models.settlement import Event
    from dife.enrollment.outil_reglement import PUBLIC_EVENTS

    assert EVENTS == ["annulation_titulaire", "absence", "annulation_organisme", "sortie"]
    assert sorted(PUBLIC_EVENTS.values()) == sorted(Event)
    assert (PUBLIC_EVENTS["sortie"], PUBLIC_EVENTS["absence"]) == (Event.EXIT, Event.NO_SHOW)
