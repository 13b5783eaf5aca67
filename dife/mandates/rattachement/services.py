"""Rattachement requests: submitted by an élu, decided by a gestionnaire (see models_rattachement)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dife.accounts.models import User
from dife.accounts.services.elus import complete_elu_identity
from dife.audit.services import record
from dife.core import uploads
from dife.mandates.models import AccountPersonLink, Person, RattachementRequest
from dife.mandates.rattachement import documents
from dife.mandates.rattachement.notify import send_decision

Status = RattachementRequest.Status


class RattachementError(Exception):
    message = "Action impossible."


class AlreadyPending(RattachementError):
    message = "Vous avez déjà une demande de rattachement en cours d'examen."


class AlreadyDecided(RattachementError):
    message = "Cette demande a déjà été traitée."


def _check_transition(rattachement: RattachementRequest, to: str, actor: User) -> None:
    if rattachement.status != Status.PENDING:
        raise AlreadyDecided
    if RattachementRequest.TRANSITIONS.get((rattachement.status, to)) != actor.kind:
        raise PermissionError("transition not allowed for this actor")


@transaction.atomic
def submit_rattachement_request(
    *,
    user: User,
    nom_naissance: str,
    prenoms: str,
    date_naissance: date,
    lieu_naissance: str,
    collectivite: str,
    piece_identite,
    justificatif_mandat,
    nom_usage: str = "",
    nom_marital: str = "",
    precisions: str = "",
    request=None,
) -> RattachementRequest:
    if user.kind != User.Kind.ELU:
        raise PermissionError("only élus ask for a rattachement")
    if date_naissance > timezone.localdate():
        raise ValidationError("La date de naissance ne peut pas être dans le futur.")
    id_type = documents.check_upload(piece_identite)
    proof_type = documents.check_upload(justificatif_mandat)
    if RattachementRequest.objects.select_for_update().filter(user=user, status=Status.PENDING).exists():
        raise AlreadyPending
    rattachement = RattachementRequest(
        user=user,
        nom_naissance=nom_naissance.strip(),
        nom_usage=nom_usage.strip(),
        nom_marital=nom_marital.strip(),
        prenoms=prenoms.strip(),
        date_naissance=date_naissance,
        lieu_naissance=lieu_naissance.strip(),
        collectivite=collectivite.strip(),
        precisions=precisions.strip(),
        piece_identite_type=id_type,
        justificatif_mandat_type=proof_type,
    )
    rattachement.piece_identite.save(documents.upload_name(id_type), piece_identite, save=False)
    try:
        rattachement.justificatif_mandat.save(
            documents.upload_name(proof_type), justificatif_mandat, save=False
        )
        rattachement.save()
    except Exception:
        # Files are written before the row: remove them when the row cannot be written.
        uploads.delete_files(
            rattachement.piece_identite.storage,
            [rattachement.piece_identite.name, rattachement.justificatif_mandat.name],
        )
        raise
    record(
        action="mandates.rattachement_submitted",
        actor=user,
        target=rattachement,
        request=request,
        status=Status.PENDING,
    )
    return rattachement


def _delete_documents(rattachement: RattachementRequest) -> None:
    names = [f.name for f in (rattachement.piece_identite, rattachement.justificatif_mandat) if f]
    storage = rattachement.piece_identite.storage
    rattachement.piece_identite = ""
    rattachement.justificatif_mandat = ""
    rattachement.documents_deleted_at = timezone.now()

    transaction.on_commit(lambda: uploads.delete_files(storage, names))


@transaction.atomic
def approve_rattachement(
    *, rattachement: RattachementRequest, person: Person, gestionnaire: User, request=None
) -> RattachementRequest:
    """Attach the account to the register person; the identity checked on the ID completes the
    account (first names, birth date) so later matching needs no rattachement."""
    rattachement = RattachementRequest.objects.select_for_update().get(pk=rattachement.pk)
    _check_transition(rattachement, Status.APPROVED, gestionnaire)
    rattachement.status = Status.APPROVED
    rattachement.person = person
    rattachement.decided_at = timezone.now()
    rattachement.decided_by = gestionnaire
    _delete_documents(rattachement)
    rattachement.save()
    AccountPersonLink.objects.get_or_create(
        user=rattachement.user,
        person=person,
        defaults={"rattachement": rattachement, "created_by": gestionnaire},
    )
    profile = getattr(rattachement.user, "elu_profile", None)
    if profile is not None:
        complete_elu_identity(
            user=rattachement.user,
            source="rattachement",
            prenoms=profile.prenoms or rattachement.prenoms,
            date_naissance=profile.date_naissance or rattachement.date_naissance,
            request=request,
        )
    record(
        action="mandates.rattachement_decided",
        actor=gestionnaire,
        target=rattachement,
        request=request,
        from_status=Status.PENDING,
        to_status=Status.APPROVED,
        person_id=person.pk,
    )
    send_decision(rattachement=rattachement)
    return rattachement


@transaction.atomic
def refuse_rattachement(
    *, rattachement: RattachementRequest, motif: str, gestionnaire: User, request=None
) -> RattachementRequest:
    motif = (motif or "").strip()
    if not motif:
        raise ValidationError("Indiquez le motif du refus : il est communiqué à l'élu.")
    rattachement = RattachementRequest.objects.select_for_update().get(pk=rattachement.pk)
    _check_transition(rattachement, Status.REFUSED, gestionnaire)
    rattachement.status = Status.REFUSED
    rattachement.motif_refus = motif
    rattachement.decided_at = timezone.now()
    rattachement.decided_by = gestionnaire
    _delete_documents(rattachement)
    rattachement.save()
    record(
        action="mandates.rattachement_decided",
        actor=gestionnaire,
        target=rattachement,
        request=request,
        from_status=Status.PENDING,
        to_status=Status.REFUSED,
        reason=motif,
    )
    send_decision(rattachement=rattachement)
    return rattachement
