"""Settlement of a dossier, PRODUCT.md §8 exactly: what the OF is paid, what DIFE rights are consumed
and released. Pure functions on Decimals; rates are dated parameters read on ``as_of`` (the session's
first day). Amounts are rounded half up to the cent and every split sums exactly: consumed + released
= rights engaged (the released part is what is left once the consumed part is rounded).

| Event                                              | OF paid                       | Rights engaged      |
|----------------------------------------------------|-------------------------------|---------------------|
| élu cancels, free (7 business days or withdrawal)  | 0                             | all released        |
| élu cancels late, or no-show, no force majeure     | 5 % of the price              | all consumed        |
| élu cancels late or no-show, force majeure         | 0                             | all released        |
| OF cancels                                         | 0                             | all released        |
| after entry, a = attended / planned hours          | a < 25 % → 25 % of the price; | all consumed        |
|                                                    | 25 % ≤ a ≤ 80 % → a × price;  |                     |
|                                                    | a > 80 % → the price          |                     |
| after entry, force majeure                         | a × price                     | a × engaged, rest   |
|                                                    |                               | released            |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dife.core import parameters
from dife.core.formatting import ZERO, cents, percent
from dife.core.parameter_text import text as param_text
from dife.enrollment import deadlines
from dife.enrollment.models.settlement import Event


@dataclass(frozen=True)
class Outcome:
    event: str
    price: Decimal
    rights_engaged: Decimal
    of_amount: Decimal
    rights_consumed: Decimal
    rights_released: Decimal
    free_cancellation: bool | None
    force_majeure: bool
    planned_hours: Decimal | None
    attended_hours: Decimal | None
    rule: str

    @property
    def attendance(self) -> Decimal | None:
        if self.planned_hours is None or self.attended_hours is None:
            return None
        return self.attended_hours / self.planned_hours

    def as_json(self) -> dict:
        return {
            "paye_organisme": f"{self.of_amount:.2f}",
            "droits_consommes": f"{self.rights_consumed:.2f}",
            "droits_liberes": f"{self.rights_released:.2f}",
            "annulation_gratuite": self.free_cancellation,
        }


def in_withdrawal_period(*, confirmed_on: date | None, cancelled_on: date, session_start: date) -> bool:
    """Cancelled within the withdrawal period after the confirmation, before the session started."""
    if confirmed_on is None or cancelled_on >= session_start:
        return False
    days = parameters.value("enrollment.withdrawal_calendar_days", confirmed_on)
    return cancelled_on <= confirmed_on + timedelta(days=days)


def cancellation_is_free(
    *, cancelled_on: date, session_start: date, departement: str | None, confirmed_on: date | None = None
) -> bool:
    """Free when the session starts on or after the 7th business day after the cancellation, or when
    the cancellation falls in the withdrawal period."""
    return deadlines.is_free_cancellation(cancelled_on, session_start, departement or None) or (
        in_withdrawal_period(
            confirmed_on=confirmed_on, cancelled_on=cancelled_on, session_start=session_start
        )
    )


def _split_all(consumed: bool, engaged: Decimal) -> tuple[Decimal, Decimal]:
    return (engaged, ZERO) if consumed else (ZERO, engaged)


def compute(
    *,
    event: str,
    price: Decimal,
    rights_engaged: Decimal,
    as_of: date,
    force_majeure: bool = False,
    free_cancellation: bool | None = None,
    planned_hours: Decimal | None = None,
    attended_hours: Decimal | None = None,
) -> Outcome:
    """The settlement of one event. ``free_cancellation`` is required for an élu's cancellation,
    the hours for a ``sortie``."""
    price, engaged = cents(price), cents(rights_engaged)
    if price < 0 or engaged < 0 or engaged > price:
        raise ValueError("0 ≤ droits engagés ≤ prix")
    event = Event(event)
    if event == Event.CANCELLED_BY_ELU:
        part = _elu_cancellation(price, engaged, as_of, force_majeure, free_cancellation)
    elif event == Event.NO_SHOW:
        part = _absence(price, engaged, as_of, force_majeure)
    elif event == Event.CANCELLED_BY_OF:
        part = _of_cancellation(engaged)
    else:
        part = _sortie(price, engaged, as_of, force_majeure, planned_hours, attended_hours)
    return Outcome(
        event=str(event), price=price, rights_engaged=engaged, force_majeure=bool(force_majeure), **part
    )


def _part(of_amount: Decimal, split: tuple[Decimal, Decimal], rule: str, **extra) -> dict:
    """The event's own fields of an ``Outcome``: amounts, rule, and the cancellation or hours facts."""
    consumed, released = split
    return {
        "of_amount": of_amount,
        "rights_consumed": consumed,
        "rights_released": released,
        "rule": rule,
        "free_cancellation": None,
        "planned_hours": None,
        "attended_hours": None,
    } | extra


