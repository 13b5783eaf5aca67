"""Profile forms: contact, address, diploma, e-mail and password (the last two re-authenticate)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from dsfr.forms import DsfrBaseForm

from dife.www.elus.forms.auth import NouveauMotDePasseForm
from dife.www.elus.forms.wizard import AdresseForm, ContactForm, DiplomeForm

__all__ = ["ContactForm", "DiplomeForm", "AdresseForm", "EmailChangeForm", "CodeForm", "PasswordChangeForm"]


def current_password_field() -> forms.CharField:
    return forms.CharField(
        label="Mot de passe actuel",
        help_text="Pour votre sécurité, confirmez votre identité avec votre mot de passe actuel.",
        strip=False,
        error_messages={"required": "Saisissez votre mot de passe actuel."},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class EmailChangeForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Nouvelle adresse email personnelle",
        max_length=254,
        error_messages={
            "required": "Saisissez la nouvelle adresse email.",
            "invalid": "Adresse email invalide : le format attendu est nom@domaine.fr.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    current_password = current_password_field()


class CodeForm(DsfrBaseForm):
    code = forms.CharField(
        label="Code de confirmation",
        help_text="Le code à 6 chiffres reçu à la nouvelle adresse.",
        max_length=6,
        error_messages={"required": "Saisissez le code à 6 chiffres reçu par courriel."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not (code.isdigit() and len(code) == 6):
            raise ValidationError("Le code comporte 6 chiffres.")
        return code


class PasswordChangeForm(NouveauMotDePasseForm):
    current_password = current_password_field()
    field_order = ["current_password", "password", "password_confirm"]
