"""The manual identity verification: recto and verso of an ID, checked by content and size."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.identity import documents


class VerificationForm(DsfrBaseForm):
    recto = forms.FileField(label="Recto de la pièce d'identité", required=False)
    verso = forms.FileField(label="Verso de la pièce d'identité", required=False)

    def clean_recto(self):
        upload = self.cleaned_data.get("recto")
        self.recto_type = documents.check(upload, label="recto")
        return upload

    def clean_verso(self):
        upload = self.cleaned_data.get("verso")
        self.verso_type = documents.check(upload, label="verso")
        return upload
