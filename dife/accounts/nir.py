"""The NIR (numéro de sécurité sociale): validation, masking, keyed hash and encryption at rest.

The NIR is personal data under a special regime (PRODUCT §2): it is validated with python-stdnum,
stored only encrypted (Fernet, key ``NIR_ENCRYPTION_KEY``; several comma-separated keys allow a
rotation, the first one encrypts), found through an HMAC-SHA256 keyed hash (``NIR_HASH_KEY``), shown
only masked, and never put in a URL, a log line, an e-mail or the audit journal.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import nir as stdnum_nir

# First digit: 1/2 (born in France or registered at birth), 3/4 (foreign-born, provisional),
# 7/8 (provisional numbers). Month: 01–12, 20–42 and 50–99 (unknown month conventions of the INSEE).
_SEX_DIGITS = {"1", "2", "3", "4", "7", "8"}

MESSAGES = {
    "required": "Saisissez votre numéro de sécurité sociale.",
    "format": (
        "Numéro de sécurité sociale invalide : saisissez les 13 caractères et la clé à 2 chiffres "
        "inscrits sur votre carte Vitale (15 caractères, par exemple 1 84 12 75 123 456 78)."
    ),
    "checksum": (
        "Numéro de sécurité sociale invalide : la clé (les 2 derniers chiffres) ne correspond pas "
        "au numéro. Vérifiez votre saisie."
    ),
}


def compact(value: str) -> str:
    """Upper-case, without spaces, dots or hyphens (the form the hash and the cipher see)."""
    return stdnum_nir.compact((value or "").replace("-", ""))


def validate(value: str) -> str:
    """The compact NIR, or a ValidationError with a French message (the NIR is never in it)."""
    number = compact(value)
    if not number:
        raise ValidationError(MESSAGES["required"], code="required")
    try:
        number = stdnum_nir.validate(number)
    except StdnumError as exc:
        code = "checksum" if isinstance(exc, InvalidChecksum) else "format"
        raise ValidationError(MESSAGES[code], code=code) from None
    month = int(number[3:5])
    if number[0] not in _SEX_DIGITS or not (1 <= month <= 12 or 20 <= month <= 42 or month >= 50):
        raise ValidationError(MESSAGES["format"], code="format")
    return number


def is_valid(value: str) -> bool:
    try:
        validate(value)
    except ValidationError:
        return False
    return True


def mask(value: str) -> str:
    """``1 84 12 •• ••• ••• 57``: sex, year and month of birth and the key stay readable."""
    number = compact(value)
    if len(number) != 15:
        return "•" * 15
    return f"{number[0]} {number[1:3]} {number[3:5]} •• ••• ••• {number[13:]}"


@dataclass(frozen=True)
class NirFacts:
    """What a NIR says about its holder, for checks against an identity provider's claims."""

    sexe: str  # "M", "F" or "" when the first digit does not tell (provisional numbers)
    birth_year_2digits: str
    birth_month: int | None  # None when the month is unknown (20–42, 50–99)
    birthplace: str  # INSEE code of the commune (5 characters) or "99" + country code abroad


def facts(value: str) -> NirFacts:
    number = validate(value)
    sexe = {"1": "M", "3": "M", "7": "M", "2": "F", "4": "F", "8": "F"}.get(number[0], "")
    month = int(number[3:5])
    return NirFacts(
        sexe=sexe,
        birth_year_2digits=number[1:3],
        birth_month=month if 1 <= month <= 12 else None,
        birthplace=number[5:10],
    )


def _hash_key() -> bytes:
    key = getattr(settings, "NIR_HASH_KEY", "")
    if len(key) < 32:
        raise ImproperlyConfigured("NIR_HASH_KEY doit comporter au moins 32 caractères.")
    return key.encode()


def keyed_hash(value: str) -> str:
    """HMAC-SHA256 of the compact NIR, hexadecimal: the lookup key (unique in the database)."""
    return hmac.new(_hash_key(), compact(value).encode(), hashlib.sha256).hexdigest()


@lru_cache(maxsize=4)
def _cipher(keys: str) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.strip().encode()) for k in keys.split(",") if k.strip()])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            "NIR_ENCRYPTION_KEY doit contenir une ou plusieurs clés Fernet séparées par des virgules "
            "(Fernet.generate_key())."
        ) from exc


def cipher() -> MultiFernet:
    return _cipher(getattr(settings, "NIR_ENCRYPTION_KEY", ""))


def encrypt(value: str) -> str:
    return cipher().encrypt(compact(value).encode()).decode()


def decrypt(token: str) -> str:
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured("Le NIR chiffré ne peut pas être lu avec NIR_ENCRYPTION_KEY.") from exc
