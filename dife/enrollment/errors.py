"""Refusals of the enrollment services, each with a French message that can be shown as is."""

from __future__ import annotations


class EnrollmentError(Exception):
    """A request the rules refuse. ``str(error)`` is a French sentence; ``field`` names the form field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class TransitionRefused(EnrollmentError):
    """The dossier's state or a deadline forbids this change."""


class NotAllowed(EnrollmentError):
    """This user may not act on this dossier (views answer 404)."""

    def __init__(self, message: str = "Action non autorisée sur ce dossier.") -> None:
        super().__init__(message)


class ApplicationRefused(EnrollmentError):
    """The élu cannot apply to this session; ``reasons`` lists why (French)."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = list(reasons)
