"""End-of-mandate windows (PRODUCT.md §3): when an élu may follow which kind of training.

* Mandate training ("formation liée à l'exercice du mandat") must take place and finish during a
  mandate: one mandate must run from the session's first day to its last day.
* Reconversion training must end within 6 months (parameter ``mandates.reconversion_window_months``,
  read on the date the last mandate ends) after the end of the last mandate.

A mandate that is no longer in the register (``removed_from_register_on``) is taken as ended that day
until the gestionnaire records its real end.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dife.core import parameters
from dife.mandates.models import Person


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the end of the month (31 August + 6 → 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def effective_end(mandate) -> date | None:
    return mandate.end_date or mandate.removed_from_register_on


@dataclass(frozen=True)
class MandateWindows:
    on: date
    in_office: bool
    mandate_training_until: (
        date | None
    )  # last day of the running mandates (None: no end known / not in office)
    last_end: date | None  # end of the last mandate, when every mandate has an end
    reconversion_until: date | None  # last_end + 6 months (None while a mandate has no end)

    @property
    def reconversion_open(self) -> bool:
        return self.reconversion_until is None or self.on <= self.reconversion_until


def reconversion_deadline(last_end: date) -> date:
    months = parameters.int_value("mandates.reconversion_window_months", max(last_end, _first_start()))
    return add_months(last_end, months)


def _first_start() -> date:
    return parameters.history("mandates.reconversion_window_months")[0].start


def compute_windows(mandates: Iterable, *, on: date) -> MandateWindows:
    mandates = list(mandates)
    running = [
        m for m in mandates if m.start_date <= on and (effective_end(m) is None or on <= effective_end(m))
    ]
    ends = [effective_end(m) for m in mandates]
    open_ended = any(end is None for end in ends)
    running_ends = [effective_end(m) for m in running]
    mandate_until = None
    if running and all(end is not None for end in running_ends):
        mandate_until = max(running_ends)
    last_end = None if open_ended or not ends else max(ends)
    return MandateWindows(
        on=on,
        in_office=bool(running),
        mandate_training_until=mandate_until,
        last_end=last_end,
        reconversion_until=reconversion_deadline(last_end) if last_end else None,
    )


def windows_for(person: Person, *, on: date) -> MandateWindows:
    return compute_windows(person.mandates.all(), on=on)


def mandate_training_allowed(person: Person, *, start: date, end: date) -> bool:
    """True when one mandate runs on every day of the session [start, end]."""
    return any(
        m.start_date <= start and (effective_end(m) is None or end <= effective_end(m))
        for m in person.mandates.all()
    )


def reconversion_allowed(person: Person, *, end: date) -> bool:
    """True when a reconversion session ending on ``end`` ends within the window after the last mandate."""
    mandates = list(person.mandates.all())
    if not mandates:
        return False
    ends = [effective_end(m) for m in mandates]
    if any(e is None for e in ends):
        return True
    return end <= reconversion_deadline(max(ends))
