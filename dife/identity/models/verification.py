"""Manual identity verification: the élu's ID copy, checked by a gestionnaire.

Transitions (``TRANSITIONS``): pending → approved, pending → refused, by a gestionnaire. The database
ties fields to states: a decided request has a decider, a date, no document left (the copies are
deleted at the decision, the decision is kept), and a refusal has its reason.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from dife.core.uploads import PrivateDocument


class IdentityVerification(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "En cours d'examen"
        APPROVED = "approved", "Identité vérifiée"
        REFUSED = "refused", "Refusée"

    # (from, to): who may do it. Read by dife.identity.services.verification.
    TRANSITIONS = {
        (Status.PENDING, Status.APPROVED): "gestionnaire",
        (Status.PENDING, Status.REFUSED): "gestionnaire",
    }

    public_id = models.UUIDField("identifiant public", default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="identity_verifications",
        verbose_name="élu",
    )
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.PENDING)
    recto = PrivateDocument("recto", prefix="identite/")
    recto_content_type = models.CharField("type du recto", max_length=40, blank=True)
    verso = PrivateDocument("verso", prefix="identite/")
    verso_content_type = models.CharField("type du verso", max_length=40, blank=True)
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

    class Meta:
        verbose_name = "vérification manuelle d'identité"
        verbose_name_plural = "vérifications manuelles d'identité"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="identity_verification_one_pending_per_user",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        status="pending", decided_at__isnull=True, decided_by__isnull=True, refusal_reason=""
                    )
                    & ~models.Q(recto="")
                    & ~models.Q(verso="")
                )
                | models.Q(
                    status="approved",
                    decided_at__isnull=False,
                    decided_by__isnull=False,
                    refusal_reason="",
                    recto="",
                    verso="",
                )
                | (
                    models.Q(
                        status="refused",
                        decided_at__isnull=False,
                        decided_by__isnull=False,
                        recto="",
                        verso="",
                    )
                    & ~models.Q(refusal_reason="")
                ),
                name="identity_verification_fields_match_status",
            ),
        ]

    def __str__(self) -> str:
        return f"Vérification d'identité n° {self.pk} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
