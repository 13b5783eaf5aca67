"""Errors the organisation services raise, each with a French message fit for the person concerned."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class OrganisationError(ValueError):
    """Bad input: ``field`` names the form field to attach the message to (None: the whole form)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(PermissionDenied):
    """The actor may not do this (views answer 404)."""


class InvitationError(ValueError):
    """An invitation link that cannot be used (unknown, used, replaced or expired)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
