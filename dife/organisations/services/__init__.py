"""Write side of organisations and staff accounts (keyword-only, atomic, audited)."""

from dife.organisations.services.errors import InvitationError, NotAllowed, OrganisationError
from dife.organisations.services.invitations import accept_invitation, invite, usable_invitation
from dife.organisations.services.organisations import agency, register_collectivite, register_organisme
from dife.organisations.services.partners import invite_collectivite_admin, invite_organisme_admin

__all__ = [
    "InvitationError",
    "NotAllowed",
    "OrganisationError",
    "accept_invitation",
    "agency",
    "invite",
    "invite_collectivite_admin",
    "invite_organisme_admin",
    "register_collectivite",
    "register_organisme",
    "usable_invitation",
]
