"""FranceConnect+ pages: start, callback, account completion (NIR), logout, our public keys."""

from __future__ import annotations

from hmac import compare_digest

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from dife.accounts.perms import is_elu
from dife.audit.services import record
from dife.identity import stepup
from dife.identity.franceconnect import keys
from dife.identity.franceconnect.errors import FranceConnectError
from dife.identity.models import FranceConnectAuthRequest
from dife.identity.services import franceconnect as services
from dife.www.elus.forms.franceconnect import LinkForm, NirForm
from dife.www.elus.views import signup_throttle

STATES_KEY = "franceconnect_states"
PENDING_KEY = "franceconnect_pending"
LOGOUT_STATE_KEY = "franceconnect_logout_state"
DONE_KEY = "franceconnect_demande_enregistree"
MAX_STATES = 5
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _error(request, exc: FranceConnectError, *, next_url: str = ""):
    status = 200 if exc.code == "access_denied" else 400
    context = {
        "title": exc.title,
        "message": exc.message,
        "code": exc.code,
        "next_url": next_url,
        "login_url": settings.LOGIN_URL,
    }
    return render(request, "elus/franceconnect/erreur.html", context, status=status)


def _absolute(request, name: str) -> str:
    return request.build_absolute_uri(reverse(name))


@require_GET
@never_cache
def start(request):
    """Send the browser to FranceConnect+ (sign-in, or step-up for a signed-in élu)."""
    user = request.user if request.user.is_authenticated else None
    next_url = stepup.safe_next(request, request.GET.get("next")) or stepup.safe_next(
        request, request.session.get(stepup.NEXT_KEY)
    )
    if user is not None and not is_elu(user):
        exc = FranceConnectError("not_elu", "FranceConnect+ started by a staff account")
        services.fail(exc, request=request)
        return _error(request, exc)
    try:
        auth_request, url = services.start_authentication(
            user=user, redirect_uri=_absolute(request, "elus:franceconnect_callback"), next_url=next_url
        )
    except FranceConnectError as exc:
        services.fail(exc, request=request)
        return _error(request, exc, next_url=next_url)
    request.session[STATES_KEY] = [
        *request.session.get(STATES_KEY, [])[-(MAX_STATES - 1) :],
        auth_request.state,
    ]
    return redirect(url)


def _signed_in(request, *, user, acr: str, id_token: str, purpose: str, next_url: str):
    if purpose == FranceConnectAuthRequest.Purpose.SIGN_IN:
        login(request, user, backend=BACKEND)  # rotates the session key
        messages.success(request, "Vous êtes connecté avec FranceConnect+.")
    else:
        request.session.cycle_key()  # a privilege change: a new session key, as at sign-in
        messages.success(request, "Votre identité est vérifiée avec FranceConnect+ : vous pouvez poursuivre.")
    stepup.mark_session(request, acr=acr, id_token=id_token)
    request.session.pop(stepup.NEXT_KEY, None)
    return redirect(stepup.safe_next(request, next_url) or stepup.default_next())


@require_GET
@never_cache
def callback(request):
    state = request.GET.get("state", "")
    known_states = request.session.get(STATES_KEY, [])
    if state in known_states:
        request.session[STATES_KEY] = [s for s in known_states if s != state]
    try:
        auth_request, authentication = services.complete_authentication(
            state=state,
            code=request.GET.get("code", ""),
            error=request.GET.get("error", ""),
            known_states=known_states,
            request=request,
        )
        current_user = request.user if request.user.is_authenticated else None
        outcome = services.resolve_account(
            auth_request=auth_request,
            authentication=authentication,
            current_user=current_user,
            request=request,
        )
    except FranceConnectError as exc:
        return _error(request, exc)
    next_url = stepup.safe_next(request, auth_request.next_url)
    if outcome.user is None:
        pending = services.PendingIdentity.from_authentication(authentication, next_url)
        request.session[PENDING_KEY] = pending.as_session()
        return redirect("elus:franceconnect_complement")
    services.record_sign_in(
        user=outcome.user, authentication=authentication, purpose=auth_request.purpose, request=request
    )
    return _signed_in(
        request,
        user=outcome.user,
        acr=authentication.acr,
        id_token=authentication.id_token,
        purpose=auth_request.purpose,
        next_url=next_url,
    )


def _pending_or_error(request):
    pending = services.PendingIdentity.from_session(request.session.get(PENDING_KEY))
    if pending is None:
        request.session.pop(PENDING_KEY, None)
    return pending


