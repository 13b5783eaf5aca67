"""Forms of the élu's dossier pages (presentation only: the rules are in dife.enrollment.services)."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.core.uploads import MAX_MB
from dife.enrollment.choices import CategorieSocioprofessionnelle, Objectif

REQUIRED = {"required": "Ce champ est obligatoire."}


class InscriptionForm(DsfrBaseForm):
    categorie_socioprofessionnelle = forms.ChoiceField(
        label="Catégorie socioprofessionnelle",
        choices=[("", "Sélectionnez une catégorie")] + list(CategorieSocioprofessionnelle.choices),
        error_messages={**REQUIRED, "invalid_choice": "Choisissez une catégorie de la liste."},
        help_text="Votre situation professionnelle actuelle, hors mandat.",
    )
    objectif = forms.ChoiceField(
        label="Objectif de la formation",
        choices=[("", "Sélectionnez un objectif")] + list(Objectif.choices),
        error_messages={**REQUIRED, "invalid_choice": "Choisissez un objectif de la liste."},
    )


class AnnulationForm(DsfrBaseForm):
    force_majeure = forms.BooleanField(
        label="J'annule pour un cas de force majeure",
        required=False,
        help_text="Maladie, accident, décès d'un proche, événement imprévisible et irrésistible…",
    )
    justificatif = forms.FileField(
        label="Justificatif du cas de force majeure",
        required=False,
        help_text=f"PDF, JPEG ou PNG, {MAX_MB} Mo au plus.",
    )
    detail = forms.CharField(
        label="Précisions (facultatif)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("force_majeure") and not cleaned.get("justificatif"):
            self.add_error("justificatif", "Joignez le justificatif du cas de force majeure.")
        if cleaned.get("justificatif") and not cleaned.get("force_majeure"):
            self.add_error("force_majeure", "Cochez cette case pour déclarer un cas de force majeure.")
        return cleaned


class ReglementForm(DsfrBaseForm):
    reference = forms.CharField(
        label="Référence du virement",
        max_length=140,
        error_messages=REQUIRED,
        help_text="Telle qu'elle figure sur votre relevé bancaire.",
    )
