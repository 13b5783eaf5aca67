"""The abstract models of a gestionnaire review: the request and its transition log.

A concrete request subclasses ``ReviewRequest``, adds its own fields (the user asking, the data to
check, its ``PrivateDocument`` fields named in ``DOCUMENTS``) and puts ``review_constraints(...)`` in
its ``Meta.constraints``. Its log subclasses ``ReviewTransition`` with a ``request`` foreign key.
The migrations add the two triggers of ``dife_review_status_guard`` (reviews 0001): a request is
created ``pending`` and its status changes only with a row in its log; the log is append-only.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "En cours d'examen"
    APPROVED = "approved", "Acceptée"
    REFUSED = "refused", "Refusée"


DECIDED = (ReviewStatus.APPROVED, ReviewStatus.REFUSED)


class ReviewRequest(models.Model):
    """A request a gestionnaire approves or refuses. Only ``ReviewMachine.apply`` changes ``status``
    (and the decision fields); the documents are deleted when it is decided, the decision stays."""

    Status = ReviewStatus
    DOCUMENTS: ClassVar[tuple[str, ...]] = ()  # the PrivateDocument fields, deleted at the decision

    status = models.CharField(
        "statut", max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    created_at = models.DateTimeField("demandée le", db_default=Now())
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidée par",
    )
    refusal_reason = models.TextField("motif du refus", blank=True)
    documents_deleted_at = models.DateTimeField("documents supprimés le", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_pending(self) -> bool:
        return self.status == ReviewStatus.PENDING

    @property
    def is_approved(self) -> bool:
        return self.status == ReviewStatus.APPROVED

    @property
    def is_refused(self) -> bool:
        return self.status == ReviewStatus.REFUSED


def review_constraints(
    prefix: str, *, documents: tuple[str, ...], pending: Q | None = None, approved: Q | None = None
) -> list[models.BaseConstraint]:
    """One pending request per user, and the fields tied to the status: a pending request has its
    documents and no decision; a decided one has its decider, its date, no document left, and a
    refusal its reason. ``pending`` / ``approved`` add the workflow's own conditions."""
    has_documents = Q()
    for name in documents:
        has_documents &= ~Q(**{name: ""})
    no_documents = Q(**{name: "" for name in documents})
    decided = Q(decided_at__isnull=False, decided_by__isnull=False, documents_deleted_at__isnull=False)
    undecided = Q(decided_at__isnull=True, decided_by__isnull=True, documents_deleted_at__isnull=True)
    is_pending = Q(status=ReviewStatus.PENDING, refusal_reason="") & undecided & has_documents
    is_approved = Q(status=ReviewStatus.APPROVED, refusal_reason="") & decided & no_documents
    is_refused = Q(status=ReviewStatus.REFUSED) & ~Q(refusal_reason="") & decided & no_documents
    return [
        models.UniqueConstraint(
            fields=["user"], condition=Q(status=ReviewStatus.PENDING), name=f"{prefix}_one_pending"
        ),
        models.CheckConstraint(
            name=f"{prefix}_fields_match_status",
            condition=(is_pending & (pending or Q())) | (is_approved & (approved or Q())) | is_refused,
        ),
    ]


class ReviewTransition(models.Model):
    """One change of status of a request (the first row: its creation, from ""). The concrete log
    adds ``request = models.ForeignKey(<request model>, on_delete=models.PROTECT,
    related_name="transitions")``."""

    from_status = models.CharField("de", max_length=10, blank=True, help_text="vide à la création")
    to_status = models.CharField("vers", max_length=10)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="auteur",
    )
    at = models.DateTimeField("le")
    reason = models.TextField("motif", blank=True)
    data = models.JSONField("détails", default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["request", "id"]
        verbose_name = "changement de statut"
        verbose_name_plural = "changements de statut"

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status} ({self.at:%d/%m/%Y %H:%M})"
