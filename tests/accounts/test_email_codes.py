"""E-mail confirmation codes: 6 digits, valid 15 minutes, 5 tries (dated parameters)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from dife.accounts.models import EmailChallenge
from dife.accounts.services import email_codes

pytestmark = pytest.mark.django_db(transaction=True)  # the e-mail leaves after a real commit


def send(mailoutbox, email="camille@example.fr"):
    challenge = email_codes.send_email_code(email=email, purpose=EmailChallenge.Purpose.CREATION)
    code = re.search(r"\b(\d{6})\b", mailoutbox[-1].body).group(1)
    return challenge, code


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_code_is_mailed_and_only_its_hash_is_kept(mailoutbox):
    challenge, code = send(mailoutbox)
    assert mailoutbox[-1].to == ["camille@example.fr"]
    assert "valable 15 minutes" in mailoutbox[-1].body and "5 fois" in mailoutbox[-1].body
    assert code not in challenge.code_hash and len(challenge.code_hash) == 64
    assert challenge.expires_at - challenge.created_at == timedelta(minutes=15)
    confirmed = email_codes.verify_email_code(challenge_id=challenge.pk, code=code)
    assert confirmed.confirmed_at is not None
    assert email_codes.confirmed_email(challenge.pk) == "camille@example.fr"


def test_wrong_code_counts_and_five_tries_exhaust_it(mailoutbox):
    challenge, code = send(mailoutbox)
    for remaining in (4, 3, 2, 1):
        with pytest.raises(email_codes.CodeWrong) as error:
            email_codes.verify_email_code(challenge_id=challenge.pk, code=wrong(code))
        assert error.value.remaining == remaining
        assert f"Il vous reste {remaining}" in error.value.message
    with pytest.raises(email_codes.CodeExhausted):
        email_codes.verify_email_code(challenge_id=challenge.pk, code=wrong(code))
    # The right code no longer works either.
    with pytest.raises(email_codes.CodeExhausted):
        email_codes.verify_email_code(challenge_id=challenge.pk, code=code)
    challenge.refresh_from_db()
    assert challenge.attempts == 5 and challenge.confirmed_at is None


def test_expiry_at_fifteen_minutes(mailoutbox):
    challenge, code = send(mailoutbox)
    # 14 minutes 59 seconds later: still valid.
    EmailChallenge.objects.filter(pk=challenge.pk).update(
        created_at=challenge.created_at - timedelta(minutes=14, seconds=59),
        expires_at=challenge.expires_at - timedelta(minutes=14, seconds=59),
    )
    assert email_codes.verify_email_code(challenge_id=challenge.pk, code=code).confirmed_at is not None
    other, other_code = send(mailoutbox, "dominique@example.fr")
    # 15 minutes later: expired.
    EmailChallenge.objects.filter(pk=other.pk).update(
        created_at=other.created_at - timedelta(minutes=15),
        expires_at=other.expires_at - timedelta(minutes=15),
    )
    with pytest.raises(email_codes.CodeExpired):
        email_codes.verify_email_code(challenge_id=other.pk, code=other_code)
    assert email_codes.confirmed_email(other.pk) is None


def test_codes_per_address_are_limited(mailoutbox):
    for _ in range(email_codes.MAX_CODES_PER_EMAIL_PER_HOUR):
        send(mailoutbox)
    with pytest.raises(email_codes.TooManyCodes):
        email_codes.send_email_code(email="CAMILLE@example.fr", purpose=EmailChallenge.Purpose.CREATION)
    send(mailoutbox, "autre@example.fr")  # another address is not affected
