"""Forgotten password of a staff account."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from dife.organisations.services import password_reset
from dife.www.staff.forms import NewPasswordForm, PasswordResetRequestForm

SESSION_KEY = "pro_reset_token"
PLACEHOLDER = "nouveau"
SENT = (
    "Si un compte professionnel correspond à cette adresse, un e-mail vient de lui être envoyé avec un "
    "lien valable une heure. Pensez à regarder dans les courriers indésirables."
)


@require_http_methods(["GET", "POST"])
def demande(request):
    form = PasswordResetRequestForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_reset.request_reset(email=form.cleaned_data["email"], request=request)
        messages.info(request, SENT)
        return redirect("pro:mot_de_passe_oublie")
    return render(request, "staff/mot_de_passe_oublie.html", {"form": form})


@require_http_methods(["GET", "POST"])
def nouveau(request, uidb64: str, token: str):
    if token != PLACEHOLDER:
        # The e-mailed link: keep the token in the session and drop it from the address bar (and Referer).
        request.session[SESSION_KEY] = token
        return redirect("pro:reset", uidb64=uidb64, token=PLACEHOLDER)
    session_token = request.session.get(SESSION_KEY, "")
    if password_reset.user_for_reset(uidb64=uidb64, token=session_token) is None:
        return render(
            request,
            "staff/mot_de_passe_lien_invalide.html",
            {"message": password_reset.INVALID_LINK},
            status=404,
        )
    form = NewPasswordForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            password_reset.reset_password(
                uidb64=uidb64, token=session_token, password=form.cleaned_data["password"], request=request
            )
        except ValidationError as exc:
            for error in exc.message_dict.get("password", []):
                form.add_error("password", error)
        except ValueError:
            return render(
                request,
                "staff/mot_de_passe_lien_invalide.html",
                {"message": password_reset.INVALID_LINK},
                status=404,
            )
        else:
            request.session.pop(SESSION_KEY, None)
            messages.success(request, "Votre mot de passe est modifié : connectez-vous avec le nouveau.")
            return redirect("pro:connexion")
    return render(request, "staff/mot_de_passe_nouveau.html", {"form": form})
