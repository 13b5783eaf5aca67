"""Read-side queries on accounts."""

from __future__ import annotations

from datetime import date

from dife.accounts import nir as nir_module
from dife.accounts.models import EluProfile, User
from dife.core.names import first_names_match, fold


def find_elu_by_nir(nir: str) -> User | None:
    """The élu account holding this NIR (any valid spelling), or None."""
    if not nir_module.is_valid(nir):
        return None
    return (
        User.objects.filter(kind=User.Kind.ELU, elu_profile__nir_hash=nir_module.keyed_hash(nir))
        .select_related("elu_profile")
        .first()
    )


def _agrees(profile: EluProfile, prenoms: str, date_naissance: date, sexe: str, lieu_naissance: str) -> bool:
    if profile.date_naissance is not None and profile.date_naissance != date_naissance:
        return False
    if profile.prenoms and not first_names_match(profile.prenoms, prenoms):
        return False
    facts = nir_module.facts(nir_module.decrypt(profile.nir_encrypted))
    if facts.birth_year_2digits != f"{date_naissance.year % 100:02d}":
        return False
    if facts.birth_month is not None and facts.birth_month != date_naissance.month:
        return False
    if sexe and facts.sexe and facts.sexe != sexe:
        return False
    born_abroad = facts.birthplace.startswith("99")
    return not (lieu_naissance and not born_abroad and facts.birthplace != lieu_naissance.upper())


def find_elu_by_identity(
    nom_naissance: str, prenoms: str, date_naissance: date, *, sexe: str = "", lieu_naissance: str = ""
) -> User | None:
    """The one active élu account whose identity agrees with a verified identity, or None.

    Birth names must be equal once folded (no accents, case, spaces or hyphens). A wizard account
    knows only its birth name and NIR, so the other facts are checked where the account knows them:
    first names (:func:`dife.core.names.first_names_match`) and birth date when stored; year
    and month of birth, sex (M/F) and birthplace (INSEE code) against the NIR. When several accounts
    agree, none is returned (the caller must not guess).
    """
    if not (nom_naissance or "").strip() or date_naissance is None:
        return None
    candidates = EluProfile.objects.filter(nom_naissance_cle=fold(nom_naissance), user__is_active=True)
    matches = [
        p
        for p in candidates.select_related("user")
        if _agrees(p, prenoms or "", date_naissance, sexe or "", lieu_naissance or "")
    ]
    return matches[0].user if len(matches) == 1 else None


def public_counts() -> dict[str, int]:
    """Public figures: ``comptes`` = active accounts of every party (élus, organismes, gestionnaires,
    collectivités; technical accounts left out), ``comptes_elus`` = active élu accounts."""
    active = User.objects.filter(is_active=True)
    return {
        "comptes": active.exclude(kind=User.Kind.TECHNICAL).count(),
        "comptes_elus": active.filter(kind=User.Kind.ELU).count(),
    }
