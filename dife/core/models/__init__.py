"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.core.models.throttle import ThrottleCounter

__all__ = [
    "ThrottleCounter",
]
