"""Forgotten password of a staff account: a link by e-mail, single use, valid one hour."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode

from dife.accounts.models import User
from dife.accounts.perms import STAFF_KINDS
from dife.audit.services import record
from dife.organisations import password_policy
from dife.organisations.services.emails import absolute_url, send_password_reset
from dife.organisations.services.invitations import normalize_email

# TODO(parameters): platform choice, not a legal figure (issue 3: "single use, 1 hour").
RESET_VALIDITY_SECONDS = 3600

INVALID_LINK = (
    "Ce lien de réinitialisation n'est plus valable (il a déjà servi ou a plus d'une heure) : "
    "demandez-en un nouveau."
)


class StaffPasswordResetTokenGenerator(PasswordResetTokenGenerator):
    """Django's token (it changes with the password and the last sign-in, hence single use), one hour."""

    key_salt = "dife.organisations.staff_password_reset"

    def check_token(self, user: User | None, token: str | None) -> bool:
        if token is None or not super().check_token(user, token):
            return False
        try:
            issued = base36_to_int(token.split("-", 1)[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - issued <= RESET_VALIDITY_SECONDS


token_generator = StaffPasswordResetTokenGenerator()


def _staff_users() -> QuerySet[User]:
    return get_user_model().objects.filter(kind__in=STAFF_KINDS, is_active=True)


@transaction.atomic
def request_reset(*, email: str, request: HttpRequest | None = None) -> None:
    """Send a reset link if a staff account has this address. Says nothing either way."""
    username = normalize_email(email)
    user = _staff_users().filter(username=username).first()
    if user is None or not user.has_usable_password():
        record(action="staff.password_reset.unknown", request=request)
        return
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = token_generator.make_token(user)
    record(action="staff.password_reset.requested", actor=user, target=user, request=request)
    send_password_reset(
        to=user.email or user.username, link=absolute_url(reverse("pro:reset", args=[uid, token]), request)
    )


def user_for_reset(*, uidb64: str, token: str) -> User | None:
    """The staff user this link is for, or None when the link is unknown, used or too old."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = _staff_users().filter(pk=pk).first()
    if user is None or not token_generator.check_token(user, token):
        return None
    return user


@transaction.atomic
def reset_password(*, uidb64: str, token: str, password: str, request: HttpRequest | None = None) -> User:
    """Set the new password. Raises ValueError(INVALID_LINK) or ValidationError (password policy)."""
    user = user_for_reset(uidb64=uidb64, token=token)
    if user is None:
        raise ValueError(INVALID_LINK)
    try:
        password_policy.validate(password or "", user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    user.save(update_fields=["password"])
    # The person proved they own the address: lift the throttling on their account (not on addresses).
    axes_reset(username=user.get_username())
    record(action="staff.password_reset.completed", actor=user, target=user, request=request)
    return user
