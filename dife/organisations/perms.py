"""Who may do what with organisations: plain predicates, used by services and by views."""

from __future__ import annotations

from dife.accounts.models import User
from dife.organisations.models import Membership, Organisation


def _membership(user, organisation: Organisation) -> Membership | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def _is_gestionnaire(user) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.kind == User.Kind.GESTIONNAIRE
        and Membership.objects.filter(user=user, organisation__kind=Organisation.Kind.GESTIONNAIRE).exists()
    )


def can_manage_partners(user) -> bool:
    """Gestionnaires register OFs and collectivités and invite their first administrators."""
    return _is_gestionnaire(user)


def can_invite(user, organisation: Organisation, role: str) -> bool:
    """May ``user`` invite someone into ``organisation`` with ``role``?

    - a gestionnaire invites the administrators of any OF or collectivité;
    - an administrator invites colleagues (administrators or agents) into their own organisation only
      (for the agency, this is how gestionnaires invite other gestionnaires);
    - an agent invites nobody.
    """
    if role not in Membership.Role.values:
        return False
    partner = organisation.kind != Organisation.Kind.GESTIONNAIRE
    if partner and role == Membership.Role.ADMIN and _is_gestionnaire(user):
        return True
    membership = _membership(user, organisation)
    return (
        membership is not None and membership.role == Membership.Role.ADMIN and user.kind == organisation.kind
    )
