"""FranceConnect+ on our side: pending authorizations (state and nonce) and the links kept on ``sub``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class FranceConnectAuthRequest(models.Model):
    """One authorization request sent to the provider: its ``state`` and ``nonce``, used at most once.

    The row is the server-side store of both values (the browser only carries ``state``, and its
    session remembers which states it started): single use (``used_at``), expiring (``expires_at``).
    """

    class Purpose(models.TextChoices):
        SIGN_IN = "sign_in", "Connexion"
        STEP_UP = "step_up", "Vérification d'identité en cours de session"

    state = models.CharField("state", max_length=128, unique=True)
    nonce = models.CharField("nonce", max_length=128)
    purpose = models.CharField("objet", max_length=10, choices=Purpose.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="compte connecté au départ",
    )
    redirect_uri = models.CharField("adresse de retour", max_length=500)
    next_url = models.CharField("page où revenir", max_length=500, blank=True)
    created_at = models.DateTimeField("créée le", db_default=Now())
    expires_at = models.DateTimeField("expire le")
    used_at = models.DateTimeField("utilisée le", null=True, blank=True)

    class Meta:
        verbose_name = "demande d'authentification FranceConnect+"
        verbose_name_plural = "demandes d'authentification FranceConnect+"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(purpose="sign_in", user__isnull=True)
                | models.Q(purpose="step_up", user__isnull=False),
                name="identity_fcauthrequest_user_iff_step_up",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="identity_fcauthrequest_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"Demande d'authentification FranceConnect+ n° {self.pk}"

    def __repr__(self) -> str:
        return f"<FranceConnectAuthRequest pk={self.pk} purpose={self.purpose}>"


class FranceConnectLink(models.Model):
    """An account linked to a FranceConnect+ identity, on the provider's ``sub`` (never the e-mail)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="franceconnect_links",
        verbose_name="compte",
    )
    sub = models.CharField("identifiant FranceConnect (sub)", max_length=255, unique=True)
    first_seen_at = models.DateTimeField("première connexion", db_default=Now())
    last_seen_at = models.DateTimeField("dernière connexion", db_default=Now())
    last_acr = models.CharField("dernier niveau eIDAS", max_length=10, blank=True)

    class Meta:
        verbose_name = "lien FranceConnect+"
        verbose_name_plural = "liens FranceConnect+"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_seen_at__gte=models.F("first_seen_at")),
                name="identity_fclink_seen_order",
            ),
        ]

    def __str__(self) -> str:
        return f"Lien FranceConnect+ du compte {self.user_id}"
