"""Form of the gestionnaire's agrément page (shape only; the rules live in dife.catalog.services.agrement)."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.catalog.models import OrganismeProfile
from dife.catalog.services.agrement import REASON_MAX_LENGTH, input_errors

DATE_ERRORS = {"invalid": "Date invalide : le format attendu est JJ/MM/AAAA (par exemple 22/03/2026)."}


def _date_field(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class AgrementForm(DsfrBaseForm):
    agrement_debut = _date_field(
        "Début de l’agrément élus",
        "Date d’effet de l’arrêté ministériel. Videz les deux dates pour retirer l’agrément.",
    )
    agrement_fin = _date_field("Fin de l’agrément élus", "Postérieure ou égale au début.")
    qualiopi = forms.BooleanField(label="Certifié Qualiopi", required=False)
    motif = forms.CharField(
        label="Motif",
        help_text="Obligatoire : il figure dans l’historique et dans le journal d’audit.",
        max_length=REASON_MAX_LENGTH,
        error_messages={
            "required": "Le motif est obligatoire.",
            "max_length": f"Le motif compte {REASON_MAX_LENGTH} caractères au plus.",
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        errors = input_errors(
            debut=cleaned.get("agrement_debut"),
            fin=cleaned.get("agrement_fin"),
            reason=cleaned.get("motif") or "",
        )
        for field, message in errors.items():
            if field not in self.errors:  # one message per field: the format error comes first
                self.add_error(field, message)
        return cleaned

    @classmethod
    def for_profile(cls, profile: OrganismeProfile | None, data=None) -> AgrementForm:
        initial = {}
        if profile is not None:
            initial = {
                "agrement_debut": profile.agrement_debut,
                "agrement_fin": profile.agrement_fin,
                "qualiopi": profile.qualiopi,
            }
        return cls(data=data, initial=initial)
