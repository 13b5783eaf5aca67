"""The state machine of a dossier (PRODUCT.md §5), declared once as a table of transitions.

``TRANSITIONS`` lists every allowed change: (from, to, who may do it, guard). :func:`apply` is the only
code that changes ``Dossier.state``: it locks the dossier, checks the rule, the actor and the guard,
writes the transition log (who, when, from, to, why) and the new state in one transaction, records
the decision in the audit journal and queues the e-mails. The database refuses any state change that
has no row in the log (trigger, migration 0002), and new dossiers start ``submitted``.

Guards take the locked dossier and the current time and return a French reason to refuse, or None.
Pages ask :func:`actions` (what an actor may do now, with each rule's label and blocking reason) and
:func:`check`, which have no side effect, instead of comparing states. The sweep (``sweep.py``)
applies the two system rules in bulk, with the same table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from dife.audit.services import record
from dife.core.formatting import jour, jour_heure
from dife.core.parameter_text import text as param_text
from dife.enrollment import deadlines, perms
from dife.enrollment.errors import NotAllowed, TransitionRefused
from dife.enrollment.models import Dossier, Transition
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.states import CLOSED, State, elu_label

Guard = Callable[[Dossier, datetime], str | None]


def _always(dossier: Dossier, now: datetime) -> None:
    return None


def before_deadline(dossier: Dossier, now: datetime) -> str | None:
    if dossier.deadline is not None and now > dossier.deadline:
        return f"Le délai est dépassé : il courait jusqu'au {jour_heure(dossier.deadline)}."
    return None


def after_deadline(dossier: Dossier, now: datetime) -> str | None:
    if dossier.deadline is None or now <= dossier.deadline:
        return "Le délai n'est pas encore dépassé."
    return None


def can_propose(dossier: Dossier, now: datetime) -> str | None:
    late = before_deadline(dossier, now)
    if late:
        days = param_text("enrollment.of_answer_business_days", deadlines.sent_on(dossier))
        return f"Le délai de réponse de {days} est dépassé : la demande est annulée sans suite. {late}"
    limit = deadlines.latest_proposal_date_of(dossier)
    if timezone.localdate(now) > limit:
        return (
            f"Proposition impossible : la session commence le {jour(dossier.session.debut)}, moins de "
            f"{param_text('enrollment.proposal_lead_business_days', dossier.session.debut)} après "
            f"aujourd'hui. La dernière date pour proposer cette session était le "
            f"{jour(limit)}. Refusez la demande en indiquant une session plus tardive à l'élu."
        )
    return None


def can_confirm(dossier: Dossier, now: datetime) -> str | None:
    late = before_deadline(dossier, now)
    if late:
        days = param_text("enrollment.elu_confirmation_business_days", deadlines.proposed_on(dossier, now))
        return f"Le délai de confirmation de {days} est dépassé. {late}"
    if timezone.localdate(now) >= dossier.session.debut:
        return (
            f"La session a commencé le {jour(dossier.session.debut)} : l'inscription doit être confirmée "
            "avant l'entrée en formation."
        )
    return None


def session_started(dossier: Dossier, now: datetime) -> str | None:
    if timezone.localdate(now) < dossier.session.debut:
        return (
            f"La session commence le {jour(dossier.session.debut)} : cette déclaration n'est possible "
            "qu'à partir de ce jour."
        )
    return None


@dataclass(frozen=True)
class Rule:
    source: State
    target: State
    actor: ActorKind
    label: str
    guard: Guard = _always


S, A = State, ActorKind
TRANSITIONS: tuple[Rule, ...] = (
    Rule(S.SUBMITTED, S.PROPOSED, A.ORGANISME, "Proposition de l'organisme", can_propose),
    Rule(S.SUBMITTED, S.REFUSED_BY_OF, A.ORGANISME, "Demande refusée par l'organisme"),
    Rule(S.SUBMITTED, S.EXPIRED_OF, A.SYSTEM, "Sans réponse de l'organisme dans le délai", after_deadline),
    Rule(S.SUBMITTED, S.CANCELLED_BY_ELU, A.ELU, "Demande retirée par l'élu"),
    Rule(S.PROPOSED, S.ACCEPTED, A.ELU, "Inscription confirmée par l'élu", can_confirm),
    Rule(S.PROPOSED, S.REFUSED_BY_ELU, A.ELU, "Proposition déclinée par l'élu"),
    Rule(S.PROPOSED, S.EXPIRED_ELU, A.SYSTEM, "Sans confirmation de l'élu dans le délai", after_deadline),
    Rule(S.ACCEPTED, S.IN_TRAINING, A.ORGANISME, "Entrée en formation déclarée", session_started),
    Rule(S.ACCEPTED, S.CANCELLED_BY_ELU, A.ELU, "Inscription annulée par l'élu"),
    Rule(S.ACCEPTED, S.CANCELLED_BY_OF, A.ORGANISME, "Inscription annulée par l'organisme"),
    Rule(S.ACCEPTED, S.SERVICE_DECLARED, A.ORGANISME, "Non-présentation déclarée", session_started),
    Rule(S.IN_TRAINING, S.EXITED, A.ORGANISME, "Sortie de formation déclarée"),
    Rule(S.EXITED, S.SERVICE_DECLARED, A.ORGANISME, "Service fait déclaré"),
    Rule(S.SERVICE_DECLARED, S.SERVICE_VALIDATED, A.GESTIONNAIRE, "Service fait validé"),
)
RULES: dict[tuple[str, str], Rule] = {(r.source, r.target): r for r in TRANSITIONS}
assert len(RULES) == len(TRANSITIONS), "one rule per (from, to)"


def rule_for(source: str, target: str) -> Rule | None:
    return RULES.get((source, target))


def rules_from(source: str, actor: str | None = None) -> list[Rule]:
    """The rules that leave ``source`` (those of ``actor`` when given), in the table's order."""
    return [r for r in TRANSITIONS if r.source == source and (actor is None or r.actor == actor)]


