"""Models of the app, one module per concern (decision 0009: models as a package everywhere)."""

from dife.reviews.models.review import (
    DECIDED,
    ReviewRequest,
    ReviewStatus,
    ReviewTransition,
    review_constraints,
)

__all__ = [
    "DECIDED",
    "ReviewRequest",
    "ReviewStatus",
    "ReviewTransition",
    "review_constraints",
]
