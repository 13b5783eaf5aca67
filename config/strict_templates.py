"""Unknown template variables are errors in tests (``string_if_invalid``, set by ``settings/test.py``).

Only our own templates (under ``dife/`` and ``templates/``) are strict: Django's admin and django-dsfr
read optional variables on purpose, so theirs render exactly as with the default empty string.
"""

from __future__ import annotations

import sys
from copy import copy
from pathlib import Path


class UnknownTemplateVariable(Exception):
    pass


class StrictVariables(str):
    """``string_if_invalid`` (a string, as Django's checks require): Django formats it with the
    variable's name since it contains ``%s``, and formatting raises when the variable is one of ours."""

    def __new__(cls, *roots: Path) -> StrictVariables:
        strict = super().__new__(cls, "%s")
        strict.roots = tuple(str(root) + "/" for root in roots)
        return strict

    def __mod__(self, name) -> str:
        origin = _rendering_origin()
        if self._ours(origin):
            raise UnknownTemplateVariable(f"Variable inconnue « {name} » dans le gabarit {origin}")
        return _as_django_would(sys._getframe(1))

    def __str__(self) -> str:
        # Reached when a lookup fails silently (a method needing arguments, ``alters_data``…).
        origin = _rendering_origin()
        if self._ours(origin):
            raise UnknownTemplateVariable(f"Valeur invalide dans le gabarit {origin}")
        return ""

    def _ours(self, origin: str | None) -> bool:
        return origin is not None and origin.startswith(self.roots)


def _rendering_origin() -> str | None:
    """The file of the template node being rendered (the innermost one)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "render_annotated":
            origin = getattr(frame.f_locals.get("self"), "origin", None)
            return getattr(origin, "name", None)
        frame = frame.f_back
    return None


def _as_django_would(frame) -> str:
    """What the failing ``FilterExpression`` gives with the default ``string_if_invalid`` (""): its
    filters applied to an empty string (``|default:"…"`` then works as in production)."""
    expression, context = frame.f_locals.get("self"), frame.f_locals.get("context")
    if expression is None or context is None or not hasattr(expression, "filters"):
        return ""
    empty = copy(expression)
    empty.var, empty.is_var = "", False
    return empty.resolve(context)
