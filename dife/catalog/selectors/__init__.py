"""Read-only queries of the catalog (decision 0009: one selectors package per app).

``public``: what élus and the home page read; ``agrement``: the gestionnaire's view of the OFs' agrément;
``of_catalog``: an OF's own catalog.
"""

from dife.catalog.selectors.agrement import (
    A_VENIR,
    AGREE,
    EXPIRE,
    SANS,
    AgrementStatus,
    CatalogFigures,
    HistoryRow,
    OrganismeRow,
    agrement_history,
    agrement_status,
    catalog_figures,
    organisme_rows,
    search_organismes,
)
from dife.catalog.selectors.of_catalog import (
    action_of,
    counts,
    formation_of,
    formations,
    organisme_of,
    session_of,
)
from dife.catalog.selectors.public import action_by_numbers, public_counts

__all__ = [
    "AGREE",
    "A_VENIR",
    "AgrementStatus",
    "CatalogFigures",
    "EXPIRE",
    "HistoryRow",
    "OrganismeRow",
    "SANS",
    "action_by_numbers",
    "action_of",
    "agrement_history",
    "agrement_status",
    "catalog_figures",
    "counts",
    "formation_of",
    "formations",
    "organisme_of",
    "organisme_rows",
    "public_counts",
    "search_organismes",
    "session_of",
]
