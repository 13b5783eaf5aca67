"""Forms of the account-creation wizard (labels of PRODUCT §2 and the seeds)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from dsfr.forms import DsfrBaseForm

from dife.accounts import nir as nir_module
from dife.accounts import phones
from dife.www.elus.forms.fields import DiplomeFields, NewPasswordFields, PostalAddressFields, phone_field

REQUIRED = {"required": "Ce champ est obligatoire."}


class IdentiteForm(DsfrBaseForm):
    nir = forms.CharField(
        label="Numéro de sécurité sociale",
        help_text="Saisissez les 13 caractères alphanumériques et la clé à 2 chiffres inscrits "
        "sur votre carte Vitale",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    nom_naissance = forms.CharField(
        label="Nom de naissance",
        help_text="Saisissez uniquement votre nom de naissance",
        max_length=200,
        error_messages={"required": "Saisissez votre nom de naissance."},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    def __init__(self, *args, stored_nir_mask: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_nir_mask = stored_nir_mask
        # Required unless a NIR was already entered in this wizard (then blank keeps it).
        self.fields["nir"].required = not stored_nir_mask
        self.fields["nir"].error_messages["required"] = nir_module.MESSAGES["required"]
        if stored_nir_mask:
            self.fields["nir"].help_text = (
                f"Numéro déjà saisi : {stored_nir_mask}. Laissez ce champ vide pour le conserver, "
                "ou saisissez à nouveau les 15 caractères pour le corriger."
            )
            self._bound_fields_cache.pop("nir", None)  # DsfrBaseForm bound it already

    def clean_nir(self) -> str | None:
        raw = self.cleaned_data.get("nir", "")
        if not raw.strip():
            if self.stored_nir_mask:
                return None  # keep the NIR already entered
            raise ValidationError(nir_module.MESSAGES["required"], code="required")
        # Never say here whether the NIR has an account (review F1): the end of the wizard e-mails its
        # owner instead, and shows the same page as a creation.
        return nir_module.validate(raw)


class ContactForm(DsfrBaseForm):
    telephone_mobile = phone_field(
        "Téléphone mobile",
        "Le format du numéro de téléphone portable attendu commence par 06 ou 07 et comporte 10 chiffres.",
        "tel",
    )
    telephone_fixe = phone_field(
        "Téléphone fixe",
        "Le format du numéro de téléphone fixe attendu commence par 01, 02, 03, 04, 05 ou 09 "
        "et comporte 10 chiffres.",
        "tel",
    )

    def clean_telephone_mobile(self) -> str:
        raw = self.cleaned_data.get("telephone_mobile", "")
        return phones.normalize(raw, phones.MOBILE) if raw.strip() else ""

    def clean_telephone_fixe(self) -> str:
        raw = self.cleaned_data.get("telephone_fixe", "")
        return phones.normalize(raw, phones.FIXE) if raw.strip() else ""

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("telephone_mobile") and not data.get("telephone_fixe"):
            self.add_error("telephone_mobile", "Renseignez au moins un numéro de téléphone : mobile ou fixe.")
        return data


class EmailStepForm(DsfrBaseForm):
    """The e-mail part of step 3; ``confirmed_email`` is the address a code already confirmed."""

    email = forms.EmailField(
        label="Adresse email personnelle",
        help_text="Un code de confirmation à 6 chiffres vous sera envoyé à cette adresse.",
        max_length=254,
        error_messages={
            "required": "Saisissez votre adresse email personnelle.",
            "invalid": "Adresse email invalide : le format attendu est nom@domaine.fr.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    code = forms.CharField(
        label="Code de confirmation",
        help_text="Le code à 6 chiffres reçu par courriel.",
        required=False,
        max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data.get("code", "").strip()
        if code and not (code.isdigit() and len(code) == 6):
            raise ValidationError("Le code comporte 6 chiffres.")
        return code


class AdresseForm(PostalAddressFields, DsfrBaseForm):
    pass


class DiplomeForm(DiplomeFields, DsfrBaseForm):
    pass


class MotDePasseForm(NewPasswordFields, DsfrBaseForm):
    cgu = forms.BooleanField(
        label="J'ai lu et j'accepte les conditions générales d'utilisation",
        error_messages={
            "required": "Vous devez accepter les conditions générales d'utilisation pour créer votre compte."
        },
    )
