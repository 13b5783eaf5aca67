"""The élu's profile: see and change contact, address, diploma, e-mail and password."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from dife.accounts import phones
from dife.accounts.perms import elu_required
from dife.accounts.services import elus as services
from dife.accounts.services import profile_email
from dife.accounts.services.email_codes import CodeError
from dife.www.elus.forms import profil as forms

EMAIL_CHALLENGE_KEY = "profil_email_challenge"


def _profile(request):
    return request.user.elu_profile


@elu_required
def profil(request):
    profile = _profile(request)
    context = {
        "profile": profile,
        "mobile": phones.display(profile.telephone_mobile),
        "fixe": phones.display(profile.telephone_fixe),
        "has_password": request.user.has_usable_password(),
    }
    return render(request, "elus/profil/profil.html", context)


def _edit(request, *, form, template: str, save, success: str):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except services.WrongPassword as error:
            form.add_error("current_password", error.message)
        else:
            messages.success(request, success)
            return redirect("elus:profil")
    return render(request, f"elus/profil/{template}.html", {"form": form})


@elu_required
@require_http_methods(["GET", "POST"])
def contact(request):
    profile = _profile(request)
    initial = {
        "telephone_mobile": phones.display(profile.telephone_mobile),
        "telephone_fixe": phones.display(profile.telephone_fixe),
    }
    return _edit(
        request,
        form=forms.ContactForm(request.POST or None, initial=initial),
        template="contact",
        save=lambda data: services.update_contact(
            user=request.user,
            telephone_mobile=data["telephone_mobile"],
            telephone_fixe=data["telephone_fixe"],
            request=request,
        ),
        success="Vos numéros de téléphone ont été enregistrés.",
    )


@elu_required
@require_http_methods(["GET", "POST"])
def adresse(request):
    profile = _profile(request)
    initial = {
        "numero_voie": profile.numero_voie,
        "indice_repetition": profile.indice_repetition,
        "type_voie": profile.type_voie,
        "nom_voie": profile.nom_voie,
        "complement_adresse": profile.complement_adresse,
        "lieu_dit": profile.lieu_dit,
        "commune": f"{profile.commune_id}:{profile.code_postal}" if profile.commune_id else "",
    }
    searching = request.POST.get("action") == "rechercher"
    form = forms.AdresseForm(request.POST or None, initial=initial, final=not searching)
    if searching:
        form.full_clean()
        return render(request, "elus/profil/adresse.html", {"form": form})
    return _edit(
        request,
        form=form,
        template="adresse",
        save=lambda data: services.update_address(user=request.user, address=form.address(), request=request),
        success="Votre adresse a été enregistrée.",
    )


@elu_required
@require_http_methods(["GET", "POST"])
def diplome(request):
    profile = _profile(request)
    initial = {"diplome": profile.diplome, "annee_obtention": profile.annee_obtention or ""}
    return _edit(
        request,
        form=forms.DiplomeForm(request.POST or None, initial=initial),
        template="diplome",
        save=lambda data: services.update_diploma(
            user=request.user,
            diplome=data["diplome"],
            annee_obtention=data["annee_obtention"],
            request=request,
        ),
        success="Votre diplôme a été enregistré.",
    )


@sensitive_post_parameters("current_password", "password", "password_confirm")
@elu_required
@require_http_methods(["GET", "POST"])
def mot_de_passe(request):
    return _edit(
        request,
        form=forms.PasswordChangeForm(request.POST or None, user=request.user),
        template="mot_de_passe",
        save=lambda data: services.change_password(
            user=request.user,
            current_password=data["current_password"],
            new_password=data["password"],
            request=request,
        ),
        success="Votre mot de passe a été modifié.",
    )


@sensitive_post_parameters("current_password")
@elu_required
@require_http_methods(["GET", "POST"])
def email(request):
    """Two stages: new address + current password (a code goes to the new address), then the code."""
    challenge_id = request.session.get(EMAIL_CHALLENGE_KEY)
    pending = profile_email.pending_change(user=request.user, challenge_id=challenge_id)
    action = request.POST.get("action", "")
    if action == "annuler":
        request.session.pop(EMAIL_CHALLENGE_KEY, None)
        return redirect("elus:profil_email")
    email_form = forms.EmailChangeForm(request.POST if action == "envoyer" else None)
    code_form = forms.CodeForm(request.POST if action == "verifier" else None)
    if action == "envoyer" and email_form.is_valid():
        try:
            challenge = profile_email.start_email_change(
                user=request.user,
                current_password=email_form.cleaned_data["current_password"],
                new_email=email_form.cleaned_data["email"],
                request=request,
            )
        except services.WrongPassword as error:
            email_form.add_error("current_password", error.message)
        except CodeError as error:
            email_form.add_error("email", error.message)
        else:
            request.session[EMAIL_CHALLENGE_KEY] = str(challenge.pk)
            return redirect("elus:profil_email")
    if action == "verifier" and pending is not None and code_form.is_valid():
        try:
            profile_email.confirm_email_change(
                user=request.user,
                challenge_id=pending.pk,
                code=code_form.cleaned_data["code"],
                request=request,
            )
        except CodeError as error:
            code_form.add_error("code", error.message)
        else:
            request.session.pop(EMAIL_CHALLENGE_KEY, None)
            messages.success(request, "Votre nouvelle adresse email est confirmée et enregistrée.")
            return redirect("elus:profil")
    context = {"email_form": email_form, "code_form": code_form, "pending": pending}
    return render(request, "elus/profil/email.html", context)
