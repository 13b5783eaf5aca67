"""Identity documents uploaded by élus: accepted types, checked by content (never by name), and size."""

from __future__ import annotations

import filetype
from django.core.exceptions import ValidationError

# Platform choice (issue 3: "at most 10 MB each"), not a legal number: kept here, not in parameters.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
ACCEPTED_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
HEADER_BYTES = 8192


def check(upload, *, label: str) -> str:
    """The MIME type of ``upload`` read from its content, or a ValidationError in French."""
    if upload is None or not upload.size:
        raise ValidationError(f"Ajoutez le {label} de votre pièce d'identité.", code="required")
    if upload.size > MAX_DOCUMENT_BYTES:
        size_mb = upload.size / (1024 * 1024)
        raise ValidationError(
            f"Le {label} pèse {size_mb:.1f} Mo : la taille maximale est de "
            f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} Mo. Réduisez la taille du fichier (photo moins "
            "lourde, PDF compressé) puis envoyez-le à nouveau.",
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED_TYPES:
        raise ValidationError(
            f"Le {label} n'est pas un fichier PDF, JPEG ou PNG (son contenu a été vérifié, quel que soit "
            "son nom). Envoyez une photo ou un scan dans l'un de ces formats.",
            code="bad_type",
        )
    return kind.mime


def extension(mime: str) -> str:
    return ACCEPTED_TYPES[mime]
