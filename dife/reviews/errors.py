"""The refusals of every review workflow, each with a French message that can be shown as is."""

from __future__ import annotations


class ReviewRefused(Exception):
    """The request's status or a rule forbids this; ``code`` tells the views which case it is."""

    def __init__(self, message: str, *, code: str = "refused") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


class NotAllowed(ReviewRefused):
    """This user may not do this (views answer 404 or 403)."""

    def __init__(self, message: str = "Action non autorisée sur cette demande.") -> None:
        super().__init__(message, code="not_allowed")


ALREADY_DECIDED = "Cette demande a déjà été traitée."
REASON_REQUIRED = "Indiquez le motif du refus : il est communiqué à l'élu."
