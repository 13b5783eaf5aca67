"""Inputs of the public tools that name a place: the commune is checked against the reference data."""

from __future__ import annotations

import re

from django import forms

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
