"""Manual identity verification: the élu sends recto and verso of an ID; a gestionnaire decides.

The workflow is ``dife.identity.machine`` (a review request, ``dife.reviews``): the copies are
deleted when the request is decided (the decision is kept); the élu is told by e-mail. Refusals are
``ReviewRefused`` (French message) and ``NotAllowed``; a bad document or a missing reason is a
``ValidationError``.
"""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest

from dife.accounts.models import User
from dife.identity import documents
from dife.identity.machine import MACHINE
from dife.identity.models import IdentityVerification
from dife.reviews.errors import NotAllowed, ReviewRefused

Status = IdentityVerification.Status
__all__ = ["NotAllowed", "ReviewRefused", "approve", "refuse", "submit"]


def _save_document(field: FieldFile, upload: UploadedFile, mime: str) -> None:
    upload.name = f"document.{documents.extension(mime)}"  # the élu's file name is never kept
    field.save(upload.name, upload, save=False)


def submit(
    *, user: User, recto: UploadedFile, verso: UploadedFile, request: HttpRequest | None = None
) -> IdentityVerification:
    """A new pending request with both sides. Raises ValidationError (documents) or ReviewRefused."""
    recto_type = documents.check(recto, label="recto")
    verso_type = documents.check(verso, label="verso")
    if IdentityVerification.objects.filter(user=user, status=Status.APPROVED).exists():
        raise ReviewRefused(
            "Votre identité est déjà vérifiée : aucune nouvelle demande n'est nécessaire.",
            code="already_verified",
        )
    verification = IdentityVerification(
        user=user, recto_content_type=recto_type, verso_content_type=verso_type
    )
    _save_document(verification.recto, recto, recto_type)
    _save_document(verification.verso, verso, verso_type)
    return MACHINE.create(verification, by=user, http_request=request)


def approve(
    *, verification: IdentityVerification, by: User, request: HttpRequest | None = None
) -> IdentityVerification:
    return MACHINE.apply(request=verification, to=Status.APPROVED, by=by, http_request=request)


def refuse(
    *, verification: IdentityVerification, by: User, reason: str, request: HttpRequest | None = None
) -> IdentityVerification:
    """Raises ValidationError when ``reason`` is empty: it is sent to the élu."""
    return MACHINE.apply(request=verification, to=Status.REFUSED, by=by, reason=reason, http_request=request)
