"""Identity documents uploaded by élus (recto and verso of an ID): the private-document pattern
(``dife.core.uploads``) with their own messages."""

from __future__ import annotations

from django.http import Http404

from dife.core import uploads

MAX_DOCUMENT_BYTES = uploads.MAX_BYTES
ACCEPTED_TYPES = uploads.ACCEPTED


def check(upload, *, label: str) -> str:
    """The MIME type of ``upload`` read from its content, or a ValidationError in French."""
    return uploads.check(
        upload,
        missing=f"Ajoutez le {label} de votre pièce d'identité.",
        too_big=f"Le {label} pèse {{size}} Mo : la taille maximale est de {uploads.MAX_MB} Mo. Réduisez la "
        "taille du fichier (photo moins lourde, PDF compressé) puis envoyez-le à nouveau.",
        bad_type=f"Le {label} n'est pas un fichier PDF, JPEG ou PNG (son contenu a été vérifié, quel que "
        "soit son nom). Envoyez une photo ou un scan dans l'un de ces formats.",
    )


def extension(mime: str) -> str:
    return ACCEPTED_TYPES[mime]


SIDES = ("recto", "verso")


def serve_identity_document(verification, side: str):
    """One side of the ID copy (the caller checked who asks), or 404."""
    if side not in SIDES:
        raise Http404
    stored = getattr(verification, side)
    content_type = getattr(verification, f"{side}_content_type")
    return uploads.serve(stored, content_type, f"{side}-{verification.public_id}")
