"""Sign-in with NIR and password, sign-out, forgotten password (PRODUCT §2)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from dife.accounts.services import auth
from dife.www.elus.forms.auth import ConnexionForm, MotDePasseOublieForm, NouveauMotDePasseForm

INVALID = (
    "Numéro de sécurité sociale ou mot de passe incorrect. Vérifiez votre saisie ; si vous avez oublié "
    "votre mot de passe, utilisez « Mot de passe oublié »."
)
RESET_SENT = (
    "Si un compte correspond à ce numéro de sécurité sociale, un courriel vient d'être envoyé à "
    "l'adresse email personnelle de ce compte, avec un lien pour choisir un nouveau mot de passe. "
    "Le lien est valable une heure et ne sert qu'une fois."
)
RESET_SESSION_KEY = "mot_de_passe_oublie_jeton"
RESET_URL_TOKEN = "nouveau"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("elus:droits")


@sensitive_post_parameters("nir", "password")
@never_cache
@require_http_methods(["GET", "POST"])
def connexion(request):
    if request.user.is_authenticated and request.method == "GET":
        return redirect(_next_url(request))
    form = ConnexionForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        result = auth.sign_in_elu(
            request=request, nir=form.cleaned_data["nir"], password=form.cleaned_data["password"]
        )
        if result.ok:
            return redirect(_next_url(request))
        error = INVALID
    status = 400 if error or form.errors else 200
    context = {"form": form, "error": error, "next": request.POST.get("next") or request.GET.get("next", "")}
    return render(request, "elus/connexion.html", context, status=status)


@require_POST
def deconnexion(request):
    """Sign out here, then at FranceConnect+ when this session used it (its logout with
    ``id_token_hint`` and a checked ``state``, see views.franceconnect)."""
    from dife.identity.stepup import ID_TOKEN_KEY
    from dife.www.elus.views.franceconnect import provider_logout

    id_token = request.session.get(ID_TOKEN_KEY, "")
    auth.sign_out(request=request)
    response = provider_logout(request, id_token)
    if response is not None:
        return response
    return redirect("public:home")


@sensitive_post_parameters("nir")
@require_http_methods(["GET", "POST"])
def mot_de_passe_oublie(request):
    form = MotDePasseOublieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        auth.request_password_reset(nir=form.cleaned_data["nir"], request=request)
        return render(request, "elus/mot_de_passe/envoye.html", {"message": RESET_SENT})
    return render(request, "elus/mot_de_passe/oublie.html", {"form": form})


@never_cache
def mot_de_passe_lien(request, uidb64: str, token: str):
    """The link of the e-mail: keep the token in the session and drop it from the URL (so it never
    leaks through the Referer header), then show the form."""
    if token != RESET_URL_TOKEN:
        request.session[RESET_SESSION_KEY] = token
        return redirect("elus:mot_de_passe_lien", uidb64=uidb64, token=RESET_URL_TOKEN)
    token = request.session.get(RESET_SESSION_KEY, "")
    user = auth.user_for_reset(uidb64, token)
    if user is None:
        return render(request, "elus/mot_de_passe/lien_invalide.html", status=400)
    form = NouveauMotDePasseForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        if auth.reset_password(
            user=user, token=token, new_password=form.cleaned_data["password"], request=request
        ):
            request.session.pop(RESET_SESSION_KEY, None)
            messages.success(request, "Votre mot de passe a été modifié. Vous pouvez vous connecter.")
            return redirect("elus:connexion")
        return render(request, "elus/mot_de_passe/lien_invalide.html", status=400)
    return render(request, "elus/mot_de_passe/nouveau.html", {"form": form})
