"""Errors of the catalog services, each with a French message fit for the provider."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class CatalogError(ValueError):
    """Bad input: ``field`` names the form field to attach the message to (None: the whole form)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotPublishable(CatalogError):
    """Publication refused: ``reasons`` says why, in French, one reason per line."""

    def __init__(self, reasons: list[str] | tuple[str, ...]) -> None:
        self.reasons = list(reasons)
        super().__init__("Publication impossible : " + " ".join(self.reasons))


class NotAllowed(PermissionDenied):
    """The actor may not touch this catalog (views answer 404)."""
