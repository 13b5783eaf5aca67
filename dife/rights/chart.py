"""Balance-over-time chart as inline SVG, drawn on the server (no JavaScript: the CSP forbids inline
scripts and styles, so only SVG presentation attributes are used). DSFR colours."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from dife.core.formatting import euros

BLUE_FRANCE = "#000091"
BLUE_FRANCE_LIGHT = "#e3e3fd"
GREY = "#666666"
GRID = "#dddddd"
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 16, 28


def _x(day: date, start: date, end: date) -> float:
    span = max((end - start).days, 1)
    return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span


def _y(amount: Decimal, top: Decimal) -> float:
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * float(amount / top if top else 0)


def balance_chart_svg(
    points: Sequence[tuple[date, Decimal]], *, ceiling: Decimal, title: str, ident: str = "graphique-solde"
) -> SafeString:
    """A step chart of (day, balance) points, oldest first, with the ceiling as a dashed line."""
    if not points:
        return SafeString("")
    start, end = points[0][0], points[-1][0]
    if end <= start:
        end = date.fromordinal(start.toordinal() + 1)
    top = max([ceiling, *(b for _, b in points)]) or Decimal(1)
    steps: list[tuple[float, float]] = []
    for index, (day, balance) in enumerate(points):
        x = _x(day, start, end)
        if index:
            steps.append((x, steps[-1][1]))
        steps.append((x, _y(balance, top)))
    if steps[-1][0] < WIDTH - RIGHT:
        steps.append((WIDTH - RIGHT, steps[-1][1]))
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in steps)
    base = HEIGHT - BOTTOM
    area = f"{steps[0][0]:.1f},{base:.1f} {line} {steps[-1][0]:.1f},{base:.1f}"
    ceiling_y = _y(ceiling, top)
    years = [date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
    if len(years) > 12:
        years = years[:: len(years) // 12 + 1]
    ticks = format_html_join(
        "",
        '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}"/>'
        '<text x="{0}" y="{4}" font-size="12" text-anchor="middle" fill="{5}">{6}</text>',
        ((_n(_x(y, start, end)), TOP, base, GRID, HEIGHT - 8, GREY, y.year) for y in years),
    )
    description = (
        f"Solde de {euros(points[0][1])} le {points[0][0]:%d/%m/%Y}, "
        f"{euros(points[-1][1])} le {points[-1][0]:%d/%m/%Y} ; plafond en vigueur {euros(ceiling)}."
    )
    return format_html(
        '<svg class="dife-chart" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{ident}-titre {ident}-desc" focusable="false">'
        '<title id="{ident}-titre">{title}</title><desc id="{ident}-desc">{desc}</desc>'
        "{ticks}"
        '<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{grey}"/>'
        '<text x="{lx}" y="{base_label}" font-size="12" text-anchor="end" fill="{grey}">0 €</text>'
        '<line x1="{left}" y1="{cy}" x2="{right}" y2="{cy}" stroke="{grey}" stroke-dasharray="6 4"/>'
        '<text x="{lx}" y="{cy_label}" font-size="12" text-anchor="end" fill="{grey}">Plafond</text>'
        '<text x="{lx}" y="{cy_label2}" font-size="12" text-anchor="end" fill="{grey}">{ceiling}</text>'
        '<polygon points="{area}" fill="{light}"/>'
        '<polyline points="{line}" fill="none" stroke="{blue}" stroke-width="2.5" stroke-linejoin="round"/>'
        "</svg>",
        w=WIDTH, h=HEIGHT, title=title, desc=description, ticks=ticks, left=LEFT, right=WIDTH - RIGHT,
        base=base, grey=GREY, lx=LEFT - 8, base_label=base + 4, cy=_n(ceiling_y), cy_label=_n(ceiling_y - 2),
        cy_label2=_n(ceiling_y + 12), ceiling=euros(ceiling), area=area, light=BLUE_FRANCE_LIGHT,
        line=line, blue=BLUE_FRANCE, ident=ident,
    )  # fmt: skip


def _n(value: float) -> str:
    return f"{value:.1f}"
