"""The search filters, read from a URL's query string: one form for the page and for the API.

The page names the place ``lieu`` (commune name or postal code, postal code first); the API names it
``commune`` (INSEE or postal code, INSEE code first) — see places.py. Errors are French, one per field.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms

from dife.catalog.models import Contexte
from dife.catalog.places import PlaceNotFound, resolve_place
from dife.catalog.search import MAX_PAGE, SORTS, SearchParams

DEFAULT_RADIUS_KM = 30
MAX_RADIUS_KM = 200
TRUE = {"1", "true", "on", "oui"}
FALSE = {"", "0", "false", "off", "non"}
DATE_INVALID = "Date invalide : le format attendu est AAAA-MM-JJ (par exemple 2027-03-21)."
SORT_LABELS = {
    "pertinence": "Pertinence",
    "date": "Date de la prochaine session",
    "distance": "Distance",
    "prix": "Prix croissant",
}


class SearchForm(forms.Form):
    q = forms.CharField(label="Formation, métier, compétence", required=False, max_length=200)
    lieu = forms.CharField(label="Lieu (commune ou code postal)", required=False, max_length=120)
    commune = forms.CharField(required=False, max_length=120)
    rayon = forms.IntegerField(
        label="Rayon (km)",
        required=False,
        min_value=1,
        max_value=MAX_RADIUS_KM,
        error_messages={
            "invalid": f"Le rayon est un nombre entier de kilomètres, de 1 à {MAX_RADIUS_KM}.",
            "min_value": f"Le rayon est un nombre entier de kilomètres, de 1 à {MAX_RADIUS_KM}.",
            "max_value": f"Le rayon est un nombre entier de kilomètres, de 1 à {MAX_RADIUS_KM}.",
        },
    )
    a_distance = forms.CharField(label="Formation à distance", required=False)
    contexte = forms.CharField(label="Contexte de formation", required=False)
    du = forms.DateField(
        label="Du", required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": DATE_INVALID}
    )
    au = forms.DateField(
        label="Au", required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": DATE_INVALID}
    )
    prix_max = forms.CharField(label="Prix maximum (€)", required=False, max_length=20)
    tri = forms.CharField(label="Trier par", required=False)
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": "Le numéro de page est un nombre entier à partir de 1.",
            "min_value": "Le numéro de page est un nombre entier à partir de 1.",
            "max_value": f"Le numéro de page ne peut pas dépasser {MAX_PAGE}.",
        },
    )

    def __init__(self, *args, place_field: str = "lieu", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.place_field = place_field
        self.place = None

    def clean_a_distance(self) -> bool:
        value = (self.cleaned_data.get("a_distance") or "").strip().lower()
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        raise forms.ValidationError("« a_distance » vaut 1 (formations à distance seulement) ou 0.")

    def clean_contexte(self) -> str:
        value = (self.cleaned_data.get("contexte") or "").strip()
        if value and value not in Contexte.values:
            raise forms.ValidationError(
                f"Contexte inconnu : « {value} ». Valeurs possibles : mandat, reconversion."
            )
        return value

    def clean_prix_max(self) -> Decimal | None:
        value = (self.cleaned_data.get("prix_max") or "").strip().replace(" ", "").replace(",", ".")
        if not value:
            return None
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise forms.ValidationError(
                "Le prix maximum est un montant en euros (par exemple 800)."
            ) from None
        if not amount.is_finite() or amount < 0 or amount > Decimal("1000000"):
            raise forms.ValidationError("Le prix maximum est un montant en euros positif (par exemple 800).")
        return amount

    def clean_tri(self) -> str:
        value = (self.cleaned_data.get("tri") or "").strip()
        if value and value not in SORTS:
            raise forms.ValidationError(f"Tri inconnu : « {value} ». Valeurs possibles : {', '.join(SORTS)}.")
        return value

    def clean(self):
        data = super().clean()
        field = self.place_field
        text = (data.get(field) or "").strip()
        if text:
            try:
                self.place = resolve_place(text, prefer="insee" if field == "commune" else "code_postal")
            except PlaceNotFound as error:
                self.add_error(field, str(error))
        if text and data.get("a_distance"):
            self.add_error(field, "Choisissez un lieu ou « Formation à distance », pas les deux.")
        if field == "commune" and not text and (self.data.get("rayon") or "").strip():
            # The page always sends its radius select; an API client sending one without a place would
            # otherwise get the whole catalogue without a word (a misspelt ``commune``, say).
            self.add_error("rayon", "Le rayon demande une commune (code INSEE ou code postal).")
        if data.get("tri") == "distance" and not text:
            self.add_error("tri", "Le tri par distance demande un lieu.")
        du, au = data.get("du"), data.get("au")
        if du and au and au < du:
            self.add_error("au", "La date « au » ne peut pas précéder la date « du ».")
        return data

    def params(self) -> SearchParams:
        """The validated filters (call after ``is_valid()``)."""
        data = self.cleaned_data
        tri = data.get("tri") or ""
        if tri == "pertinence" and not (data.get("q") or "").strip():
            tri = ""  # nothing to rank: the default order applies
        return SearchParams(
            q=(data.get("q") or "").strip(),
            place=self.place,
            rayon_km=data.get("rayon") or DEFAULT_RADIUS_KM,
            a_distance=bool(data.get("a_distance")),
            contexte=data.get("contexte") or "",
            du=data.get("du"),
            au=data.get("au"),
            prix_max=data.get("prix_max"),
            tri=tri,
            page=data.get("page") or 1,
        )
