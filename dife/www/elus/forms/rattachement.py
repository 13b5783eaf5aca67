"""The rattachement request of an élu whose account does not match the register (PRODUCT §2)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from dsfr.forms import DsfrBaseForm

from dife.mandates.rattachement import documents

DOC_HELP = "PDF, JPEG ou PNG, 10 Mo maximum."


class DocumentField(forms.FileField):
    """Checked by content (not by name) and size; the content type goes with the cleaned file."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.detected_type = documents.check_upload(upload)
        return upload


class RattachementForm(DsfrBaseForm):
    nom_naissance = forms.CharField(label="Nom de naissance", max_length=200)
    nom_usage = forms.CharField(label="Nom d'usage", max_length=200, required=False)
    nom_marital = forms.CharField(label="Nom marital", max_length=200, required=False)
    prenoms = forms.CharField(
        label="Prénom(s)", help_text="Tous vos prénoms, dans l'ordre de l'état civil.", max_length=300
    )
    date_naissance = forms.DateField(
        label="Date de naissance",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": "Date invalide : le format attendu est JJ/MM/AAAA."},
    )
    lieu_naissance = forms.CharField(
        label="Lieu de naissance", help_text="Commune (et département) ou pays de naissance.", max_length=200
    )
    collectivite = forms.CharField(
        label="Collectivité où s'exerce votre mandat",
        help_text="Par exemple : commune de Saint-Jean-de-Braye (Loiret), conseil départemental du Loiret.",
        max_length=300,
    )
    precisions = forms.CharField(
        label="Précisions",
        help_text="Ce qui peut aider : changement de nom, mandat récent, autre orthographe…",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    piece_identite = DocumentField(
        label="Pièce d'identité",
        help_text="Copie, scan ou photo du recto et du verso de votre carte nationale d'identité, de votre "
        f"passeport ou de votre titre de séjour. {DOC_HELP}",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    justificatif_mandat = DocumentField(
        label="Justificatif de votre mandat",
        help_text=f"Tableau du conseil municipal, délibération d'élection… {DOC_HELP}",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.setdefault("required", "Ce champ est obligatoire.")
            field.error_messages["required"] = "Ce champ est obligatoire."

    def clean_date_naissance(self):
        value = self.cleaned_data["date_naissance"]
        if value > timezone.localdate():
            raise forms.ValidationError("La date de naissance ne peut pas être dans le futur.")
        return value
