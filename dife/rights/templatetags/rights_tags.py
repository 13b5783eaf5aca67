"""Display helpers of the DIFE rights: amounts in French and the balance chart."""

from __future__ import annotations

from decimal import Decimal

from django import template

from dife.core.formatting import euros
from dife.rights.chart import balance_chart_svg

register = template.Library()


@register.filter
def eur(amount) -> str:
    """{{ amount|eur }} → "1 500,00 €"."""
    if amount in (None, ""):
        return ""
    return euros(Decimal(amount))


@register.filter
def eur_signed(amount) -> str:
    """{{ amount|eur_signed }} → "+400,00 €" / "−300,00 €"."""
    if amount in (None, ""):
        return ""
    return euros(Decimal(amount), sign=True)


@register.simple_tag
def balance_chart(points, ceiling, title="Évolution du solde de vos droits DIFE", ident="graphique-solde"):
    """Points are objects with ``day`` and ``balance`` (or ``date`` and ``balance``) attributes."""
    pairs = [(getattr(p, "day", None) or p.date, p.balance) for p in points]
    return balance_chart_svg(pairs, ceiling=ceiling, title=title, ident=ident)
