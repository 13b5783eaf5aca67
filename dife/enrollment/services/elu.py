"""What the élu does with his dossier: confirm or decline a proposal, cancel, settle the reste à payer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.catalog.models import Session
from dife.core.formatting import ZERO
from dife.enrollment import documents, machine, perms, settlement
from dife.enrollment.errors import EnrollmentError, NotAllowed, TransitionRefused
from dife.enrollment.models import Dossier
from dife.enrollment.models.settlement import Event
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.services.settle import record_outcome
from dife.enrollment.states import CONFIRMED, State
from dife.rights import services as ledger

ELU = ActorKind.ELU


def _seats_left(session_id: int) -> None:
    """Lock the session (confirmations of one session queue here) and refuse when it is full."""
    session = Session.objects.select_for_update(of=("self",)).get(pk=session_id)
    if session.places is None:
        return
    taken = Dossier.objects.filter(session_id=session_id, state__in=CONFIRMED).count()
    if taken >= session.places:
        raise TransitionRefused(
            "La session est complète : toutes ses places ont été confirmées par d'autres élus. "
            "Contactez l'organisme pour une autre session."
        )


@transaction.atomic
def confirm(
    *,
    dossier: Dossier,
    by: User,
    identity_verified: bool,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """ "Je confirme mon inscription": fixes the funding plan (DIFE up to the available rights, the rest
    to pay by the élu) and reserves the DIFE part in the ledger, atomically with the state change."""
    now = now or timezone.now()
    if not identity_verified:
        raise TransitionRefused(
            "La confirmation de votre inscription nécessite la vérification préalable de votre identité."
        )
    locked = machine.lock(dossier)
    machine.require(locked, State.ACCEPTED, actor_kind=ELU, by=by, now=now)
    _seats_left(locked.session_id)
    # The ledger locks the élu's account before reading what is available: two confirmations of the
    # same élu run one after the other and the second sees what the first reserved.
    ref = locked.ledger_reference
    dife = ledger.reserve_available(
        person=locked.person,
        up_to=locked.price,
        dossier=ref,
        key=f"{ref}:reservation",
        on=timezone.localdate(now),
        actor=by,
        reason=f"Réservation pour le dossier n°{locked.numero} « {locked.action.formation.intitule} »",
    )
    reste = locked.price - dife
    return machine.apply(
        dossier=locked,
        to=State.ACCEPTED,
        actor_kind=ELU,
        by=by,
        now=now,
        reason="Inscription confirmée par l'élu",
        changes={"accepted_at": now, "rights_engaged": dife, "reste_a_payer": reste},
        data={"part_dife": f"{dife:.2f}", "reste_a_payer": f"{reste:.2f}"},
        request=request,
    )


def decline(
    *,
    dossier: Dossier,
    by: User,
    now: datetime | None = None,
    detail: str = "",
    request: HttpRequest | None = None,
) -> Dossier:
    return machine.apply(
        dossier=dossier,
        to=State.REFUSED_BY_ELU,
        actor_kind=ELU,
        by=by,
        now=now,
        reason="Proposition déclinée par l'élu",
        changes={"motif_detail": detail.strip()[:2000]},
        request=request,
    )


@dataclass(frozen=True)
class CancellationPreview:
    """ "Que se passe-t-il si j'annule ?" for one dossier on one day."""

    on: date
    engaged: bool  # False: nothing confirmed yet, cancelling costs nothing
    outcome: settlement.Outcome | None

    @property
    def free(self) -> bool:
        return not self.engaged or bool(self.outcome and self.outcome.free_cancellation)


def _cancellation_outcome(dossier: Dossier, *, on: date, force_majeure: bool) -> settlement.Outcome:
    free = settlement.cancellation_is_free(
        cancelled_on=on,
        session_start=dossier.session.debut,
        departement=dossier.departement or None,
        confirmed_on=timezone.localdate(dossier.accepted_at) if dossier.accepted_at else None,
    )
    return settlement.compute(
        event=Event.CANCELLED_BY_ELU,
        price=dossier.price,
        rights_engaged=dossier.rights_engaged or ZERO,
        as_of=dossier.session.debut,
        force_majeure=force_majeure,
        free_cancellation=free,
    )


def cancellation_preview(
    *, dossier: Dossier, on: date | None = None, force_majeure: bool = False
) -> CancellationPreview:
    on = on or timezone.localdate()
    if dossier.state != State.ACCEPTED:
        return CancellationPreview(on=on, engaged=False, outcome=None)
    return CancellationPreview(
        on=on, engaged=True, outcome=_cancellation_outcome(dossier, on=on, force_majeure=force_majeure)
    )


@transaction.atomic
def cancel_by_elu(
    *,
    dossier: Dossier,
    by: User,
    force_majeure_document: UploadedFile | None = None,
    detail: str = "",
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """The élu withdraws his request (submitted) or cancels his enrollment (accepted, before entry).
    After a confirmation the settlement of §8 is computed for today: free (7 business days or more
    before the start, or withdrawal period), 5 % to the OF, or nothing with a force majeure document."""
    now = now or timezone.now()
    locked = machine.lock(dossier)
    machine.require(locked, State.CANCELLED_BY_ELU, actor_kind=ELU, by=by, now=now)
    changes = {"motif_detail": detail.strip()[:2000]}
    if locked.state == State.ACCEPTED:
        changes |= documents.force_majeure_changes(force_majeure_document)
    was_confirmed = locked.state == State.ACCEPTED
    updated = machine.apply(
        dossier=locked,
        to=State.CANCELLED_BY_ELU,
        actor_kind=ELU,
        by=by,
        now=now,
        reason="Inscription annulée par l'élu" if was_confirmed else "Demande retirée par l'élu",
        changes=changes,
        request=request,
    )
    if was_confirmed:
        today = timezone.localdate(now)
        outcome = _cancellation_outcome(updated, on=today, force_majeure=updated.force_majeure)
        record_outcome(dossier=updated, outcome=outcome, as_of=updated.session.debut, now=now)
    return updated


@transaction.atomic
def mark_reste_paid(
    *,
    dossier: Dossier,
    by: User,
    reference: str,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """The élu records that he paid his reste à payer by bank transfer, with the transfer's reference."""
    now = now or timezone.now()
    locked = machine.lock(dossier)
    if not perms.may_act(by, locked, ELU):
        raise NotAllowed
    reference = " ".join((reference or "").split())
    if not reference:
        raise EnrollmentError("Indiquez la référence de votre virement.", field="reference")
    if len(reference) > 140:
        raise EnrollmentError("La référence du virement compte 140 caractères au plus.", field="reference")
    if locked.state not in CONFIRMED or not locked.reste_a_payer:
        raise TransitionRefused("Ce dossier n'a pas de reste à payer à régler.")
    if locked.reste_paid_at is not None:
        raise TransitionRefused(
            f"Le reste à payer est déjà réglé (virement « {locked.reste_paid_reference} »)."
        )
    Dossier.objects.filter(pk=locked.pk).update(
        reste_paid_at=now, reste_paid_reference=reference, updated_at=now
    )
    record(
        action="enrollment.dossier.reste_paid",
        actor=by,
        target=locked,
        request=request,
        montant=f"{locked.reste_a_payer:.2f}",
        moyen="virement",
    )
    locked.refresh_from_db()
    return locked


__all__ = ["cancel_by_elu", "cancellation_preview", "confirm", "decline", "mark_reste_paid"]
