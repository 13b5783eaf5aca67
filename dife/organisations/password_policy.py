"""Password policy for staff accounts (PRODUCT.md §2; CNIL deliberation 2022-100).

At least the minimum length of the dated parameter ``accounts.password_min_length``, with upper case,
lower case, a digit and a special character, not a common password, not close to the person's name
or e-mail. TODO: share one policy module with the élu account wizard once it exists in dife.accounts.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone

from dife.core import parameters

_COMMON = password_validation.CommonPasswordValidator()
_SIMILAR = password_validation.UserAttributeSimilarityValidator(
    user_attributes=("username", "first_name", "last_name", "email")
)


def min_length() -> int:
    return parameters.int_value("accounts.password_min_length", timezone.localdate())


def policy_text() -> str:
    return (
        f"Au moins {min_length()} caractères, dont une majuscule, une minuscule, "
        "un chiffre et un caractère spécial."
    )


def validate(password: str, user=None) -> None:
    """Raise a ValidationError listing every rule the password breaks, in French."""
    errors: list[str] = []
    if len(password) < min_length():
        errors.append(f"Le mot de passe doit contenir au moins {min_length()} caractères.")
    if not any(c.isupper() for c in password):
        errors.append("Le mot de passe doit contenir au moins une majuscule.")
    if not any(c.islower() for c in password):
        errors.append("Le mot de passe doit contenir au moins une minuscule.")
    if not any(c.isdigit() for c in password):
        errors.append("Le mot de passe doit contenir au moins un chiffre.")
    if all(c.isalnum() for c in password):
        errors.append("Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? - _ @).")
    try:
        _COMMON.validate(password)
    except ValidationError:
        errors.append("Ce mot de passe est trop courant : choisissez-en un autre.")
    if user is not None:
        try:
            _SIMILAR.validate(password, user)
        except ValidationError:
            errors.append("Le mot de passe ressemble trop à votre nom ou à votre adresse e-mail.")
    if errors:
        raise ValidationError(errors, code="password_policy")
    # Validators configured for the whole project (if any) apply as well.
    password_validation.validate_password(password, user)
