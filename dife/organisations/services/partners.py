"""A gestionnaire registers an OF or a collectivité and invites its first administrator, in one go."""

from __future__ import annotations

from django.db import transaction

from dife.organisations.models import Invitation, Membership
from dife.organisations.services.invitations import invite
from dife.organisations.services.organisations import register_collectivite, register_organisme


@transaction.atomic
def invite_organisme_admin(*, by, nom: str, siret: str, email: str, request=None) -> Invitation:
    organisation, _ = register_organisme(by=by, nom=nom, siret=siret, request=request)
    return invite(by=by, email=email, organisation=organisation, role=Membership.Role.ADMIN, request=request)


@transaction.atomic
def invite_collectivite_admin(
    *, by, collectivite_type: str, code: str, email: str, request=None
) -> Invitation:
    organisation, _ = register_collectivite(
        by=by, collectivite_type=collectivite_type, code=code, request=request
    )
    return invite(by=by, email=email, organisation=organisation, role=Membership.Role.ADMIN, request=request)
