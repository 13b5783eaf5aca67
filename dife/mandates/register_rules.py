"""Written rules applied to the dates of the national register of élus (docs/register-defects.md).

Rule 1 — window. A mandate (or function) of a council still in office in a register dated A started
on or after the first round E of the latest general election renewing that council (E ≤ A), and on or
before A. Outside [E, A] the date is impossible: every seat was renewed at E, and the register cannot
record the future.

Rule 2 — day/month swap. An impossible date whose day is 12 or less is replaced by the date with day
and month exchanged when that date lies in [E, A]; the register's date is kept next to it.
Otherwise the date is kept as it is and flagged "suspect" for a gestionnaire to check.

Rule 0 — register date. A is the latest start date of the register, among those whose day is above 12
(a date that cannot be a swapped one) and not after the day of the import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dife.mandates.elections import last_general_election

OK = "ok"
CORRECTED = "corrected"
SUSPECT = "suspect"

# Why a date was questioned (defect codes of the import report).
BEFORE_ELECTION = "before_election"
AFTER_REGISTER = "after_register"


@dataclass(frozen=True)
class DateCheck:
    value: date
    status: str  # OK, CORRECTED or SUSPECT
    original: date | None = None  # the register's value when corrected
    reason: str = ""  # BEFORE_ELECTION or AFTER_REGISTER when not OK
    lower_bound: date | None = None


def window_start(council: str, register_date: date) -> date | None:
    election = last_general_election(council, register_date)
    return election.first_round if election is not None else None


def swapped(value: date) -> date | None:
    """The date with day and month exchanged, or None when that is not a date (day > 12)."""
    if value.day > 12 or value.day == value.month:
        return None
    return value.replace(month=value.day, day=value.month)


def check_date(council: str, value: date, register_date: date) -> DateCheck:
    """Apply rules 1 and 2 to a start date of a mandate (or of a function) of ``council``."""
    lower = window_start(council, register_date)

    def inside(d: date) -> bool:
        return (lower is None or d >= lower) and d <= register_date

    if inside(value):
        return DateCheck(value, OK, lower_bound=lower)
    reason = AFTER_REGISTER if value > register_date else BEFORE_ELECTION
    candidate = swapped(value)
    if candidate is not None and inside(candidate):
        return DateCheck(candidate, CORRECTED, original=value, reason=reason, lower_bound=lower)
    return DateCheck(value, SUSPECT, reason=reason, lower_bound=lower)


def register_date_from(latest_unambiguous: date | None, today: date) -> date:
    """Rule 0, given the latest start date with a day above 12 that is not after ``today``."""
    return latest_unambiguous if latest_unambiguous is not None else today
