"""The transition table: every allowed change works (right state, right actor), every other one is
refused — wrong state, wrong kind of actor, or the right kind but someone else. The database refuses
a state change without its log row, new dossiers in another state than submitted, deletions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, IntegrityError, transaction

from dife.enrollment import machine, services
from dife.enrollment.errors import NotAllowed, TransitionRefused
from dife.enrollment.models import Dossier, Transition
from dife.enrollment.states import State
from tests.enrollment import factories as f
from tests.enrollment.helpers import PDF

pytestmark = pytest.mark.django_db

ACTORS = ("elu", "organisme", "gestionnaire", "system")


def allowed_call(source, target, dossier, people):
    """The service that makes this change, with a time its guard accepts."""
    elu, of_user, gestionnaire = people["elu"], people["organisme"], people["gestionnaire"]
    now = f.moment_for(dossier, source)
    late = (dossier.deadline + timedelta(seconds=1)) if dossier.deadline else now
    calls = {
        ("submitted", "proposed"): lambda: services.propose(dossier=dossier, by=of_user, now=now),
        ("submitted", "refused_by_of"): lambda: services.refuse(
            dossier=dossier, by=of_user, motif="prerequisites", now=now
        ),
        ("submitted", "expired_of"): lambda: machine.apply(
            dossier=dossier, to=target, actor_kind="system", now=late
        ),
        ("submitted", "cancelled_by_elu"): lambda: services.cancel_by_elu(dossier=dossier, by=elu, now=now),
        ("proposed", "accepted"): lambda: services.confirm(
            dossier=dossier, by=elu, identity_verified=True, now=now
        ),
        ("proposed", "refused_by_elu"): lambda: services.decline(dossier=dossier, by=elu, now=now),
        ("proposed", "expired_elu"): lambda: machine.apply(
            dossier=dossier, to=target, actor_kind="system", now=late
        ),
        ("accepted", "in_training"): lambda: services.declare_entry(
            dossier=dossier, by=of_user, entered_on=dossier.session.debut, now=now
        ),
        ("accepted", "cancelled_by_elu"): lambda: services.cancel_by_elu(dossier=dossier, by=elu, now=now),
        ("accepted", "cancelled_by_of"): lambda: services.cancel_by_of(
            dossier=dossier, by=of_user, motif="trainer_unavailable", now=now
        ),
        ("accepted", "service_declared"): lambda: services.declare_no_show(
            dossier=dossier, by=of_user, force_majeure_document=SimpleUploadedFile("a.pdf", PDF), now=now
        ),
        ("in_training", "exited"): lambda: services.declare_exit(
            dossier=dossier, by=of_user, exited_on=dossier.session.fin, attended_hours="5", now=now
        ),
        ("exited", "service_declared"): lambda: services.declare_service_fait(
            dossier=dossier, by=of_user, now=now
        ),
        ("service_declared", "service_validated"): lambda: services.validate_settlement(
            settlement_id=dossier.settlement.pk, by=gestionnaire, now=now
        ),
    }
    return calls[(source, target)]


@pytest.fixture
def people(elu, of_user, gestionnaire):
    return {"elu": elu, "organisme": of_user, "gestionnaire": gestionnaire, "system": None}


def dossier_in(state: str, session, people) -> Dossier:
    """A fresh élu's dossier brought to ``state`` through the services."""
    elu = f.make_elu()
    people["elu"] = elu
    dossier = f.apply(elu, session, now=f.at(date(2026, 5, 4)))
    road = {"refused_by_of", "expired_of", "cancelled_by_elu"}
    if state in f.ROAD:
        return f.walk(
            dossier, state, of_user=people["organisme"], elu=elu, gestionnaire=people["gestionnaire"]
        )
    source = (
        "submitted"
        if state in road
        else ("proposed" if state in ("refused_by_elu", "expired_elu") else "accepted")
    )
    if state == "cancelled_by_elu":
        source = "accepted"
    dossier = f.walk(dossier, source, of_user=people["organisme"], elu=elu)
    allowed_call(source, state, dossier, people)()
    return Dossier.objects.get(pk=dossier.pk)


