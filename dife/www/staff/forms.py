"""Forms of the staff sign-in pages. Validation of the shape only; rules live in dife.organisations."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.organisations import password_policy

REQUIRED = {"required": "Ce champ est obligatoire."}
EMAIL_ERRORS = {**REQUIRED, "invalid": "Adresse e-mail invalide : elle doit être de la forme nom@domaine.fr."}


class SigninForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Adresse e-mail professionnelle",
        help_text="Format attendu : nom@domaine.fr",
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Mot de passe",
        error_messages=REQUIRED,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TotpForm(DsfrBaseForm):
    code = forms.CharField(
        label="Code à 6 chiffres",
        help_text="Le code affiché par votre application d'authentification, par exemple 123456.",
        error_messages=REQUIRED,
        max_length=9,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if len(code) != 6 or not code.isdigit():
            raise forms.ValidationError("Le code compte exactement 6 chiffres, par exemple 123456.")
        return code


class _NewPasswordMixin(forms.Form):
    password = forms.CharField(
        label="Mot de passe",
        error_messages=REQUIRED,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirmation = forms.CharField(
        label="Confirmation du mot de passe",
        error_messages=REQUIRED,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = password_policy.policy_text()

    def clean(self):
        data = super().clean()
        password, confirmation = data.get("password"), data.get("password_confirmation")
        if password and confirmation is not None and password != confirmation:
            self.add_error("password_confirmation", "Les deux mots de passe ne sont pas identiques.")
        return data


class InvitationAcceptForm(_NewPasswordMixin, DsfrBaseForm):
    first_name = forms.CharField(
        label="Prénom",
        max_length=150,
        error_messages=REQUIRED,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label="Nom",
        max_length=150,
        error_messages=REQUIRED,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    field_order = ["first_name", "last_name", "password", "password_confirmation"]


class PasswordResetRequestForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Adresse e-mail professionnelle",
        help_text="Format attendu : nom@domaine.fr",
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )


class NewPasswordForm(_NewPasswordMixin, DsfrBaseForm):
    pass


class InviteColleagueForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Adresse e-mail professionnelle de la personne invitée",
        help_text="Format attendu : nom@domaine.fr",
        error_messages=EMAIL_ERRORS,
    )
    role = forms.ChoiceField(
        label="Rôle",
        error_messages=REQUIRED,
        widget=forms.RadioSelect,
        help_text="Un administrateur peut inviter d'autres collègues ; un agent ne le peut pas.",
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles
        if len(roles) == 1:
            self.fields["role"].initial = roles[0][0]
