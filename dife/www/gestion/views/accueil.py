"""Gestionnaire dashboard: the two queues, the partners, the agency's team."""

from django.shortcuts import render

from dife.accounts.perms import gestionnaire_required
from dife.organisations import perms, selectors
from dife.www.staff.views.organisation import organisation_context


@gestionnaire_required
def accueil(request):
    context = {
        **organisation_context(request),
        "invite_url": "gestion:inviter_gestionnaire",
        "partners": selectors.partner_organisations(),
        "can_manage_partners": perms.can_manage_partners(request.user),
    }
    return render(request, "gestion/accueil.html", context)
