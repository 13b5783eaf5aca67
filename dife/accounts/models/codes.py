"""Confirmation codes sent by e-mail (part of the ``dife.accounts.models`` package).

Only a keyed hash of the code is stored; the row counts the attempts and dies after the last one.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class EmailChallenge(models.Model):
    class Purpose(models.TextChoices):
        CREATION = "creation", "Création de compte"
        EMAIL_CHANGE = "email_change", "Changement d'adresse email"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    purpose = models.CharField("objet", max_length=12, choices=Purpose.choices)
    email = models.EmailField("adresse email")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code_hash = models.CharField("empreinte du code", max_length=64)
    created_at = models.DateTimeField("envoyé le", db_default=Now())
    expires_at = models.DateTimeField("expire le")
    attempts = models.PositiveSmallIntegerField("essais", default=0)
    max_attempts = models.PositiveSmallIntegerField("essais permis")
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)

    class Meta:
        verbose_name = "code de confirmation d'adresse email"
        verbose_name_plural = "codes de confirmation d'adresse email"
        indexes = [models.Index(fields=["email", "created_at"], name="accounts_emailch_email_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attempts__lte=models.F("max_attempts")),
                name="accounts_emailch_attempts_cap",
            ),
        ]

    def __str__(self) -> str:
        return f"Code de confirmation ({self.get_purpose_display()})"

    def __repr__(self) -> str:
        return f"<EmailChallenge {self.pk} {self.purpose}>"
