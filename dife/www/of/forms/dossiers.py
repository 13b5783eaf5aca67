"""Forms of the OF's "Dossiers à traiter" (shape only; rules, deadlines and amounts are the enrollment
services')."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.enrollment.choices import MotifAnnulationOrganisme, MotifRefus
from dife.referentiel.forms import DATE_ERRORS

REQUIRED = {"required": "Ce champ est obligatoire."}


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _hours() -> forms.CharField:
    return forms.CharField(
        label="Heures suivies", max_length=10, error_messages=REQUIRED, help_text="Par exemple 6 ou 3,5."
    )


def _justificatif() -> forms.FileField:
    return forms.FileField(
        label="Justificatif de force majeure", required=False, help_text="PDF, JPEG ou PNG, 10 Mo au plus."
    )


class RefusForm(DsfrBaseForm):
    motif = forms.ChoiceField(
        label="Motif du refus",
        choices=[("", "Sélectionnez un motif")] + list(MotifRefus.choices),
        error_messages={**REQUIRED, "invalid_choice": "Choisissez un motif de la liste."},
    )
    detail = forms.CharField(
        label="Précisions", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AnnulationForm(RefusForm):
    motif = forms.ChoiceField(
        label="Motif de l'annulation",
        choices=[("", "Sélectionnez un motif")] + list(MotifAnnulationOrganisme.choices),
        error_messages={**REQUIRED, "invalid_choice": "Choisissez un motif de la liste."},
    )


class EntreeForm(DsfrBaseForm):
    date = _date("Date d'entrée en formation")


class AbsenceForm(DsfrBaseForm):
    justificatif = _justificatif()


class SortieForm(DsfrBaseForm):
    date = _date("Date de sortie de formation")
    heures = _hours()
    justificatif = _justificatif()


class ServiceFaitForm(DsfrBaseForm):
    heures = _hours()


FORMS = {
    "refus": RefusForm,
    "annulation": AnnulationForm,
    "entree": EntreeForm,
    "absence": AbsenceForm,
    "sortie": SortieForm,
    "service_fait": ServiceFaitForm,
}
