"""Settlement of a dossier: record the §8 outcome, and validate it (gestionnaire, or the platform when
there is nothing to judge) — the DIFE ledger moves then, and the OF's amount becomes due for payment
within the dated delay ``funding.of_payment_calendar_days`` (30 calendar days)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.core import parameters
from dife.core.formatting import ZERO
from dife.enrollment import machine, settlement
from dife.enrollment.errors import NotAllowed
from dife.enrollment.models import Dossier, Settlement
from dife.enrollment.models.settlement import Event
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.states import State
from dife.rights import services as ledger


def record_outcome(
    *, dossier: Dossier, outcome: settlement.Outcome, as_of: date, now: datetime
) -> Settlement:
    """Store the computed settlement; cancellations with nothing to judge are validated at once."""
    row = Settlement.objects.create(
        dossier=dossier,
        event=outcome.event,
        as_of=as_of,
        price=outcome.price,
        rights_engaged=outcome.rights_engaged,
        of_amount=outcome.of_amount,
        rights_consumed=outcome.rights_consumed,
        rights_released=outcome.rights_released,
        planned_hours=outcome.planned_hours,
        attended_hours=outcome.attended_hours,
        force_majeure=outcome.force_majeure,
        force_majeure_claimed=dossier.force_majeure,
        free_cancellation=outcome.free_cancellation,
        rule=outcome.rule,
        computed_at=now,
    )
    nothing_to_judge = outcome.of_amount == 0 and not dossier.force_majeure
    if outcome.event in (Event.CANCELLED_BY_ELU, Event.CANCELLED_BY_OF) and nothing_to_judge:
        _validate(row, dossier=dossier, by=None, now=now)
    return row


def recompute(row: Settlement, *, force_majeure: bool) -> settlement.Outcome:
    return settlement.compute(
        event=row.event,
        price=row.price,
        rights_engaged=row.rights_engaged,
        as_of=row.as_of,
        force_majeure=force_majeure,
        free_cancellation=row.free_cancellation,
        planned_hours=row.planned_hours,
        attended_hours=row.attended_hours,
    )


def _move_rights(row: Settlement, dossier: Dossier, *, by: User | None, on: date) -> None:
    ref = dossier.ledger_reference
    title = dossier.action.formation.intitule
    if row.rights_consumed > ZERO:
        ledger.consume(
            person=dossier.person,
            amount=row.rights_consumed,
            dossier=ref,
            key=f"{ref}:consommation",
            on=on,
            actor=by,
            reason=f"Dossier n°{dossier.numero} « {title} » : {row.get_event_display().lower()}",
        )
    if row.rights_released > ZERO:
        ledger.release(
            person=dossier.person,
            amount=row.rights_released,
            dossier=ref,
            key=f"{ref}:liberation",
            on=on,
            actor=by,
            reason=(
                f"Dossier n°{dossier.numero} « {title} » : droits libérés ({row.get_event_display().lower()})"
            ),
        )


def _validate(
    row: Settlement, *, dossier: Dossier, by: User | None, now: datetime, request: HttpRequest | None = None
) -> Settlement:
    today = timezone.localdate(now)
    _move_rights(row, dossier, by=by, on=today)
    if dossier.state == State.SERVICE_DECLARED:
        machine.apply(
            dossier=dossier,
            to=State.SERVICE_VALIDATED,
            actor_kind=ActorKind.GESTIONNAIRE,
            by=by,
            now=now,
            reason=f"Service fait validé — {row.rule}",
            data={"paye_organisme": f"{row.of_amount:.2f}"},
            request=request,
        )
    delay = parameters.int_value("funding.of_payment_calendar_days", today)
    row.status = Settlement.Status.VALIDATED
    row.validated_at = now
    row.validated_by = by
    row.payment_due_on = today + timedelta(days=delay)
    row.save(update_fields=["status", "validated_at", "validated_by", "payment_due_on"])
    record(
        action="enrollment.settlement.validated",
        actor=by,
        target=dossier,
        request=request,
        paye_organisme=f"{row.of_amount:.2f}",
        droits_consommes=f"{row.rights_consumed:.2f}",
        droits_liberes=f"{row.rights_released:.2f}",
        force_majeure=row.force_majeure,
    )
    return row


@transaction.atomic
def validate_settlement(
    *,
    settlement_id: int,
    by: User | None,
    force_majeure_recognised: bool = True,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Settlement:
    """The gestionnaire validates ("Service fait validé"); idempotent. When a declared force majeure
    is not recognised, the amounts are computed again without it first."""
    now = now or timezone.now()
    if by is None or not by.is_authenticated or by.kind != User.Kind.GESTIONNAIRE:
        raise NotAllowed
    row = Settlement.objects.select_for_update(of=("self",)).get(pk=settlement_id)
    if row.status == Settlement.Status.VALIDATED:
        return row
    dossier = machine.lock(row.dossier)
    if row.force_majeure and not force_majeure_recognised:
        outcome = recompute(row, force_majeure=False)
        row.force_majeure = False
        row.of_amount = outcome.of_amount
        row.rights_consumed = outcome.rights_consumed
        row.rights_released = outcome.rights_released
        row.rule = outcome.rule + " (force majeure non retenue par le gestionnaire du fonds)"
        row.save(update_fields=["force_majeure", "of_amount", "rights_consumed", "rights_released", "rule"])
    return _validate(row, dossier=dossier, by=by, now=now, request=request)
