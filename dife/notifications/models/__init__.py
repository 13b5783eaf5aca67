"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.notifications.models.email import Email

__all__ = [
    "Email",
]
