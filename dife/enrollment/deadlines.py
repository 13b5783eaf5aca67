"""Enrollment deadlines (PRODUCT.md §5, §8), counted in business days of :mod:`dife.core.calendar`.

The rules, each keyed on a dated ``enrollment.*`` parameter read on the date of the event (unless the
caller passes an explicit number of business days):

* the latest proposal date: the session starts on or after the 11th business day after it;
* free cancellation: the session starts on or after the 7th business day after the cancellation;
* the OF answers a request by the end of the 2nd business day after it was sent;
* the élu confirms a proposal by the end of the 4th business day after it;
* the OF declares an entry or an exit by the end of the 3rd business day after the real date.

And the deadline that applies to a dossier in each state:

* submitted: the OF answers by the end of the 2nd business day after the request;
* proposed: the élu confirms by the end of the 4th business day after the proposal;
* accepted: the OF declares the entry by the end of the 3rd business day after the session starts;
* in_training: the OF declares the exit by the end of the 3rd business day after the session ends;
* exited: the OF declares the service fait by the end of the 3rd business day after the real exit.

Days are business days of the place of the session (its département; none for distance learning).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from dife.core import calendar, parameters
from dife.enrollment.states import State

_ONE_DAY = timedelta(days=1)


def _business_days(key: str, as_of: date, override: int | None) -> int:
    return override if override is not None else parameters.int_value(key, as_of)


def latest_proposal_date(
    session_start: date,
    departement: str | None,
    *,
    business_days: int | None = None,
    as_of: date | None = None,
) -> date:
    """The latest calendar date D such that ``session_start`` is on or after the N-th business day
    after D (N = ``enrollment.proposal_lead_business_days``, 11).

    N is read on ``as_of`` (default: the session start) unless ``business_days`` is given. D is the
    day before the N-th business day counted backwards from ``session_start`` (included): walking
    back at most a few weeks, never a scan. D itself may be a weekend or a holiday; D + 1 never is.
    """
    n = _business_days("enrollment.proposal_lead_business_days", as_of or session_start, business_days)
    if n < 1:
        raise ValueError(f"business_days must be at least 1, got {n}")
    return calendar.nth_business_day_back(session_start, n, departement) - _ONE_DAY


def is_free_cancellation(
    cancelled_on: date,
    session_start: date,
    departement: str | None,
    *,
    business_days: int | None = None,
) -> bool:
    """True when ``session_start`` is on or after the 7th business day after ``cancelled_on``."""
    n = _business_days("enrollment.free_cancellation_business_days", cancelled_on, business_days)
    return session_start >= calendar.nth_business_day_after(cancelled_on, n, departement)


# --- Deadlines (end of a business day, Paris time) ----------------------------------------------


def _deadline(key: str, d: date, departement: str | None, override: int | None) -> datetime:
    return calendar.end_of_day(
        calendar.nth_business_day_after(d, _business_days(key, d, override), departement)
    )


def of_answer_deadline(
    sent_on: date, departement: str | None, *, business_days: int | None = None
) -> datetime:
    """End of the 2nd business day after the day the élu sent the request."""
    return _deadline("enrollment.of_answer_business_days", sent_on, departement, business_days)


def elu_confirmation_deadline(
    proposed_on: date, departement: str | None, *, business_days: int | None = None
) -> datetime:
    """End of the 4th business day after the day of the OF's proposal."""
    return _deadline("enrollment.elu_confirmation_business_days", proposed_on, departement, business_days)


def declaration_deadline(
    real_date: date, departement: str | None, *, business_days: int | None = None
) -> datetime:
    """End of the 3rd business day after the real date of entry or exit."""
    return _deadline("enrollment.declaration_business_days", real_date, departement, business_days)


# --- The deadline of a dossier ----------------------------------------------------------------------


def departement_of_action(action) -> str:
    """The département whose holidays count for the action's sessions ("" for distance learning)."""
    commune = getattr(action, "commune", None)
    if commune is None:
        return ""
    try:
        return calendar.departement_of_commune(commune.code)
    except ValueError:
        return ""


def _dep(dossier) -> str | None:
    return dossier.departement or None


def for_state(dossier, state: str, now: datetime) -> datetime | None:
    today = timezone.localdate(now)
    dep = _dep(dossier)
    if state == State.SUBMITTED:
        return of_answer_deadline(today, dep)
    if state == State.PROPOSED:
        return elu_confirmation_deadline(today, dep)
    if state == State.ACCEPTED:
        return declaration_deadline(dossier.session.debut, dep)
    if state == State.IN_TRAINING:
        return declaration_deadline(dossier.session.fin, dep)
    if state == State.EXITED:
        return declaration_deadline(dossier.exited_on, dep)
    return None


def sent_on(dossier) -> date:
    """The day the request was sent: the OF's answer delay is the one in force that day."""
    return timezone.localdate(dossier.submitted_at)


def proposed_on(dossier, now: datetime | None = None) -> date:
    """The day of the OF's proposal (``now``, or today, before it is made): the élu's delay of that day."""
    return timezone.localdate(dossier.proposed_at or now or timezone.now())


def latest_proposal_date_of(dossier) -> date:
    return latest_proposal_date(dossier.session.debut, _dep(dossier))


def business_days_left(deadline: datetime | None, now: datetime, departement: str = "") -> int | None:
    """Business days from today to the deadline's day (0: due today; negative: late)."""
    if deadline is None:
        return None
    return calendar.business_days_between(
        timezone.localdate(now), timezone.localdate(deadline), departement or None
    )
