"""What the OF does with a dossier: propose or refuse, declare entry / no-show / exit / service fait,
cancel. Each declaration has its deadline (``deadlines.py``); a late one is still accepted (and was
flagged by the periodic task), the proposal is not (the 11-business-day rule blocks it)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import TextChoices
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.core.formatting import ZERO, heures, jour
from dife.enrollment import documents, machine, settlement
from dife.enrollment.choices import MotifAnnulationOrganisme, MotifRefus
from dife.enrollment.errors import EnrollmentError, TransitionRefused
from dife.enrollment.models import Dossier
from dife.enrollment.models.settlement import Event
from dife.enrollment.models.transition import ActorKind
from dife.enrollment.services.settle import record_outcome
from dife.enrollment.states import State, of_label

OF = ActorKind.ORGANISME


def _apply(
    dossier: Dossier,
    to: str,
    *,
    by: User,
    now: datetime | None,
    reason: str,
    changes: dict[str, Any],
    request: HttpRequest | None,
) -> Dossier:
    return machine.apply(
        dossier=dossier, to=to, actor_kind=OF, by=by, now=now, reason=reason, changes=changes, request=request
    )


def _locked(dossier: Dossier, to: str, *, by: User, now: datetime) -> Dossier:
    """The dossier locked for update, once the OF may move it ``to``."""
    locked = machine.lock(dossier)
    machine.require(locked, to, actor_kind=OF, by=by, now=now)
    return locked


def _settle(dossier: Dossier, event: str, *, now: datetime, **facts: Any) -> Dossier:
    """Compute and record the settlement of ``event`` (it waits for the gestionnaire's validation)."""
    outcome = settlement.compute(
        event=event,
        price=dossier.price,
        rights_engaged=_engaged(dossier),
        as_of=dossier.session.debut,
        **facts,
    )
    record_outcome(dossier=dossier, outcome=outcome, as_of=dossier.session.debut, now=now)
    return dossier


def propose(
    *, dossier: Dossier, by: User, now: datetime | None = None, request: HttpRequest | None = None
) -> Dossier:
    now = now or timezone.now()
    return _apply(
        dossier,
        State.PROPOSED,
        by=by,
        now=now,
        reason="Proposition de l'organisme",
        changes={"proposed_at": now},
        request=request,
    )


def _motif(motif: str, detail: str, choices: type[TextChoices]) -> tuple[str, dict[str, Any]]:
    """The transition's reason and the dossier's changes for a motif chosen in ``choices``."""
    if motif not in choices.values:
        raise EnrollmentError("Choisissez un motif dans la liste.", field="motif")
    detail = (detail or "").strip()
    if motif == "other" and not detail:  # every motif list ends with OTHER = "other"
        raise EnrollmentError("Précisez le motif : il est communiqué à l'élu.", field="detail")
    detail = detail[:2000]
    reason = choices(motif).label + (f" — {detail}" if detail else "")
    return reason, {"motif": motif, "motif_detail": detail}


def refuse(
    *,
    dossier: Dossier,
    by: User,
    motif: str,
    detail: str = "",
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    reason, changes = _motif(motif, detail, MotifRefus)
    return _apply(
        dossier, State.REFUSED_BY_OF, by=by, now=now, reason=reason, changes=changes, request=request
    )


def _day(value: object, *, field: str, label: str) -> date:
    if not isinstance(value, date):
        raise EnrollmentError(f"Indiquez la date {label}.", field=field)
    return value


@transaction.atomic
def declare_entry(
    *,
    dossier: Dossier,
    by: User,
    entered_on: date,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    now = now or timezone.now()
    locked = _locked(dossier, State.IN_TRAINING, by=by, now=now)
    entered_on = _day(entered_on, field="date", label="d'entrée en formation")
    session = locked.session
    if entered_on < session.debut or entered_on > session.fin:
        raise EnrollmentError(
            f"La date d'entrée doit être comprise entre le début ({jour(session.debut)}) et la fin "
            f"({jour(session.fin)}) de la session.",
            field="date",
        )
    if entered_on > timezone.localdate(now):
        raise EnrollmentError("La date d'entrée ne peut pas être dans le futur.", field="date")
    return _apply(
        locked,
        State.IN_TRAINING,
        by=by,
        now=now,
        reason=f"Entrée en formation le {jour(entered_on)}",
        changes={"entered_on": entered_on},
        request=request,
    )


def _hours(value: object, dossier: Dossier) -> Decimal:
    try:
        hours = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise EnrollmentError(
            "Indiquez le nombre d'heures suivies (par exemple 6 ou 3,5).", field="heures"
        ) from None
    if not hours.is_finite() or hours < 0 or hours != hours.quantize(Decimal("0.01")):
        raise EnrollmentError(
            "Le nombre d'heures suivies est positif, avec deux décimales au plus.", field="heures"
        )
    if hours > dossier.planned_hours:
        raise EnrollmentError(
            f"Les heures suivies ne peuvent pas dépasser la durée prévue ({heures(dossier.planned_hours)}).",
            field="heures",
        )
    return hours.quantize(Decimal("0.01"))


@transaction.atomic
def declare_exit(
    *,
    dossier: Dossier,
    by: User,
    exited_on: date,
    attended_hours: Decimal | str,
    force_majeure_document: UploadedFile | None = None,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """Exit with the attended hours; a force majeure (interruption) comes with its document."""
    now = now or timezone.now()
    locked = _locked(dossier, State.EXITED, by=by, now=now)
    exited_on = _day(exited_on, field="date", label="de sortie de formation")
    assert locked.entered_on is not None  # in training: the database requires the entry date
    if exited_on < locked.entered_on:
        raise EnrollmentError(
            f"La date de sortie ne peut pas précéder l'entrée en formation ({jour(locked.entered_on)}).",
            field="date",
        )
    if exited_on > timezone.localdate(now):
        raise EnrollmentError("La date de sortie ne peut pas être dans le futur.", field="date")
    hours = _hours(attended_hours, locked)
    changes = {"exited_on": exited_on, "attended_hours": hours}
    changes |= documents.force_majeure_changes(force_majeure_document)
    return _apply(
        locked,
        State.EXITED,
        by=by,
        now=now,
        reason=f"Sortie le {jour(exited_on)}, {heures(hours)} suivies"
        + (" (force majeure)" if "force_majeure" in changes else ""),
        changes=changes,
        request=request,
    )


def _require(dossier: Dossier, state: str, message: str) -> None:
    if dossier.state != state:
        raise TransitionRefused(f"{message} Ce dossier est « {of_label(dossier.state)} ».")


def _engaged(dossier: Dossier) -> Decimal:
    return dossier.rights_engaged or ZERO


@transaction.atomic
def declare_service_fait(
    *,
    dossier: Dossier,
    by: User,
    attended_hours: Decimal | str | None = None,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """Service fait with the attended hours (those of the exit unless corrected); the settlement is
    computed and waits for the gestionnaire's validation."""
    now = now or timezone.now()
    locked = _locked(dossier, State.SERVICE_DECLARED, by=by, now=now)
    _require(locked, State.EXITED, "Le service fait se déclare après la sortie de formation.")
    hours = locked.attended_hours if attended_hours in (None, "") else _hours(attended_hours, locked)
    assert hours is not None  # exited: the database requires the attended hours
    updated = _apply(
        locked,
        State.SERVICE_DECLARED,
        by=by,
        now=now,
        reason=f"Service fait : {heures(hours)} suivies sur {heures(locked.planned_hours)}",
        changes={"attended_hours": hours},
        request=request,
    )
    return _settle(
        updated,
        Event.EXIT,
        now=now,
        force_majeure=updated.force_majeure,
        planned_hours=updated.planned_hours,
        attended_hours=hours,
    )


@transaction.atomic
def declare_no_show(
    *,
    dossier: Dossier,
    by: User,
    force_majeure_document: UploadedFile | None = None,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """The élu did not come on the first day: 5 % to the OF and rights consumed, or nothing with force
    majeure; waits for the gestionnaire's validation."""
    now = now or timezone.now()
    locked = _locked(dossier, State.SERVICE_DECLARED, by=by, now=now)
    _require(
        locked,
        State.ACCEPTED,
        "Une non-présentation se déclare pour une inscription validée, avant l'entrée.",
    )
    changes = {"no_show": True} | documents.force_majeure_changes(force_majeure_document)
    updated = _apply(
        locked,
        State.SERVICE_DECLARED,
        by=by,
        now=now,
        reason="Non-présentation de l'élu" + (" (force majeure)" if updated_fm(changes) else ""),
        changes=changes,
        request=request,
    )
    return _settle(updated, Event.NO_SHOW, now=now, force_majeure=updated.force_majeure)


def updated_fm(changes: dict[str, Any]) -> bool:
    return bool(changes.get("force_majeure"))


@transaction.atomic
def cancel_by_of(
    *,
    dossier: Dossier,
    by: User,
    motif: str,
    detail: str = "",
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """The OF cancels a confirmed enrollment: no indemnity, the reserved rights are released."""
    now = now or timezone.now()
    reason, changes = _motif(motif, detail, MotifAnnulationOrganisme)
    updated = _apply(
        dossier, State.CANCELLED_BY_OF, by=by, now=now, reason=reason, changes=changes, request=request
    )
    return _settle(updated, Event.CANCELLED_BY_OF, now=now)
