"""Second factor: enrolment of an authenticator app at the first sign-in, then the 6-digit code."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from dife.organisations.services import totp
from dife.www.staff.forms import TotpForm
from dife.www.staff.qr import qr_svg
from dife.www.staff.views.common import redirect_to_space, require_pending_staff, safe_next, with_next


@require_http_methods(["GET", "POST"])
def verification(request):
    if (response := require_pending_staff(request)) is not None:
        return response
    if totp.confirmed_device(request.user) is None:
        return redirect(with_next(reverse("pro:totp_activation"), request))
    form = TotpForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            totp.verify(request=request, code=form.cleaned_data["code"])
        except totp.TotpError as exc:
            form.add_error("code", exc.message)
        else:
            return redirect_to_space(request)
    return render(request, "staff/totp_verification.html", {"form": form, "next": safe_next(request)})


@require_http_methods(["GET", "POST"])
def activation(request):
    if (response := require_pending_staff(request)) is not None:
        return response
    if totp.confirmed_device(request.user) is not None:
        # Already enrolled: a new device is never added after a password alone.
        return redirect(with_next(reverse("pro:totp"), request))
    device = totp.enrolment_device(request.user)
    form = TotpForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            totp.confirm_enrolment(request=request, code=form.cleaned_data["code"])
        except totp.TotpError as exc:
            form.add_error("code", exc.message)
        else:
            return redirect_to_space(request)
    secret = totp.base32_secret(device)
    context = {
        "form": form,
        "next": safe_next(request),
        "qr": qr_svg(totp.provisioning_uri(device), title="QR code à scanner avec votre application"),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "account_name": request.user.get_username(),
    }
    return render(request, "staff/totp_activation.html", context)
