"""Force-majeure documents: PDF, JPEG or PNG recognised by their content (never by their name), at
most 10 MB (the platform's limit for uploads, as for identity documents)."""

from __future__ import annotations

import filetype

from dife.enrollment.errors import EnrollmentError

MAX_BYTES = 10 * 1024 * 1024
ACCEPTED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
FIELD = "justificatif"


def check(upload) -> str:
    """The MIME type read from the content, or EnrollmentError (French) on the form field."""
    if upload is None or not getattr(upload, "size", 0):
        raise EnrollmentError(
            "Joignez un justificatif du cas de force majeure (PDF, JPEG ou PNG).", field=FIELD
        )
    if upload.size > MAX_BYTES:
        raise EnrollmentError(
            f"Le justificatif pèse {upload.size / (1024 * 1024):.1f} Mo : la taille maximale est de "
            f"{MAX_BYTES // (1024 * 1024)} Mo.".replace(".", ",", 1),
            field=FIELD,
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED:
        raise EnrollmentError(
            "Le justificatif n'est pas un fichier PDF, JPEG ou PNG (son contenu a été vérifié, quel que "
            "soit son nom).",
            field=FIELD,
        )
    return kind.mime


def force_majeure_changes(upload) -> dict:
    """Fields of the dossier for a declared force majeure with its document."""
    if upload is None:
        return {}
    mime = check(upload)
    upload.name = f"justificatif.{ACCEPTED[mime]}"
    return {"force_majeure": True, "force_majeure_document": upload, "force_majeure_content_type": mime}
