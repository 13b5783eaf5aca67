"""Uploaded documents (ID, proof of mandate): PDF, JPEG or PNG recognised by their content, not by
their name, and at most 10 MB each."""

from __future__ import annotations

import uuid

import filetype
from django.core.exceptions import ValidationError

# TODO(parameters): "documents.max_upload_bytes" is not a dated parameter yet.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ACCEPTED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def check_upload(upload) -> str:
    """The content type of an acceptable upload, or a ValidationError in French."""
    if upload is None:
        raise ValidationError("Joignez le document.", code="required")
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"Le fichier dépasse la taille maximale de {MAX_UPLOAD_BYTES // (1024 * 1024)} Mo.",
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED:
        raise ValidationError(
            "Format de fichier non accepté : joignez un PDF, une image JPEG ou PNG.", code="bad_type"
        )
    return kind.mime


def storage_name(prefix: str, content_type: str) -> str:
    """A random file name: nothing personal in the path on disk."""
    return f"rattachements/{prefix}-{uuid.uuid4().hex}.{ACCEPTED[content_type]}"
