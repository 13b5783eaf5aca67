"""Accepting an invitation: the link's token goes to the session, then the person chooses a password."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from dife.organisations.services import InvitationError, accept_invitation, staff_auth, usable_invitation
from dife.www.staff.forms import InvitationAcceptForm

SESSION_KEY = "pro_invitation_token"


def invitation_link(request, token: str):
    """The e-mailed link: keep the token server-side and drop it from the address bar (and Referer)."""
    request.session[SESSION_KEY] = token
    return redirect("pro:invitation_form")


@require_http_methods(["GET", "POST"])
def invitation_form(request):
    token = request.session.get(SESSION_KEY, "")
    try:
        invitation = usable_invitation(token)
    except InvitationError as exc:
        return render(request, "staff/invitation_invalide.html", {"error": exc}, status=404)
    form = InvitationAcceptForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = accept_invitation(
                token=token,
                password=form.cleaned_data["password"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                request=request,
            )
        except InvitationError as exc:
            return render(request, "staff/invitation_invalide.html", {"error": exc}, status=404)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            request.session.pop(SESSION_KEY, None)
            staff_auth.sign_in_invited(request=request, user=user)
            return redirect("pro:totp_activation")
    return render(request, "staff/invitation.html", {"form": form, "invitation": invitation})
