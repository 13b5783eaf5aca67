"""DIFE rights: one account per registry person and an append-only ledger of entries (PRODUCT.md §3).

Each entry records its effect on the balance (``amount``, signed) and on the reserved amount
(``reserved_change``, signed), so that for every account

    balance  = Σ entry.amount            (credits, consumptions, adjustments)
    reserved = Σ entry.reserved_change   (reservations, consumptions, releases)
    available = balance − reserved

``RightsAccount.balance`` and ``reserved`` are caches of those sums, written by the services (and
the crediting job) in the same transaction as the entry, under the account's row lock; the database
checks 0 ≤ reserved ≤ balance. The database refuses UPDATE and DELETE on entries (trigger in
migration 0002). Only :mod:`dife.rights.services` and :mod:`dife.rights.crediting` write here.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now

from dife.core.formatting import ZERO


class CreditingRun(models.Model):
    """One run of the yearly crediting job (command, periodic task or demo)."""

    class Trigger(models.TextChoices):
        COMMAND = "command", "Commande credit-rights"
        TASK = "task", "Tâche périodique"
        DEMO = "demo", "Chargement de la démonstration"
        TEST = "test", "Test"

    as_of = models.DateField("crédite jusqu'au")
    trigger = models.CharField("déclenchement", max_length=10, choices=Trigger.choices)
    started_at = models.DateTimeField("commencé le", db_default=Now())
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    accounts_created = models.PositiveIntegerField("comptes ouverts", default=0)
    credits = models.PositiveIntegerField("crédits inscrits", default=0)
    amount = models.DecimalField("montant crédité", max_digits=14, decimal_places=2, default=ZERO)

    class Meta:
        verbose_name = "campagne d'alimentation"
        verbose_name_plural = "campagnes d'alimentation"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Alimentation au {self.as_of:%d/%m/%Y} ({self.get_trigger_display()})"


class RightsAccount(models.Model):
    person = models.OneToOneField(
        "mandates.Person", on_delete=models.PROTECT, related_name="rights_account", verbose_name="personne"
    )
    balance = models.DecimalField("solde", max_digits=10, decimal_places=2, default=ZERO)
    reserved = models.DecimalField("droits réservés", max_digits=10, decimal_places=2, default=ZERO)
    last_credit_date = models.DateField("dernière alimentation", null=True, blank=True)
    created_at = models.DateTimeField("ouvert le", db_default=Now())
    updated_at = models.DateTimeField("modifié le", db_default=Now())

    class Meta:
        db_table = "rights_account"
        verbose_name = "compte DIFE"
        verbose_name_plural = "comptes DIFE"
        constraints = [
            models.CheckConstraint(condition=Q(balance__gte=0), name="rights_account_balance_not_negative"),
            models.CheckConstraint(condition=Q(reserved__gte=0), name="rights_account_reserved_not_negative"),
            models.CheckConstraint(
                condition=Q(reserved__lte=F("balance")), name="rights_account_reserved_le_balance"
            ),
        ]

    def __str__(self) -> str:
        return f"Compte DIFE de {self.person}"

    @property
    def available(self) -> Decimal:
        return self.balance - self.reserved


class Entry(models.Model):
    class Kind(models.TextChoices):
        CREDIT = "credit", "Alimentation"
        RESERVATION = "reservation", "Réservation"
        CONSUMPTION = "consumption", "Consommation"
        RELEASE = "release", "Libération"
        ADJUSTMENT = "adjustment", "Ajustement"

    # Foreign keys without their own index: (account, -id) covers the account; actors, runs and audit
    # events are never deleted. Fewer indexes keep the yearly crediting of 500 000 accounts fast.
    account = models.ForeignKey(
        RightsAccount, on_delete=models.PROTECT, related_name="entries", db_index=False
    )
    kind = models.CharField("type", max_length=12, choices=Kind.choices)
    amount = models.DecimalField("effet sur le solde", max_digits=10, decimal_places=2)
    reserved_change = models.DecimalField("effet sur les droits réservés", max_digits=10, decimal_places=2)
    balance_after = models.DecimalField("solde après", max_digits=10, decimal_places=2)
    reserved_after = models.DecimalField("réservé après", max_digits=10, decimal_places=2)
    effective_date = models.DateField("date d'effet")
    credit_year = models.PositiveSmallIntegerField("année d'alimentation", null=True, blank=True)
    reason = models.TextField("motif")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="auteur",
        db_index=False,
    )
    run = models.ForeignKey(
        CreditingRun,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name="campagne d'alimentation",
        db_index=False,
    )
    dossier_reference = models.CharField("dossier", max_length=64, blank=True)
    audit_event = models.ForeignKey(
        "audit.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décision (journal d'audit)",
        db_index=False,
    )
    idempotency_key = models.CharField("clé d'idempotence", max_length=200)
    created_at = models.DateTimeField("inscrit le", db_default=Now())

    class Meta:
        verbose_name = "écriture DIFE"
        verbose_name_plural = "écritures DIFE"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["account", "-id"], name="rights_entry_account_idx"),
            models.Index(
                fields=["account", "dossier_reference"],
                condition=~Q(dossier_reference=""),
                name="rights_entry_dossier_idx",
            ),
        ]
        constraints = [
            # a constraint rather than unique=True: no extra "LIKE" index on the key
            models.UniqueConstraint(fields=["idempotency_key"], name="rights_entry_idempotency_key_uniq"),
            models.UniqueConstraint(
                fields=["account", "credit_year"],
                condition=Q(credit_year__isnull=False),
                name="rights_entry_one_credit_per_year",
            ),
            models.CheckConstraint(
                condition=Q(kind="credit", credit_year__isnull=False)
                | (~Q(kind="credit") & Q(credit_year__isnull=True)),
                name="rights_entry_credit_year_iff_credit",
            ),
            models.CheckConstraint(
                condition=(Q(kind="credit", amount__gte=0, reserved_change=0))
                | Q(kind="reservation", amount=0, reserved_change__gt=0)
                | Q(kind="release", amount=0, reserved_change__lt=0)
                | Q(kind="consumption", amount__lt=0, reserved_change=F("amount"))
                | (Q(kind="adjustment", reserved_change=0) & ~Q(amount=0)),
                name="rights_entry_amounts_by_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["reservation", "release", "consumption"]) | ~Q(dossier_reference=""),
                name="rights_entry_dossier_for_reservations",
            ),
            models.CheckConstraint(
                condition=~Q(kind="adjustment") | (~Q(reason="") & Q(actor__isnull=False)),
                name="rights_entry_adjustment_reason_actor",
            ),
            models.CheckConstraint(
                condition=Q(
                    balance_after__gte=0, reserved_after__gte=0, reserved_after__lte=F("balance_after")
                ),
                name="rights_entry_after_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} € au {self.effective_date:%d/%m/%Y}"

    @property
    def available_after(self) -> Decimal:
        return self.balance_after - self.reserved_after

    @property
    def available_change(self) -> Decimal:
        """Effect on the available amount (balance − reserved)."""
        return self.amount - self.reserved_change
