"""Inputs of the public tools that name a place: the commune is checked against the reference data."""

from __future__ import annotations

import re

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.core.parameters import NoValueInForce
from dife.referentiel.outils import DateLimite, date_limite_inscription
from dife.referentiel.selectors import commune_by_code

DATE_ERRORS = {
    "required": "Ce champ est obligatoire.",
    "invalid": "Date invalide : le format attendu est AAAA-MM-JJ (par exemple 2026-05-26).",
}


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
INSEE_CODE = re.compile(r"(\d{5}|2[AB]\d{3})")


class IsoDateField(forms.DateField):
    """A date written exactly AAAA-MM-JJ: "2026-5-6" is refused, not guessed."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and not ISO_DATE.fullmatch(value.strip()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class CommuneCodeField(forms.CharField):
    """A commune by its INSEE code.

    People typing in a page get "2a004" or "45 234" read as 2A004 and 45234; API clients
    (``strict=True``) must send the code exactly as INSEE writes it.
    """

    default_error_messages = {
        "required": "Ce champ est obligatoire.",
        "unknown": (
            "Commune inconnue : indiquez le code INSEE à 5 caractères d’une commune (par exemple 45234)."
        ),
        "malformed": (
            "Code INSEE mal formé : 5 caractères sans espace, chiffres ou 2A/2B en majuscules "
            "(par exemple 45234 ou 2A004)."
        ),
    }

    def __init__(self, *args, strict: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.strict = strict

    def to_python(self, value):
        if self.strict or not isinstance(value, str):
            return super().to_python(value)
        return "".join(value.split()).upper()

    def clean(self, value):
        if self.strict and value not in self.empty_values and not INSEE_CODE.fullmatch(value):
            raise forms.ValidationError(self.error_messages["malformed"], code="malformed")
        code = super().clean(value).strip().upper()
        commune = commune_by_code(code)
        if commune is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return commune


class DateLimiteForm(DsfrBaseForm):
    debut = IsoDateField(
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

    def __init__(self, *args, strict: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].strict = strict

    def result(self) -> DateLimite | None:
        """The computed date, or None with the error put on the field at fault."""
        if not self.is_valid():
            return None
        try:
            return date_limite_inscription(
                debut=self.cleaned_data["debut"], commune=self.cleaned_data["commune"]
            )
        except NoValueInForce as exc:
            self.add_error(
                "debut",
                "Date hors de la période couverte : les règles connues s’appliquent aux sessions "
                f"commençant à partir du {exc.first_start:%d/%m/%Y}.",
            )
            return None