def targets(source: str, actor: str | None = None) -> list[State]:
    return [r.target for r in rules_from(source, actor)]


@dataclass(frozen=True)
class Action:
    """A change ``actor_kind`` may ask for on a dossier now, with why it is refused today (or None)."""

    rule: Rule
    blocked: str | None

    @property
    def target(self) -> State:
        return self.rule.target

    @property
    def label(self) -> str:
        return self.rule.label


def actions(dossier: Dossier, actor_kind: str, now: datetime) -> list[Action]:
    """What ``actor_kind`` can do with the dossier in its state (pages show these, and only these)."""
    return [
        Action(rule, check(dossier, rule.target, actor_kind=actor_kind, now=now))
        for rule in rules_from(dossier.state, actor_kind)
    ]


def lock(dossier: Dossier) -> Dossier:
    """The dossier row locked for this transaction (with its session for the guards)."""
    return (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("session", "action__formation", "organisme__organisation", "elu")
        .get(pk=dossier.pk)
    )


def _no_rule(dossier: Dossier, to: str) -> str:
    return f"Ce dossier est « {elu_label(dossier.state)} » : il ne peut pas passer à « {elu_label(to)} »."


def _other_actor(rule: Rule) -> str:
    return f"« {rule.label} » ne peut être fait que par : {rule.actor.label}."


def check(dossier: Dossier, to: str, *, actor_kind: str, now: datetime) -> str | None:
    """Why ``actor_kind`` cannot move the dossier ``to`` now, in French (None when the table and the
    rule's guard allow it). No side effect and no lock: pages use it to show an action's blocking
    reason; :func:`require` enforces the same answer (and who the user is) inside a transaction."""
    rule = rule_for(dossier.state, to)
    if rule is None:
        return _no_rule(dossier, to)
    if rule.actor != actor_kind:
        return _other_actor(rule)
    return rule.guard(dossier, now)


def require(dossier: Dossier, to: str, *, actor_kind: str, by, now: datetime) -> Rule:
    """The rule that allows this change, or TransitionRefused / NotAllowed (no side effect)."""
    rule = rule_for(dossier.state, to)
    if rule is None:
        raise TransitionRefused(_no_rule(dossier, to))
    if rule.actor != actor_kind:
        raise NotAllowed(_other_actor(rule))
    if actor_kind == ActorKind.SYSTEM:
        if by is not None:
            raise NotAllowed("Seule la plateforme applique les délais expirés.")
    elif not perms.may_act(by, dossier, actor_kind):
        raise NotAllowed
    reason = rule.guard(dossier, now)
    if reason:
        raise TransitionRefused(reason)
    return rule


@transaction.atomic
def apply(
    *,
    dossier: Dossier,
    to: str,
    actor_kind: str,
    by=None,
    now: datetime | None = None,
    reason: str = "",
    changes: dict | None = None,
    data: dict | None = None,
    request=None,
) -> Dossier:
    """Change the dossier's state through its rule; returns the updated (locked) dossier."""
    now = now or timezone.now()
    locked = lock(dossier)
    require(locked, to, actor_kind=actor_kind, by=by, now=now)
    source = locked.state
    for name, value in (changes or {}).items():
        setattr(locked, name, value)
    Transition.objects.create(
        dossier=locked,
        from_state=source,
        to_state=to,
        actor_kind=actor_kind,
        actor=by,
        at=now,
        reason=reason,
        data=data or {},
    )
    locked.state = to
    locked.deadline = deadlines.for_state(locked, to, now)
    locked.late_since = None
    if to in CLOSED:
        locked.closed_at = now
    locked.updated_at = now
    locked.save()
    record(
        action=f"enrollment.dossier.{to}",
        actor=by,
        target=locked,
        request=request,
        from_state=source,
        to_state=to,
        reason=reason,
    )
    from dife.enrollment import notify

    notify.state_changed(locked, source=source)
    return locked


def log_creation(dossier: Dossier, *, by, now: datetime, request=None) -> None:
    """The first row of the log: the élu sends the request (no previous state)."""
    Transition.objects.create(
        dossier=dossier,
        from_state="",
        to_state=State.SUBMITTED,
        actor_kind=ActorKind.ELU,
        actor=by,
        at=now,
        reason="Demande d'inscription envoyée par l'élu",
    )
    record(
        action="enrollment.dossier.submitted", actor=by, target=dossier, request=request, to_state="submitted"
    )
