"""Collectivité space: the collectivité's team and the invitation of colleagues."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from dife.accounts.perms import collectivite_required
from dife.www.staff.views.organisation import invite_colleague, organisation_context


@collectivite_required
def accueil(request):
    context = {**organisation_context(request), "invite_url": "collectivite:inviter"}
    return render(request, "collectivite/accueil.html", context)


@collectivite_required
@require_http_methods(["GET", "POST"])
def inviter(request):
    return invite_colleague(request, template="staff/inviter_collegue.html", home="collectivite:accueil")
