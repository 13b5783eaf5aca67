"""Deadlines that run by themselves (PRODUCT.md §5): the periodic sweep.

* a request the OF did not answer by its deadline (end of the 2nd business day) → ``expired_of``;
* a proposal the élu did not confirm by its deadline (end of the 4th business day) → ``expired_elu``;
  both show "Annulé sans suite"; any rights still reserved for them are released;
* an OF declaration (entry, exit, service fait) past its deadline is flagged late, once.

Each batch is one transaction over rows taken with ``SELECT … FOR UPDATE SKIP LOCKED`` (a dossier a
person is changing right now is left for the next run), written set-based (one INSERT for the log,
one UPDATE per source state, bulk rows for the audit journal and the outbox). Re-running changes
nothing more: the filters only match what is still overdue. Killing it loses at most the batch in
flight, which the next run does again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from dife.enrollment import machine, notify
from dife.enrollment.models import Dossier
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.states import OF_DECLARATION_DUE, State
from dife.rights import services as ledger
from dife.rights.selectors import open_reservations

EXPIRY = {State.SUBMITTED: State.EXPIRED_OF, State.PROPOSED: State.EXPIRED_ELU}
for _source, _target in EXPIRY.items():  # the sweep applies rules of the table, nothing else
    assert machine.rule_for(_source, _target).actor == ActorKind.SYSTEM
RELATED = ("session", "action__formation", "organisme__organisation", "elu__elu_profile")


@dataclass
class SweepResult:
    expired_of: int = 0
    expired_elu: int = 0
    released: int = 0
    flagged_late: int = 0
    batches: int = 0

    def as_dict(self) -> dict:
        return {
            "expired_of": self.expired_of,
            "expired_elu": self.expired_elu,
            "released": self.released,
            "flagged_late": self.flagged_late,
            "batches": self.batches,
        }


AUDIT_SQL = """
INSERT INTO audit_event (occurred_at, action, target_type, target_id, ip_address, data)
SELECT now(), %(prefix)s || t.to_state, 'enrollment.dossier', t.id::text, NULL,
       jsonb_build_object('from_state', t.from_state, 'to_state', t.to_state)
FROM unnest(%(ids)s::bigint[], %(froms)s::text[], %(tos)s::text[]) AS t(id, from_state, to_state)
"""


def _audit(
    cursor, ids: list[int], froms: list[str], tos: list[str], *, prefix: str = "enrollment.dossier."
) -> None:
    """The journal rows of a batch in one INSERT (names of ``dife/audit/actions.py``, like ``record()``)."""
    cursor.execute(AUDIT_SQL, {"prefix": prefix, "ids": ids, "froms": froms, "tos": tos})


def _release_left_reservations(dossiers: list[Dossier], now: datetime) -> int:
    """Release what is still reserved for expired dossiers (none by construction: rights are reserved
    at confirmation; checked anyway so that nothing stays blocked)."""
    by_ref = {d.ledger_reference: d for d in dossiers}
    left = open_reservations(persons={d.person_id for d in dossiers}, refs=by_ref)
    released = 0
    for ref in left:
        ledger.release(
            person=by_ref[ref].person,
            dossier=ref,
            key=f"{ref}:liberation-expiration",
            on=timezone.localdate(now),
            reason=f"Dossier n°{by_ref[ref].numero} annulé sans suite : droits libérés",
        )
        released += 1
    return released


# One statement takes the batch (SKIP LOCKED) and writes its log rows; the rules come from the table.
EXPIRE_SQL = """
WITH due AS (
    SELECT id, state, deadline FROM enrollment_dossier
    WHERE state = ANY(%(sources)s) AND deadline < %(now)s
    ORDER BY deadline, id
    LIMIT %(limit)s
    FOR UPDATE SKIP LOCKED
)
INSERT INTO enrollment_transition (dossier_id, from_state, to_state, actor_kind, actor_id, at, reason, data)
SELECT due.id, due.state, rule.target, 'system', NULL, %(now)s, rule.reason,
       jsonb_build_object('echeance', due.deadline)
FROM due
JOIN unnest(%(sources)s::text[], %(targets)s::text[], %(reasons)s::text[]) AS rule(source, target, reason)
  ON rule.source = due.state
RETURNING dossier_id, from_state, to_state
"""
CLOSE_SQL = """
UPDATE enrollment_dossier d
SET state = t.to_state, closed_at = %(now)s, deadline = NULL, late_since = NULL, updated_at = %(now)s
FROM unnest(%(ids)s::bigint[], %(froms)s::text[], %(tos)s::text[]) AS t(id, from_state, to_state)
WHERE d.id = t.id AND d.state = t.from_state
"""


def expire_batch(*, now: datetime, batch_size: int, result: SweepResult) -> int:
    sources = [str(s) for s in EXPIRY]
    params = {
        "now": now,
        "limit": batch_size,
        "sources": sources,
        "targets": [str(EXPIRY[s]) for s in EXPIRY],
        "reasons": [machine.rule_for(s, EXPIRY[s]).label for s in EXPIRY],
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(EXPIRE_SQL, params)
        rows = cursor.fetchall()
        if not rows:
            return 0
        ids, froms, tos = (list(column) for column in zip(*rows, strict=True))
        cursor.execute(CLOSE_SQL, {"now": now, "ids": ids, "froms": froms, "tos": tos})
        _audit(cursor, ids, froms, tos)
        result.expired_of += froms.count(State.SUBMITTED)
        result.expired_elu += froms.count(State.PROPOSED)
        dossiers = list(Dossier.objects.filter(id__in=ids).select_related(*RELATED))
        result.released += _release_left_reservations(dossiers, now)
        notify.bulk_state_changed(dossiers)
    return len(rows)


def flag_late_batch(*, now: datetime, batch_size: int, result: SweepResult) -> int:
    with transaction.atomic():
        ids = list(
            Dossier.objects.select_for_update(skip_locked=True)
            .filter(state__in=OF_DECLARATION_DUE, deadline__lt=now, late_since__isnull=True)
            .order_by("deadline", "id")
            .values_list("id", flat=True)[:batch_size]
        )
        if not ids:
            return 0
        Dossier.objects.filter(id__in=ids, late_since__isnull=True).update(late_since=now)
        with connection.cursor() as cursor:
            states = dict(Dossier.objects.filter(id__in=ids).values_list("id", "state"))
            froms = [states[pk] for pk in ids]
            _audit(cursor, ids, froms, ["declaration_late"] * len(ids))
        dossiers = list(Dossier.objects.filter(id__in=ids).select_related(*RELATED))
        notify.bulk_declaration_late(dossiers)
        result.flagged_late += len(ids)
    return len(ids)


def run_sweep(*, now: datetime | None = None, batch_size: int = 1000) -> SweepResult:
    """Expire what is overdue, then flag late declarations; each batch commits on its own."""
    now = now or timezone.now()
    result = SweepResult()
    while expire_batch(now=now, batch_size=batch_size, result=result):
        result.batches += 1
    while flag_late_batch(now=now, batch_size=batch_size, result=result):
        result.batches += 1
    return result
