"""Forms of the gestionnaire's invitation pages (shape only; rules live in dife.organisations)."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.organisations.models import Organisation
from dife.www.staff.forms import EMAIL_ERRORS, REQUIRED

ADMIN_EMAIL_LABEL = "Adresse e-mail de l’administrateur ou de l’administratrice"


class InviteOrganismeForm(DsfrBaseForm):
    nom = forms.CharField(
        label="Raison sociale de l’organisme",
        max_length=300,
        error_messages=REQUIRED,
        required=False,
        help_text="Inutile si l’organisme est déjà inscrit : son SIRET suffit.",
    )
    siret = forms.CharField(
        label="SIRET",
        max_length=20,
        error_messages=REQUIRED,
        help_text="14 chiffres, espaces acceptés, par exemple 123 456 789 00012.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
    email = forms.EmailField(label=ADMIN_EMAIL_LABEL, error_messages=EMAIL_ERRORS)


class InviteCollectiviteForm(DsfrBaseForm):
    collectivite_type = forms.ChoiceField(
        label="Type de collectivité",
        choices=[("", "Sélectionnez un type"), *Organisation.CollectiviteType.choices],
        error_messages={**REQUIRED, "invalid_choice": "Choisissez un type dans la liste."},
    )
    code = forms.CharField(
        label="Code de la collectivité",
        max_length=10,
        error_messages=REQUIRED,
        help_text="Code INSEE pour une commune (45234 pour Orléans), un département (45) "
        "ou une région (24) ; SIREN pour un EPCI.",
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    email = forms.EmailField(label=ADMIN_EMAIL_LABEL, error_messages=EMAIL_ERRORS)
