"""Rattachement of an élu account to the mandate registry (PRODUCT §2).

When an account's identity does not match the register, the élu asks a gestionnaire to attach it
(``RattachementRequest``, a review request of ``dife.reviews``) with an ID and a proof of mandate.
An approval creates an ``AccountPersonLink``; the documents are deleted once the request is decided
(the decision stays). The rules are in ``dife.mandates.rattachement.machine``; every change is
logged in ``RattachementTransition`` (who, when, from, to, reason):

    pending → approved   gestionnaire, with the register person the account belongs to
    pending → refused    gestionnaire, with a reason
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now

from dife.core.uploads import PrivateDocument
from dife.reviews.models import ReviewRequest, ReviewTransition, review_constraints


class RattachementRequest(ReviewRequest):
    class Status(models.TextChoices):  # the review statuses, with this workflow's French labels
        PENDING = "pending", "En cours d'examen"
        APPROVED = "approved", "Acceptée"
        REFUSED = "refused", "Refusée"

    DOCUMENTS = ("piece_identite", "justificatif_mandat")

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

    person = models.ForeignKey(
        "mandates.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="personne du registre rattachée",
    )

    class Meta:
        verbose_name = "demande de rattachement"
        verbose_name_plural = "demandes de rattachement"
        ordering = ["-created_at"]
        constraints = review_constraints(
            "mandates_rattachement",
            documents=("piece_identite", "justificatif_mandat"),
            pending=Q(person__isnull=True),
            approved=Q(person__isnull=False),
        )

    def __str__(self) -> str:
        return f"Demande de rattachement n° {self.pk}"


class RattachementTransition(ReviewTransition):
    request = models.ForeignKey(RattachementRequest, on_delete=models.PROTECT, related_name="transitions")

    class Meta(ReviewTransition.Meta):
        verbose_name = "changement de statut d'une demande de rattachement"
        verbose_name_plural = "changements de statut des demandes de rattachement"


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
