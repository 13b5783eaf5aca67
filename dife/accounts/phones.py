"""French phone numbers as the account-creation wizard asks them (PRODUCT §2), stored in E.164.

A number is ten digits starting with 0 (spaces, dots and hyphens accepted, "+33"/"0033" accepted for
the leading 0). "Téléphone mobile" starts with 06 or 07, "Téléphone fixe" with 01 to 05 or 09.
Overseas numbers (0690… Guadeloupe, 0262… La Réunion…) follow the same national plan but
``phonenumbers`` only knows them under their own region, so the overseas regions are tried first,
then metropolitan France: the E.164 form then carries the right country code (+590, +262…).
"""

from __future__ import annotations

import re

import phonenumbers
from django.core.exceptions import ValidationError

OVERSEAS_REGIONS = ("GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")
REGIONS = (*OVERSEAS_REGIONS, "FR")

# Overseas blocks of the national plan and their country code: a number of such a block that
# ``phonenumbers`` does not know yet (new allocation) keeps its overseas code, never +33.
OVERSEAS_COUNTRY_CODES = {
    **dict.fromkeys(("0590", "0690", "0691"), "590"),  # Guadeloupe, Saint-Barthélemy, Saint-Martin
    **dict.fromkeys(("0594", "0694"), "594"),  # Guyane
    **dict.fromkeys(("0596", "0696", "0697"), "596"),  # Martinique
    **dict.fromkeys(("0262", "0263", "0692", "0693", "0269", "0639"), "262"),  # La Réunion, Mayotte
}

MOBILE = "mobile"
FIXE = "fixe"
PREFIXES = {MOBILE: ("06", "07"), FIXE: ("01", "02", "03", "04", "05", "09")}

MESSAGES = {
    MOBILE: (
        "Numéro de téléphone mobile invalide : le format attendu commence par 06 ou 07 "
        "et comporte 10 chiffres (par exemple 06 12 34 56 78)."
    ),
    FIXE: (
        "Numéro de téléphone fixe invalide : le format attendu commence par 01, 02, 03, 04, 05 ou 09 "
        "et comporte 10 chiffres (par exemple 01 23 45 67 89)."
    ),
}

_SEPARATORS = re.compile(r"[\s.\-()]+")


def _national_digits(raw: str) -> str:
    """ "06 12 34 56 78", "+33 6 12 34 56 78", "+590 690 12 34 56" → "0612345678" / "0690123456"."""
    value = _SEPARATORS.sub("", raw or "")
    if value.startswith("0033"):
        value = "+33" + value[4:]
    if value.startswith("+33"):
        rest = value[3:]
        return rest if rest.startswith("0") else "0" + rest
    if value.startswith("+"):
        try:
            number = phonenumbers.parse(value, None)
        except phonenumbers.NumberParseException:
            return value
        if phonenumbers.region_code_for_number(number) in REGIONS and phonenumbers.is_valid_number(number):
            return "0" + phonenumbers.national_significant_number(number)
    return value


def normalize(raw: str, kind: str) -> str:
    """The E.164 form of a mobile or fixe number, or a ValidationError with the French rule."""
    digits = _national_digits(raw)
    if not re.fullmatch(r"0\d{9}", digits) or not digits.startswith(PREFIXES[kind]):
        raise ValidationError(MESSAGES[kind], code="invalid")
    for region in REGIONS:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:  # pragma: no cover - ten digits always parse
            continue
        if phonenumbers.is_valid_number(number):
            if region == "FR" and digits[:4] in OVERSEAS_COUNTRY_CODES:
                return f"+{OVERSEAS_COUNTRY_CODES[digits[:4]]}{digits[1:]}"
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise ValidationError(MESSAGES[kind], code="invalid")


def display(e164: str) -> str:
    """ "+33612345678" → "06 12 34 56 78" (national form, grouped by two)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    national = "0" + phonenumbers.national_significant_number(number)
    return " ".join(national[i : i + 2] for i in range(0, len(national), 2))
