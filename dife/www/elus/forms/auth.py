"""Sign-in and forgotten-password forms. Errors never say whether an account exists."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.www.elus.forms.fields import NewPasswordFields, new_password_field

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


class NouveauMotDePasseForm(NewPasswordFields, DsfrBaseForm):
    password = new_password_field("Nouveau mot de passe")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
