"""Reads for the gestionnaire's person pages: finding a person, the mandates with their manual history."""

from __future__ import annotations

import re
from datetime import date

from django.db.models import Prefetch, QuerySet

from dife.core.names import fold
from dife.mandates.models import Mandate, MandateChange, Person

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$|^(\d{2})/(\d{2})/(\d{4})$")
MAX_RESULTS = 50


def _parse_date(word: str) -> date | None:
    match = _DATE.match(word)
    if not match:
        return None
    try:
        if match.group(1):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except ValueError:
        return None


def search_persons(query: str) -> QuerySet[Person]:
    """Persons whose birth name (then first name) starts with the words typed; a date narrows the birth date.

    "Dupont", "dupont jean", "DUPONT Jean 17/05/1970" all work (accents and case ignored).
    """
    words = (query or "").split()
    birth = next((d for d in map(_parse_date, words) if d), None)
    names = [fold(w) for w in words if _parse_date(w) is None and fold(w)]
    if not names and birth is None:
        return Person.objects.none()
    persons = Person.objects.all()
    if names:
        prefix = names[0] + ("|" + names[1] if len(names) > 1 else "")
        persons = persons.filter(matching_key__startswith=prefix)
    if birth is not None:
        persons = persons.filter(date_naissance=birth)
    return persons.order_by("nom", "prenoms", "date_naissance")[:MAX_RESULTS]


def mandates_with_history(person: Person) -> list[Mandate]:
    """The person's mandates, oldest first, each with ``changes`` (newest first) prefetched."""
    changes = MandateChange.objects.select_related("actor").order_by("-created_at", "-id")
    return list(
        person.mandates.order_by("start_date", "id").prefetch_related(Prefetch("changes", queryset=changes))
    )