def _late_fee(price: Decimal, engaged: Decimal, rate: Decimal, what: str, **extra) -> dict:
    """Late cancellation or no-show without force majeure: a fee to the OF, the rights are consumed."""
    rule = (
        f"{what} : indemnité de {percent(rate)} du prix versée à l'organisme, "
        "les droits engagés sont consommés."
    )
    return _part(cents(price * rate), _split_all(True, engaged), rule, **extra)


def _elu_cancellation(
    price: Decimal, engaged: Decimal, as_of: date, force_majeure: bool, free: bool | None
) -> dict:
    if free is None:
        raise ValueError("free_cancellation is required for an élu's cancellation")
    rate = parameters.decimal_value("settlement.late_cancellation_rate", as_of)
    if free:
        days = param_text("enrollment.free_cancellation_business_days", as_of)
        rule = (
            f"Annulation {days} ou plus avant le début de la formation, ou pendant le délai de "
            "rétractation : aucune indemnité, les droits engagés sont libérés."
        )
        return _part(ZERO, _split_all(False, engaged), rule, free_cancellation=free)
    if force_majeure:
        rule = (
            "Annulation tardive justifiée par un cas de force majeure : aucune indemnité, "
            "les droits sont libérés."
        )
        return _part(ZERO, _split_all(False, engaged), rule, free_cancellation=free)
    days = param_text("enrollment.free_cancellation_business_days", as_of)
    what = f"Annulation moins de {days} avant le début de la formation"
    return _late_fee(price, engaged, rate, what, free_cancellation=free)


def _absence(price: Decimal, engaged: Decimal, as_of: date, force_majeure: bool) -> dict:
    rate = parameters.decimal_value("settlement.late_cancellation_rate", as_of)
    if force_majeure:
        rule = (
            "Non-présentation justifiée par un cas de force majeure : aucune indemnité, "
            "les droits sont libérés."
        )
        return _part(ZERO, _split_all(False, engaged), rule)
    return _late_fee(price, engaged, rate, "Non-présentation à la date de début de la formation")


def _of_cancellation(engaged: Decimal) -> dict:
    rule = "Annulation par l'organisme : aucune indemnité, les droits engagés sont libérés."
    return _part(ZERO, _split_all(False, engaged), rule)


def _sortie(
    price: Decimal,
    engaged: Decimal,
    as_of: date,
    force_majeure: bool,
    planned_hours: Decimal | None,
    attended_hours: Decimal | None,
) -> dict:
    if planned_hours is None or attended_hours is None:
        raise ValueError("planned and attended hours are required for a sortie")
    planned, attended = Decimal(planned_hours), Decimal(attended_hours)
    if planned <= 0 or attended < 0 or attended > planned:
        raise ValueError("0 ≤ heures suivies ≤ heures prévues, heures prévues > 0")
    hours = {"planned_hours": planned, "attended_hours": attended}
    if force_majeure:
        consumed = cents(engaged * attended / planned)
        rule = (
            "Interruption justifiée par un cas de force majeure : l'organisme est payé au prorata "
            "des heures suivies ; les droits sont consommés dans la même proportion, le reste est libéré."
        )
        return _part(cents(price * attended / planned), (consumed, engaged - consumed), rule, **hours)
    of_amount, rule = _attendance_payment(price, planned, attended, as_of)
    return _part(of_amount, _split_all(True, engaged), rule + " Les droits engagés sont consommés.", **hours)


def _attendance_payment(
    price: Decimal, planned: Decimal, attended: Decimal, as_of: date
) -> tuple[Decimal, str]:
    low = parameters.decimal_value("settlement.attendance_low_threshold", as_of)
    low_rate = parameters.decimal_value("settlement.attendance_low_payment_rate", as_of)
    full = parameters.decimal_value("settlement.attendance_full_threshold", as_of)
    # Exact comparisons: attended / planned < low  ⇔  attended < low × planned.
    if attended < low * planned:
        return cents(
            price * low_rate
        ), f"Assiduité inférieure à {percent(low)} : forfait de {percent(low_rate)} du prix."
    if attended <= full * planned:
        rule = (
            f"Assiduité comprise entre {percent(low)} et {percent(full)} : "
            "prix payé au prorata des heures suivies."
        )
        return cents(price * attended / planned), rule
    return price, f"Assiduité strictement supérieure à {percent(full)} : 100 % du prix."
