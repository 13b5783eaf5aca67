"""Staff accounts are created by invitation only: an e-mail with a single-use link valid 7 days."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.services import record
from dife.core.formatting import long_date
from dife.organisations import password_policy, perms
from dife.organisations.models import Invitation, Membership, Organisation, hash_token
from dife.organisations.services.emails import absolute_url, send_invitation
from dife.organisations.services.errors import InvitationError, NotAllowed, OrganisationError

# TODO(parameters): platform choice, not a legal figure; move to dife/core/parameters_data.py
# ("accounts.staff_invitation_validity_days") if the agency wants to date its changes.
INVITATION_VALIDITY = timedelta(days=7)

MESSAGES = {
    "unknown": "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié le lien complet.",
    "accepted": (
        "Cette invitation a déjà été utilisée : connectez-vous avec votre adresse e-mail "
        "et votre mot de passe."
    ),
    "revoked": "Cette invitation a été remplacée par une plus récente : utilisez le dernier lien reçu.",
    "expired": (
        "Cette invitation a expiré : demandez une nouvelle invitation à la personne qui vous a invité."
    ),
}


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


@transaction.atomic
def invite(
    *, by: User, email: str, organisation: Organisation, role: str, request: HttpRequest | None = None
) -> Invitation:
    """Invite ``email`` into ``organisation`` with ``role`` and send the link.

    The returned invitation carries the clear token in ``raw_token`` (never stored).
    A pending invitation of the same address into the same organisation is replaced.
    """
    if not perms.can_invite(by, organisation, role):
        raise NotAllowed
    email = normalize_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise OrganisationError(
            "Adresse e-mail invalide : elle doit être de la forme nom@domaine.fr.", field="email"
        ) from None
    if get_user_model().objects.filter(username=email).exists():
        raise OrganisationError(
            "Cette adresse e-mail est déjà celle d'un compte de la plateforme : "
            "la personne peut se connecter avec elle.",
            field="email",
        )
    now = timezone.now()
    Invitation.objects.filter(email=email, organisation=organisation).pending().update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        organisation=organisation,
        role=role,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=now + INVITATION_VALIDITY,
    )
    invitation.raw_token = token
    record(
        action="organisations.invitation.sent",
        actor=by,
        target=invitation,
        request=request,
        organisation=organisation.pk,
        role=role,
    )
    expires = invitation.expires_at
    send_invitation(
        to=email,
        context={
            "inviter": by.get_full_name() or by.email,
            "organisation": organisation.nom,
            "organisation_kind": organisation.get_kind_display().lower(),
            "role": invitation.get_role_display().lower(),
            "expires": f"{long_date(timezone.localdate(expires))} à {timezone.localtime(expires):%H:%M}",
            "link": absolute_url(reverse("pro:invitation", args=[token]), request),
        },
        key=f"organisations.invitation:{invitation.pk}",
    )
    return invitation


def usable_invitation(token: str) -> Invitation:
    """The pending invitation of this token, or InvitationError saying why the link cannot be used."""
    invitation = (
        Invitation.objects.select_related("organisation").filter(token_hash=hash_token(token or "")).first()
    )
    return _check_usable(invitation)


def _check_usable(invitation: Invitation | None) -> Invitation:
    if invitation is None:
        raise InvitationError(MESSAGES["unknown"], code="unknown")
    if invitation.accepted_at is not None:
        raise InvitationError(MESSAGES["accepted"], code="accepted")
    if invitation.revoked_at is not None:
        raise InvitationError(MESSAGES["revoked"], code="revoked")
    if invitation.expires_at <= timezone.now():
        raise InvitationError(MESSAGES["expired"], code="expired")
    return invitation


@transaction.atomic
def accept_invitation(
    *, token: str, password: str, first_name: str, last_name: str, request: HttpRequest | None = None
) -> User:
    """Create the invited person's account (kind of the organisation, username = e-mail) and membership.

    Raises InvitationError for a link that cannot be used, ValidationError (keyed by field) for bad input.
    """
    User = get_user_model()
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("organisation")
        .filter(token_hash=hash_token(token or ""))
        .first()
    )
    invitation = _check_usable(invitation)
    first_name, last_name = (first_name or "").strip(), (last_name or "").strip()
    errors: dict[str, list[str]] = {}
    if not first_name:
        errors["first_name"] = ["Indiquez votre prénom."]
    if not last_name:
        errors["last_name"] = ["Indiquez votre nom."]
    candidate = User(
        username=invitation.email, email=invitation.email, first_name=first_name, last_name=last_name
    )
    try:
        password_policy.validate(password or "", candidate)
    except ValidationError as exc:
        errors["password"] = exc.messages
    if errors:
        raise ValidationError(errors)
    if User.objects.filter(username=invitation.email).exists():
        raise InvitationError(MESSAGES["accepted"], code="accepted")
    organisation = invitation.organisation
    user = User.objects.create_user(
        username=invitation.email,
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        kind=organisation.kind,
    )
    Membership.objects.create(user=user, organisation=organisation, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    record(
        action="organisations.invitation.accepted",
        actor=user,
        target=invitation,
        request=request,
        organisation=organisation.pk,
        role=invitation.role,
    )
    return user
