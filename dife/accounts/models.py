"""The platform's user. One table for every party; what each party knows lives in its own profile."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    class Kind(models.TextChoices):
        ELU = "elu", "Élu"
        ORGANISME = "organisme", "Organisme de formation"
        GESTIONNAIRE = "gestionnaire", "Gestionnaire du fonds"
        COLLECTIVITE = "collectivite", "Collectivité"
        TECHNICAL = "technical", "Administration technique"

    kind = models.CharField("type de compte", max_length=20, choices=Kind.choices, default=Kind.TECHNICAL)

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"


# Profiles and codes live in their own modules; importing them here registers them with the app.
from dife.accounts.models_codes import EmailChallenge  # noqa: E402
from dife.accounts.models_elu import EluProfile  # noqa: E402

__all__ = ["EluProfile", "EmailChallenge", "User"]
