"""Public tool "Que se passe-t-il si j'annule ?" (page and API share this form and computation).

``GET /api/v1/outils/reglement?evenement=<annulation_titulaire|absence|annulation_organisme|sortie>
&prix=…&droits_engages=…&debut=YYYY-MM-DD&commune=<INSEE>&date=YYYY-MM-DD&heures_prevues=…
&heures_suivies=…&force_majeure=0|1`` → ``{"paye_organisme", "droits_consommes", "droits_liberes",
"annulation_gratuite"}`` following PRODUCT.md §8 (``settlement.compute``). ``date`` is the day of the
cancellation (annulation_titulaire: free when the session starts on or after the 7th business day
after it, holidays of the session's commune); ``sortie`` uses the hours. ``annulation_gratuite`` is
null for the events where the 7-day rule does not apply.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from dsfr.forms import DsfrBaseForm

from dife.core import calendar
from dife.core.parameters_data import SERVICE_START
from dife.enrollment import settlement
from dife.enrollment.models.settlement import Event
from dife.referentiel.forms import DATE_ERRORS, CommuneCodeField

REQUIRED = "Ce champ est obligatoire."
MAX_AMOUNT = Decimal("99999999.99")
# Holidays are computed a few days past the dates: beyond this day the calendar would overflow (500).
LAST_DAY = date(2099, 12, 31)


class AmountField(forms.CharField):
    """A number with at most two decimals; a comma or a point as decimal separator."""

    def __init__(self, *, example: str, places: int = 2, maximum: Decimal = MAX_AMOUNT, **kwargs):
        self.example, self.places, self.maximum = example, places, maximum
        super().__init__(max_length=20, error_messages={"required": REQUIRED}, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if text in (None, ""):
            return None
        try:
            number = Decimal(text.replace(",", ".").replace(" ", "").replace("\u202f", ""))
        except InvalidOperation:
            number = None
        step = Decimal(1).scaleb(-self.places)
        if number is None or not number.is_finite():
            raise forms.ValidationError(
                f"Nombre invalide : {self.places} décimales au plus, par exemple {self.example}."
            )
        # The range first: quantizing a huge number (9e99) raises InvalidOperation.
        if number < 0 or number > self.maximum:
            raise forms.ValidationError(f"Le nombre doit être compris entre 0 et {self.maximum}.")
        if number != number.quantize(step):
            raise forms.ValidationError(
                f"Nombre invalide : {self.places} décimales au plus, par exemple {self.example}."
            )
        return number.quantize(step)


class OptionalCommuneField(CommuneCodeField):
    def clean(self, value):
        if not (value or "").strip():
            return None
        return super().clean(value)


def _date_field(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


# The public spelling of the events (``?evenement=`` of the page and of the API) and our enum values.
PUBLIC_EVENTS: dict[str, Event] = {
    "annulation_titulaire": Event.CANCELLED_BY_ELU,
    "absence": Event.NO_SHOW,
    "annulation_organisme": Event.CANCELLED_BY_OF,
    "sortie": Event.EXIT,
}


class ReglementForm(DsfrBaseForm):
    evenement = forms.ChoiceField(
        label="Ce qui se passe",
        choices=[
            ("annulation_titulaire", "J’annule mon inscription (annulation par l’élu)"),
            ("absence", "Je ne me présente pas le premier jour (absence)"),
            ("annulation_organisme", "L’organisme annule"),
            ("sortie", "Je quitte ou termine la formation (sortie)"),
        ],
        error_messages={"required": REQUIRED, "invalid_choice": "Événement inconnu : %(value)s."},
    )
    prix = AmountField(label="Prix de la formation (€)", example="300.00")
    droits_engages = AmountField(
        label="Droits DIFE engagés (€)",
        example="300.00",
        help_text="La part du prix financée par vos droits DIFE.",
    )
    debut = _date_field("Date de début de la session", "Par exemple 2026-06-15.")
    commune = OptionalCommuneField(
        label="Commune du lieu de la session (code INSEE)",
        help_text="Pour les jours fériés : 45234 pour Orléans, 57463 pour Metz…",
        max_length=5,
        required=False,
    )
    date = _date_field("Date de l’annulation", "Le jour où vous annulez, par exemple 2026-06-08.")
    heures_prevues = AmountField(
        label="Heures prévues",
        example="14",
        required=False,
        maximum=Decimal("99999"),
        help_text="Pour une sortie de formation : la durée de la formation.",
    )
    heures_suivies = AmountField(
        label="Heures suivies",
        example="10.5",
        required=False,
        maximum=Decimal("99999"),
        help_text="Pour une sortie de formation : les heures réellement suivies.",
    )
    force_majeure = forms.TypedChoiceField(
        label="Cas de force majeure",
        choices=[("0", "Non"), ("1", "Oui")],
        coerce=lambda value: value == "1",
        empty_value=False,
        required=False,
        initial="0",
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Indiquez 0 (non) ou 1 (oui)."},
    )

    def clean(self):
        cleaned = super().clean()
        prix, engaged = cleaned.get("prix"), cleaned.get("droits_engages")
        if prix is not None and engaged is not None and engaged > prix:
            self.add_error(
                "droits_engages", "Les droits engagés ne peuvent pas dépasser le prix de la formation."
            )
        self._check_dates(cleaned)
        event = PUBLIC_EVENTS.get(cleaned.get("evenement", ""))
        if event == Event.CANCELLED_BY_ELU:
            self._require(cleaned, ("debut", "commune", "date"), "annulation par l’élu")
        if event == Event.EXIT:
            self._check_hours(cleaned)
        return cleaned

    def _check_dates(self, cleaned: dict) -> None:
        for name in ("debut", "date"):
            day = cleaned.get(name)
            if day is not None and day < SERVICE_START:
                self.add_error(name, f"Date antérieure à l’ouverture du service ({SERVICE_START:%d/%m/%Y}).")
            elif day is not None and day > LAST_DAY:
                self.add_error(name, f"Date trop éloignée : le {LAST_DAY:%d/%m/%Y} au plus tard.")

    def _require(self, cleaned: dict, names: tuple[str, ...], why: str) -> None:
        for name in names:
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, f"{REQUIRED} ({why})")

    def _check_hours(self, cleaned: dict) -> None:
        planned, attended = cleaned.get("heures_prevues"), cleaned.get("heures_suivies")
        self._require(cleaned, ("heures_prevues", "heures_suivies"), "sortie de formation")
        if planned is not None and planned <= 0:
            self.add_error("heures_prevues", "Les heures prévues doivent être supérieures à 0.")
        elif planned is not None and attended is not None and attended > planned:
            self.add_error("heures_suivies", "Les heures suivies ne peuvent pas dépasser les heures prévues.")


def api_parameters(cleaned: dict) -> dict[str, str]:
    """The same question as API parameters, written the way the API expects them (for the page's link)."""
    out = {"evenement": cleaned["evenement"]}
    for name in ("prix", "droits_engages", "heures_prevues", "heures_suivies"):
        if cleaned.get(name) is not None:
            out[name] = f"{cleaned[name]:f}"
    for name in ("debut", "date"):
        if cleaned.get(name) is not None:
            out[name] = cleaned[name].isoformat()
    if cleaned.get("commune") is not None:
        out["commune"] = cleaned["commune"].code
    if cleaned.get("force_majeure"):
        out["force_majeure"] = "1"
    return out


def reglement(cleaned: dict, *, today: date | None = None) -> settlement.Outcome:
    event = PUBLIC_EVENTS[cleaned["evenement"]]
    debut = cleaned.get("debut")
    as_of = debut or today or timezone.localdate()
    free = None
    if event == Event.CANCELLED_BY_ELU:
        departement = calendar.departement_of_commune(cleaned["commune"].code)
        free = settlement.cancellation_is_free(
            cancelled_on=cleaned["date"], session_start=debut, departement=departement
        )
    return settlement.compute(
        event=event,
        price=cleaned["prix"],
        rights_engaged=cleaned["droits_engages"],
        as_of=as_of,
        force_majeure=cleaned.get("force_majeure") or False,
        free_cancellation=free,
        planned_hours=cleaned.get("heures_prevues"),
        attended_hours=cleaned.get("heures_suivies"),
    )
