"""Upper bounds of the catalogue's numbers, shared by the CSV import and the OF forms
(they fit the database columns: a larger number would be a 500, not a French message)."""

from __future__ import annotations

from decimal import Decimal

MAX_PRICE = Decimal("99999999.99")
MAX_HOURS = Decimal("99999.9")
MAX_PLACES = 10_000
