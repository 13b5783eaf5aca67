"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.accounts.models.codes import EmailChallenge
from dife.accounts.models.elu import EluProfile
from dife.accounts.models.user import User

__all__ = [
    "EluProfile",
    "EmailChallenge",
    "User",
]
