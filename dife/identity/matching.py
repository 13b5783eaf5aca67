"""Does a FranceConnect+ identity belong to an account? Names, birth date, and what the NIR says.

* names are compared folded (no accents, case, hyphens, spaces or apostrophes: the folding of the
  mandate registry, :func:`dife.core.names.fold`);
* first names match by the rule the mandate registry uses: the first first-names are equal, or the
  whole lists are (folded: "Jean Pierre" and "jean-pierre" are equal);
* the NIR agrees with the claims when its sex digit gives the ``gender``, its year and month give the
  ``birthdate`` (a NIR with an unknown month, 20–42 or 50–99, is not checked on the month), and its
  place digits give ``birthplace`` (INSEE code; "20" for Corsica before 1976 matches 2A/2B) or, for
  a person born abroad, "99" and the country of ``birthcountry``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dife.core.names import first_names_match, fold

FRANCE = "99100"


@dataclass(frozen=True)
class ClaimedIdentity:
    """The identity FranceConnect+ vouches for (userinfo claims), typed."""

    family_name: str
    given_name: str
    birthdate: date | None
    gender: str  # "male" / "female"
    birthplace: str
    birthcountry: str
    email: str
    preferred_username: str

    @classmethod
    def from_claims(cls, claims: dict) -> ClaimedIdentity:
        try:
            birthdate = date.fromisoformat(str(claims.get("birthdate", "")))
        except ValueError:
            birthdate = None
        return cls(
            family_name=str(claims.get("family_name", "")).strip(),
            given_name=str(claims.get("given_name", "")).strip(),
            birthdate=birthdate,
            gender=str(claims.get("gender", "")),
            birthplace=str(claims.get("birthplace", "") or "").upper(),
            birthcountry=str(claims.get("birthcountry", "") or FRANCE),
            email=str(claims.get("email", "") or ""),
            preferred_username=str(claims.get("preferred_username", "") or ""),
        )

    @property
    def sexe(self) -> str:
        return {"male": "M", "female": "F"}.get(self.gender, "")

    @property
    def born_abroad(self) -> bool:
        return self.birthcountry != FRANCE

    @property
    def lieu_naissance(self) -> str:
        """As the élu profile stores it: INSEE commune code, or 99 + country code abroad."""
        return self.birthcountry if self.born_abroad else self.birthplace


def same_name(a: str, b: str) -> bool:
    return bool(fold(a)) and fold(a) == fold(b)


def same_first_names(a: str, b: str) -> bool:
    """The platform's one rule (:func:`dife.core.names.first_names_match`): first first-names
    equal, or whole lists equal, once folded ("Jean Pierre" / "jean-pierre")."""
    return first_names_match(a, b)


def identity_matches(
    *, nom_naissance: str, prenoms: str, date_naissance: date | None, claimed: ClaimedIdentity
) -> bool:
    """Birth name, first names and birth date all match (each must be known on both sides)."""
    return (
        same_name(nom_naissance, claimed.family_name)
        and same_first_names(prenoms, claimed.given_name)
        and date_naissance is not None
        and date_naissance == claimed.birthdate
    )


def nir_agrees(nir: str, claimed: ClaimedIdentity) -> bool:
    """The NIR's sex digit, year and month of birth and place of birth agree with the claims."""
    number = (nir or "").replace(" ", "").upper()
    if len(number) != 15 or claimed.birthdate is None:
        return False
    sexe = {"1": "M", "3": "M", "7": "M", "2": "F", "4": "F", "8": "F"}.get(number[0], "")
    if not sexe or sexe != claimed.sexe:
        return False
    if number[1:3] != f"{claimed.birthdate.year % 100:02d}":
        return False
    month = int(number[3:5]) if number[3:5].isdigit() else 0
    if month == 0 or 13 <= month <= 19 or 43 <= month <= 49:  # not a NIR month at all
        return False
    if 1 <= month <= 12 and month != claimed.birthdate.month:  # 20–42, 50–99: month unknown, not checked
        return False
    return _place_agrees(number[5:10], claimed)


def _place_agrees(place: str, claimed: ClaimedIdentity) -> bool:
    if claimed.born_abroad:
        return place[:2] == "99" and place[2:] == claimed.birthcountry[2:]
    birthplace = claimed.birthplace
    if len(birthplace) != 5:
        return False
    if place == birthplace:
        return True
    # Corsica: people born before 1976 kept "20" in their NIR for what became 2A and 2B.
    return place[:2] == "20" and birthplace[:2] in {"2A", "2B"} and place[2:] == birthplace[2:]
