"""Rattachement of an élu account to the mandate registry (PRODUCT §2), imported by ``models.py``.

When an account's identity does not match the register, the élu asks a gestionnaire to attach it
(``RattachementRequest``) with an ID and a proof of mandate. An approval creates an
``AccountPersonLink``; the documents are deleted once the request is decided (the decision stays).
Transitions (the audit journal logs each one with who, when, from, to and reason):

    pending → approved   gestionnaire, with the register person the account belongs to
    pending → refused    gestionnaire, with a reason
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from dife.core.uploads import PrivateDocument


class RattachementRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "En cours d'examen"
        APPROVED = "approved", "Acceptée"
        REFUSED = "refused", "Refusée"

    TRANSITIONS = {
        (Status.PENDING, Status.APPROVED): "gestionnaire",
        (Status.PENDING, Status.REFUSED): "gestionnaire",
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="rattachement_requests",
        verbose_name="compte",
    )
    nom_naissance = models.CharField("nom de naissance", max_length=200)
    nom_usage = models.CharField("nom d'usage", max_length=200, blank=True)
    nom_marital = models.CharField("nom marital", max_length=200, blank=True)
    prenoms = models.CharField("prénoms", max_length=300)
    date_naissance = models.DateField("date de naissance")
    lieu_naissance = models.CharField("lieu de naissance", max_length=200)
    collectivite = models.CharField("collectivité où s'exerce le mandat", max_length=300)
    precisions = models.TextField("précisions", blank=True)

    piece_identite = PrivateDocument("pièce d'identité", prefix="rattachements/identite-")
    piece_identite_type = models.CharField("type de la pièce d'identité", max_length=40, blank=True)
    justificatif_mandat = PrivateDocument("justificatif du mandat", prefix="rattachements/mandat-")
    justificatif_mandat_type = models.CharField("type du justificatif", max_length=40, blank=True)

    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.PENDING)
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
    motif_refus = models.TextField("motif du refus", blank=True)
    person = models.ForeignKey(
        "mandates.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="personne du registre rattachée",
    )
    documents_deleted_at = models.DateTimeField("documents supprimés le", null=True, blank=True)

    class Meta:
        verbose_name = "demande de rattachement"
        verbose_name_plural = "demandes de rattachement"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="mandates_rattachement_one_pending",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending", decided_at__isnull=True, person__isnull=True)
                | models.Q(status="approved", decided_at__isnull=False, person__isnull=False)
                | (models.Q(status="refused", decided_at__isnull=False) & ~models.Q(motif_refus="")),
                name="mandates_rattachement_state_fields",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending") | models.Q(piece_identite="", justificatif_mandat=""),
                name="mandates_rattachement_no_document_once_decided",
            ),
        ]

    def __str__(self) -> str:
        return f"Demande de rattachement n° {self.pk}"


class AccountPersonLink(models.Model):
    """An account attached by a gestionnaire to a person of the register."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person_links", verbose_name="compte"
    )
    person = models.ForeignKey(
        "mandates.Person", on_delete=models.PROTECT, related_name="account_links", verbose_name="personne"
    )
    rattachement = models.OneToOneField(
        RattachementRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="link"
    )
    created_at = models.DateTimeField("créé le", db_default=Now())
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="créé par",
    )

    class Meta:
        verbose_name = "rattachement d'un compte au registre"
        verbose_name_plural = "rattachements de comptes au registre"
        constraints = [
            models.UniqueConstraint(fields=["user", "person"], name="mandates_accountpersonlink_uniq"),
        ]

    def __str__(self) -> str:
        return f"Rattachement n° {self.pk}"
