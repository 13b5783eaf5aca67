"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.referentiel.models.territory import EPCI, CodePostal, Commune, Departement, Region

__all__ = [
    "CodePostal",
    "Commune",
    "Departement",
    "EPCI",
    "Region",
]
