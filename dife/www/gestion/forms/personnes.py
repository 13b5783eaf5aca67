"""Forms of the gestionnaire's per-person page (shape only; rules live in dife.rights and dife.mandates)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone
from dsfr.forms import DsfrBaseForm

from dife.core.parameters_data import SERVICE_START
from dife.mandates.models import Mandate

REQUIRED = {"required": "Ce champ est obligatoire."}
DATE_ERRORS = {
    **REQUIRED,
    "invalid": "Date invalide : le format attendu est AAAA-MM-JJ (par exemple 2026-03-22).",
}


def _date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=["%Y-%m-%d"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


EARLIEST_MANDATE_START = date(1950, 1, 1)
MANDATE_MAX_YEARS = 7


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _latest_mandate_start() -> date:
    return _years_after(timezone.localdate(), 1)


def _reason_field() -> forms.CharField:
    return forms.CharField(
        label="Motif",
        help_text="Obligatoire : il figure dans l’historique et dans le journal d’audit.",
        max_length=1000,
        error_messages={"required": "Le motif est obligatoire."},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class IdempotentForm(DsfrBaseForm):
    """Carries a one-time key drawn when the form is shown: a double submission moves nothing twice."""

    cle = forms.UUIDField(
        widget=forms.HiddenInput, error_messages={"invalid": "Formulaire expiré : recommencez."}
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("cle", uuid.uuid4())
        super().__init__(*args, **kwargs)


class AdjustmentForm(IdempotentForm):
    montant = forms.DecimalField(
        label="Montant de l’ajustement (€)",
        help_text="Positif pour ajouter des droits, négatif pour en retirer, par exemple 150 ou -75,50.",
        max_digits=10,
        decimal_places=2,
        localize=True,
        error_messages={
            **REQUIRED,
            "invalid": "Montant invalide : saisissez un nombre, par exemple 150 ou -75,50.",
            "max_decimal_places": "Deux décimales au plus.",
            "max_digits": "Montant trop élevé.",
        },
    )
    motif = _reason_field()
    date_effet = _date_field("Date d’effet", required=False, help_text="Aujourd’hui si vide.")

    def clean_date_effet(self):
        day = self.cleaned_data.get("date_effet")
        latest = timezone.localdate() + timedelta(days=31)
        if day is not None and not SERVICE_START <= day <= latest:
            raise forms.ValidationError(
                f"La date d’effet doit être comprise entre le {SERVICE_START:%d/%m/%Y} "
                f"(ouverture du service) et le {latest:%d/%m/%Y}."
            )
        return day

    def clean_montant(self):
        value = self.cleaned_data["montant"]
        if value == Decimal("0"):
            raise forms.ValidationError("Le montant doit être différent de zéro.")
        return value


MANDATE_KINDS = [("", "Sélectionnez un type"), *Mandate.Kind.choices]
FONCTIONS = [("", "Aucune fonction"), *Mandate.Fonction.choices]


class MandateForm(DsfrBaseForm):
    kind = forms.ChoiceField(
        label="Type de mandat", choices=MANDATE_KINDS,
        error_messages={**REQUIRED, "invalid_choice": "Choisissez un type dans la liste."},
    )  # fmt: skip
    collectivite_code = forms.CharField(
        label="Code de la collectivité", max_length=10, error_messages=REQUIRED,
        help_text="Code INSEE de la commune, SIREN de l’EPCI, code du département ou de la région.",
    )  # fmt: skip
    collectivite_label = forms.CharField(
        label="Nom de la collectivité", max_length=300, error_messages=REQUIRED
    )
    fonction = forms.ChoiceField(label="Fonction", choices=FONCTIONS, required=False)
    start_date = _date_field("Début du mandat")
    end_date = _date_field("Fin du mandat", required=False, help_text="Vide si le mandat est en cours.")
    motif = _reason_field()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        latest = _latest_mandate_start()
        if start and not EARLIEST_MANDATE_START <= start <= latest:
            self.add_error(
                "start_date",
                f"Le début du mandat doit être compris entre le {EARLIEST_MANDATE_START:%d/%m/%Y} "
                f"et le {latest:%d/%m/%Y}.",
            )
            return cleaned
        if start and end and end < start:
            self.add_error("end_date", "La fin du mandat doit être postérieure ou égale à son début.")
        elif start and end and end > _years_after(start, MANDATE_MAX_YEARS):
            self.add_error("end_date", "La fin du mandat ne peut pas dépasser 7 ans après son début.")
        return cleaned

    @classmethod
    def for_mandate(cls, mandate: Mandate, data=None) -> MandateForm:
        initial = {
            name: getattr(mandate, name) for name in ("kind", "collectivite_code", "collectivite_label")
        }
        initial |= {
            "fonction": mandate.fonction,
            "start_date": mandate.start_date,
            "end_date": mandate.end_date,
        }
        return cls(data=data, initial=initial)


class CloseMandateForm(DsfrBaseForm):
    end_date = _date_field("Date de fin du mandat")
    motif = _reason_field()

    def clean_end_date(self):
        day = self.cleaned_data.get("end_date")
        latest = _years_after(_latest_mandate_start(), MANDATE_MAX_YEARS)
        if day is not None and not EARLIEST_MANDATE_START <= day <= latest:
            raise forms.ValidationError(
                f"La fin du mandat doit être comprise entre le {EARLIEST_MANDATE_START:%d/%m/%Y} "
                f"et le {latest:%d/%m/%Y}."
            )
        return day
