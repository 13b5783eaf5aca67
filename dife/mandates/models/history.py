"""History of the gestionnaire's manual changes to the mandate registry (add, correct, close).

Append-only: the database refuses UPDATE and DELETE (trigger in the migration). Each change keeps the
mandate's values before and after, the reason given and who decided; it is also in the audit journal.
Written only by :mod:`dife.mandates.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now


class MandateChange(models.Model):
    class Action(models.TextChoices):
        ADDED = "added", "Mandat ajouté"
        CORRECTED = "corrected", "Mandat corrigé"
        CLOSED = "closed", "Mandat clos"

    mandate = models.ForeignKey("mandates.Mandate", on_delete=models.PROTECT, related_name="changes")
    person = models.ForeignKey("mandates.Person", on_delete=models.PROTECT, related_name="mandate_changes")
    action = models.CharField("modification", max_length=10, choices=Action.choices)
    reason = models.TextField("motif")
    before = models.JSONField("avant", default=dict, blank=True)
    after = models.JSONField("après", default=dict)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="gestionnaire"
    )
    audit_event = models.ForeignKey("audit.Event", on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField("date", db_default=Now())

    class Meta:
        app_label = "mandates"
        verbose_name = "modification de mandat"
        verbose_name_plural = "modifications de mandats"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="mandates_change_reason_required"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} le {self.created_at:%d/%m/%Y}"
