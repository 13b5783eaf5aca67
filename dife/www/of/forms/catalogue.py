"""Forms of "Mon catalogue" (DSFR). They read and shape what is typed; the rules live in the catalog
services, whose French errors are attached back to the fields (``attach_error``)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.catalog import repertoire
from dife.catalog.bounds import MAX_HOURS, MAX_PLACES, MAX_PRICE
from dife.catalog.imports import FORMATS
from dife.catalog.imports.communes import CommuneNotFound, resolve_commune
from dife.catalog.models import Contexte, Modalite, Rythme
from dife.catalog.services.errors import CatalogError

REQUIRED = {"required": "Ce champ est obligatoire."}
DATE_ERRORS = {**REQUIRED, "invalid": "Date invalide : le format attendu est JJ/MM/AAAA."}
REFERENCE_HELP = (
    "Votre propre référence (lettres sans accent, chiffres, point, tiret) : elle forme le numéro public "
    "et ne change plus. Laissez vide pour une référence attribuée automatiquement."
)


class EurosField(forms.CharField):
    """A French amount or number: "1 500,50" → Decimal("1500.50")."""

    def __init__(
        self,
        *,
        unit: str = "€",
        max_length: int = 20,
        cents: bool = True,
        maximum: Decimal = MAX_PRICE,
        decimals: int = 2,
        **kwargs,
    ) -> None:
        self.unit, self.cents, self.maximum, self.decimals = unit, cents, maximum, decimals
        attrs = {"inputmode": "decimal", "spellcheck": "false", "maxlength": str(max_length)}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        cleaned = "".join(value.replace("€", "").split()).replace(",", ".")
        if not cleaned:
            return None
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise forms.ValidationError(f"Indiquez un nombre, par exemple 350,00 ({self.unit}).") from None
        if not number.is_finite():
            raise forms.ValidationError(f"Indiquez un nombre, par exemple 350,00 ({self.unit}).")
        if abs(number) > self.maximum:
            shown = format(self.maximum, "f").replace(".", ",")
            raise forms.ValidationError(f"Valeur trop élevée : {shown} {self.unit} au plus.")
        if number != number.quantize(Decimal(1).scaleb(-self.decimals)):
            raise forms.ValidationError(f"{self.decimals} décimale(s) au plus.")
        return number

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            shown = value.quantize(Decimal("0.01")) if self.cents else value.normalize()
            return format(shown, "f").replace(".", ",")
        return value


def attach_error(form: forms.Form, error: CatalogError) -> None:
    """Put a service's French message on its field (or on the whole form)."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


