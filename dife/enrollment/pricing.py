"""The price block of the formation page (seed 002 "Afficher la formation"), computed exactly.

    Prix de la formation (frais d'examen non inclus)   200,00 €
    Vos droits élu                                     − 200,00 €
    Reste à payer final                                  0,00 €
    Vos droits formation vous permettent de financer intégralement cette formation.
    Frais additionnels à régler au début de votre formation : 18,00 €

* "Vos droits élu" is what the élu's available DIFE rights (balance − reserved, from the ledger) can
  cover: min(available, price). The reste à payer is price − that, never below 0. Additional fees are
  paid to the provider at the start and are not covered (they are shown apart, as in the seed).
* For a mandate training, the élu's collectivité may pay part of the reste à payer, up to the share of
  the training's cost in force (dated parameter ``funding.collectivite_max_rate``, 75 %, seed 000).
* All amounts are Decimal, rounded half up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dife.catalog.models import Action, Contexte
from dife.core import parameters
from dife.core.formatting import ZERO, cents

COFUNDING_KEY = "funding.collectivite_max_rate"


@dataclass(frozen=True)
class EluRights:
    """What the signed-in élu account holds: ``attached`` is false when no mandate is linked to it."""

    available: Decimal
    attached: bool


@dataclass(frozen=True)
class PriceBlock:
    prix: Decimal
    frais_examen_inclus: bool
    frais_additionnels: Decimal
    frais_additionnels_detail: str
    droits: Decimal | None  # "Vos droits élu − X €"; None for someone who is not a signed-in élu
    reste_a_payer: Decimal | None
    collectivite_rate: Decimal | None  # mandate trainings only
    collectivite_max: Decimal | None

    @property
    def prix_label(self) -> str:
        inclus = "inclus" if self.frais_examen_inclus else "non inclus"
        return f"Prix de la formation (frais d'examen {inclus})"

    @property
    def finance_integralement(self) -> bool:
        return self.reste_a_payer is not None and self.reste_a_payer == ZERO

    @property
    def collectivite_part(self) -> Decimal | None:
        """What the collectivité could still pay of the reste à payer (None: not applicable)."""
        if self.collectivite_max is None or self.reste_a_payer is None:
            return None
        return min(self.reste_a_payer, self.collectivite_max)


def price_block(*, action: Action, rights: EluRights | None, on: date) -> PriceBlock:
    """The block for ``action``; ``rights`` of the signed-in élu (None for anyone else)."""
    prix = cents(action.prix_ttc)
    droits = reste = None
    if rights is not None:
        droits = cents(min(max(rights.available, ZERO), prix))
        reste = prix - droits
    rate = maximum = None
    if action.formation.contexte == Contexte.MANDAT:
        try:
            rate = parameters.decimal_value(COFUNDING_KEY, on)
        except parameters.NoValueInForce:
            rate = None
        maximum = cents(prix * rate) if rate is not None else None
    return PriceBlock(
        prix=prix,
        frais_examen_inclus=action.frais_examen_inclus,
        frais_additionnels=cents(action.frais_additionnels),
        frais_additionnels_detail=action.frais_additionnels_detail,
        droits=droits,
        reste_a_payer=reste,
        collectivite_rate=rate,
        collectivite_max=maximum,
    )


def elu_rights(user, *, today: date) -> EluRights | None:
    """The available DIFE rights of a signed-in élu account (None for anyone else).

    An account may match several register persons (identity matches and approved rattachements,
    ``dife.mandates.matching.persons_of_account``): their available amounts add up.
    """
    from dife.accounts.perms import is_elu
    from dife.mandates.matching import persons_of_account
    from dife.rights.selectors import rights_summary

    if not is_elu(user):
        return None
    persons = persons_of_account(user)
    available = sum((rights_summary(person, today).available for person in persons), ZERO)
    return EluRights(available=cents(available), attached=bool(persons))
