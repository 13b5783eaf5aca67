"""The outbox: every e-mail the platform sends is first a row here, written in the transaction of the
change it reports, then sent by a background task after the commit (``services.send_pending``).

A row keeps the template name and a JSON context (rendering happens at sending time, so a bulk change
of 10 000 dossiers writes rows, not 10 000 rendered messages); once sent, it keeps the rendered
subject and bodies, which the dev mailbox (``/dev/courriels``) shows. ``dedup_key`` makes a replayed
change (a retried task) queue its e-mail once. ``secrets`` names the context keys (a one-time code, a
link with a token) masked in the row once the e-mail is sent or given up.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Now


class Email(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "À envoyer"
        SENT = "sent", "Envoyé"
        FAILED = "failed", "Échec"

    to = models.EmailField("destinataire")
    template = models.CharField("modèle", max_length=60)
    context = models.JSONField("contexte", default=dict)
    dedup_key = models.CharField("clé de déduplication", max_length=120, null=True, blank=True, unique=True)
    secrets = models.JSONField("clés secrètes du contexte", default=list, blank=True)
    status = models.CharField("statut", max_length=8, choices=Status.choices, default=Status.PENDING)
    subject = models.CharField("objet", max_length=250, blank=True)
    body_text = models.TextField("texte", blank=True)
    body_html = models.TextField("HTML", blank=True)
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    last_error = models.TextField("dernière erreur", blank=True)
    created_at = models.DateTimeField("créé le", db_default=Now())
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "courriel"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["id"], condition=Q(status="pending"), name="notifications_pending_idx"),
            models.Index(fields=["to", "-id"], name="notifications_to_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="notifications_sent_fields",
                condition=~Q(status="sent") | (Q(sent_at__isnull=False) & ~Q(subject="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} → {self.to} ({self.get_status_display()})"
