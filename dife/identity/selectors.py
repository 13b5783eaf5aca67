"""Read-side queries of identity."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from dife.accounts.models import User
from dife.identity.models import IdentityVerification

# The dated parameter of the decision target shown to the élu and the gestionnaire.
TARGET_KEY = "identity.manual_verification_target_days"


def has_approved_verification(user: User) -> bool:
    return IdentityVerification.objects.filter(
        user=user, status=IdentityVerification.Status.APPROVED
    ).exists()


def latest_verification(user: User) -> IdentityVerification | None:
    return IdentityVerification.objects.filter(user=user).order_by("-created_at", "-pk").first()


def verification_of_user(user: User, public_id: UUID) -> IdentityVerification | None:
    """The request only when it belongs to ``user`` (else None: the view answers 404)."""
    return IdentityVerification.objects.filter(user=user, public_id=public_id).first()


def pending_verifications() -> QuerySet[IdentityVerification]:
    return (
        IdentityVerification.objects.filter(status=IdentityVerification.Status.PENDING)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def decided_verifications(limit: int = 50) -> QuerySet[IdentityVerification]:
    return (
        IdentityVerification.objects.exclude(status=IdentityVerification.Status.PENDING)
        .select_related("user", "decided_by")
        .order_by("-decided_at")[:limit]
    )
