"""Catalog write services (keyword-only, atomic). ``by=None`` means the system (demo, commands)."""

from dife.catalog.services.actions import (
    close_action,
    close_session,
    create_action,
    create_session,
    publish_action,
    update_action,
    update_session,
)
from dife.catalog.services.errors import CatalogError, NotAllowed, NotPublishable
from dife.catalog.services.formations import (
    close_formation,
    create_formation,
    publish_formation,
    update_formation,
)
from dife.catalog.services.organismes import save_organisme_profile
from dife.catalog.services.search_index import refresh_search_rows, refresh_stale_rows

__all__ = [
    "CatalogError",
    "NotAllowed",
    "NotPublishable",
    "close_action",
    "close_formation",
    "close_session",
    "create_action",
    "create_formation",
    "create_session",
    "publish_action",
    "publish_formation",
    "refresh_search_rows",
    "refresh_stale_rows",
    "save_organisme_profile",
    "update_action",
    "update_formation",
    "update_session",
]
