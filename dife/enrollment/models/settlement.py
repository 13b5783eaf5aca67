"""What a dossier settles to (PRODUCT.md §8): what the OF is paid and what DIFE rights are consumed
or released. Computed when the outcome is known (service fait, no-show, cancellation), validated by
the gestionnaire when there is money to pay or a force majeure to check; the ledger moves at
validation, and the OF's amount is then due for payment.

Transitions of a settlement: ``to_validate`` → ``validated`` (gestionnaire, or the platform when there
is nothing to judge: free cancellation, cancellation by the OF).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now


class Event(models.TextChoices):
    CANCELLED_BY_ELU = "cancelled_by_elu", "Annulation par l'élu"
    NO_SHOW = "no_show", "Non-présentation de l'élu"
    CANCELLED_BY_OF = "cancelled_by_of", "Annulation par l'organisme"
    EXIT = "exit", "Formation suivie (sortie de formation)"


class Settlement(models.Model):
    class Status(models.TextChoices):
        TO_VALIDATE = "to_validate", "À valider"
        VALIDATED = "validated", "Validé"

    dossier = models.OneToOneField("enrollment.Dossier", on_delete=models.PROTECT, related_name="settlement")
    event = models.CharField("événement", max_length=25, choices=Event.choices)
    status = models.CharField("statut", max_length=12, choices=Status.choices, default=Status.TO_VALIDATE)
    as_of = models.DateField("taux en vigueur le")
    price = models.DecimalField("prix", max_digits=10, decimal_places=2)
    rights_engaged = models.DecimalField("droits DIFE engagés", max_digits=10, decimal_places=2)
    of_amount = models.DecimalField("dû à l'organisme", max_digits=10, decimal_places=2)
    rights_consumed = models.DecimalField("droits consommés", max_digits=10, decimal_places=2)
    rights_released = models.DecimalField("droits libérés", max_digits=10, decimal_places=2)
    planned_hours = models.DecimalField(
        "heures prévues", max_digits=7, decimal_places=2, null=True, blank=True
    )
    attended_hours = models.DecimalField(
        "heures suivies", max_digits=7, decimal_places=2, null=True, blank=True
    )
    force_majeure = models.BooleanField("force majeure retenue", default=False)
    force_majeure_claimed = models.BooleanField("force majeure déclarée", default=False)
    free_cancellation = models.BooleanField("annulation gratuite", null=True, blank=True)
    rule = models.TextField("règle appliquée")
    computed_at = models.DateTimeField("calculé le", db_default=Now())
    validated_at = models.DateTimeField("validé le", null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="validé par",
    )
    payment_due_on = models.DateField("paiement de l'organisme dû le", null=True, blank=True)
    paid_at = models.DateTimeField("organisme payé le", null=True, blank=True)

    class Meta:
        verbose_name = "règlement d'un dossier"
        verbose_name_plural = "règlements des dossiers"
        ordering = ["computed_at", "id"]
        indexes = [models.Index(fields=["status", "computed_at"], name="enrollment_settlement_queue")]
        constraints = [
            models.CheckConstraint(
                name="enrollment_settlement_split",
                condition=Q(rights_consumed__gte=0, rights_released__gte=0)
                & Q(rights_engaged=F("rights_consumed") + F("rights_released")),
            ),
            models.CheckConstraint(
                name="enrollment_settlement_of_amount",
                condition=Q(of_amount__gte=0, of_amount__lte=F("price")),
            ),
            models.CheckConstraint(
                name="enrollment_settlement_validation",
                condition=Q(status="to_validate", validated_at__isnull=True, payment_due_on__isnull=True)
                | Q(status="validated", validated_at__isnull=False, payment_due_on__isnull=False),
            ),
            models.CheckConstraint(
                name="enrollment_settlement_hours",
                condition=~Q(event=Event.EXIT) | Q(planned_hours__gt=0, attended_hours__gte=0),
            ),
            models.CheckConstraint(
                name="enrollment_settlement_paid_after_validation",
                condition=Q(paid_at__isnull=True) | Q(status="validated"),
            ),
        ]

    def __str__(self) -> str:
        return f"Règlement du dossier n°{self.dossier_id:08d} ({self.get_status_display()})"
