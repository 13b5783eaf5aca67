"""The transition log: one row per state change of a dossier (who, when, from, to, why).

Append-only (the database refuses UPDATE and DELETE), and the database refuses a change of
``Dossier.state`` that has no row here (migration 0002): there is no way to change a state without
leaving its trace.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ActorKind(models.TextChoices):
    ELU = "elu", "Élu"
    ORGANISME = "organisme", "Organisme de formation"
    GESTIONNAIRE = "gestionnaire", "Gestionnaire du fonds"
    SYSTEM = "system", "Plateforme (délai expiré)"


class Transition(models.Model):
    dossier = models.ForeignKey("enrollment.Dossier", on_delete=models.PROTECT, related_name="transitions")
    from_state = models.CharField("de", max_length=20, blank=True, help_text="vide à la création")
    to_state = models.CharField("vers", max_length=20)
    actor_kind = models.CharField("par", max_length=15, choices=ActorKind.choices)
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
        verbose_name = "changement de statut"
        verbose_name_plural = "changements de statut"
        ordering = ["dossier", "id"]
        indexes = [models.Index(fields=["dossier", "from_state", "to_state"], name="enrollment_trans_idx")]
        constraints = [
            models.CheckConstraint(
                name="enrollment_transition_actor",
                condition=models.Q(actor_kind=ActorKind.SYSTEM, actor__isnull=True)
                | (~models.Q(actor_kind=ActorKind.SYSTEM) & models.Q(actor__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_state or '∅'} → {self.to_state} ({self.actor_kind}, {self.at:%d/%m/%Y %H:%M})"
