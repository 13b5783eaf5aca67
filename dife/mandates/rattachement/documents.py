"""Uploaded documents (ID, proof of mandate): the shared upload rules (``dife.core.uploads``) with
their own messages."""

from __future__ import annotations

from dife.core import uploads

MAX_UPLOAD_BYTES = uploads.MAX_BYTES
ACCEPTED = uploads.ACCEPTED


def check_upload(upload) -> str:
    """The content type of an acceptable upload, or a ValidationError in French."""
    return uploads.check(
        upload,
        missing="Joignez le document.",
        too_big=f"Le fichier dépasse la taille maximale de {uploads.MAX_MB} Mo.",
        bad_type="Format de fichier non accepté : joignez un PDF, une image JPEG ou PNG.",
    )


def storage_name(prefix: str, content_type: str) -> str:
    """A random file name: nothing personal in the path on disk."""
    return uploads.random_name(f"rattachements/{prefix}-", ACCEPTED[content_type])
