"""Manual identity verification: the élu sends recto and verso of an ID; a gestionnaire decides.

The copies are deleted when the request is decided (the decision is kept); the élu is told by e-mail.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.core import uploads
from dife.identity import documents
from dife.identity.models import IdentityVerification

Status = IdentityVerification.Status


class VerificationRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _save_document(field: FieldFile, upload: UploadedFile, mime: str) -> None:
    upload.name = f"document.{documents.extension(mime)}"  # the élu's file name is never kept
    field.save(upload.name, upload, save=False)


def submit(
    *, user: User, recto: UploadedFile, verso: UploadedFile, request: HttpRequest | None = None
) -> IdentityVerification:
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
    from django.core.files.storage import default_storage

    uploads.delete_files(default_storage, names)


def _decide(
    *,
    verification: IdentityVerification,
    gestionnaire: User,
    to: Status,
    reason: str = "",
    request: HttpRequest | None = None,
) -> IdentityVerification:
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
        transaction.on_commit(lambda: _notify(locked), robust=True)
    return locked


def approve(
    *, verification: IdentityVerification, gestionnaire: User, request: HttpRequest | None = None
) -> IdentityVerification:
    return _decide(verification=verification, gestionnaire=gestionnaire, to=Status.APPROVED, request=request)


def refuse(
    *, verification: IdentityVerification, gestionnaire: User, reason: str, request: HttpRequest | None = None
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
    context = {"verification": verification, "user": user, "approved": verification.status == Status.APPROVED}
    subject = (
        "Votre identité est vérifiée"
        if context["approved"]
        else "Votre demande de vérification d'identité est refusée"
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("identity/emails/verification_decided.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(
        render_to_string("identity/emails/verification_decided.html", context), "text/html"
    )
    message.send()
