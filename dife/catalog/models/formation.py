"""A formation: what is taught (the "what"); actions say how, where and at what price."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Now

from dife.catalog import repertoire

REFERENCE_REGEX = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
CERTIFICATION_REGEX = r"^(RNCP[0-9]{1,6}|RS[0-9]{1,6})$"


class Contexte(models.TextChoices):
    MANDAT = "mandat", "Formation liée à l'exercice du mandat"
    RECONVERSION = "reconversion", "Formation pour se reconvertir"


class Status(models.TextChoices):
    """Shared by formations and actions."""

    DRAFT = "draft", "Brouillon"
    PUBLISHED = "published", "Publiée"
    CLOSED = "closed", "Fermée"


class Formation(models.Model):
    organisme = models.ForeignKey(
        "catalog.OrganismeProfile", on_delete=models.PROTECT, related_name="formations"
    )
    reference = models.CharField(
        "référence de l'organisme",
        max_length=40,
        help_text="propre à l'organisme (lettres, chiffres, . _ -) ; attribuée automatiquement sinon",
    )
    numero = models.CharField(
        "numéro de formation",
        max_length=60,
        unique=True,
        help_text="<SIRET>_<référence>, stable : il figure dans les liens publics",
    )
    intitule = models.CharField("intitulé", max_length=250)
    objectifs = models.TextField("objectifs", blank=True)
    contenu = models.TextField("contenu", blank=True)
    points_forts = models.TextField("points forts", blank=True)
    resultats_attendus = models.TextField("résultats attendus", blank=True)
    contexte = models.CharField("contexte", max_length=12, choices=Contexte.choices)
    theme = models.CharField("thème du répertoire", max_length=20, blank=True, choices=repertoire.CHOICES)
    certification_code = models.CharField(
        "code RNCP ou RS",
        max_length=12,
        blank=True,
        help_text="par exemple RNCP35190 ou RS5204 (formations pour se reconvertir)",
    )
    certification_libelle = models.CharField("intitulé de la certification", max_length=250, blank=True)
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField("créée le", db_default=Now())
    updated_at = models.DateTimeField("modifiée le", db_default=Now())

    class Meta:
        verbose_name = "formation"
        ordering = ["numero"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisme", "reference"], name="catalog_formation_reference_uniq"
            ),
            models.CheckConstraint(
                name="catalog_formation_reference_format", condition=Q(reference__regex=REFERENCE_REGEX)
            ),
            models.CheckConstraint(
                name="catalog_formation_contexte_fields",
                condition=Q(contexte=Contexte.MANDAT, certification_code="") & ~Q(theme="")
                | Q(contexte=Contexte.RECONVERSION, theme="", certification_code__regex=CERTIFICATION_REGEX),
            ),
            models.CheckConstraint(
                name="catalog_formation_status_valid", condition=Q(status__in=Status.values)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.intitule} ({self.numero})"

    @property
    def is_mandat(self) -> bool:
        return self.contexte == Contexte.MANDAT

    @property
    def theme_libelle(self) -> str:
        return repertoire.label(self.theme)

    @property
    def certification_type(self) -> str:
        """ "RNCP" or "RS" (or "")."""
        code = self.certification_code
        return "RNCP" if code.startswith("RNCP") else ("RS" if code.startswith("RS") else "")
