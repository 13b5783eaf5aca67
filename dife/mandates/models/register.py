"""Mandate registry: the persons of the national register of élus (RNE) and their mandates."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Now


class Person(models.Model):
    """An élu as identified by the register (identity as given, never rewritten by hand).

    ``matching_key`` (see :func:`dife.core.names.matching_key`) deduplicates the register rows:
    a person holding a municipal and a departmental mandate is one person.
    """

    class Sexe(models.TextChoices):
        FEMININ = "F", "Féminin"
        MASCULIN = "M", "Masculin"

    matching_key = models.CharField("clé de rapprochement", max_length=255)
    alt_matching_key = models.CharField(
        "clé de rapprochement secondaire",
        max_length=255,
        blank=True,
        help_text="clé construite avec le nom entre parenthèses du registre, par exemple « DUPONT (MARTIN) »",
    )
    nom = models.CharField("nom de naissance (registre)", max_length=200)
    prenoms = models.CharField("prénoms (registre)", max_length=200)
    sexe = models.CharField("sexe", max_length=1, choices=Sexe.choices)
    date_naissance = models.DateField("date de naissance")
    created_at = models.DateTimeField("créée le", db_default=Now())
    updated_at = models.DateTimeField("modifiée le", db_default=Now())

    class Meta:
        verbose_name = "personne (registre des élus)"
        verbose_name_plural = "personnes (registre des élus)"
        ordering = ["nom", "prenoms", "date_naissance"]
        # Exact-match lookups only: no text_pattern_ops twin index as ``unique=True`` would add.
        constraints = [models.UniqueConstraint(fields=["matching_key"], name="mandates_person_key_uniq")]
        indexes = [
            models.Index(
                fields=["alt_matching_key"],
                name="mandates_person_altkey_idx",
                condition=~models.Q(alt_matching_key=""),
            )
        ]

    def __str__(self) -> str:
        return f"{self.nom} {self.prenoms} ({self.date_naissance:%d/%m/%Y})"


class Mandate(models.Model):
    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", "Conseiller municipal"
        COMMUNAUTAIRE = "communautaire", "Conseiller communautaire"
        DEPARTEMENTAL = "departemental", "Conseiller départemental"
        REGIONAL = "regional", "Conseiller régional"

    class Fonction(models.TextChoices):
        MAIRE = "MAI", "Maire"
        MAIRE_DELEGUE = "MDA", "Maire délégué"
        ADJOINT = "ADJ", "Adjoint au maire"
        PRESIDENT = "PRE", "Président"
        VICE_PRESIDENT = "VPE", "Vice-président"
        COMMISSION_PERMANENTE = "AMC", "Autre membre de la commission permanente"

    class StartCheck(models.TextChoices):
        OK = "ok", "Conforme au calendrier électoral"
        CORRECTED = "corrected", "Corrigée (jour et mois inversés dans le registre)"
        SUSPECT = "suspect", "Incohérente avec le calendrier, non corrigée"

    class Source(models.TextChoices):
        RNE_MUNICIPAL = "rne_municipal", "RNE — conseillers municipaux"
        RNE_COMMUNAUTAIRE = "rne_communautaire", "RNE — conseillers communautaires"
        RNE_DEPARTEMENTAL = "rne_departemental", "RNE — conseillers départementaux"
        RNE_REGIONAL = "rne_regional", "RNE — conseillers régionaux"
        # Never touched by the register import, which only reads and flags the RNE sources.
        MANUAL = "manual", "Saisie manuelle (gestionnaire)"
        DEMO = "demo", "Données de démonstration (fictives)"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mandates")
    kind = models.CharField("type de mandat", max_length=16, choices=Kind.choices)
    collectivite_code = models.CharField(
        "code de la collectivité",
        max_length=10,
        help_text="code INSEE de la commune, SIREN de l'EPCI, code du département ou de la région",
    )
    collectivite_label = models.CharField("collectivité", max_length=300)
    fonction = models.CharField("fonction", max_length=3, choices=Fonction.choices, blank=True)
    fonction_rank = models.PositiveSmallIntegerField("rang de la fonction", null=True, blank=True)
    fonction_start = models.DateField("début de la fonction", null=True, blank=True)
    fonction_start_original = models.DateField(
        "début de la fonction selon le registre",
        null=True,
        blank=True,
        help_text="renseignée seulement quand la date du registre a été corrigée",
    )
    start_date = models.DateField("début du mandat")
    end_date = models.DateField("fin du mandat", null=True, blank=True)
    start_check = models.CharField(
        "contrôle de la date de début", max_length=10, choices=StartCheck.choices, default=StartCheck.OK
    )
    start_date_original = models.DateField(
        "début du mandat selon le registre",
        null=True,
        blank=True,
        help_text="renseignée seulement quand la date du registre a été corrigée",
    )
    source = models.CharField("source", max_length=20, choices=Source.choices)
    source_id = models.BigIntegerField("identifiant dans la source")
    removed_from_register_on = models.DateField(
        "absent du registre depuis",
        null=True,
        blank=True,
        help_text="date de l'import qui ne contenait plus ce mandat ; la fin du mandat reste à établir",
    )
    created_at = models.DateTimeField("créé le", db_default=Now())
    updated_at = models.DateTimeField("modifié le", db_default=Now())

    class Meta:
        verbose_name = "mandat"
        ordering = ["person", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="mandates_mandate_source_uniq"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="mandates_mandate_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(start_check="corrected", start_date_original__isnull=False)
                | (~models.Q(start_check="corrected") & models.Q(start_date_original__isnull=True)),
                name="mandates_mandate_original_iff_corrected",
            ),
        ]
        indexes = [models.Index(fields=["kind", "collectivite_code"], name="mandates_kind_coll_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.collectivite_label}"
