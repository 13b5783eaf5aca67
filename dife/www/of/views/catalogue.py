"""OF space, "Mon catalogue": the provider's formations, actions and sessions at a glance."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dife.accounts.permissions import organisme_required
from dife.catalog import selectors_catalogue as selectors
from dife.catalog.models import OrganismeProfile, Statut
from dife.catalog.services import CatalogError, NotAllowed, save_organisme_profile


def profile_or_404(request) -> OrganismeProfile:
    """The signed-in staff user's catalog; someone else's is never reachable (404)."""
    _, profile = selectors.organisme_of(request.user)
    if profile is None:
        raise Http404
    return profile


@organisme_required
def accueil(request):
    organisation, profile = selectors.organisme_of(request.user)
    if organisation is None:
        raise Http404
    context = {"organisation": organisation, "profile": profile}
    if profile is not None:
        statut = request.GET.get("statut", "")
        statut = statut if statut in Statut.values else ""
        context |= {
            "formations": selectors.formations(profile, statut=statut),
            "counts": selectors.counts(profile),
            "statut": statut,
            "statuts": Statut.choices,
        }
    return render(request, "of/catalogue/accueil.html", context)


@organisme_required
@require_POST
def ouvrir(request):
    organisation, profile = selectors.organisme_of(request.user)
    if organisation is None:
        raise Http404
    if profile is None:
        try:
            save_organisme_profile(organisation=organisation, by=request.user, request=request)
        except NotAllowed:
            raise Http404 from None
        except CatalogError as error:
            messages.error(request, error.message)
            return redirect("of:catalogue:accueil")
        messages.success(request, "Votre catalogue est ouvert : ajoutez votre première formation.")
    return redirect("of:catalogue:accueil")
