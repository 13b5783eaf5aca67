"""Form of the gestionnaire's decision on a manual identity verification (shape only; the rules live in
dife.identity.services.verification)."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm


class DecisionForm(DsfrBaseForm):
    decision = forms.ChoiceField(choices=[("approve", "Approuver"), ("refuse", "Refuser")])
    reason = forms.CharField(
        label="Motif du refus",
        help_text=(
            "Obligatoire en cas de refus : il est communiqué à l'élu (par exemple : pièce illisible, "
            "pièce expirée)."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "refuse" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Indiquez le motif du refus : il est communiqué à l'élu.")
        return cleaned
