"""Security headers for every response: a Content-Security-Policy with a per-request nonce."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY.replace(
            "script-src 'self'", f"script-src 'self' 'nonce-{request.csp_nonce}'"
        )
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        return response


_CONTROL = {chr(c) for c in range(32)} | {"\x7f"}
_BODY_CONTROL = _CONTROL - {"\t", "\r", "\n"}
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_MESSAGE = "Requête invalide : caractères de contrôle interdits."


def _has(chars: set[str], text: str) -> bool:
    return any(char in chars for char in text)


def _bad_request(request) -> bool:
    if _has(_CONTROL, request.path):
        return True
    for key, values in request.GET.lists():
        if _has(_CONTROL, key) or any(_has(_CONTROL, value) for value in values):
            return True
    if request.method == "POST" and request.content_type in _FORM_TYPES:
        for key, values in request.POST.lists():
            if _has(_BODY_CONTROL, key) or any(_has(_BODY_CONTROL, value) for value in values):
                return True
    return False


class ControlCharactersMiddleware:
    """Refuse with 400 a path, query or form value carrying NUL or another control character."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _bad_request(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": _MESSAGE}, status=400)
            page = f'<!doctype html><html lang="fr"><title>Requête invalide</title><p>{_MESSAGE}</p></html>'
            return HttpResponseBadRequest(page)
        return self.get_response(request)
