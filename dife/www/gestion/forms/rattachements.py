"""Form of the gestionnaire's decision on a rattachement request (shape only; the rules live in
dife.mandates.rattachement.services)."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm


class DecisionForm(DsfrBaseForm):
    decision = forms.ChoiceField(choices=[("approve", "Rattacher"), ("refuse", "Refuser")])
    person = forms.IntegerField(required=False)
    motif = forms.CharField(
        label="Motif du refus",
        help_text="Obligatoire en cas de refus : il est communiqué à l'élu (par exemple : aucun mandat "
        "trouvé pour cette collectivité, pièce illisible).",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "approve" and not data.get("person"):
            self.add_error("person", "Choisissez la personne du registre à rattacher à ce compte.")
        if data.get("decision") == "refuse" and not (data.get("motif") or "").strip():
            self.add_error("motif", "Indiquez le motif du refus : il est communiqué à l'élu.")
        return data
