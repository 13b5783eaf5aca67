"""Force-majeure documents live in private storage (``MEDIA_ROOT/prive``), served only by views that
check who asks; the file name on disk is random. Migrations name these two functions."""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage

from dife.core import uploads
from dife.core.uploads import PrivateStorage


def private_storage() -> FileSystemStorage:
    return PrivateStorage()


def document_path(instance, filename: str) -> str:
    return uploads.random_name("dossiers/force-majeure-", uploads.extension_of(filename))
