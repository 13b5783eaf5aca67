"""The deadline that applies to a dossier in each state (PRODUCT.md §5, §8), from dife.core.calendar.

* submitted: the OF answers by the end of the 2nd business day after the request;
* proposed: the élu confirms by the end of the 4th business day after the proposal;
* accepted: the OF declares the entry by the end of the 3rd business day after the session starts;
* in_training: the OF declares the exit by the end of the 3rd business day after the session ends;
* exited: the OF declares the service fait by the end of the 3rd business day after the real exit.

Days are business days of the place of the session (its département; none for distance learning).
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from dife.core import calendar
from dife.enrollment.states import State


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
        return calendar.of_answer_deadline(today, dep)
    if state == State.PROPOSED:
        return calendar.elu_confirmation_deadline(today, dep)
    if state == State.ACCEPTED:
        return calendar.declaration_deadline(dossier.session.debut, dep)
    if state == State.IN_TRAINING:
        return calendar.declaration_deadline(dossier.session.fin, dep)
    if state == State.EXITED:
        return calendar.declaration_deadline(dossier.exited_on, dep)
    return None


def sent_on(dossier) -> date:
    """The day the request was sent: the OF's answer delay is the one in force that day."""
    return timezone.localdate(dossier.submitted_at)


def proposed_on(dossier, now: datetime | None = None) -> date:
    """The day of the OF's proposal (``now``, or today, before it is made): the élu's delay of that day."""
    return timezone.localdate(dossier.proposed_at or now or timezone.now())


def latest_proposal_date(dossier) -> date:
    return calendar.latest_proposal_date(dossier.session.debut, _dep(dossier))


def business_days_left(deadline: datetime | None, now: datetime, departement: str = "") -> int | None:
    """Business days from today to the deadline's day (0: due today; negative: late)."""
    if deadline is None:
        return None
    return calendar.business_days_between(
        timezone.localdate(now), timezone.localdate(deadline), departement or None
    )
