"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.rights.models.ledger import CreditingRun, Entry, RightsAccount

__all__ = [
    "CreditingRun",
    "Entry",
    "RightsAccount",
]
