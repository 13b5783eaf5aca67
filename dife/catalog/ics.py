"""An iCalendar file (RFC 5545) for one session, so an élu can put it in their diary (``icalendar``).

The event spans whole days (``DTSTART;VALUE=DATE`` to the day after the last day, as the RFC wants for
all-day events); its UID is stable, so importing the file again updates the same event.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from dife.catalog.models import Modalite, Session
from dife.core.formatting import euros, heures

PRODID = "-//DIFE//Catalogue des formations des élus//FR"


def session_ics(*, session: Session, url: str, uid_domain: str, now: datetime | None = None) -> bytes:
    action = session.action
    formation = action.formation
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"session-{session.pk}@{uid_domain}")
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", session.debut)
    event.add("dtend", session.fin + timedelta(days=1))
    event.add("summary", f"Formation : {formation.intitule}")
    if action.modalite == Modalite.DISTANCE:
        event.add("location", "Formation à distance")
    else:
        place = ", ".join(p for p in (action.adresse, action.commune.nom if action.commune else "") if p)
        event.add("location", place)
    lines = [
        f"Organisme : {formation.organisme.nom}",
        f"Durée : {heures(action.duree_heures)} — {Modalite(action.modalite).label}",
        f"Prix : {euros(action.prix_ttc)}",
        "Session garantie" if session.garantie else "",
        f"Fiche de la formation : {url}",
    ]
    event.add("description", "\n".join(line for line in lines if line))
    event.add("url", url)
    event.add("status", "CONFIRMED" if session.garantie else "TENTATIVE")
    calendar.add_component(event)
    return calendar.to_ical()
