"""Alias: `manage.py import-referentiel` runs `manage.py import_referentiel`."""

from dife.mandates.management.commands.import_referentiel import Command  # noqa: F401
