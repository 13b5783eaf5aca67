"""Actions (how a formation is delivered: modality, place, hours, price) and their sessions."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now

from dife.catalog.models.formation import REFERENCE_REGEX, Status
from dife.core.formatting import cents


class Modalite(models.TextChoices):
    CENTRE = "centre", "En centre"
    DISTANCE = "distance", "À distance"
    MIXTE = "mixte", "Mixte (en centre et à distance)"


class Rythme(models.TextChoices):
    JOURNEE = "journee", "En journée"
    SOIREE = "soiree", "En soirée"
    WEEK_END = "week_end", "Week-end"
    TEMPS_PLEIN = "temps_plein", "Temps plein"
    TEMPS_PARTIEL = "temps_partiel", "Temps partiel"


class Action(models.Model):
    formation = models.ForeignKey("catalog.Formation", on_delete=models.PROTECT, related_name="actions")
    reference = models.CharField("référence de l'organisme", max_length=40)
    numero = models.CharField(
        "numéro d'action", max_length=60, unique=True, help_text="<SIRET>_<référence>, stable"
    )
    modalite = models.CharField("modalité", max_length=10, choices=Modalite.choices)
    duree_heures = models.DecimalField("durée (heures)", max_digits=6, decimal_places=1)
    rythme = models.CharField("rythme", max_length=15, choices=Rythme.choices, default=Rythme.JOURNEE)
    prix_ttc = models.DecimalField("prix TTC (€)", max_digits=10, decimal_places=2)
    taux_tva = models.DecimalField(
        "taux de TVA",
        max_digits=5,
        decimal_places=4,
        default=Decimal("0"),
        help_text="0 pour un organisme exonéré (article 261-4-4° du CGI) ; 0,2 pour 20 %",
    )
    frais_examen_inclus = models.BooleanField("frais d'examen inclus", default=False)
    frais_additionnels = models.DecimalField(
        "frais additionnels à régler au début de la formation (€)",
        max_digits=10,
        decimal_places=2,
        default=Decimal("0.00"),
    )
    frais_additionnels_detail = models.CharField("détail des frais additionnels", max_length=250, blank=True)
    aides_financement = models.TextField("aides au financement", blank=True)
    adresse = models.CharField("adresse du lieu de formation", max_length=300, blank=True)
    commune = models.ForeignKey(
        "referentiel.Commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acces_handicap = models.BooleanField("bâtiment conforme aux normes d'accessibilité", default=False)
    contact_nom = models.CharField("contact : nom", max_length=200, blank=True)
    contact_email = models.EmailField("contact : adresse e-mail", blank=True)
    contact_telephone = models.CharField("contact : téléphone", max_length=30, blank=True)
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField("créée le", db_default=Now())
    updated_at = models.DateTimeField("modifiée le", db_default=Now())

    class Meta:
        verbose_name = "action de formation"
        verbose_name_plural = "actions de formation"
        ordering = ["numero"]
        constraints = [
            models.UniqueConstraint(fields=["formation", "reference"], name="catalog_action_reference_uniq"),
            models.CheckConstraint(
                name="catalog_action_reference_format", condition=Q(reference__regex=REFERENCE_REGEX)
            ),
            models.CheckConstraint(name="catalog_action_prix_positive", condition=Q(prix_ttc__gte=0)),
            models.CheckConstraint(
                name="catalog_action_frais_positive", condition=Q(frais_additionnels__gte=0)
            ),
            models.CheckConstraint(name="catalog_action_heures_positive", condition=Q(duree_heures__gt=0)),
            models.CheckConstraint(
                name="catalog_action_tva_rate", condition=Q(taux_tva__gte=0, taux_tva__lt=1)
            ),
            models.CheckConstraint(
                name="catalog_action_place_when_in_centre",
                condition=Q(modalite=Modalite.DISTANCE) | Q(commune__isnull=False),
            ),
            models.CheckConstraint(
                name="catalog_action_modalite_valid", condition=Q(modalite__in=Modalite.values)
            ),
            models.CheckConstraint(name="catalog_action_status_valid", condition=Q(status__in=Status.values)),
        ]

    def __str__(self) -> str:
        return self.numero

    @property
    def prix_ht(self) -> Decimal:
        """Price before VAT, rounded half up to the cent (equal to the TTC price when VAT-exempt)."""
        return cents(self.prix_ttc / (1 + self.taux_tva))

    @property
    def cout_horaire_ht(self) -> Decimal:
        return cents(self.prix_ht / self.duree_heures)


class Session(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Ouverte"
        CLOSED = "closed", "Fermée"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="sessions")
    reference = models.CharField("référence de l'organisme", max_length=40, blank=True)
    debut = models.DateField("début")
    fin = models.DateField("fin")
    places = models.PositiveIntegerField("nombre de places", null=True, blank=True)
    garantie = models.BooleanField("session garantie", default=False)
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField("créée le", db_default=Now())
    updated_at = models.DateTimeField("modifiée le", db_default=Now())

    class Meta:
        verbose_name = "session"
        ordering = ["debut", "id"]
        indexes = [models.Index(fields=["action", "debut"], name="catalog_session_action_debut")]
        constraints = [
            models.CheckConstraint(name="catalog_session_dates", condition=Q(fin__gte=F("debut"))),
            models.CheckConstraint(
                name="catalog_session_status_valid", condition=Q(status__in=["open", "closed"])
            ),
            models.UniqueConstraint(
                fields=["action", "reference"],
                condition=~Q(reference=""),
                name="catalog_session_reference_uniq",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action.numero} du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"
