"""Force-majeure documents: the private-document pattern (``dife.core.uploads``: PDF, JPEG or PNG
checked by content, at most 10 MB, private storage, random name) with their own messages, raised as
EnrollmentError on the form field."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from dife.core import uploads
from dife.enrollment.errors import EnrollmentError

MAX_BYTES = uploads.MAX_BYTES
ACCEPTED = uploads.ACCEPTED
FIELD = "justificatif"


def check(upload) -> str:
    """The MIME type read from the content, or EnrollmentError (French) on the form field."""
    try:
        return uploads.check(
            upload,
            missing="Joignez un justificatif du cas de force majeure (PDF, JPEG ou PNG).",
            too_big=f"Le justificatif pèse {{size}} Mo : la taille maximale est de {uploads.MAX_MB} Mo.",
            bad_type="Le justificatif n'est pas un fichier PDF, JPEG ou PNG (son contenu a été vérifié, quel "
            "que soit son nom).",
        )
    except ValidationError as exc:
        raise EnrollmentError(exc.messages[0], field=FIELD) from None


def force_majeure_changes(upload) -> dict:
    """Fields of the dossier for a declared force majeure with its document."""
    if upload is None:
        return {}
    mime = check(upload)
    upload.name = f"justificatif.{ACCEPTED[mime]}"
    return {"force_majeure": True, "force_majeure_document": upload, "force_majeure_content_type": mime}


def serve_force_majeure(dossier):
    """The force-majeure document of the dossier; the caller checked who asks."""
    return uploads.serve(
        dossier.force_majeure_document, dossier.force_majeure_content_type, f"force-majeure-{dossier.numero}"
    )
