"""What identity needs from the élu accounts (``dife.accounts``): the one place identity reads them.

The élu profile (``EluProfile``: birth name and its folded key, first names, birth date, sex,
birthplace, NIR encrypted and found through its keyed hash) belongs to the accounts app: identity
reads it here and writes it only through the accounts services (``create_elu_account``,
``complete_elu_identity``, ``signup.tell_existing_account``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dife.accounts import nir as nir_module
from dife.accounts import services as account_services
from dife.accounts.models import EluProfile
from dife.accounts.services import signup
from dife.identity.matching import ClaimedIdentity

SOURCE = "franceconnect"


class NirAlreadyRegistered(Exception):
    """The NIR belongs to an account that the FranceConnect+ identity does not match."""


@dataclass(frozen=True)
class AccountIdentity:
    """An élu account as identity sees it. ``nir`` is the clear NIR: never log it, never show it."""

    user: object
    nom_naissance: str
    prenoms: str
    date_naissance: date | None
    nir: str

    def __repr__(self) -> str:
        return f"<AccountIdentity user_id={getattr(self.user, 'pk', None)}>"


def _from_profile(profile) -> AccountIdentity:
    return AccountIdentity(
        user=profile.user,
        nom_naissance=profile.nom_naissance,
        prenoms=profile.prenoms,
        date_naissance=profile.date_naissance,
        nir=nir_module.decrypt(profile.nir_encrypted),
    )


def _profiles():
    return EluProfile.objects.select_related("user").filter(user__kind="elu")


def account_for_nir(nir: str) -> AccountIdentity | None:
    profile = _profiles().filter(nir_hash=nir_module.keyed_hash(nir)).first()
    return _from_profile(profile) if profile else None


def account_identity(user) -> AccountIdentity | None:
    profile = _profiles().filter(user=user).first()
    return _from_profile(profile) if profile else None


def _identity_fields(claimed: ClaimedIdentity) -> dict:
    return {
        "nom_naissance": claimed.family_name,
        "prenoms": claimed.given_name,
        "date_naissance": claimed.birthdate,
        "sexe": claimed.sexe,
        "lieu_naissance": claimed.lieu_naissance,
    }


def record_verified_identity(*, user, claimed: ClaimedIdentity, request=None) -> None:
    """Write on the élu profile the identity FranceConnect+ vouched for (first names, birth date…)."""
    account_services.complete_elu_identity(
        user=user, source=SOURCE, request=request, **_identity_fields(claimed)
    )


def create_account_from_claims(*, claimed: ClaimedIdentity, nir: str, request=None):
    """A new élu account for a FranceConnect+ identity, without password (FranceConnect+ is its way in).

    Raises ``NirAlreadyRegistered`` (ours) when the NIR has an account already.
    """
    try:
        return account_services.create_elu_account(
            nir=nir,
            email=claimed.email,
            email_confirmed=bool(claimed.email),
            password=None,
            source=SOURCE,
            request=request,
            **_identity_fields(claimed),
        )
    except account_services.NirAlreadyRegistered:
        raise NirAlreadyRegistered from None


def tell_existing_account(*, user, request=None) -> None:
    """The NIR typed at the FranceConnect+ completion has this account: e-mail its owner, journal it."""
    signup.tell_existing_account(user=user, source=SOURCE, request=request)
