"""Name folding and the identity matching key: pure text functions, no database.

key = folded birth name | folded first first-name | birth date (ISO)

* folding: Unicode decomposition without accents, œ/æ spelled out, case-folded, then every character
  that is not a letter or a digit removed (hyphens, spaces, apostrophes, dots): "Rieu-Fromentin",
  "RIEU FROMENTIN" and "rieu fromentin" give the same key;
* the register sometimes adds a parenthesised mention to a name ("DE SOUSA (JOURDAN)") or a first name
  ("Tomas ( Espagnol )"): the mention is left out of the key; for names, a secondary key is built
  with the mention instead (:func:`alt_matching_key`);
* the first first-name is the first word of the first names, words being separated by spaces or
  commas — a compound first name keeps its hyphen ("Jean-Pierre" is one first name).

Used by the register import, the élu-account matching (:mod:`dife.mandates.matching`), the accounts
and the FranceConnect+ identity checks.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

_PARENTHESES = re.compile(r"\(([^()]*)\)")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_WORD_SEPARATORS = re.compile(r"[\s,]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NOT_ALNUM.sub("", stripped)


def without_mentions(text: str) -> str:
    return _PARENTHESES.sub(" ", text or "").strip()


def first_first_name(prenoms: str) -> str:
    words = [w for w in _WORD_SEPARATORS.split(without_mentions(prenoms)) if w]
    return words[0] if words else ""


def _key(nom: str, prenoms: str, date_naissance: date | str) -> str:
    birth = date_naissance if isinstance(date_naissance, str) else date_naissance.isoformat()
    return f"{fold(nom)}|{fold(first_first_name(prenoms))}|{birth}"


def matching_key(nom: str, prenoms: str, date_naissance: date | str) -> str:
    """The deduplication key of an identity (birth name, first names, birth date)."""
    return _key(without_mentions(nom) or nom, prenoms, date_naissance)


def alt_matching_key(nom: str, prenoms: str, date_naissance: date | str) -> str:
    """Key built with the parenthesised part of the name, or "" when the name has none."""
    mentions = " ".join(_PARENTHESES.findall(nom or "")).strip()
    if not mentions or not fold(mentions):
        return ""
    return _key(mentions, prenoms, date_naissance)


# --- Élu accounts and the register ("compte élu", PRODUCT §2) -------------------------------------


def first_names_match(account_prenoms: str, register_prenoms: str) -> bool:
    """First names agree when, once folded (no accents, case, spaces or hyphens):

    * the first first-names are equal (the register's ``prenoms`` may hold several: "Marie Claire
      Anne" matches an account "Marie"), or
    * the whole lists are equal, which covers a compound first name written with a space on one side
      and a hyphen on the other ("Jean Pierre" / "Jean-Pierre").

    Blank first names never match.
    """
    first_account = fold(first_first_name(account_prenoms))
    if first_account and first_account == fold(first_first_name(register_prenoms)):
        return True
    whole = fold(without_mentions(account_prenoms))
    return bool(whole) and whole == fold(without_mentions(register_prenoms))


def candidate_keys(nom: str, prenoms: str, date_naissance: date) -> set[str]:
    """The keys under which the register may hold this identity (first first-name, whole first names,
    first part of a compound first name); the candidates are then checked by :func:`first_names_match`."""
    name = fold(without_mentions(nom) or nom)
    first = first_first_name(prenoms)
    parts = {fold(first), fold(without_mentions(prenoms)), fold(first.split("-")[0])}
    return {f"{name}|{part}|{date_naissance.isoformat()}" for part in parts if part}
