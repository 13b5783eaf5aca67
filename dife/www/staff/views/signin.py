"""Staff sign-in (first factor) and sign-out."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from dife.organisations.services import staff_auth
from dife.www.staff.forms import SigninForm
from dife.www.staff.views.common import redirect_to_space, safe_next, with_next


@require_http_methods(["GET", "POST"])
def connexion(request):
    user = request.user
    if user.is_authenticated and getattr(user, "is_verified", lambda: False)():
        return redirect_to_space(request)
    form = SigninForm(data=request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            staff_auth.password_step(
                request=request, email=form.cleaned_data["email"], password=form.cleaned_data["password"]
            )
        except staff_auth.SigninError as exc:
            error = exc
        else:
            return redirect(with_next(reverse("pro:totp"), request))
    status = 429 if error is not None and error.code == "locked" else 200
    return render(
        request,
        "staff/connexion.html",
        {"form": form, "error": error, "next": safe_next(request)},
        status=status,
    )


@require_POST
def deconnexion(request):
    staff_auth.sign_out(request=request)
    messages.success(request, "Vous êtes déconnecté.")
    return redirect("pro:connexion")
