"""The catalog side of a training provider: what an OF needs beyond its ``Organisation``."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.db.models.functions import Now


class OrganismeProfile(models.Model):
    """One per organisme de formation (``Organisation`` of kind "organisme").

    The agrément élus is the ministry's authorisation to train élus on their mandate: mandate
    trainings are eligible only for sessions inside [agrement_debut, agrement_fin] (see eligibility).
    """

    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        primary_key=True,
        related_name="organisme_profile",
        verbose_name="organisation",
    )
    nda = models.CharField(
        "numéro de déclaration d'activité",
        max_length=11,
        blank=True,
        help_text="11 chiffres, attribué par la DREETS",
    )
    adresse = models.CharField("adresse", max_length=300, blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    commune = models.ForeignKey(
        "referentiel.Commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agrement_debut = models.DateField("agrément élus : début", null=True, blank=True)
    agrement_fin = models.DateField("agrément élus : fin", null=True, blank=True)
    qualiopi = models.BooleanField("certifié Qualiopi", default=False)
    contact_nom = models.CharField("contact : nom", max_length=200, blank=True)
    contact_email = models.EmailField("contact : adresse e-mail", blank=True)
    contact_telephone = models.CharField("contact : téléphone", max_length=30, blank=True)
    site_web = models.URLField("site internet", blank=True)
    # Counters behind the stable public numbers "<SIRET>_<n°>" (services lock the row to increment).
    formation_seq = models.PositiveIntegerField(default=0, editable=False)
    action_seq = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField("créé le", db_default=Now())
    updated_at = models.DateTimeField("modifié le", db_default=Now())

    class Meta:
        verbose_name = "organisme de formation"
        verbose_name_plural = "organismes de formation"
        constraints = [
            models.CheckConstraint(
                name="catalog_organisme_agrement_dates",
                condition=Q(agrement_debut__isnull=True, agrement_fin__isnull=True)
                | Q(
                    agrement_debut__isnull=False,
                    agrement_fin__isnull=False,
                    agrement_fin__gte=models.F("agrement_debut"),
                ),
            ),
            models.CheckConstraint(
                name="catalog_organisme_nda_digits", condition=Q(nda__regex=r"^([0-9]{11})?$")
            ),
        ]

    def __str__(self) -> str:
        return self.organisation.nom

    @property
    def nom(self) -> str:
        return self.organisation.nom

    @property
    def siret(self) -> str:
        return self.organisation.siret

    def agrement_covers(self, start: date, end: date) -> bool:
        return (
            self.agrement_debut is not None
            and self.agrement_fin is not None
            and self.agrement_debut <= start
            and end <= self.agrement_fin
        )
