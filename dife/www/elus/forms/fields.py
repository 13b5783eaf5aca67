"""Fields and form parts shared by the wizard and the profile page."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from dife.accounts import communes, passwords
from dife.accounts.choices import DIPLOMES_SANS_ANNEE, Diplome, IndiceRepetition, TypeVoie
from dife.accounts.services.elus import PostalAddress


def new_password_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        strip=False,
        error_messages={"required": "Choisissez un mot de passe."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class NewPasswordFields(forms.Form):
    """A new password typed twice, checked against the password rules (and ``user`` when set)."""

    password = new_password_field("Mot de passe")
    password_confirm = forms.CharField(
        label="Confirmez votre mot de passe",
        strip=False,
        error_messages={"required": "Confirmez votre mot de passe."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
            self.add_error("password_confirm", "Les deux mots de passe ne sont pas identiques.")
        return data


def phone_field(label: str, help_text: str, autocomplete: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=25,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": autocomplete}),
    )


class DiplomeFields(forms.Form):
    diplome = forms.ChoiceField(
        label="Dernier diplôme obtenu",
        help_text="Si vous êtes agent public de catégorie A ou B, merci de laisser cette rubrique "
        "à « Non renseigné »",
        choices=Diplome.choices,
        initial=Diplome.NOT_PROVIDED,
        error_messages={"invalid_choice": "Choisissez un diplôme dans la liste."},
    )
    annee_obtention = forms.CharField(
        label="Année d'obtention",
        help_text="Renseignez l'année d'obtention de votre dernier diplôme obtenu, elle comporte 4 chiffres.",
        required=False,
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def clean_annee_obtention(self) -> int | None:
        raw = self.cleaned_data.get("annee_obtention", "").strip()
        if not raw:
            return None
        if not re.fullmatch(r"\d{4}", raw):
            raise ValidationError("L'année d'obtention comporte 4 chiffres, par exemple 2015.")
        year = int(raw)
        if year > timezone.localdate().year:
            raise ValidationError("L'année d'obtention ne peut pas être dans le futur.")
        if year < 1900:
            raise ValidationError("L'année d'obtention doit être postérieure à 1900.")
        return year

    def clean(self):
        data = super().clean()
        diplome = data.get("diplome")
        if diplome in DIPLOMES_SANS_ANNEE:
            data["annee_obtention"] = None
        elif diplome and "annee_obtention" not in self.errors and data.get("annee_obtention") is None:
            self.add_error("annee_obtention", "Renseignez l'année d'obtention de ce diplôme (4 chiffres).")
        return data


def _blank_first(choices) -> list[tuple[str, str]]:
    return [("", "Sélectionnez une option"), *choices]


class PostalAddressFields(forms.Form):
    """Postal address with the commune chosen from the reference data (search, then radio buttons:
    works without JavaScript). ``final=True`` requires a commune and a street or lieu dit."""

    numero_voie = forms.CharField(
        label="Numéro de voie",
        required=False,
        max_length=5,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    indice_repetition = forms.ChoiceField(
        label="Indice de répétition", required=False, choices=_blank_first(IndiceRepetition.choices)
    )
    type_voie = forms.ChoiceField(
        label="Type de voie", required=False, choices=_blank_first(TypeVoie.choices)
    )
    nom_voie = forms.CharField(label="Nom de la voie", required=False, max_length=200)
    complement_adresse = forms.CharField(
        label="Complément d'adresse",
        help_text="Bâtiment, escalier, appartement…",
        required=False,
        max_length=200,
    )
    lieu_dit = forms.CharField(label="Lieu dit", required=False, max_length=200)
    commune_recherche = forms.CharField(
        label="Ville, code postal…",
        help_text="Saisissez le code postal ou le nom de votre commune, puis choisissez-la dans la liste.",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-communes-recherche": "1"}),
    )
    commune = forms.CharField(label="Choisissez votre commune", required=False, widget=forms.RadioSelect)

    def __init__(self, *args, final: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.final = final
        source = self.data if self.is_bound else self.initial
        self.commune_results = communes.search(source.get("commune_recherche", ""))
        choices = list(self.commune_results)
        selected = communes.resolve(source.get("commune", ""))
        if selected is not None and selected.value not in {c.value for c in choices}:
            choices.insert(0, selected)
        self.fields["commune"].widget.choices = [(c.value, c.label) for c in choices]
        self.commune_choices = choices

    def clean_numero_voie(self) -> str:
        value = self.cleaned_data.get("numero_voie", "").strip()
        if value and not value.isdigit():
            raise ValidationError(
                "Le numéro de voie ne comporte que des chiffres (l'indice bis, ter… à part)."
            )
        return value

    def clean_commune(self):
        value = self.cleaned_data.get("commune", "")
        choice = communes.resolve(value) if value else None
        if value and choice is None:
            raise ValidationError("Commune inconnue : choisissez-la dans la liste proposée.")
        if self.final and choice is None:
            raise ValidationError(
                "Choisissez votre commune : saisissez son code postal ou son nom dans "
                "« Ville, code postal… », cliquez sur « Rechercher » puis sélectionnez-la dans la liste."
            )
        return choice

    def clean(self):
        data = super().clean()
        if self.final and not data.get("nom_voie", "").strip() and not data.get("lieu_dit", "").strip():
            self.add_error("nom_voie", "Renseignez le nom de la voie ou, à défaut, le lieu dit.")
        return data

    def address(self) -> PostalAddress:
        data = self.cleaned_data
        choice = data["commune"]
        return PostalAddress(
            commune=communes.commune(choice.commune_id),
            code_postal=choice.code_postal,
            numero_voie=data.get("numero_voie", ""),
            indice_repetition=data.get("indice_repetition", ""),
            type_voie=data.get("type_voie", ""),
            nom_voie=data.get("nom_voie", ""),
            complement_adresse=data.get("complement_adresse", ""),
            lieu_dit=data.get("lieu_dit", ""),
        )
