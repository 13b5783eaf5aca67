"""Public statistics: each domain app contributes its own keys through a provider function."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.conf import settings


def _providers() -> list[Callable[[], dict]]:
    providers = []
    for dotted in settings.PUBLIC_STATS_PROVIDERS:
        module, name = dotted.rsplit(".", 1)
        providers.append(getattr(import_module(module), name))
    return providers


def public_stats() -> dict:
    stats: dict = {}
    for provider in _providers():
        stats.update(provider())
    return stats
