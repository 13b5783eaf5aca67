"""A gestionnaire registers an OF or a collectivité and invites its first administrator, in one go."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from dife.accounts.models import User
from dife.organisations.models import Invitation, Membership
from dife.organisations.services.invitations import invite
from dife.organisations.services.organisations import register_collectivite, register_organisme


@transaction.atomic
def invite_organisme_admin(
    *, by: User, nom: str, siret: str, email: str, request: HttpRequest | None = None
) -> Invitation:
    organisation, _ = register_organisme(by=by, nom=nom, siret=siret, request=request)
    return invite(by=by, email=email, organisation=organisation, role=Membership.Role.ADMIN, request=request)


@transaction.atomic
def invite_collectivite_admin(
    *, by: User, collectivite_type: str, code: str, email: str, request: HttpRequest | None = None
) -> Invitation:
    organisation, _ = register_collectivite(
        by=by, collectivite_type=collectivite_type, code=code, request=request
    )
    return invite(by=by, email=email, organisation=organisation, role=Membership.Role.ADMIN, request=request)