@sensitive_post_parameters("nir")
@require_http_methods(["GET", "POST"])
@never_cache
def complement(request):
    """The FranceConnect+ identity has no account yet: ask the NIR, then create and link the account.

    When the NIR already has an account nothing is created and its owner is e-mailed; the page that
    follows is the same either way (review F1): the person signs in again with FranceConnect+."""
    pending = _pending_or_error(request)
    if pending is None:
        return _error(request, FranceConnectError("expired", "no pending identity"))
    form = NirForm(request.POST or None)
    if request.method == "POST" and (refusal := signup_throttle.refused(request)):
        return refusal
    if request.method == "POST" and form.is_valid():
        try:
            services.create_account(pending=pending, nir=form.cleaned_data["nir"], request=request)
        except services.NirRefused as exc:
            form.add_error("nir", exc.message)
        else:
            request.session.pop(PENDING_KEY, None)
            request.session.cycle_key()
            request.session[DONE_KEY] = pending.next_url or "/"
            return redirect("elus:franceconnect_demande_enregistree")
    return render(request, "elus/franceconnect/complement.html", {"form": form, "claimed": pending.claimed})


@require_GET
@never_cache
def demande_enregistree(request):
    next_url = request.session.pop(DONE_KEY, None)
    if next_url is None:
        return redirect("elus:connexion")
    return render(request, "elus/franceconnect/demande_enregistree.html", {"next_url": next_url})


INVALID_CREDENTIALS = "Numéro de sécurité sociale ou mot de passe incorrect."


@sensitive_post_parameters("nir", "password")
@require_http_methods(["GET", "POST"])
@never_cache
def lier(request):
    """« Lier votre compte »: after the FranceConnect+ return, the owner of a password account proves it
    with the account's NIR and password (throttled like the sign-in), then the identity is linked."""
    pending = _pending_or_error(request)
    if pending is None:
        return _error(request, FranceConnectError("expired", "no pending identity"))
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, nir=form.cleaned_data["nir"], password=form.cleaned_data["password"])
        if user is None:
            form.add_error(None, INVALID_CREDENTIALS)
        else:
            try:
                services.link_existing_account(pending=pending, user=user, request=request)
            except services.NirRefused as exc:
                form.add_error(None, exc.message)
            else:
                request.session.pop(PENDING_KEY, None)
                record(
                    action="identity.franceconnect.signed_in",
                    actor=user,
                    target=user,
                    request=request,
                    acr=pending.acr,
                )
                return _signed_in(
                    request,
                    user=user,
                    acr=pending.acr,
                    id_token=pending.id_token,
                    purpose=FranceConnectAuthRequest.Purpose.SIGN_IN,
                    next_url=pending.next_url,
                )
    return render(request, "elus/franceconnect/lier.html", {"form": form, "claimed": pending.claimed})


def provider_logout(request, id_token: str):
    """After the local sign-out: the redirect that ends the FranceConnect+ session too (with
    ``id_token_hint`` and a ``state`` checked on return), or None when this session did not use it.

    For another sign-out view: read ``request.session[stepup.ID_TOKEN_KEY]`` before signing out, then
    ``return provider_logout(request, id_token) or redirect(...)``.
    """
    if not id_token:
        return None
    state = services.new_secret()
    url = services.logout_url(
        id_token=id_token,
        state=state,
        post_logout_redirect_uri=_absolute(request, "elus:franceconnect_deconnexion"),
    )
    if not url:
        return None
    request.session[LOGOUT_STATE_KEY] = state
    if request.method == "POST":
        # The sign-out is a form: the CSP (form-action 'self') would block a redirect to the provider.
        return render(request, "elus/franceconnect/vers_fournisseur.html", {"url": url})
    return redirect(url)


@require_http_methods(["GET", "POST"])
@never_cache
def logout_view(request):
    """POST: sign out here, then at FranceConnect+ when this session used it. GET: the provider's return."""
    if request.method == "POST":
        id_token = request.session.get(stepup.ID_TOKEN_KEY, "")
        if request.user.is_authenticated:
            record(action="accounts.session.signed_out", request=request, franceconnect=bool(id_token))
        logout(request)
        response = provider_logout(request, id_token)
        if response is not None:
            return response
        messages.success(request, "Vous êtes déconnecté.")
        return redirect("public:home")
    expected = request.session.pop(LOGOUT_STATE_KEY, "")
    if not expected:
        return render(request, "elus/franceconnect/deconnexion.html")
    if not compare_digest(request.GET.get("state", ""), expected):
        services.fail(FranceConnectError("state", "logout state mismatch"), request=request)
        error = (
            "Vous êtes déconnecté de ce service, mais le retour de FranceConnect+ n'a pas pu être vérifié. "
            "Par précaution, fermez votre navigateur pour terminer votre session FranceConnect+."
        )
        return render(request, "elus/franceconnect/deconnexion.html", {"error": error}, status=400)
    messages.success(request, "Vous êtes déconnecté de ce service et de FranceConnect+.")
    return redirect("public:home")


@require_GET
def jwks(request):
    """Our public encryption keys: FranceConnect+ encrypts the ID token and userinfo to them."""
    response = JsonResponse(keys.public_jwks())
    response["Cache-Control"] = "public, max-age=300"
    return response
