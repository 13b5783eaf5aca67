"""Shared helpers of the élu's dossier pages."""

from __future__ import annotations

from django.http import FileResponse, Http404

from dife.enrollment import rules
from dife.enrollment.documents import ACCEPTED

DOCUMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def own_dossier(request, numero: str):
    """The signed-in élu's dossier, or 404 (someone else's dossier does not exist for him)."""
    dossier = rules.dossier_for(request.user, numero)
    if dossier is None or dossier.elu_id != request.user.pk:
        raise Http404
    return dossier


def serve_force_majeure(dossier):
    """The force-majeure document, kept out of caches and of other sites."""
    if not dossier.force_majeure_document:
        raise Http404
    try:
        handle = dossier.force_majeure_document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    extension = ACCEPTED.get(dossier.force_majeure_content_type, "bin")
    response = FileResponse(
        handle,
        content_type=dossier.force_majeure_content_type,
        as_attachment=False,
        filename=f"force-majeure-{dossier.numero}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = DOCUMENT_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response
