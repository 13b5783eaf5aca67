"""Documents of a rattachement request (ID, proof of mandate): the private-document pattern
(``dife.core.uploads``) with their own messages."""

from __future__ import annotations

from django.http import Http404

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


def upload_name(content_type: str) -> str:
    """The name given to the storage (which makes it random): never the élu's file name."""
    return f"document.{ACCEPTED[content_type]}"


# side → (file field, content type field, file name shown)
SIDES = {
    "identite": ("piece_identite", "piece_identite_type", "piece-identite"),
    "mandat": ("justificatif_mandat", "justificatif_mandat_type", "justificatif-mandat"),
}


def serve_rattachement_document(rattachement, side: str):
    """The ID (``identite``) or the proof of mandate (``mandat``); the caller checked who asks."""
    if side not in SIDES:
        raise Http404
    field, content_type, name = SIDES[side]
    return uploads.serve(
        getattr(rattachement, field), getattr(rattachement, content_type), f"{name}-{rattachement.pk}"
    )
