"""Shared helpers of the élu's dossier pages."""

from __future__ import annotations

from django.http import Http404

from dife.enrollment import perms


def own_dossier(request, numero: str):
    """The signed-in élu's dossier, or 404 (someone else's dossier does not exist for him)."""
    dossier = perms.dossier_for(request.user, numero)
    if dossier is None or dossier.elu_id != request.user.pk:
        raise Http404
    return dossier
