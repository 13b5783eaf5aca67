"""Input of the public tool "Simuler mes droits" (page and API share it)."""

from __future__ import annotations

from datetime import date

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.referentiel.forms import DATE_ERRORS

LATEST = date(2100, 12, 31)
EARLIEST = date(1900, 1, 1)


class SimulationForm(DsfrBaseForm):
    premier_tour = forms.DateField(
        label="Date du premier tour de l’élection",
        help_text="Par exemple 2026-03-15 pour les élections municipales de mars 2026.",
        input_formats=["%Y-%m-%d"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    au = forms.DateField(
        label="Simuler jusqu’au",
        help_text="Date jusqu’à laquelle calculer les alimentations, par exemple 2032-03-31.",
        input_formats=["%Y-%m-%d"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_premier_tour(self):
        value = self.cleaned_data["premier_tour"]
        if value < EARLIEST:
            raise forms.ValidationError("La date du premier tour doit être postérieure au 1er janvier 1900.")
        return value

    def clean_au(self):
        value = self.cleaned_data["au"]
        if value > LATEST:
            raise forms.ValidationError("La simulation s’arrête au 31 décembre 2100 au plus tard.")
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("premier_tour"), cleaned.get("au")
        if start and end and end < start:
            self.add_error("au", "La date de fin doit être postérieure ou égale à la date du premier tour.")
        return cleaned
