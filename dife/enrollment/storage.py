"""Force-majeure documents live in private storage (``MEDIA_ROOT/prive``), served only by views that
check who asks; the file name on disk is random."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return str(Path(settings.MEDIA_ROOT) / "prive")

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None


def private_storage() -> FileSystemStorage:
    return PrivateStorage()


def document_path(instance, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"dossiers/force-majeure-{uuid.uuid4().hex}.{extension}"
