"""Documents uploaded by users (ID, proof of mandate, force-majeure proof): PDF, JPEG or PNG recognised
by their content (never by their name), at most 10 MB each; stored under a random name and served
only by views that have checked who asks."""

from __future__ import annotations

import uuid
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404

# Platform choice (issue 3: "at most 10 MB each"), not a legal number: kept here, not in parameters.
MAX_BYTES = 10 * 1024 * 1024
MAX_MB = MAX_BYTES // (1024 * 1024)
ACCEPTED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
HEADER_BYTES = 8192


def check(upload, *, missing: str, too_big: str, bad_type: str) -> str:
    """The MIME type of ``upload`` read from its content, or a ValidationError with one of the given
    French messages (``too_big`` may hold ``{size}``, the size in MB written ``12,3``)."""
    if upload is None or not getattr(upload, "size", 0):
        raise ValidationError(missing, code="required")
    if upload.size > MAX_BYTES:
        size = f"{upload.size / (1024 * 1024):.1f}".replace(".", ",")
        raise ValidationError(too_big.format(size=size), code="too_big")
    upload.seek(0)
    head = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED:
        raise ValidationError(bad_type, code="bad_type")
    return kind.mime


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"


def random_name(prefix: str, extension: str) -> str:
    """``<prefix><random>.<extension>``: nothing personal (the user's file name) in the path on disk."""
    return f"{prefix}{uuid.uuid4().hex}.{extension}"


class PrivateStorage(FileSystemStorage):
    """``MEDIA_ROOT/prive``, read from the settings at each use (tests point MEDIA_ROOT elsewhere)."""

    @property
    def base_location(self):
        return str(Path(settings.MEDIA_ROOT) / "prive")

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None


def delete_files(storage, names) -> None:
    for name in names:
        if name:
            storage.delete(name)


def serve(stored, content_type: str, filename: str, *, csp: str = "") -> FileResponse:
    """The stored document shown inline, kept out of caches (and of other sites with ``csp``).
    ``filename`` has no extension: it comes from the content type. Permissions are the caller's."""
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=False,
        filename=f"{filename}.{ACCEPTED.get(content_type, 'bin')}",
    )
    response["Cache-Control"] = "private, no-store"
    if csp:
        response["Content-Security-Policy"] = csp
    response["X-Content-Type-Options"] = "nosniff"
    return response
