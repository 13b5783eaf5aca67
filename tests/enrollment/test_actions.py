"""What pages ask the machine: ``check`` (why a change is refused now, without side effects),
``actions`` (what an actor may do, with each rule's label and blocking reason), and the pages that
show them instead of comparing states."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dife.enrollment import machine
from dife.enrollment.errors import NotAllowed, TransitionRefused
from dife.enrollment.models import Dossier
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.states import State
from dife.www.elus import dossier_buttons as elu_buttons
from dife.www.of import dossier_buttons
from tests.enrollment import factories as f
from tests.enrollment.helpers import text
from tests.enrollment.test_machine import ACTORS, dossier_in, people  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("source", [s.value for s in State])
def test_check_gives_the_answer_and_the_reason_of_require(source, session, people):  # noqa: F811
    dossier = dossier_in(source, session, people)
    now = f.moment_for(dossier, source)
    for target in State.values:
        for actor in ACTORS:
            with CaptureQueriesContext(connection) as queries:
                reason = machine.check(dossier, target, actor_kind=actor, now=now)
            assert not [q for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
            assert not [q for q in queries if "FOR UPDATE" in q["sql"].upper()]
            try:
                machine.require(dossier, target, actor_kind=actor, by=people[actor], now=now)
            except (TransitionRefused, NotAllowed) as error:
                assert reason == error.message
            else:
                assert reason is None
    assert Dossier.objects.get(pk=dossier.pk).state == source


@pytest.mark.parametrize("source", [s.value for s in State])
def test_actions_are_the_rules_of_the_table(source, session, people):  # noqa: F811
    dossier = dossier_in(source, session, people)
    now = f.moment_for(dossier, source)
    for actor in ACTORS:
        actions = machine.actions(dossier, actor, now)
        assert [a.target for a in actions] == machine.targets(source, actor)
        assert [a.label for a in actions] == [machine.rule_for(source, a.target).label for a in actions]
        if actor != ActorKind.SYSTEM:  # moment_for: a time the main road allows (before any expiry)
            assert all(a.blocked is None for a in actions)


def test_a_guard_blocks_the_action_with_its_reason(session, people):  # noqa: F811
    dossier = dossier_in("accepted", session, people)
    before = f.at(dossier.session.debut - timedelta(days=1))
    actions = {a.target: a.blocked for a in machine.actions(dossier, ActorKind.ORGANISME, before)}
    assert actions[State.CANCELLED_BY_OF] is None
    assert actions[State.IN_TRAINING] == actions[State.SERVICE_DECLARED]
    assert actions[State.IN_TRAINING].startswith("La session commence le 15/06/2026 : cette déclaration")


def test_every_rule_of_the_of_and_of_the_elu_has_its_wording_on_the_pages():
    of_rules = {(r.source, r.target) for r in machine.TRANSITIONS if r.actor == ActorKind.ORGANISME}
    elu_rules = {(r.source, r.target) for r in machine.TRANSITIONS if r.actor == ActorKind.ELU}
    assert set(dossier_buttons.LOOKS) == of_rules
    assert set(elu_buttons.LOOKS) == elu_rules


@pytest.fixture
def near(organisme, places):
    return f.future_action(organisme, places["Orléans"], offsets=(40,))


def test_of_page_before_and_after_the_session_start(client, near, of_user):
    elu = f.make_elu()
    dossier = f.walk(
        f.apply(elu, near.sessions.get(), now=timezone.now()), "accepted", of_user=of_user, elu=elu
    )
    f.sign_in_staff(client, of_user)
    before = text(client.get(f"/of/dossiers/{dossier.numero}"))
    assert "Déclarer l'entrée en formation La session commence le" in before
    assert "cette déclaration n'est possible qu'à partir de ce jour" in before
    assert "Déclarer une non-présentation" not in before and "Annuler l'inscription" in before
    from dife.catalog import services as catalog

    start = timezone.localdate() - timedelta(days=1)
    catalog.update_session(session=dossier.session, debut=start, fin=start + timedelta(days=3))
    after = text(client.get(f"/of/dossiers/{dossier.numero}"))
    assert "cette déclaration" not in after
    titles = ["Déclarer l'entrée en formation", "Déclarer l'entrée", "L'élu ne s'est pas présenté"]
    titles += ["Déclarer une non-présentation", "Annuler l'inscription"]
    positions = [after.index(title) for title in titles]
    assert positions == sorted(positions)


def test_elu_pages_show_the_buttons_of_the_state(client, near, of_user):
    elu = f.make_elu()
    dossier = f.apply(elu, near.sessions.get(), now=timezone.now())
    f.sign_in_elu(client, elu)
    page = text(client.get(f"/dossiers/{dossier.numero}"))
    assert "Retirer ma demande" in page and "Confirmer l'inscription" not in page
    assert "Retirer ma demande d'inscription" in text(client.get(f"/dossiers/{dossier.numero}/annuler"))
    dossier = f.walk(dossier, "proposed", of_user=of_user, elu=elu)
    page = text(client.get(f"/dossiers/{dossier.numero}"))
    assert page.index("Confirmer l'inscription") < page.index("Décliner la proposition")
    assert "Retirer ma demande" not in page and "Annuler mon inscription" not in page
    refused = client.get(f"/dossiers/{dossier.numero}/annuler")
    assert refused.status_code == 302
    dossier = f.walk(dossier, "accepted", of_user=of_user, elu=elu)
    page = text(client.get(f"/dossiers/{dossier.numero}"))
    assert "Annuler mon inscription" in page and "Décliner la proposition" not in page
    assert client.get(f"/dossiers/{dossier.numero}/confirmer").status_code == 302
