"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.organisations.models.organisation import (
    Invitation,
    InvitationQuerySet,
    Membership,
    Organisation,
    hash_token,
)

__all__ = [
    "Invitation",
    "InvitationQuerySet",
    "Membership",
    "Organisation",
    "hash_token",
]
