"""Manual identity verification: the élu's ID copy, checked by a gestionnaire — a review request
(``dife.reviews``). Its rules are in ``dife.identity.machine``; the database ties fields to the
status (``review_constraints``), keeps one pending request per élu and logs every change
(``VerificationTransition``). The copies are deleted at the decision, the decision is kept.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from dife.core.uploads import PrivateDocument
from dife.reviews.models import ReviewRequest, ReviewTransition, review_constraints


class IdentityVerification(ReviewRequest):
    class Status(models.TextChoices):  # the review statuses, with this workflow's French labels
        PENDING = "pending", "En cours d'examen"
        APPROVED = "approved", "Identité vérifiée"
        REFUSED = "refused", "Refusée"

    DOCUMENTS = ("recto", "verso")

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

    class Meta:
        verbose_name = "vérification manuelle d'identité"
        verbose_name_plural = "vérifications manuelles d'identité"
        ordering = ["created_at"]
        constraints = review_constraints("identity_verification", documents=("recto", "verso"))

    def __str__(self) -> str:
        return f"Vérification d'identité n° {self.pk} ({self.get_status_display()})"


class VerificationTransition(ReviewTransition):
    request = models.ForeignKey(IdentityVerification, on_delete=models.PROTECT, related_name="transitions")

    class Meta(ReviewTransition.Meta):
        verbose_name = "changement de statut d'une vérification d'identité"
        verbose_name_plural = "changements de statut des vérifications d'identité"
