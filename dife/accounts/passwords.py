"""Password policy (PRODUCT §2, CNIL deliberation 2022-100): at least 12 characters with upper case,
lower case, digit and special character, and not in Django's list of common passwords.

The minimum length is the dated parameter ``accounts.password_min_length``.
"""

from __future__ import annotations

from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    get_password_validators,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import timezone

from dife.core.parameters import int_value


def min_length() -> int:
    return int_value("accounts.password_min_length", timezone.localdate())


def policy_text() -> str:
    return (
        f"Votre mot de passe doit comporter au minimum {min_length()} caractères, dont une majuscule, "
        "une minuscule, un chiffre et un caractère spécial (par exemple ! ? % # @)."
    )


class ComplexityValidator:
    """Length from the dated parameters, and the four character classes."""

    def validate(self, password, user=None):
        errors = []
        length = min_length()
        if len(password) < length:
            errors.append(f"Le mot de passe doit comporter au moins {length} caractères.")
        if not any(c.isupper() for c in password):
            errors.append("Le mot de passe doit contenir au moins une lettre majuscule.")
        if not any(c.islower() for c in password):
            errors.append("Le mot de passe doit contenir au moins une lettre minuscule.")
        if not any(c.isdigit() for c in password):
            errors.append("Le mot de passe doit contenir au moins un chiffre.")
        if all(c.isalnum() for c in password):
            errors.append(
                "Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? % # @)."
            )
        if errors:
            raise ValidationError([ValidationError(e, code="password_policy") for e in errors])

    def get_help_text(self):
        return policy_text()


class FrenchCommonPasswordValidator(CommonPasswordValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(
                "Ce mot de passe est trop courant : il figure dans une liste de mots de passe "
                "fréquemment utilisés. Choisissez-en un autre.",
                code="password_too_common",
            ) from None


VALIDATORS = [
    {"NAME": "dife.accounts.passwords.ComplexityValidator"},
    {"NAME": "dife.accounts.passwords.FrenchCommonPasswordValidator"},
]


def check(password: str, user=None) -> None:
    """Raise a ValidationError listing every rule the password breaks (French messages)."""
    validate_password(password, user, password_validators=get_password_validators(VALIDATORS))
