"""Enrollment write services (keyword-only, atomic). Views call these, never the models directly."""

from dife.enrollment.services.application import (
    ApplicationCheck,
    FundingPreview,
    check_application,
    create_dossier,
    funding_preview,
)
from dife.enrollment.services.elu import (
    cancel_by_elu,
    cancellation_preview,
    confirm,
    decline,
    mark_reste_paid,
)
from dife.enrollment.services.organisme import (
    cancel_by_of,
    declare_entry,
    declare_exit,
    declare_no_show,
    declare_service_fait,
    propose,
    refuse,
)
from dife.enrollment.services.settle import validate_settlement

__all__ = [
    "ApplicationCheck",
    "FundingPreview",
    "cancel_by_elu",
    "cancel_by_of",
    "cancellation_preview",
    "check_application",
    "confirm",
    "create_dossier",
    "declare_entry",
    "declare_exit",
    "declare_no_show",
    "declare_service_fait",
    "decline",
    "funding_preview",
    "mark_reste_paid",
    "propose",
    "refuse",
    "validate_settlement",
]
