"""French dates: {{ value|date_fr:"j F Y" }} → "1er avril 2027" (Django's ``date`` gives "1 avril 2027")."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import date as django_date

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date_fr(value, arg=None) -> str:
    """Same format string as Django's ``date``; a leading day 1 (format "j …" or "l j …") becomes "1er"."""
    text = django_date(value, arg)
    if not text or not arg or django_date(value, "j") != "1":
        return text
    if arg.startswith("j") and text.startswith("1"):
        return "1er" + text[1:]
    if arg.startswith("l j"):
        prefix = django_date(value, "l") + " 1"
        if text.startswith(prefix):
            return prefix + "er" + text[len(prefix) :]
    return text
