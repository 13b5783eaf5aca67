"""Business days (PRODUCT.md §8), defined once for the whole platform.

A business day ("jour ouvré") is Monday to Friday and not a public holiday of the place of the
session. Holidays come from the ``holidays`` package only (always ``language="fr"``): France, plus
the Alsace-Moselle days (subdivisions ``57`` and ``6AE`` for 67 and 68) and the local days of the
overseas départements and collectivités. ``departement`` is a code such as ``"45"``, ``"2A"``,
``"57"`` or ``"974"``; ``None`` means metropolitan France without local days.

The enrollment deadlines built on these days (latest proposal date, free cancellation, the OF's and
the élu's answer delays) are rules of :mod:`dife.enrollment.deadlines`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays

PARIS = ZoneInfo("Europe/Paris")
_ONE_DAY = timedelta(days=1)

# Our département codes → subdivision codes of holidays.France (0.109). Metropolitan départements not
# listed here have no local day (subdivision None).
_SUBDIVISIONS: Mapping[str, str] = MappingProxyType(
    {
        "57": "57",  # Moselle
        "67": "6AE",  # Bas-Rhin
        "68": "6AE",  # Haut-Rhin
        "971": "971",  # Guadeloupe
        "972": "972",  # Martinique
        "973": "973",  # Guyane
        "974": "974",  # La Réunion
        "975": "PM",  # Saint-Pierre-et-Miquelon
        "976": "976",  # Mayotte
        "977": "BL",  # Saint-Barthélemy
        "978": "MF",  # Saint-Martin
        "984": "TF",  # Terres australes et antarctiques françaises
        "986": "WF",  # Wallis-et-Futuna
        "987": "PF",  # Polynésie française
        "988": "NC",  # Nouvelle-Calédonie
    }
)
_METROPOLITAN = frozenset({f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"})
_COMMUNE_CODE = re.compile(r"^(?:\d{2}|2[AB])\d{3}$")


# --- Places -------------------------------------------------------------------------------------


def departement_of_commune(code_insee: str) -> str:
    """The département (or overseas collectivité) code of a commune INSEE code.

    "57463" → "57", "2A004" → "2A", "97411" → "974", "98818" → "988".
    """
    code = code_insee.strip().upper()
    departement = code[:3] if code[:2] in ("97", "98") else code[:2]
    if not _COMMUNE_CODE.match(code) or not (departement in _METROPOLITAN or departement in _SUBDIVISIONS):
        raise ValueError(f"Code commune INSEE invalide : {code_insee!r}")
    return departement


def holiday_subdivision(departement: str | None) -> str | None:
    """The ``holidays.France`` subdivision of a département code (None: national days only)."""
    if departement is None:
        return None
    code = departement.strip().upper()
    if code.isdigit() and len(code) == 1:
        code = "0" + code
    if code in _SUBDIVISIONS:
        return _SUBDIVISIONS[code]
    if code in _METROPOLITAN:
        return None
    raise ValueError(f"Code département inconnu : {departement!r}")


# --- Holidays -----------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _holidays_of_year(subdivision: str | None, year: int) -> Mapping[date, str]:
    """Holidays of one year for one subdivision, frozen (holiday objects expand on lookup)."""
    entity = holidays.France(subdiv=subdivision, years=year, language="fr", expand=False)
    return MappingProxyType(dict(entity.items()))


def _holiday_name(d: date, subdivision: str | None) -> str | None:
    return _holidays_of_year(subdivision, d.year).get(d)


def holidays_between(start: date, end: date, departement: str | None) -> list[tuple[date, str]]:
    """Public holidays from ``start`` to ``end`` inclusive, sorted, with their French names.

    When two holidays fall on the same day the package joins their names with "; ".
    """
    if end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    subdivision = holiday_subdivision(departement)
    result: list[tuple[date, str]] = []
    for year in range(start.year, end.year + 1):
        result.extend(
            (d, name) for d, name in _holidays_of_year(subdivision, year).items() if start <= d <= end
        )
    return sorted(result)


# --- Business days ------------------------------------------------------------------------------


def _is_business_day(d: date, subdivision: str | None) -> bool:
    return d.weekday() < 5 and _holiday_name(d, subdivision) is None


def is_business_day(d: date, departement: str | None) -> bool:
    """Monday to Friday and not a public holiday of the département."""
    return _is_business_day(d, holiday_subdivision(departement))


def nth_business_day_after(d: date, n: int, departement: str | None) -> date:
    """The n-th business day after ``d``: counting starts the day after ``d``; ``d`` never counts."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    subdivision = holiday_subdivision(departement)
    day = d
    while n:
        day += _ONE_DAY
        if _is_business_day(day, subdivision):
            n -= 1
    return day


def _weekdays_up_to(d: date) -> int:
    """Number of Mondays–Fridays from 0001-01-01 (a Monday) to ``d`` inclusive."""
    weeks, rest = divmod(d.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def business_days_between(a: date, b: date, departement: str | None) -> int:
    """Number of business days ``x`` with ``a < x <= b`` (negative of the reverse count if b < a).

    So ``business_days_between(d, nth_business_day_after(d, n, dep), dep) == n``.
    """
    if b < a:
        return -business_days_between(b, a, departement)
    if a == b:
        return 0
    weekday_holidays = sum(1 for h, _ in holidays_between(a + _ONE_DAY, b, departement) if h.weekday() < 5)
    return _weekdays_up_to(b) - _weekdays_up_to(a) - weekday_holidays


def nth_business_day_back(d: date, n: int, departement: str | None) -> date:
    """The n-th business day counted backwards from ``d``, ``d`` included when it is a business day.

    Walks back at most a few weeks, never a scan.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    subdivision = holiday_subdivision(departement)
    day = d
    count = 1 if _is_business_day(day, subdivision) else 0
    while count < n:
        day -= _ONE_DAY
        if _is_business_day(day, subdivision):
            count += 1
    return day


# --- End of a day, Paris time ---------------------------------------------------------------------


def end_of_day(d: date) -> datetime:
    """23:59:59.999999 Europe/Paris on ``d`` (timezone-aware)."""
    return datetime.combine(d, time.max, tzinfo=PARIS)
