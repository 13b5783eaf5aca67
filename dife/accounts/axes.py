"""django-axes hooks: attempts are keyed on the NIR's keyed hash (never the NIR), and the lockout
page says the same thing whether the account exists or not.

Two budgets (security review F2): axes counts the failures of each account (``AXES_FAILURE_LIMIT``,
reset when that account signs in, and only that account); ``AddressBudgetHandler`` adds a larger
budget per client address (``SIGN_IN_FAILURES_PER_ADDRESS`` per hour) that no success clears, so an
address that tries many accounts is stopped even if it signs in to its own account in between.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.shortcuts import render

from dife.accounts import nir as nir_module
from dife.core import throttle

ELU_USERNAME_PREFIX = "elu-"


def client_username(request, credentials) -> str | None:
    """What axes records as "username": the NIR's keyed hash for élus, the login for staff."""
    source = credentials or (request.POST if request is not None else {}) or {}
    nir = source.get("nir")
    if nir:
        return "nir:" + nir_module.keyed_hash(nir)
    username = source.get("username")
    if username and username.startswith(ELU_USERNAME_PREFIX):
        # After a successful sign-in axes resets the attempts of user.get_username(): map the élu's
        # internal username back to the key its failed attempts were recorded under.
        from dife.accounts.models import EluProfile

        nir_hash = (
            EluProfile.objects.filter(user__username=username).values_list("nir_hash", flat=True).first()
        )
        if nir_hash:
            return "nir:" + nir_hash
    return username


def lockout_response(request, original_response=None, credentials=None):
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return render(request, "accounts/verrouillage.html", {"minutes": minutes}, status=429)


def address_budget() -> throttle.Budget:
    return throttle.Budget("signin.address", settings.SIGN_IN_FAILURES_PER_ADDRESS, 3600)


class AddressBudgetHandler(AxesDatabaseHandler):
    """axes' database handler (per-account failures) plus the per-address budget."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return throttle.exceeded(address_budget(), getattr(request, "axes_ip_address", None))

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and throttle.hit(address_budget(), getattr(request, "axes_ip_address", None)):
            request.axes_locked_out = True
