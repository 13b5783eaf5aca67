"""French dates: {{ value|date_fr:"j F Y" }} → "1er avril 2027" (Django's ``date`` gives "1 avril 2027")."""

from __future__ import annotations

from datetime import date

from django import template
from django.template.defaultfilters import date as django_date

from dife.core.formatting import day_number

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date_fr(value, arg=None) -> str:
    """Same format string as Django's ``date``; the day of the month ("j") is written by the kernel
    (:func:`dife.core.formatting.day_number`), so day 1 is "1er", as in ``formatting.long_date``."""
    if not arg or not isinstance(value, date):
        return django_date(value, arg)
    return django_date(value, _with_day(arg, day_number(value)))


def _with_day(fmt: str, day: str) -> str:
    """``fmt`` with every unescaped "j" replaced by ``day``, escaped so that Django prints it as is."""
    escaped = "".join("\\" + char for char in day)
    parts, i = [], 0
    while i < len(fmt):
        if fmt[i] == "\\":
            parts.append(fmt[i : i + 2])
            i += 2
            continue
        parts.append(escaped if fmt[i] == "j" else fmt[i])
        i += 1
    return "".join(parts)
