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
