"""Append-only journal of every decision, sign-in event, state change and money movement.

The database refuses UPDATE and DELETE on the table (trigger in the migration); the model refuses them too.
"""

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    pass


class Event(models.Model):
    occurred_at = models.DateTimeField("date", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField("action", max_length=80, db_index=True)
    target_type = models.CharField("type d'objet", max_length=80, blank=True)
    target_id = models.CharField("identifiant d'objet", max_length=64, blank=True)
    ip_address = models.GenericIPAddressField("adresse IP", null=True, blank=True)
    data = models.JSONField("détails", default=dict, blank=True)

    class Meta:
        verbose_name = "événement du journal"
        verbose_name_plural = "journal d'audit"
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Le journal d'audit ne peut pas être modifié.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Le journal d'audit ne peut pas être effacé.")
