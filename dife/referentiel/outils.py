"""Public tool "Date limite d'inscription": the latest date an OF can propose for a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dife.core import calendar
from dife.enrollment import deadlines


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
