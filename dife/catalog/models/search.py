"""The search row: one per listed action, denormalised for the search query (dife/catalog/search.py).

Maintained only by ``dife.catalog.services.search_index.refresh_search_rows`` (called by every catalog
service that changes what is listed, and nightly because sessions pass). An action is listed when it
and its formation are published and it has at least one eligible session to come (eligibility.py).
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models.functions import Now

SEARCH_CONFIG = "french_unaccent"


class ActionSearch(models.Model):
    action = models.OneToOneField(
        "catalog.Action", on_delete=models.CASCADE, primary_key=True, related_name="search_row"
    )
    formation = models.ForeignKey("catalog.Formation", on_delete=models.CASCADE, related_name="+")  # indexed
    numero_action = models.CharField(max_length=60)
    numero_formation = models.CharField(max_length=60)
    intitule = models.CharField(max_length=250)
    organisme_nom = models.CharField(max_length=300)
    theme_libelle = models.CharField(max_length=250, blank=True)
    points_forts = models.TextField(blank=True)
    texte = models.TextField(blank=True, help_text="objectifs, contenu et résultats attendus")
    contexte = models.CharField(max_length=12)
    modalite = models.CharField(max_length=10)
    a_distance = models.BooleanField()
    duree_heures = models.DecimalField(max_digits=6, decimal_places=1)
    prix_ttc = models.DecimalField(max_digits=10, decimal_places=2)
    commune = models.ForeignKey(
        "referentiel.Commune",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # never searched by commune: the place filter uses latitude/longitude
    )
    commune_nom = models.CharField(max_length=200, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    debuts = ArrayField(models.DateField(), help_text="débuts des sessions éligibles à venir, croissants")
    prochaine_session = models.DateField()
    refreshed_at = models.DateTimeField(db_default=Now())
    document = models.GeneratedField(
        expression=SearchVector("intitule", weight="A", config=SEARCH_CONFIG)
        + SearchVector("theme_libelle", "points_forts", weight="B", config=SEARCH_CONFIG)
        + SearchVector("texte", weight="C", config=SEARCH_CONFIG)
        + SearchVector("organisme_nom", weight="D", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = "ligne de recherche"
        verbose_name_plural = "lignes de recherche"
        # Covering indexes let the narrow first step of the search read only the index (search_sql.py).
        indexes = [
            GinIndex(fields=["document"], name="catalog_search_document_gin"),
            models.Index(
                fields=["prochaine_session", "action_id"],
                include=["contexte", "prix_ttc"],
                name="catalog_search_date",
            ),
            models.Index(
                fields=["prochaine_session", "action_id"],
                include=["contexte", "prix_ttc"],
                condition=models.Q(a_distance=True),
                name="catalog_search_remote",
            ),
            models.Index(
                fields=["latitude", "longitude"],
                include=["action_id", "prochaine_session", "contexte", "prix_ttc"],
                condition=models.Q(latitude__isnull=False),
                name="catalog_search_geo",
            ),
        ]

    def __str__(self) -> str:
        return self.numero_action
