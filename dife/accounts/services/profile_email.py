"""Change of an élu's e-mail address: re-authentication by password, then a code sent to the new
address; the address changes only once the code is confirmed."""

from __future__ import annotations

from uuid import UUID

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import EluProfile, EmailChallenge, User
from dife.accounts.services import email_codes
from dife.accounts.services.elus import WrongPassword, reauthenticate
from dife.audit.services import record


def start_email_change(
    *, user: User, current_password: str, new_email: str, request: HttpRequest | None = None
) -> EmailChallenge:
    """Raises ``WrongPassword`` or a ``CodeError`` (too many codes)."""
    if not reauthenticate(user=user, password=current_password, request=request):
        record(action="accounts.email.change_refused", actor=user, target=user, request=request)
        raise WrongPassword
    challenge = email_codes.send_email_code(
        email=new_email, purpose=EmailChallenge.Purpose.EMAIL_CHANGE, user=user
    )
    record(action="accounts.email.change_started", actor=user, target=user, request=request)
    return challenge


def pending_change(*, user: User, challenge_id: UUID | str | None) -> EmailChallenge | None:
    if not challenge_id:
        return None
    return EmailChallenge.objects.filter(
        pk=challenge_id, user=user, purpose=EmailChallenge.Purpose.EMAIL_CHANGE, confirmed_at__isnull=True
    ).first()


def confirm_email_change(
    *, user: User, challenge_id: UUID | str | None, code: str, request: HttpRequest | None = None
) -> None:
    """Raises a ``CodeError`` (wrong, expired, exhausted). The attempt is counted in its own
    transaction (see ``verify_email_code``), then the address changes atomically."""
    challenge = email_codes.verify_email_code(challenge_id=challenge_id, code=code)
    if challenge.user_id != user.pk or challenge.purpose != EmailChallenge.Purpose.EMAIL_CHANGE:
        raise email_codes.CodeExpired
    with transaction.atomic():
        _apply(user=user, email=challenge.email, request=request)


def _apply(*, user: User, email: str, request: HttpRequest | None) -> None:
    User.objects.filter(pk=user.pk).update(email=email)
    user.email = email
    EluProfile.objects.filter(user=user).update(email_confirmed_at=timezone.now(), updated_at=timezone.now())
    record(action="accounts.email.changed", actor=user, target=user, request=request)
