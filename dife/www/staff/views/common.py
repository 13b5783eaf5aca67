"""Helpers shared by the staff pages: where each kind of staff user lands, safe `next` handling."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from dife.accounts.models import User
from dife.accounts.perms import STAFF_KINDS

SPACES = {
    User.Kind.GESTIONNAIRE: "gestion:accueil",
    User.Kind.ORGANISME: "of:accueil",
    User.Kind.COLLECTIVITE: "collectivite:accueil",
}


def space_url_name(user) -> str:
    return SPACES[user.kind]


def safe_next(request) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def redirect_to_space(request):
    return redirect(safe_next(request) or space_url_name(request.user))


def with_next(url: str, request) -> str:
    from urllib.parse import urlencode

    target = safe_next(request)
    return f"{url}?{urlencode({'next': target})}" if target else url


def require_pending_staff(request):
    """For the TOTP pages: a signed-in staff user still owing the code. Returns a redirect or None."""
    from django.urls import reverse

    if not request.user.is_authenticated:
        return redirect(with_next(reverse("pro:connexion"), request))
    if request.user.kind not in STAFF_KINDS:
        raise Http404
    if request.user.is_verified():
        return redirect_to_space(request)
    return None
