"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.mandates.models.history import MandateChange
from dife.mandates.models.rattachement import AccountPersonLink, RattachementRequest, RattachementTransition
from dife.mandates.models.register import Mandate, Person

__all__ = [
    "AccountPersonLink",
    "Mandate",
    "MandateChange",
    "Person",
    "RattachementRequest",
    "RattachementTransition",
]
