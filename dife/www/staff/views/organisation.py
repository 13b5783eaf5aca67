"""Pages every staff space shares: "Mon organisme" (members, invitations) and "Inviter un collègue".

Each space (of, collectivite, gestion) wraps these with its own access decorator and template names.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from dife.organisations import perms, selectors
from dife.organisations.models import Membership
from dife.organisations.services import NotAllowed, OrganisationError, invite
from dife.www.staff.forms import InviteColleagueForm


def organisation_context(request) -> dict:
    membership = selectors.membership_of(request.user)
    if membership is None:
        return {"membership": None}
    organisation = membership.organisation
    return {
        "membership": membership,
        "organisation": organisation,
        "members": selectors.members(organisation),
        "invitations": selectors.pending_invitations(organisation),
        "can_invite_colleague": perms.can_invite(request.user, organisation, Membership.Role.AGENT),
    }


def invite_colleague(request, *, template: str, home: str):
    membership = selectors.membership_of(request.user)
    if membership is None or not perms.can_invite(
        request.user, membership.organisation, Membership.Role.AGENT
    ):
        raise Http404
    organisation = membership.organisation
    form = InviteColleagueForm(data=request.POST or None, roles=Membership.Role.choices)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invite(
                by=request.user,
                email=form.cleaned_data["email"],
                organisation=organisation,
                role=form.cleaned_data["role"],
                request=request,
            )
        except NotAllowed:
            raise Http404 from None
        except OrganisationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                f"Invitation envoyée à {invitation.email}. Le lien est valable jusqu'au "
                f"{timezone.localtime(invitation.expires_at):%d/%m/%Y à %H:%M}.",
            )
            return redirect(home)
    return render(request, template, {"form": form, "organisation": organisation, "home": home})
