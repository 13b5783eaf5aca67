"""Throttle of the pages where a NIR is submitted to create an account (the wizard's first and last
steps, the FranceConnect+ completion): per browser session and per client address, per hour."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from dife.core import throttle
from dife.core.client_ip import client_ip

HOUR = 3600


def _budgets(request) -> list[tuple[throttle.Budget, str | None]]:
    if not request.session.session_key:
        request.session.save()
    return [
        (
            throttle.Budget("signup.session", settings.SIGNUP_NIR_PER_SESSION, HOUR),
            request.session.session_key,
        ),
        (throttle.Budget("signup.address", settings.SIGNUP_NIR_PER_ADDRESS, HOUR), client_ip(request)),
    ]


def refused(request):
    """Count one submission; the French « Trop de demandes » page (429) once a budget is spent."""
    budgets = _budgets(request)
    if any(throttle.exceeded(budget, key) for budget, key in budgets):
        return render(request, "elus/trop_de_demandes.html", status=429)
    for budget, key in budgets:
        throttle.hit(budget, key)
    return None
