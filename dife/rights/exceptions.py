"""Refusals of the ledger services, each with a French message that can be shown as is."""

from __future__ import annotations


class RightsRefused(Exception):
    """A movement the rules forbid. ``str(error)`` is a French sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InsufficientRights(RightsRefused):
    pass


class CeilingExceeded(RightsRefused):
    pass


class NoOpenReservation(RightsRefused):
    pass


class InvalidAmount(RightsRefused):
    pass


class IdempotencyConflict(RightsRefused):
    """The key was already used for another movement: a programming error of the caller."""
