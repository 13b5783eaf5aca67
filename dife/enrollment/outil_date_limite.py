"""Public tool "Date limite d'inscription": the latest date an OF can propose for a session.

The page and ``GET /api/v1/outils/date-limite`` share :class:`DateLimiteForm` and its computation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from dsfr.forms import DsfrBaseForm

from dife.core import calendar
from dife.core.parameters import NoValueInForce
from dife.enrollment import deadlines
from dife.enrollment.outil_reglement import LAST_DAY
from dife.referentiel.forms import DATE_ERRORS, CommuneCodeField, IsoDateField


@dataclass(frozen=True)
class DateLimite:
    debut: date
    commune_code: str
    commune_nom: str
    date_limite_proposition: date
    jours_feries: list[tuple[date, str]]

    def as_json(self) -> dict:
        return {
            "debut": self.debut.isoformat(),
            "commune": self.commune_code,
            "date_limite_proposition": self.date_limite_proposition.isoformat(),
            "jours_feries": [d.isoformat() for d, _ in self.jours_feries],
        }


def date_limite_inscription(*, debut: date, commune) -> DateLimite:
    departement = calendar.departement_of_commune(commune.code)
    limite = deadlines.latest_proposal_date(debut, departement)
    feries = calendar.holidays_between(limite, debut, departement)
    return DateLimite(
        debut=debut,
        commune_code=commune.code,
        commune_nom=commune.nom,
        date_limite_proposition=limite,
        jours_feries=feries,
    )


class DateLimiteForm(DsfrBaseForm):
    debut = IsoDateField(
        label="Date de début de la session",
        input_formats=["%Y-%m-%d"],
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    commune = CommuneCodeField(
        label="Commune du lieu de la session (code INSEE)",
        help_text="Code INSEE de la commune, par exemple 45234 pour Orléans ou 57463 pour Metz.",
        max_length=5,
    )

    def __init__(self, *args, strict: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].strict = strict

    def clean_debut(self):
        day = self.cleaned_data.get("debut")
        if day is not None and day > LAST_DAY:  # the holidays calendar ends in 2100
            raise forms.ValidationError(f"Date trop éloignée : le {LAST_DAY:%d/%m/%Y} au plus tard.")
        return day

    def result(self) -> DateLimite | None:
        """The computed date, or None with the error put on the field at fault."""
        if not self.is_valid():
            return None
        try:
            return date_limite_inscription(
                debut=self.cleaned_data["debut"], commune=self.cleaned_data["commune"]
            )
        except NoValueInForce as exc:
            self.add_error(
                "debut",
                "Date hors de la période couverte : les règles connues s’appliquent aux sessions "
                f"commençant à partir du {exc.first_start:%d/%m/%Y}.",
            )
            return None
