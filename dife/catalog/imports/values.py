"""Reading the cells of an import file: French decimals, dates, yes/no, codes or labels.

Each reader returns the typed value or raises ``BadValue`` with a French message naming the column's
label and quoting what was read, so the report says exactly what to fix.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

TRUE = {"oui", "o", "1", "vrai", "true", "yes", "x"}
FALSE = {"non", "n", "0", "faux", "false", "no", ""}
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%Y%m%d")


class BadValue(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: "  En Journée " → "en journee"."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


def text(value: str | None) -> str:
    return (value or "").strip()


def decimal(
    value: str, *, label: str, required: bool = True, default: Decimal | None = None
) -> Decimal | None:
    """ "1 500,50", "1500.50", "1 500,50 €" → Decimal("1500.50")."""
    raw = text(value)
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", raw).replace(",", ".")
    if not cleaned:
        if required:
            raise BadValue(f"{label} : valeur manquante.")
        return default
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise BadValue(f"{label} : « {raw} » n'est pas un nombre (par exemple 350,00).") from None
    if not number.is_finite():
        raise BadValue(f"{label} : « {raw} » n'est pas un nombre (par exemple 350,00).")
    return number


def day(value: str, *, label: str) -> date:
    raw = text(value)
    if not raw:
        raise BadValue(f"{label} : valeur manquante.")
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()  # noqa: DTZ007 (a calendar date, no time)
        except ValueError:
            continue
    raise BadValue(f"{label} : « {raw} » n'est pas une date valide (format JJ/MM/AAAA ou AAAA-MM-JJ).")


def boolean(value: str, *, label: str, default: bool = False) -> bool:
    raw = text(value)
    if not raw:
        return default
    folded = fold(raw)
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    raise BadValue(f"{label} : « {raw} » n'est pas compris (répondez oui ou non).")


def integer(value: str, *, label: str) -> int | None:
    raw = text(value)
    if not raw:
        return None
    if not re.fullmatch(r"\d{1,6}", raw):
        raise BadValue(f"{label} : « {raw} » n'est pas un nombre entier positif.")
    return int(raw)


def choice(value: str, *, label: str, choices, aliases: dict[str, str] | None = None, required: bool = True):
    """A code of ``choices`` (TextChoices), given as its code or its label, accents and case ignored."""
    raw = text(value)
    if not raw:
        if required:
            raise BadValue(f"{label} : valeur manquante.")
        return None
    folded = fold(raw)
    table = {fold(code): code for code in choices.values}
    table |= {fold(str(lbl)): code for code, lbl in choices.choices}
    table |= {fold(k): v for k, v in (aliases or {}).items()}
    if folded in table:
        return table[folded]
    allowed = ", ".join(choices.values)
    raise BadValue(f"{label} : « {raw} » n'est pas une valeur possible ({allowed}).")
