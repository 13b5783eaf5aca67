"""Sign-in and forgotten-password forms. Errors never say whether an account exists."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from dsfr.forms import DsfrBaseForm

from dife.accounts import passwords

NIR_HELP = "Les 13 caractères et la clé à 2 chiffres inscrits sur votre carte Vitale."


def nir_field() -> forms.CharField:
    return forms.CharField(
        label="Numéro de sécurité sociale",
        help_text=NIR_HELP,
        max_length=30,
        error_messages={"required": "Saisissez votre numéro de sécurité sociale."},
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )


class ConnexionForm(DsfrBaseForm):
    nir = nir_field()
    password = forms.CharField(
        label="Mot de passe",
        strip=False,
        error_messages={"required": "Saisissez votre mot de passe."},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class MotDePasseOublieForm(DsfrBaseForm):
    nir = nir_field()


class NouveauMotDePasseForm(DsfrBaseForm):
    password = forms.CharField(
        label="Nouveau mot de passe",
        strip=False,
        error_messages={"required": "Choisissez un mot de passe."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label="Confirmez votre mot de passe",
        strip=False,
        error_messages={"required": "Confirmez votre mot de passe."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["password"].help_text = passwords.policy_text()
        self._bound_fields_cache.pop("password", None)  # DsfrBaseForm bound it already

    def clean_password(self) -> str:
        password = self.cleaned_data.get("password", "")
        passwords.check(password, self.user)
        return password

    def clean(self):
        data = super().clean()
        if (
            data.get("password")
            and data.get("password_confirm")
            and data["password"] != data["password_confirm"]
        ):
            self.add_error(
                "password_confirm", ValidationError("Les deux mots de passe ne sont pas identiques.")
            )
        return data
