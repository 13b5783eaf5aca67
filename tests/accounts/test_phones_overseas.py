"""Overseas numbers keep their own country code even when ``phonenumbers`` does not know the block
(a number it finds valid only under FR must not be stored as +33)."""

from __future__ import annotations

import pytest

from dife.accounts import phones


@pytest.mark.parametrize(
    ("raw", "kind", "e164"),
    [
        ("0596 12 34 56", phones.FIXE, "+596596123456"),  # Martinique, block unknown to phonenumbers
        ("+33 5 96 12 34 56", phones.FIXE, "+596596123456"),
        ("0590 00 00 00", phones.FIXE, "+590590000000"),  # Guadeloupe
        ("0263 99 99 99", phones.FIXE, "+262263999999"),  # La Réunion
        ("0639 69 12 34", phones.MOBILE, "+262639691234"),  # Mayotte
        ("0694 20 12 34", phones.MOBILE, "+594694201234"),  # Guyane
        ("05 12 34 56 78", phones.FIXE, "+33512345678"),  # metropolitan 05 stays +33
    ],
)
def test_overseas_blocks_never_become_plus_33(raw, kind, e164):
    number = phones.normalize(raw, kind)
    assert number == e164
    assert phones.display(number).replace(" ", "") == "0" + e164[-9:]
