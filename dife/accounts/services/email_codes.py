"""Six-digit codes that confirm an e-mail address (PRODUCT §2).

A code is valid ``accounts.email_code_validity_minutes`` minutes and can be tried
``accounts.email_code_max_attempts`` times (dated parameters). Only its keyed hash is stored; the
outbox masks the code in its copy of the e-mail once sent.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dife.accounts.models import EmailChallenge, User
from dife.accounts.services.notify import send_code
from dife.core.parameters import int_value

# TODO(parameters): "accounts.email_codes_per_hour" is not a dated parameter yet; keeps a visitor
# from resetting the attempt counter by asking new codes without end.
MAX_CODES_PER_EMAIL_PER_HOUR = 5


class CodeError(Exception):
    message = "Code invalide."


class CodeWrong(CodeError):
    def __init__(self, remaining: int):
        super().__init__(remaining)
        self.remaining = remaining
        essai = "essai" if remaining == 1 else "essais"
        self.message = f"Code incorrect. Il vous reste {remaining} {essai}."


class CodeExpired(CodeError):
    message = "Ce code a expiré. Demandez un nouveau code."


class CodeExhausted(CodeError):
    message = "Trop d'essais avec ce code. Demandez un nouveau code."


class TooManyCodes(CodeError):
    message = "Trop de codes demandés pour cette adresse. Réessayez dans une heure."


def _digest(challenge_id: uuid.UUID, code: str) -> str:
    message = f"{challenge_id}:{code}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def validity_minutes(now: datetime | None = None) -> int:
    return int_value("accounts.email_code_validity_minutes", timezone.localdate(now))


def max_attempts(now: datetime | None = None) -> int:
    return int_value("accounts.email_code_max_attempts", timezone.localdate(now))


@transaction.atomic
def send_email_code(*, email: str, purpose: str, user: User | None = None) -> EmailChallenge:
    """Create a challenge and e-mail its code. Raises ``TooManyCodes``."""
    email = email.strip()
    now = timezone.now()
    recent = EmailChallenge.objects.filter(email__iexact=email, created_at__gte=now - timedelta(hours=1))
    if recent.count() >= MAX_CODES_PER_EMAIL_PER_HOUR:
        raise TooManyCodes
    code = f"{secrets.randbelow(1_000_000):06d}"
    minutes = validity_minutes(now)
    challenge = EmailChallenge(
        purpose=purpose,
        email=email,
        user=user,
        created_at=now,
        expires_at=now + timedelta(minutes=minutes),
        max_attempts=max_attempts(now),
    )
    challenge.code_hash = _digest(challenge.id, code)
    challenge.save()
    send_code(to=email, code=code, minutes=minutes, max_attempts=challenge.max_attempts, key=challenge.pk)
    return challenge


def verify_email_code(*, challenge_id: uuid.UUID | str | None, code: str) -> EmailChallenge:
    """The confirmed challenge, or a ``CodeError`` whose ``message`` is for the user.

    The attempt is counted (and committed) before the error is raised."""
    error: CodeError | None = None
    with transaction.atomic():
        challenges = EmailChallenge.objects.select_for_update()
        challenge = challenges.filter(pk=challenge_id).first() if challenge_id is not None else None
        if challenge is None:
            raise CodeExpired
        if challenge.confirmed_at is not None:
            return challenge
        if challenge.attempts >= challenge.max_attempts:
            raise CodeExhausted
        if timezone.now() >= challenge.expires_at:
            raise CodeExpired
        challenge.attempts += 1
        if hmac.compare_digest(challenge.code_hash, _digest(challenge.id, (code or "").strip())):
            challenge.confirmed_at = timezone.now()
        else:
            remaining = challenge.max_attempts - challenge.attempts
            error = CodeWrong(remaining) if remaining > 0 else CodeExhausted()
        challenge.save(update_fields=["attempts", "confirmed_at"])
    if error is not None:
        raise error
    return challenge


def confirmed_email(challenge_id: uuid.UUID | str | None) -> str | None:
    """The address a challenge confirmed, or None."""
    if not challenge_id:
        return None
    challenge = EmailChallenge.objects.filter(pk=challenge_id, confirmed_at__isnull=False).first()
    return challenge.email if challenge else None
