"""The periodic sweep: expires what is overdue in SKIP LOCKED batches, releases what stayed reserved,
is idempotent, and a run stopped half-way is finished by the next one without duplicates."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.db import connection, transaction

from dife.audit.models import Event
from dife.enrollment import tasks
from dife.enrollment.models import Dossier, Transition
from dife.enrollment.sweep import SweepResult, expire_batch, run_sweep
from dife.notifications.models import Email
from dife.rights import services as ledger
from dife.rights.models import RightsAccount
from tests.enrollment import factories as f

LATER = f.at(date(2026, 5, 20))


def overdue_set(session, of_user, *, requests: int, proposals: int):
    """``requests`` unanswered requests and ``proposals`` unconfirmed proposals, all overdue at LATER,
    plus one fresh request that is not."""
    made = [f.apply(f.make_elu(), session, now=f.at(date(2026, 5, 4))) for _ in range(requests + proposals)]
    for dossier in made[requests:]:
        f.services.propose(dossier=dossier, by=of_user, now=f.at(date(2026, 5, 5)))
    fresh = f.apply(f.make_elu(), session, now=f.at(date(2026, 5, 19)))
    return made, fresh


@pytest.mark.django_db
def test_the_sweep_is_idempotent(session, of_user):
    made, fresh = overdue_set(session, of_user, requests=3, proposals=2)
    first = run_sweep(now=LATER, batch_size=2)
    assert (first.expired_of, first.expired_elu, first.batches) == (3, 2, 3)
    states = dict(Dossier.objects.values_list("pk", "state"))
    assert [states[d.pk] for d in made] == ["expired_of"] * 3 + ["expired_elu"] * 2
    assert states[fresh.pk] == "submitted"
    counts = (Transition.objects.count(), Email.objects.count(), Event.objects.count())
    second = run_sweep(now=LATER)
    assert second.as_dict() == SweepResult().as_dict()
    assert (Transition.objects.count(), Email.objects.count(), Event.objects.count()) == counts
    subjects = Email.objects.filter(template="of_dossier", context__statut="Annulé sans suite")
    assert subjects.count() == 5 * 2  # each expiry told to the OF's two addresses
    assert Email.objects.filter(to=made[0].elu.email, context__statut="Annulé sans suite").count() == 1


@pytest.mark.django_db
def test_the_sweep_journals_with_the_registered_action_names(session, of_user):
    """The sweep writes its journal rows in SQL, not through ``record()``: its names must be declared too."""
    from dife.audit.actions import ACTIONS

    overdue_set(session, of_user, requests=1, proposals=1)
    run_sweep(now=LATER)
    swept = set(Event.objects.filter(target_type="enrollment.dossier").values_list("action", flat=True))
    assert {"enrollment.dossier.expired_of", "enrollment.dossier.expired_elu"} <= swept
    assert swept <= set(ACTIONS)


@pytest.mark.django_db
def test_a_run_stopped_after_one_batch_is_finished_by_the_next(session, of_user):
    overdue_set(session, of_user, requests=5, proposals=0)
    expire_batch(now=LATER, batch_size=2, result=SweepResult())  # then the worker is killed
    assert Dossier.objects.filter(state="expired_of").count() == 2
    result = run_sweep(now=LATER, batch_size=2)
    assert result.expired_of == 3
    assert Transition.objects.filter(to_state="expired_of").count() == 5


@pytest.mark.django_db
def test_rights_left_reserved_are_released(session, of_user):
    (dossier,), _ = overdue_set(session, of_user, requests=0, proposals=1)
    ledger.reserve(person=dossier.person, amount=D("120.00"), dossier=dossier.ledger_reference, key="stray")
    result = run_sweep(now=LATER)
    assert (result.expired_elu, result.released) == (1, 1)
    assert RightsAccount.objects.get(person=dossier.person).reserved == D("0.00")
    assert run_sweep(now=LATER).released == 0


@pytest.mark.django_db(transaction=True)
def test_a_dossier_being_changed_is_skipped_then_swept(places):
    organisme = f.make_of()
    action = f.make_action(
        organisme,
        commune=places["Orléans"],
        sessions=((date(2026, 6, 15), date(2026, 6, 15)),),
        published_on=date(2026, 5, 1),
    )
    session = action.sessions.get()
    busy, free = (f.apply(f.make_elu(), session, now=f.at(date(2026, 5, 4))) for _ in range(2))
    locked, release = threading.Event(), threading.Event()

    def hold_lock():
        with transaction.atomic():
            Dossier.objects.select_for_update().get(pk=busy.pk)
            locked.set()
            release.wait(10)
        connection.close()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    locked.wait(10)
    try:
        assert run_sweep(now=LATER).expired_of == 1  # did not wait for the locked row
        assert Dossier.objects.get(pk=busy.pk).state == "submitted"
    finally:
        release.set()
        holder.join()
    assert run_sweep(now=LATER).expired_of == 1
    assert set(Dossier.objects.values_list("state", flat=True)) == {"expired_of"}
    assert free.pk != busy.pk


def test_the_sweep_task_is_periodic():
    from procrastinate.contrib.django import app

    periodic = [p for p in app.periodic_registry.periodic_tasks.values() if p.task is tasks.sweep]
    assert periodic and periodic[0].cron == "*/10 * * * *"
    assert tasks.sweep.queueing_lock == "enrollment.sweep"


@pytest.mark.django_db
def test_the_sweep_task_runs_as_of_its_schedule(session, of_user):
    overdue_set(session, of_user, requests=1, proposals=1)
    stamp = int(LATER.timestamp())
    assert tasks.sweep.func(stamp) == {
        "expired_of": 1,
        "expired_elu": 1,
        "released": 0,
        "flagged_late": 0,
        "batches": 1,
    }
    assert tasks.sweep.func(stamp)["expired_of"] == 0
    assert timedelta(0) < LATER - f.at(date(2026, 5, 19))
