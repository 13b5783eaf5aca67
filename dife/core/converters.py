"""Path converter for public numbers (dossiers, formations, actions): ASCII letters, digits,
point, dash and underscore only, so a stray character in a URL answers 404, never 500.

The point is allowed because catalogue references may hold one (``REFERENCE_REGEX``)."""

from __future__ import annotations

from django.urls import register_converter


class NumeroConverter:
    regex = r"[0-9A-Za-z._-]{1,60}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def register() -> None:
    register_converter(NumeroConverter, "numero")
