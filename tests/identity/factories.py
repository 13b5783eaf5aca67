"""Identity rows made through the services (the database accepts no other way to decide a request)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from dife.identity.models import IdentityVerification
from dife.identity.services import verification

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def pending_verification(user) -> IdentityVerification:
    """A manual verification sent by the élu (recto PNG, verso PDF, stored under MEDIA_ROOT/prive)."""
    return verification.submit(
        user=user,
        recto=SimpleUploadedFile("recto.png", PNG, content_type="image/png"),
        verso=SimpleUploadedFile("verso.pdf", PDF, content_type="application/pdf"),
    )


def approved_verification(user, *, by) -> IdentityVerification:
    """A manual verification approved by the gestionnaire ``by`` (the copies are deleted at commit)."""
    return verification.approve(verification=pending_verification(user), by=by)
