"""Identity assurance in the current session, and the step-up that gets it.

Buying a training needs an identity verified at eIDAS level substantiel in the current session
(PRODUCT §2): a FranceConnect+ authentication at ``eidas2`` or higher during this session, or a manual
identity verification a gestionnaire approved. ``substantial_identity_required`` sends an élu who
lacks it to the "vérification d'identité requise" page (FranceConnect+ button, manual verification)
and brings him back where he was afterwards; the return URL is kept in the session, same-site only.

    from dife.identity.stepup import substantial_identity_required

    @elu_required
    @substantial_identity_required
    def create_dossier(request, ...): ...
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from dife.identity.franceconnect.config import REQUIRED_RANK, acr_rank

SESSION_KEY = "identity_assurance"
NEXT_KEY = "identity_stepup_next"
ID_TOKEN_KEY = "franceconnect_id_token"


def default_next() -> str:
    """Where an élu lands after signing in without a ``next``: "Vos droits formation"."""
    try:
        return reverse("elus:droits")
    except NoReverseMatch:
        return "/"


def mark_session(request, *, acr: str, id_token: str = "", method: str = "franceconnect") -> None:
    """Record in the session (after sign-in, so after its key was rotated) how the élu proved who he is."""
    request.session[SESSION_KEY] = {
        "user_id": request.user.pk,
        "method": method,
        "acr": acr,
        "at": timezone.now().isoformat(),
    }
    if id_token:
        request.session[ID_TOKEN_KEY] = id_token


def session_assurance(request) -> dict | None:
    data = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    user = getattr(request, "user", None)
    if not data or user is None or not user.is_authenticated or data.get("user_id") != user.pk:
        return None
    return data


def has_substantial_identity(request) -> bool:
    """True when this session authenticated with FranceConnect+ at eidas2 or higher, or the signed-in
    user has an approved manual identity verification."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    data = session_assurance(request)
    if data and acr_rank(data.get("acr")) >= REQUIRED_RANK:
        return True
    from dife.identity.selectors import has_approved_verification

    return has_approved_verification(user)


def safe_next(request, url: str | None) -> str:
    """``url`` when it is a same-site path or URL, else ""."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def remember_next(request, url: str) -> None:
    url = safe_next(request, url)
    if url:
        request.session[NEXT_KEY] = url


def pop_next(request) -> str:
    return safe_next(request, request.session.pop(NEXT_KEY, None))


def _return_url(request) -> str:
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    # After a POST, come back to the page that held the form (when it is ours), not to the POST URL.
    return safe_next(request, request.META.get("HTTP_REFERER")) or request.path


def substantial_identity_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if has_substantial_identity(request):
            return view(request, *args, **kwargs)
        remember_next(request, _return_url(request))
        return redirect("elus:identite_requise")

    return wrapper
