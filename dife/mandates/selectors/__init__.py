"""Read-only queries of the mandate registry (decision 0009: one selectors package per app).

``register``: current mandates and public counts; ``history``: the gestionnaire's person search and
mandate history; ``rattachement``: the élu's rattachement state and the gestionnaire's queue.
"""

from dife.mandates.selectors.history import MAX_RESULTS, mandates_with_history, search_persons
from dife.mandates.selectors.rattachement import (
    CompteElu,
    candidate_persons,
    compte_elu,
    latest_request,
    mandates_by_person,
    pending_request,
    queue,
    request_of_user,
)
from dife.mandates.selectors.register import current_mandates, public_counts

__all__ = [
    "CompteElu",
    "MAX_RESULTS",
    "candidate_persons",
    "compte_elu",
    "current_mandates",
    "latest_request",
    "mandates_by_person",
    "mandates_with_history",
    "pending_request",
    "public_counts",
    "queue",
    "request_of_user",
    "search_persons",
]