@pytest.mark.parametrize("source", [s.value for s in State])
def test_every_transition_from_each_state(source, session, people):
    dossier = dossier_in(source, session, people)
    strangers = {"elu": f.make_elu(), "organisme": f.make_of_user(f.make_of())}
    for target in State.values:
        if target == source:
            continue
        rule = machine.rule_for(source, target)
        for actor in ACTORS:
            assert Dossier.objects.get(pk=dossier.pk).state == source
            if rule is None or rule.actor != actor:
                expected = TransitionRefused if rule is None else NotAllowed
                with pytest.raises(expected), transaction.atomic():
                    machine.apply(
                        dossier=dossier,
                        to=target,
                        actor_kind=actor,
                        by=people[actor],
                        now=f.moment_for(dossier, source),
                    )
                continue
            if actor in strangers:  # the right kind of actor, but not this dossier's
                with pytest.raises(NotAllowed), transaction.atomic():
                    machine.apply(dossier=dossier, to=target, actor_kind=actor, by=strangers[actor])
            with transaction.atomic():  # the allowed change, through its service, then rolled back
                allowed_call(source, target, dossier, people)()
                assert Dossier.objects.get(pk=dossier.pk).state == target
                last = Transition.objects.filter(dossier=dossier).latest("id")
                assert (last.from_state, last.to_state, last.actor_kind) == (source, target, actor)
                transaction.set_rollback(True)
    assert Dossier.objects.get(pk=dossier.pk).state == source


def test_the_table_is_the_one_of_the_product():
    table = {(r.source.value, r.target.value, r.actor.value) for r in machine.TRANSITIONS}
    assert table == {
        ("submitted", "proposed", "organisme"),
        ("submitted", "refused_by_of", "organisme"),
        ("submitted", "expired_of", "system"),
        ("submitted", "cancelled_by_elu", "elu"),
        ("proposed", "accepted", "elu"),
        ("proposed", "refused_by_elu", "elu"),
        ("proposed", "expired_elu", "system"),
        ("accepted", "in_training", "organisme"),
        ("accepted", "cancelled_by_elu", "elu"),
        ("accepted", "cancelled_by_of", "organisme"),
        ("accepted", "service_declared", "organisme"),  # no-show (settlement "absence")
        ("in_training", "exited", "organisme"),
        ("exited", "service_declared", "organisme"),
        ("service_declared", "service_validated", "gestionnaire"),
    }


def test_the_database_refuses_a_state_change_without_its_log(session, elu):
    dossier = f.apply(elu, session, now=f.at(date(2026, 5, 4)))
    with pytest.raises(DatabaseError, match="has no transition log row"), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(state="proposed", proposed_at=dossier.submitted_at)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Transition.objects.filter(dossier=dossier).update(reason="réécrit")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Transition.objects.filter(dossier=dossier).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).delete()
    values = {
        f.name: getattr(dossier, f.name) for f in Dossier._meta.concrete_fields if f.name not in ("id",)
    }
    with pytest.raises(DatabaseError, match="starts submitted"), transaction.atomic():
        Dossier.objects.create(**(values | {"state": "cancelled_by_elu", "closed_at": dossier.submitted_at}))


def test_one_open_dossier_per_elu_and_session(session, elu, of_user):
    first = f.apply(elu, session, now=f.at(date(2026, 5, 4)))
    assert f.apply(elu, session, now=f.at(date(2026, 5, 4), "11:00")) == first  # the same, not a second
    values = {f.name: getattr(first, f.name) for f in Dossier._meta.concrete_fields if f.name != "id"}
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.create(**values)
    services.cancel_by_elu(dossier=first, by=elu, now=f.at(date(2026, 5, 4), "12:00"))
    second = f.apply(elu, session, now=f.at(date(2026, 5, 4), "13:00"))
    assert second.pk != first.pk and second.state == "submitted"


def test_constraints_tie_fields_to_states(session, elu, of_user):
    dossier = f.walk(f.apply(elu, session, now=f.at(date(2026, 5, 4))), "accepted", of_user=of_user, elu=elu)
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(rights_engaged=None, reste_a_payer=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(reste_a_payer=dossier.reste_a_payer + 1)  # plan ≠ price
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(entered_on=date(2026, 6, 15))  # entry while accepted
