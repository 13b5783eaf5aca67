"""Who may do what with the catalog: plain predicates, used by services and views (404 otherwise)."""

from __future__ import annotations

from dife.accounts.models import User
from dife.organisations.models import Membership


def can_edit_catalog(user, organisme) -> bool:
    """Members of the OF (administrators and agents) edit its catalog; nobody else does."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.kind != User.Kind.ORGANISME:
        return False
    return Membership.objects.filter(user=user, organisation_id=organisme.pk).exists()
