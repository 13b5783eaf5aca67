"""Each deadline at its boundary, around weekends and holidays (1 and 8 May, Ascension, Whit Monday,
Good Friday and 26 December in Alsace-Moselle): allowed until 23:59:59 of the last day, refused and
swept one instant later."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from dife.enrollment import deadlines, machine, services
from dife.enrollment.errors import ApplicationRefused, TransitionRefused
from dife.enrollment.models import Dossier
from dife.enrollment.sweep import run_sweep
from dife.notifications.models import Email
from tests.enrollment import factories as f

pytestmark = pytest.mark.django_db
INSTANT = timedelta(microseconds=1)


def end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=f.PARIS)


def dossier_at(places, place: str, sent_on: date, session_start: date, elu=None) -> Dossier:
    organisme = f.make_of()
    action = f.make_action(
        organisme, commune=places[place], sessions=((session_start, session_start),), published_on=sent_on
    )
    return f.apply(elu or f.make_elu(), action.sessions.get(), now=f.at(sent_on, "16:30"))


@pytest.mark.parametrize(
    ("place", "sent_on", "last_day"),
    [
        ("Orléans", date(2026, 5, 7), date(2026, 5, 12)),  # Fri 8 May (Victoire 1945) + weekend
        ("Orléans", date(2026, 4, 30), date(2026, 5, 5)),  # Fri 1 May (Fête du Travail) + weekend
        ("Metz", date(2026, 4, 2), date(2026, 4, 8)),  # Good Friday (Moselle) + Easter Monday
        ("Orléans", date(2026, 4, 2), date(2026, 4, 7)),  # Good Friday is worked outside Alsace-Moselle
        ("Strasbourg", date(2025, 12, 24), date(2025, 12, 30)),  # 25 and 26 December (Bas-Rhin)
        ("Orléans", date(2025, 12, 24), date(2025, 12, 29)),
    ],
)
def test_of_answer_deadline_and_its_expiry(places, sent_on, place, last_day):
    dossier = dossier_at(places, place, sent_on, sent_on + timedelta(days=60))
    assert dossier.deadline == end_of(last_day)
    of_user = f.make_of_user(dossier.organisme)
    machine.require(
        dossier, "proposed", actor_kind="organisme", by=of_user, now=dossier.deadline
    )  # still on time
    with pytest.raises(TransitionRefused, match="délai de réponse de 2 jours ouvrés est dépassé"):
        machine.require(
            dossier, "proposed", actor_kind="organisme", by=of_user, now=dossier.deadline + INSTANT
        )
    assert run_sweep(now=dossier.deadline).expired_of == 0
    assert run_sweep(now=dossier.deadline + INSTANT).expired_of == 1
    dossier.refresh_from_db()
    assert (dossier.state, dossier.get_state_display()) == ("expired_of", "Annulé sans suite")


@pytest.mark.parametrize(
    ("proposed_on", "last_day"),
    [
        (date(2026, 5, 13), date(2026, 5, 20)),  # Ascension Thursday 14 May
        (date(2026, 5, 22), date(2026, 5, 29)),  # Whit Monday 25 May
        (date(2026, 5, 7), date(2026, 5, 15)),  # 8 May and Ascension in the same week
    ],
)
def test_elu_confirmation_deadline(places, proposed_on, last_day):
    on_time, too_late = (
        dossier_at(places, "Orléans", proposed_on - timedelta(days=1), date(2026, 6, 29)) for _ in range(2)
    )
    for dossier in (on_time, too_late):
        services.propose(dossier=dossier, by=f.make_of_user(dossier.organisme), now=f.at(proposed_on))
        dossier.refresh_from_db()
        assert dossier.deadline == end_of(last_day)
    services.confirm(dossier=on_time, by=on_time.elu, identity_verified=True, now=end_of(last_day))
    with pytest.raises(TransitionRefused, match="délai de confirmation de 4 jours ouvrés est dépassé"):
        services.confirm(
            dossier=too_late, by=too_late.elu, identity_verified=True, now=end_of(last_day) + INSTANT
        )
    assert run_sweep(now=end_of(last_day) + INSTANT).expired_elu == 1
    states = dict(Dossier.objects.values_list("pk", "state"))
    assert (states[on_time.pk], states[too_late.pk]) == ("accepted", "expired_elu")


def test_the_latest_proposal_date_blocks_the_proposal_and_the_request(places, action, session):
    # Session Monday 15 June 2026 in Orléans: the 11th business day after Sunday 31 May is 15 June.
    assert deadlines.latest_proposal_date(session.debut, "45") == date(2026, 5, 31)
    first, second = (f.apply(f.make_elu(), session, now=f.at(date(2026, 5, 29))) for _ in range(2))
    of_user = f.make_of_user(first.organisme)
    assert (
        machine.check(first, "proposed", actor_kind="organisme", now=f.at(date(2026, 5, 31), "23:59")) is None
    )
    services.propose(dossier=first, by=of_user, now=f.at(date(2026, 5, 31), "23:59"))
    with pytest.raises(
        TransitionRefused, match="La dernière date pour proposer cette session était le 31/05/2026"
    ):
        services.propose(dossier=second, by=of_user, now=f.at(date(2026, 6, 1), "00:01"))
    check = services.check_application(user=f.make_elu(), session=session, today=date(2026, 6, 1))
    assert check.too_close and [s.debut for s in check.later_sessions] == [date(2026, 9, 7)]
    with pytest.raises(ApplicationRefused, match="moins de 11 jours ouvrés"):
        f.apply(f.make_elu(), session, now=f.at(date(2026, 6, 1)))


def test_late_declarations_are_flagged_once(places, gestionnaire):
    # Session Monday 11 May 2026: entry due by the end of Friday 15 May (12, 13, Ascension, 15).
    dossier = dossier_at(places, "Orléans", date(2026, 4, 20), date(2026, 5, 11))
    of_user = f.make_of_user(dossier.organisme)
    dossier = f.walk(dossier, "accepted", of_user=of_user, elu=dossier.elu)
    assert dossier.deadline == end_of(date(2026, 5, 15))
    assert run_sweep(now=dossier.deadline).flagged_late == 0
    assert run_sweep(now=dossier.deadline + INSTANT).flagged_late == 1
    assert run_sweep(now=dossier.deadline + timedelta(days=1)).flagged_late == 0  # once
    late_mails = Email.objects.filter(template="of_retard")
    assert late_mails.count() == 2  # the OF's contact address and its member
    assert late_mails.first().context["action_attendue"] == "Déclarer l'entrée en formation"
    dossier.refresh_from_db()
    assert dossier.late_since == dossier.deadline + INSTANT
    # A late declaration is still accepted; the next one (exit) has its own deadline.
    dossier = services.declare_entry(
        dossier=dossier, by=of_user, entered_on=date(2026, 5, 11), now=f.at(date(2026, 5, 18))
    )
    assert dossier.late_since is None and dossier.deadline == end_of(date(2026, 5, 15))
    assert run_sweep(now=f.at(date(2026, 5, 18), "12:00")).flagged_late == 1  # the exit is overdue too
    assert timezone.localdate(dossier.deadline) == date(2026, 5, 15)
