"""The price block's arithmetic (Decimal, exact to the cent), on real actions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from dife.enrollment.pricing import EluRights, elu_rights, price_block
from tests.organisations.fixtures import PASSWORD  # noqa: F401 (fixtures module import)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("available", "droits", "reste", "integral", "part"),
    [
        ("800.00", "200.00", "0.00", True, "0.00"),
        ("200.00", "200.00", "0.00", True, "0.00"),
        ("199.99", "199.99", "0.01", False, "0.01"),
        ("100.00", "100.00", "100.00", False, "100.00"),
        ("0.00", "0.00", "200.00", False, "150.00"),
        ("-5.00", "0.00", "200.00", False, "150.00"),
    ],
)
def test_rights_cover_up_to_the_price(mandat_action, available, droits, reste, integral, part):
    block = price_block(
        action=mandat_action, rights=EluRights(Decimal(available), True), on=timezone.localdate()
    )
    assert block.prix == Decimal("200.00")
    assert block.droits == Decimal(droits) and block.reste_a_payer == Decimal(reste)
    assert block.droits + block.reste_a_payer == block.prix
    assert block.finance_integralement is integral
    assert block.collectivite_rate == Decimal("0.75") and block.collectivite_max == Decimal("150.00")
    assert block.collectivite_part == Decimal(part)
    assert block.frais_additionnels == Decimal("18.00")
    assert block.prix_label == "Prix de la formation (frais d'examen non inclus)"


def test_visitor_and_reconversion(reconversion_action):
    block = price_block(action=reconversion_action, rights=None, on=timezone.localdate())
    assert block.droits is None and block.reste_a_payer is None and not block.finance_integralement
    assert block.collectivite_max is None and block.collectivite_part is None
    assert block.prix_label == "Prix de la formation (frais d'examen inclus)"


def test_elu_rights_come_from_the_ledger(elu_800, elu_100, client):
    from dife.accounts.models import User

    today = timezone.localdate()
    assert elu_rights(elu_800, today=today) == EluRights(Decimal("800.00"), True)
    assert elu_rights(elu_100, today=today) == EluRights(Decimal("100.00"), True)
    assert elu_rights(User(kind=User.Kind.ORGANISME), today=today) is None
