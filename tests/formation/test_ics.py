"""The .ics of a session: a real iCalendar file (parsed back with icalendar), reachable from the page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from icalendar import Calendar

from tests.formation.conftest import days
from tests.formation.test_fiche import url_of

pytestmark = pytest.mark.django_db


def ics_url(action, session) -> str:
    return f"{url_of(action)}/session-{session.pk}.ics"


def test_session_calendar(client, reconversion_action):
    session = reconversion_action.sessions.get()
    html = client.get(url_of(reconversion_action)).content.decode()
    assert f'href="{ics_url(reconversion_action, session)}">Ajouter à mon agenda (.ics)</a>' in html

    response = client.get(ics_url(reconversion_action, session))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="formation-{reconversion_action.numero}-session-{session.pk}.ics"'
    )
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Formation : Titre professionnel gestionnaire comptable et fiscal"
    assert event.decoded("dtstart") == days(45)
    assert event.decoded("dtend") == days(120) + timedelta(days=1)  # all-day events end the day after
    assert str(event["uid"]) == f"session-{session.pk}@testserver"
    assert str(event["location"]) == "Formation à distance"
    assert str(event["url"]) == f"http://testserver{url_of(reconversion_action)}"
    assert "Organisme : Fédération des maires de la Loire (fictive)" in str(event["description"])
    assert str(event["status"]) == "TENTATIVE"


def test_guaranteed_session_in_a_place(client, mandat_action, elu_800):
    client.force_login(elu_800)
    session = mandat_action.sessions.get(garantie=True)
    event = Calendar.from_ical(client.get(ics_url(mandat_action, session)).content).walk("VEVENT")[0]
    assert str(event["location"]) == "Salle des fêtes, Boën-sur-Lignon"
    assert str(event["status"]) == "CONFIRMED"


def test_calendar_follows_the_page_rules(client, mandat_action, reconversion_action):
    session = mandat_action.sessions.first()
    assert client.get(ics_url(mandat_action, session)).status_code == 404  # mandate training, visitor
    other = reconversion_action.sessions.get()
    assert client.get(f"{url_of(reconversion_action)}/session-{session.pk}.ics").status_code == 404
    assert client.get(ics_url(reconversion_action, other)).status_code == 200
