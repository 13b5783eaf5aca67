"""OF space: "Mon organisme" and the invitation of colleagues."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from dife.accounts.perms import organisme_required
from dife.www.staff.views.organisation import invite_colleague, organisation_context


@organisme_required
def accueil(request):
    return render(request, "of/accueil.html", {**organisation_context(request), "invite_url": "of:inviter"})


@organisme_required
@require_http_methods(["GET", "POST"])
def inviter(request):
    return invite_colleague(request, template="staff/inviter_collegue.html", home="of:accueil")
