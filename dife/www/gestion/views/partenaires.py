"""A gestionnaire invites the first administrator of an OF or a collectivité, or a fellow gestionnaire."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from dife.accounts.perms import gestionnaire_required
from dife.organisations import perms
from dife.organisations.services import (
    NotAllowed,
    OrganisationError,
    invite_collectivite_admin,
    invite_organisme_admin,
)
from dife.www.gestion.forms.partenaires import InviteCollectiviteForm, InviteOrganismeForm
from dife.www.staff.views.organisation import invite_colleague


def _require_partner_manager(request):
    if not perms.can_manage_partners(request.user):
        raise Http404


def _sent(request, invitation):
    messages.success(
        request,
        f"Invitation envoyée à {invitation.email} pour « {invitation.organisation.nom} ». "
        f"Le lien est valable jusqu'au {timezone.localtime(invitation.expires_at):%d/%m/%Y à %H:%M}.",
    )
    return redirect("gestion:accueil")


@gestionnaire_required
def choix(request):
    _require_partner_manager(request)
    return render(request, "gestion/inviter.html")


def _invite(request, form, call, template):
    if request.method == "POST" and form.is_valid():
        try:
            invitation = call(by=request.user, request=request, **form.cleaned_data)
        except NotAllowed:
            raise Http404 from None
        except OrganisationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return _sent(request, invitation)
    return render(request, template, {"form": form})


@gestionnaire_required
@require_http_methods(["GET", "POST"])
def inviter_organisme(request):
    _require_partner_manager(request)
    form = InviteOrganismeForm(data=request.POST or None)
    return _invite(request, form, invite_organisme_admin, "gestion/inviter_organisme.html")


@gestionnaire_required
@require_http_methods(["GET", "POST"])
def inviter_collectivite(request):
    _require_partner_manager(request)
    form = InviteCollectiviteForm(data=request.POST or None)
    return _invite(request, form, invite_collectivite_admin, "gestion/inviter_collectivite.html")


@gestionnaire_required
@require_http_methods(["GET", "POST"])
def inviter_gestionnaire(request):
    return invite_colleague(request, template="staff/inviter_collegue.html", home="gestion:accueil")
