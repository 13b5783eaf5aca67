"""Dated parameters written in French, for messages and pages: one formatting per unit.

House rule: a number that the law can change is never a literal in a user-facing text. Python
messages use :func:`text` with the date the rule applies to (for a dossier, the same date as the
deadline computation); templates use ``{{ params.<name> }}`` (context processor
``dife.www.context_processors.parameters``), today's values of the curated keys of ``PAGE_KEYS``.

    >>> from datetime import date
    >>> text("enrollment.of_answer_business_days", date(2024, 1, 1))
    '2 jours ouvrés'
    >>> text("dife.ceiling", date(2023, 3, 30))
    '800 €'
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from dife.core import parameters
from dife.core.formatting import euros, long_date, percent
from dife.core.parameters import ParameterScalar, Unit


def _plural(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def format_value(unit: Unit, value: ParameterScalar) -> str:
    """A parameter's value in French with its unit."""
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, Decimal):
        if unit is Unit.RATE:
            return percent(value)
        if unit is Unit.EUR_HT_PER_HOUR:
            return f"{euros(value, prose=True)} HT par heure"
        return euros(value, prose=True)
    if unit is Unit.BUSINESS_DAYS:
        return _plural(value, "jour ouvré", "jours ouvrés")
    if unit is Unit.CALENDAR_DAYS:
        return _plural(value, "jour", "jours")
    if unit is Unit.MONTHS:
        return f"{value} mois"
    if unit is Unit.MINUTES:
        return _plural(value, "minute", "minutes")
    if unit is Unit.CHARACTERS:
        return _plural(value, "caractère", "caractères")
    return str(value)


def text(key: str, as_of: date) -> str:
    """The value of ``key`` in force on ``as_of``, in French ("2 jours ouvrés", "5 %", "800 €")."""
    return format_value(parameters.get(key).unit, parameters.value(key, as_of))


def since(key: str, as_of: date) -> str:
    """The start of the value in force on ``as_of`` ("30 mars 2023"), for "800 € depuis le …"."""
    return long_date(parameters.in_force(key, as_of).start)


# The parameters the pages may quote, by a short template name: {{ params.of_answer }}.
PAGE_KEYS = {
    "annual_credit": "dife.annual_credit",
    "ceiling": "dife.ceiling",
    "of_answer": "enrollment.of_answer_business_days",
    "elu_confirmation": "enrollment.elu_confirmation_business_days",
    "declaration": "enrollment.declaration_business_days",
    "proposal_lead": "enrollment.proposal_lead_business_days",
    "free_cancellation": "enrollment.free_cancellation_business_days",
    "withdrawal": "enrollment.withdrawal_calendar_days",
    "late_cancellation_rate": "settlement.late_cancellation_rate",
    "attendance_low_threshold": "settlement.attendance_low_threshold",
    "attendance_low_payment_rate": "settlement.attendance_low_payment_rate",
    "attendance_full_threshold": "settlement.attendance_full_threshold",
    "collectivite_max_rate": "funding.collectivite_max_rate",
    "mandate_hourly_cost_cap": "catalog.mandate_hourly_cost_cap",
    "reconversion_window": "mandates.reconversion_window_months",
}
# The start of the value in force: {{ params.ceiling_since }} → "30 mars 2023".
SINCE_SUFFIX = "_since"


class PageParameters:
    """Today's values of ``PAGE_KEYS`` in French, computed only when a template reads one.

    A page about one dossier passes ``params=PageParameters(dates={...})`` in its context (it wins over
    the context processor's): each name listed in ``dates`` is read on its own date, the rule's date
    for this dossier (e.g. ``{"of_answer": day the request was sent}``), the others on ``as_of``.
    """

    def __init__(self, as_of: date | None = None, *, dates: dict[str, date] | None = None) -> None:
        unknown = set(dates or ()) - set(PAGE_KEYS)
        if unknown:
            raise ValueError(f"not in PAGE_KEYS: {sorted(unknown)}")
        self._as_of = as_of
        self._dates = dict(dates or {})
        self._cache: dict[str, str] = {}

    @property
    def as_of(self) -> date:
        if self._as_of is None:
            self._as_of = timezone.localdate()
        return self._as_of

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        cache = self._cache
        if name not in cache:
            base = name.removesuffix(SINCE_SUFFIX)
            if base not in PAGE_KEYS:
                raise AttributeError(f"{name!r} is not in PAGE_KEYS")
            as_of = self._dates.get(base) or self.as_of
            show = since if name.endswith(SINCE_SUFFIX) else text
            cache[name] = show(PAGE_KEYS[base], as_of)
        return cache[name]
