"""Manual identity verification: the élu sends recto and verso of an ID; a gestionnaire decides.

The copies are deleted when the request is decided (the decision is kept); the élu is told by e-mail.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dife.audit.services import record
from dife.core import uploads
from dife.core.templatetags.dates_fr import date_fr
from dife.identity import documents
from dife.identity.models import IdentityVerification
from dife.notifications.services import queue

Status = IdentityVerification.Status


class VerificationRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _save_document(field, upload, mime: str) -> None:
    upload.name = f"document.{documents.extension(mime)}"  # the élu's file name is never kept
    field.save(upload.name, upload, save=False)


def submit(*, user, recto, verso, request=None) -> IdentityVerification:
    """A new pending request with both sides. Raises ValidationError (documents) or VerificationRefused."""
    recto_type = documents.check(recto, label="recto")
    verso_type = documents.check(verso, label="verso")
    if IdentityVerification.objects.filter(user=user, status=Status.APPROVED).exists():
        raise VerificationRefused(
            "Votre identité est déjà vérifiée : aucune nouvelle demande n'est nécessaire."
        )
    verification = IdentityVerification(
        user=user, recto_content_type=recto_type, verso_content_type=verso_type
    )
    _save_document(verification.recto, recto, recto_type)
    _save_document(verification.verso, verso, verso_type)
    try:
        with transaction.atomic():
            verification.save()
            record(action="identity_verification.submitted", actor=user, target=verification, request=request)
    except IntegrityError:
        _delete_files([verification.recto.name, verification.verso.name])
        raise VerificationRefused(
            "Vous avez déjà une demande de vérification en cours : attendez la décision avant d'en envoyer "
            "une autre."
        ) from None
    return verification


def _delete_files(names: list[str]) -> None:
    uploads.delete_files(uploads.private_storage(), names)


def _decide(*, verification: IdentityVerification, gestionnaire, to: str, reason: str = "", request=None):
    if IdentityVerification.TRANSITIONS.get((Status.PENDING, to)) != "gestionnaire":
        raise ValueError(f"no transition to {to}")
    if getattr(gestionnaire, "kind", None) != "gestionnaire":
        raise PermissionDenied
    with transaction.atomic():
        locked = IdentityVerification.objects.select_for_update().get(pk=verification.pk)
        if locked.status != Status.PENDING:
            raise VerificationRefused("Cette demande a déjà été traitée.")
        files = [locked.recto.name, locked.verso.name]
        locked.status = to
        locked.decided_at = timezone.now()
        locked.decided_by = gestionnaire
        locked.refusal_reason = reason
        locked.recto = ""
        locked.verso = ""
        locked.save()
        record(
            action=f"identity_verification.{to}",
            actor=gestionnaire,
            target=locked,
            request=request,
            previous=Status.PENDING,
            reason=reason,
        )
        transaction.on_commit(lambda: _delete_files(files), robust=True)
        _notify(locked)
    return locked


def approve(*, verification: IdentityVerification, gestionnaire, request=None) -> IdentityVerification:
    return _decide(verification=verification, gestionnaire=gestionnaire, to=Status.APPROVED, request=request)


def refuse(
    *, verification: IdentityVerification, gestionnaire, reason: str, request=None
) -> IdentityVerification:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Indiquez le motif du refus : il est communiqué à l'élu.", code="required")
    return _decide(
        verification=verification,
        gestionnaire=gestionnaire,
        to=Status.REFUSED,
        reason=reason,
        request=request,
    )


def _notify(verification: IdentityVerification) -> None:
    user = verification.user
    if not user.email:
        return
    queue(
        to=user.email,
        template="verification_decided",
        context={
            "first_name": user.first_name,
            "approved": verification.status == Status.APPROVED,
            "requested_on": date_fr(timezone.localtime(verification.created_at), "j F Y"),
            "refusal_reason": verification.refusal_reason,
        },
        dedup_key=f"identity.verification:{verification.pk}:{verification.status}",
    )
