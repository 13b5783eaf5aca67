"""OF space, "Mon catalogue": the provider's formations, actions and sessions at a glance."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dife.accounts.perms import organisme_required
from dife.catalog import selectors
from dife.catalog.models import OrganismeProfile, Status
from dife.catalog.services import CatalogError, NotAllowed, NotPublishable, save_organisme_profile
from dife.www.of.forms.catalogue import attach_error

# The public spelling of the filter (``?statut=publiee``) and the catalog's status values.
STATUT_PARAM = {"brouillon": Status.DRAFT, "publiee": Status.PUBLISHED, "fermee": Status.CLOSED}


def profile_or_404(request) -> OrganismeProfile:
    """The signed-in staff user's catalog; someone else's is never reachable (404)."""
    _, profile = selectors.organisme_of(request.user)
    if profile is None:
        raise Http404
    return profile


def save_or_attach(request, form, service, **values):
    """``service(...)`` on behalf of the signed-in user: its result, or None with the service's
    refusal on ``form``; an object the user may not touch does not exist (404)."""
    try:
        return service(by=request.user, request=request, **values)
    except NotAllowed:
        raise Http404 from None
    except CatalogError as error:
        attach_error(form, error)
        return None


def publish_or_explain(request, publish, success: str, **target) -> None:
    """Publish ``target``; when it cannot be, the reasons are shown as an error message."""
    try:
        publish(by=request.user, request=request, **target)
    except NotAllowed:
        raise Http404 from None
    except NotPublishable as error:
        messages.error(request, "Publication impossible : " + " ".join(error.reasons))
    else:
        messages.success(request, success)


def close_or_404(request, close, success: str, **target) -> None:
    try:
        close(by=request.user, request=request, **target)
    except NotAllowed:
        raise Http404 from None
    messages.success(request, success)


@organisme_required
def accueil(request):
    organisation, profile = selectors.organisme_of(request.user)
    if organisation is None:
        raise Http404
    context = {"organisation": organisation, "profile": profile}
    if profile is not None:
        statut = request.GET.get("statut", "")
        statut = statut if statut in STATUT_PARAM else ""
        context |= {
            "formations": selectors.formations(profile, status=STATUT_PARAM.get(statut, "")),
            "counts": selectors.counts(profile),
            "statut": statut,
            "statuts": [(param, status.label) for param, status in STATUT_PARAM.items()],
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
