"""The organisations staff users belong to: training providers (OF), the fund's agency, collectivités.

An ``Organisation`` keeps only what identifies it. What a kind of organisation needs beyond that
lives elsewhere and is added by the capability that needs it: the catalog adds an OF profile
(agrément, Qualiopi, déclaration d'activité…) as a one-to-one model pointing here, funding adds a
collectivité's bank details the same way. A collectivité is linked to the territorial reference data
by its natural key (type + INSEE code, or SIREN for an EPCI), like the mandate registry does.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now


class Organisation(models.Model):
    class Kind(models.TextChoices):
        # Same values as dife.accounts.models.User.Kind: a member's account has its organisation's kind.
        ORGANISME = "organisme", "Organisme de formation"
        GESTIONNAIRE = "gestionnaire", "Gestionnaire du fonds"
        COLLECTIVITE = "collectivite", "Collectivité"

    class CollectiviteType(models.TextChoices):
        COMMUNE = "commune", "Commune"
        EPCI = "epci", "Établissement public de coopération intercommunale (EPCI)"
        DEPARTEMENT = "departement", "Département"
        REGION = "region", "Région"

    kind = models.CharField("type d'organisation", max_length=20, choices=Kind.choices)
    nom = models.CharField("nom", max_length=300)
    siret = models.CharField("SIRET", max_length=14, blank=True, help_text="14 chiffres, sans espace")
    collectivite_type = models.CharField(
        "type de collectivité", max_length=12, choices=CollectiviteType.choices, blank=True
    )
    collectivite_code = models.CharField(
        "code de la collectivité",
        max_length=10,
        blank=True,
        help_text="code INSEE de la commune, SIREN de l'EPCI, code du département ou de la région",
    )
    created_at = models.DateTimeField("créée le", db_default=Now())
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="créée par",
    )

    class Meta:
        verbose_name = "organisation"
        ordering = ["nom"]
        constraints = [
            models.CheckConstraint(
                name="organisations_organisme_has_siret",
                condition=~Q(kind="organisme") | (Q(siret__regex=r"^[0-9]{14}$") & Q(collectivite_type="")),
            ),
            models.CheckConstraint(
                name="organisations_collectivite_has_code",
                condition=~Q(kind="collectivite") | (~Q(collectivite_type="") & ~Q(collectivite_code="")),
            ),
            models.CheckConstraint(
                name="organisations_gestionnaire_no_territory",
                condition=~Q(kind="gestionnaire") | Q(collectivite_type="", collectivite_code=""),
            ),
            models.UniqueConstraint(
                fields=["siret"], condition=Q(kind="organisme"), name="organisations_organisme_siret_uniq"
            ),
            models.UniqueConstraint(
                fields=["collectivite_type", "collectivite_code"],
                condition=Q(kind="collectivite"),
                name="organisations_collectivite_uniq",
            ),
            # There is one agency managing the fund.
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="gestionnaire"), name="organisations_single_agency"
            ),
        ]

    def __str__(self) -> str:
        return self.nom

    @property
    def identifiant(self) -> str:
        """What identifies the organisation to a human: SIRET, or the collectivité's type and code."""
        if self.kind == self.Kind.ORGANISME:
            return f"SIRET {self.siret}"
        if self.kind == self.Kind.COLLECTIVITE:
            return f"{self.get_collectivite_type_display()} — code {self.collectivite_code}"
        return ""


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", "Administrateur"
        AGENT = "agent", "Agent"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("rôle", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField("depuis le", db_default=Now())

    class Meta:
        verbose_name = "membre"
        ordering = ["organisation", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="organisations_membership_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


def hash_token(token: str) -> str:
    """Invitation links carry a random token; the database keeps only its SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=Now())


class Invitation(models.Model):
    email = models.EmailField("adresse e-mail")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="invitations")
    role = models.CharField("rôle", max_length=20, choices=Membership.Role.choices)
    token_hash = models.CharField("empreinte du jeton", max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="invité par"
    )
    created_at = models.DateTimeField("envoyée le", db_default=Now())
    expires_at = models.DateTimeField("expire le")
    accepted_at = models.DateTimeField("acceptée le", null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="compte créé",
    )
    revoked_at = models.DateTimeField(
        "annulée le", null=True, blank=True, help_text="remplacée par une nouvelle invitation"
    )

    objects = InvitationQuerySet.as_manager()
    raw_token: str  # the clear token, set on the invitation that invite() returns; never stored

    class Meta:
        verbose_name = "invitation"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="organisations_invitation_accepted_xor_revoked",
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
            ),
            models.CheckConstraint(
                name="organisations_invitation_accepted_has_user",
                condition=Q(accepted_at__isnull=True, accepted_user__isnull=True)
                | Q(accepted_at__isnull=False, accepted_user__isnull=False),
            ),
            models.CheckConstraint(
                name="organisations_invitation_email_lowercase", condition=Q(email__regex=r"^[^A-Z]*$")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation} ({self.get_role_display()})"
