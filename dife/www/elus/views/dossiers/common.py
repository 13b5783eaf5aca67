"""Shared helpers of the élu's dossier pages."""

from __future__ import annotations

from django.http import Http404

from dife.core import uploads
from dife.enrollment import rules

DOCUMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def own_dossier(request, numero: str):
    """The signed-in élu's dossier, or 404 (someone else's dossier does not exist for him)."""
    dossier = rules.dossier_for(request.user, numero)
    if dossier is None or dossier.elu_id != request.user.pk:
        raise Http404
    return dossier


def serve_force_majeure(dossier):
    """The force-majeure document, kept out of caches and of other sites."""
    return uploads.serve(
        dossier.force_majeure_document,
        dossier.force_majeure_content_type,
        f"force-majeure-{dossier.numero}",
        csp=DOCUMENT_CSP,
    )
