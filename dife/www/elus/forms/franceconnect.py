"""Forms of the FranceConnect+ pages: the NIR that completes a new account, and « Lier votre compte »."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.accounts import nir as nir_module


class NirForm(DsfrBaseForm):
    nir = forms.CharField(
        label="Numéro de sécurité sociale",
        help_text=(
            "Saisissez les 13 caractères alphanumériques et la clé à 2 chiffres inscrits sur votre "
            "carte vitale"
        ),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_nir(self) -> str:
        return nir_module.validate(self.cleaned_data["nir"])


class LinkForm(NirForm):
    password = forms.CharField(
        label="Mot de passe",
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Saisissez votre mot de passe."},
    )
