"""Inputs of the public tools that name a place: the commune is checked against the reference data."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.referentiel.selectors import commune_by_code

DATE_ERRORS = {
    "required": "Ce champ est obligatoire.",
    "invalid": "Date invalide : le format attendu est AAAA-MM-JJ (par exemple 2026-05-26).",
}


class CommuneCodeField(forms.CharField):
    default_error_messages = {
        "required": "Ce champ est obligatoire.",
        "unknown": (
            "Commune inconnue : indiquez le code INSEE à 5 caractères d’une commune (par exemple 45234)."
        ),
    }

    def clean(self, value):
        code = super().clean(value).strip().upper()
        commune = commune_by_code(code)
        if commune is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return commune


class DateLimiteForm(DsfrBaseForm):
    debut = forms.DateField(
        label="Date de début de la session",
        input_formats=["%Y-%m-%d"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    commune = CommuneCodeField(
        label="Commune du lieu de la session (code INSEE)",
        help_text="Code INSEE de la commune, par exemple 45234 pour Orléans ou 57463 pour Metz.",
        max_length=5,
    )


def first_errors(form: forms.Form) -> dict[str, str]:
    """One French message per invalid field, for JSON answers."""
    return {field: errors[0] for field, errors in form.errors.items()}