class FormationForm(DsfrBaseForm):
    reference = forms.CharField(
        label="Référence de la formation", required=False, max_length=40, help_text=REFERENCE_HELP
    )
    intitule = forms.CharField(label="Intitulé", max_length=250, error_messages=REQUIRED)
    contexte = forms.ChoiceField(
        label="Contexte",
        choices=[("", "Choisissez")] + list(Contexte.choices),
        error_messages=REQUIRED,
        help_text="Liée à l'exercice du mandat (thème du répertoire) ou pour se reconvertir (certification).",
    )
    theme = forms.ChoiceField(
        label="Thème du répertoire (formation liée au mandat)",
        choices=[("", "Choisissez un thème")] + repertoire.CHOICES,
        required=False,
    )
    certification_code = forms.CharField(
        label="Code RNCP ou RS (formation pour se reconvertir)",
        required=False,
        max_length=20,
        help_text="Par exemple RNCP35190 ou RS5204",
    )
    certification_libelle = forms.CharField(
        label="Intitulé de la certification", required=False, max_length=250
    )
    objectifs = forms.CharField(label="Objectifs", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    contenu = forms.CharField(label="Contenu", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    points_forts = forms.CharField(
        label="Les points forts de cette formation", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    resultats_attendus = forms.CharField(
        label="Résultats attendus", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["reference"]

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "reference"}


class ActionForm(DsfrBaseForm):
    reference = forms.CharField(
        label="Référence de l'action", required=False, max_length=40, help_text=REFERENCE_HELP
    )
    modalite = forms.ChoiceField(
        label="Modalité", choices=[("", "Choisissez")] + list(Modalite.choices), error_messages=REQUIRED
    )
    duree_heures = EurosField(
        label="Durée (heures)",
        unit="heures",
        error_messages=REQUIRED,
        max_length=12,
        cents=False,
        maximum=MAX_HOURS,
        decimals=1,  # the column keeps one decimal: 0,01 would be stored as 0
    )
    rythme = forms.ChoiceField(label="Rythme", choices=Rythme.choices, initial=Rythme.JOURNEE)
    prix_ttc = EurosField(label="Prix TTC (€)", error_messages=REQUIRED, max_length=20)
    taux_tva = EurosField(
        label="Taux de TVA (%)",
        required=False,
        unit="%",
        max_length=8,
        cents=False,
        maximum=Decimal(100),
        decimals=4,
        help_text="0 pour un organisme exonéré (article 261-4-4° du CGI), 20 sinon",
    )
    frais_examen_inclus = forms.BooleanField(label="Frais d'examen inclus dans le prix", required=False)
    frais_additionnels = EurosField(
        label="Frais additionnels à régler au début de la formation (€)", required=False, max_length=20
    )
    frais_additionnels_detail = forms.CharField(
        label="Détail des frais additionnels", required=False, max_length=250, help_text="Par exemple : repas"
    )
    adresse = forms.CharField(label="Adresse du lieu de formation", required=False, max_length=300)
    commune = forms.CharField(
        label="Commune du lieu de formation",
        required=False,
        max_length=120,
        help_text="Nom et code postal, par exemple Orléans (45000), ou code INSEE. Inutile à distance.",
    )
    acces_handicap = forms.BooleanField(label="Bâtiment conforme aux normes d'accessibilité", required=False)
    aides_financement = forms.CharField(
        label="Aides au financement : vos précisions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Affichées sur la fiche de la formation, sous les aides générales.",
    )
    contact_nom = forms.CharField(label="Contact : nom", required=False, max_length=200)
    contact_email = forms.EmailField(
        label="Contact : adresse e-mail",
        required=False,
        error_messages={"invalid": "Adresse e-mail invalide : elle doit être de la forme nom@domaine.fr."},
    )
    contact_telephone = forms.CharField(label="Contact : téléphone", required=False, max_length=30)

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["reference"]

    def clean_duree_heures(self):
        hours = self.cleaned_data.get("duree_heures")
        if hours is not None and hours <= 0:
            raise forms.ValidationError("La durée doit être supérieure à 0 heure.")
        return hours

    def clean(self):
        data = super().clean()
        text = (data.get("commune") or "").strip()
        if text and data.get("modalite") != Modalite.DISTANCE:
            try:
                data["commune_found"] = resolve_commune(text)
            except CommuneNotFound as error:
                self.add_error("commune", error.message)
        return data

    def values(self) -> dict:
        from dife.referentiel.models import Commune

        data = self.cleaned_data
        found = data.get("commune_found")
        rate = data.get("taux_tva") or Decimal(0)
        values = {
            name: data.get(name)
            for name in self.fields
            if name not in ("reference", "commune", "taux_tva") and name in data
        }
        values["taux_tva"] = rate / 100 if rate >= 1 else rate
        values["frais_additionnels"] = data.get("frais_additionnels") or Decimal(0)
        values["commune"] = Commune.objects.get(pk=found.commune_id) if found else None
        for name in (
            "frais_additionnels_detail",
            "adresse",
            "aides_financement",
            "contact_nom",
            "contact_email",
        ):
            values[name] = values.get(name) or ""
        values["contact_telephone"] = values.get("contact_telephone") or ""
        return values


class SessionForm(DsfrBaseForm):
    reference = forms.CharField(label="Référence de la session", required=False, max_length=40)
    debut = forms.DateField(
        label="Date de début",
        error_messages=DATE_ERRORS,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    fin = forms.DateField(
        label="Date de fin",
        error_messages=DATE_ERRORS,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    places = forms.IntegerField(
        label="Nombre de places",
        required=False,
        min_value=1,
        max_value=MAX_PLACES,
        error_messages={
            "invalid": "Indiquez un nombre entier.",
            "min_value": "Au moins 1 place.",
            "max_value": "10 000 places au plus.",
        },
        help_text="Laissez vide si le nombre n'est pas limité.",
    )
    garantie = forms.BooleanField(label="Session garantie", required=False)


class ImportForm(DsfrBaseForm):
    fichier = forms.FileField(
        label="Fichier à importer",
        help_text="CSV (séparateur point-virgule, UTF-8) ou LHÉO (XML), 25 Mo au plus.",
        error_messages={"required": "Choisissez un fichier.", "empty": "Le fichier est vide."},
    )
    format = forms.ChoiceField(
        label="Format",
        choices=[("", "Reconnu automatiquement")] + list(FORMATS.items()),
        required=False,
    )
    publier = forms.BooleanField(
        label="Publier les formations et les actions qui peuvent l'être",
        required=False,
        initial=True,
        help_text="Sinon, tout reste en brouillon.",
    )
