"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.audit.models.event import AppendOnlyError, Event

__all__ = [
    "AppendOnlyError",
    "Event",
]
