"""django-axes hooks: attempts are keyed on the NIR's keyed hash (never the NIR), and the lockout
page says the same thing whether the account exists or not."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from dife.accounts import nir as nir_module

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
