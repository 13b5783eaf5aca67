"""Documents uploaded by users (ID, proof of mandate, force-majeure proof, and every later upload): the
one private-document pattern.

* ``check``: PDF, JPEG or PNG recognised by their content (never by their name), at most 10 MB each;
* ``PrivateDocument``: the model field, in the private storage (``MEDIA_ROOT/prive``, never served by
  URL) under a random name (nothing the user typed ends up on disk);
* ``serve``: the only way a document leaves, after the caller checked who asks (404 otherwise), with
  strict headers (``DOCUMENT_CSP``, ``nosniff``, ``no-store``, inline with a neutral file name).

Each domain exposes ``serve_<document>(obj, side)`` in its ``documents.py``; views call that.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible

# Platform choice (issue 3: "at most 10 MB each"), not a legal number: kept here, not in parameters.
MAX_BYTES = 10 * 1024 * 1024
MAX_MB = MAX_BYTES // (1024 * 1024)
ACCEPTED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
HEADER_BYTES = 8192
# No script, no plugin, no form, no framing (not even by our pages), a sandboxed origin; the inline
# styles and same-origin images a browser's own PDF/image viewer needs.
DOCUMENT_CSP = (
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'"
)


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


def private_storage() -> PrivateStorage:
    """The storage of every private document (a callable: fields and migrations name it)."""
    return PrivateStorage()


@deconstructible
class RandomName:
    """``upload_to`` of a private document: ``<prefix><random>.<extension of the given name>``."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __call__(self, instance, filename: str) -> str:
        return random_name(self.prefix, extension_of(filename))

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.prefix == self.prefix


class PrivateDocument(models.FileField):
    """A document a user uploads: private storage, random name under ``prefix`` (e.g. ``"identite/"``).
    Keep its MIME type (from ``check``) in a field next to it, for ``serve``."""

    def __init__(self, verbose_name=None, *, prefix: str = "documents/", **kwargs):
        self.prefix = prefix
        kwargs.update(storage=private_storage, upload_to=RandomName(prefix))
        kwargs.setdefault("blank", True)
        kwargs.setdefault("max_length", 200)
        super().__init__(verbose_name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)
        kwargs.pop("upload_to", None)
        kwargs["prefix"] = self.prefix
        return name, path, args, kwargs


def delete_files(storage, names) -> None:
    for name in names:
        if name:
            storage.delete(name)


def serve(stored, content_type: str, filename: str) -> FileResponse:
    """The stored document shown inline with strict headers: ``DOCUMENT_CSP``, ``nosniff``, kept out of
    caches. ``filename`` has no extension: it comes from the content type. Permissions are the
    caller's; a missing document is a 404."""
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
    response["Content-Security-Policy"] = DOCUMENT_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response
