"""Form of the gestionnaire's validation of a service fait (shape only; the rules live in
dife.enrollment.services)."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm


class ValidationForm(DsfrBaseForm):
    force_majeure = forms.BooleanField(
        label="Je reconnais le cas de force majeure au vu du justificatif",
        required=False,
        initial=True,
        help_text="Décochez pour appliquer le règlement sans force majeure.",
    )
