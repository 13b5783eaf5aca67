"""Alias: `manage.py credit-rights` runs `manage.py credit_rights`."""

from dife.rights.management.commands.credit_rights import Command  # noqa: F401
