"""The enrollment dossier of an élu for one session (PRODUCT.md §5).

Only :func:`dife.enrollment.machine.apply` changes ``state`` (with a row in the transition log, which
the database checks: see migration 0002). The constraints below tie the fields to the states, so a
dossier that says "accepted" always has its funding plan, one that says "in_training" its entry
date, and so on.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now

from dife.core.uploads import PrivateDocument
from dife.enrollment.choices import CategorieSocioprofessionnelle, Objectif
from dife.enrollment.states import CLOSED, CONFIRMED, ENTERED, EXPIRING, OF_DECLARATION_DUE, OPEN, State


def _states(*states) -> list[str]:
    return [str(s) for s in states]


class Dossier(models.Model):
    elu = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="dossiers", verbose_name="élu"
    )
    person = models.ForeignKey(
        "mandates.Person",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name="titulaire des droits DIFE",
    )
    session = models.ForeignKey("catalog.Session", on_delete=models.PROTECT, related_name="dossiers")
    action = models.ForeignKey("catalog.Action", on_delete=models.PROTECT, related_name="+")
    organisme = models.ForeignKey(
        "catalog.OrganismeProfile", on_delete=models.PROTECT, related_name="dossiers"
    )
    state = models.CharField("statut", max_length=20, choices=State.choices, default=State.SUBMITTED)
    departement = models.CharField(
        "département du lieu de la session",
        max_length=3,
        blank=True,
        help_text="jours fériés du lieu de la session ; vide pour une formation à distance",
    )
    price = models.DecimalField("prix de la formation (€ TTC)", max_digits=10, decimal_places=2)
    planned_hours = models.DecimalField("durée prévue (heures)", max_digits=7, decimal_places=2)
    categorie_socioprofessionnelle = models.CharField(
        "catégorie socioprofessionnelle", max_length=2, choices=CategorieSocioprofessionnelle.choices
    )
    objectif = models.CharField("objectif de la formation", max_length=20, choices=Objectif.choices)
    conditions_accepted_at = models.DateTimeField("conditions acceptées le")
    submitted_at = models.DateTimeField("demande envoyée le")
    deadline = models.DateTimeField(
        "échéance en cours",
        null=True,
        blank=True,
        help_text="fin du délai qui s'applique dans le statut actuel (réponse, confirmation, déclaration)",
    )
    late_since = models.DateTimeField("signalé en retard le", null=True, blank=True)
    proposed_at = models.DateTimeField("proposition de l'organisme le", null=True, blank=True)
    accepted_at = models.DateTimeField("inscription confirmée le", null=True, blank=True)
    rights_engaged = models.DecimalField(
        "part financée par le DIFE", max_digits=10, decimal_places=2, null=True, blank=True
    )
    reste_a_payer = models.DecimalField(
        "reste à payer par l'élu", max_digits=10, decimal_places=2, null=True, blank=True
    )
    reste_paid_at = models.DateTimeField("reste à payer réglé le", null=True, blank=True)
    reste_paid_reference = models.CharField("référence du virement", max_length=140, blank=True)
    entered_on = models.DateField("entrée en formation le", null=True, blank=True)
    exited_on = models.DateField("sortie de formation le", null=True, blank=True)
    attended_hours = models.DecimalField(
        "heures suivies", max_digits=7, decimal_places=2, null=True, blank=True
    )
    no_show = models.BooleanField("non-présentation", default=False)
    force_majeure = models.BooleanField("cas de force majeure déclaré", default=False)
    force_majeure_document = PrivateDocument(
        "justificatif de force majeure", prefix="dossiers/force-majeure-"
    )
    force_majeure_content_type = models.CharField(max_length=40, blank=True)
    motif = models.CharField("motif (refus, annulation)", max_length=30, blank=True)
    motif_detail = models.TextField("précisions sur le motif", blank=True)
    closed_at = models.DateTimeField("clos le", null=True, blank=True)
    created_at = models.DateTimeField("créé le", db_default=Now())
    updated_at = models.DateTimeField("modifié le", db_default=Now())

    class Meta:
        verbose_name = "dossier de formation"
        verbose_name_plural = "dossiers de formation"
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(
                fields=["deadline"], condition=Q(state__in=_states(*EXPIRING)), name="enrollment_expiring_idx"
            ),
            models.Index(
                fields=["deadline"],
                condition=Q(state__in=_states(*OF_DECLARATION_DUE), late_since__isnull=True),
                name="enrollment_late_idx",
            ),
            models.Index(fields=["organisme", "state", "deadline"], name="enrollment_of_queue_idx"),
            models.Index(fields=["elu", "-submitted_at"], name="enrollment_elu_idx"),
            models.Index(fields=["state"], name="enrollment_state_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["elu", "session"],
                condition=Q(state__in=_states(*OPEN)),
                name="enrollment_one_open_dossier_per_session",
            ),
            models.CheckConstraint(name="enrollment_state_valid", condition=Q(state__in=State.values)),
            models.CheckConstraint(
                name="enrollment_amounts",
                condition=Q(price__gte=0, planned_hours__gt=0),
            ),
            # Open dossiers have no closing date; closed ones have one.
            models.CheckConstraint(
                name="enrollment_closed_at_by_state",
                condition=Q(state__in=_states(*OPEN), closed_at__isnull=True)
                | Q(state__in=_states(*CLOSED), closed_at__isnull=False),
            ),
            # Waiting for an answer: there is a deadline.
            models.CheckConstraint(
                name="enrollment_deadline_when_expiring",
                condition=~Q(state__in=_states(*EXPIRING)) | Q(deadline__isnull=False),
            ),
            models.CheckConstraint(
                name="enrollment_submitted_fields",
                condition=~Q(state=State.SUBMITTED)
                | Q(proposed_at__isnull=True, accepted_at__isnull=True, rights_engaged__isnull=True),
            ),
            models.CheckConstraint(
                name="enrollment_proposed_fields",
                condition=~Q(state=State.PROPOSED)
                | Q(proposed_at__isnull=False, accepted_at__isnull=True, rights_engaged__isnull=True),
            ),
            # Confirmed: the funding plan is fixed (DIFE part + reste à payer = price).
            models.CheckConstraint(
                name="enrollment_confirmed_fields",
                condition=~Q(state__in=_states(*CONFIRMED))
                | Q(proposed_at__isnull=False, accepted_at__isnull=False, rights_engaged__isnull=False),
            ),
            models.CheckConstraint(
                name="enrollment_funding_plan",
                condition=Q(rights_engaged__isnull=True, reste_a_payer__isnull=True)
                | Q(
                    rights_engaged__gte=0,
                    reste_a_payer__gte=0,
                    price=F("rights_engaged") + F("reste_a_payer"),
                ),
            ),
            models.CheckConstraint(
                name="enrollment_reste_paid",
                condition=Q(reste_paid_at__isnull=True, reste_paid_reference="")
                | (Q(reste_paid_at__isnull=False, reste_a_payer__gt=0) & ~Q(reste_paid_reference="")),
            ),
            models.CheckConstraint(
                name="enrollment_accepted_not_entered",
                condition=~Q(state=State.ACCEPTED) | Q(entered_on__isnull=True, exited_on__isnull=True),
            ),
            models.CheckConstraint(
                name="enrollment_in_training_fields",
                condition=~Q(state=State.IN_TRAINING) | Q(entered_on__isnull=False, exited_on__isnull=True),
            ),
            # After the training: entry, exit and attended hours; or a declared no-show (no entry).
            models.CheckConstraint(
                name="enrollment_after_training_fields",
                condition=~Q(state__in=_states(State.EXITED, State.SERVICE_DECLARED, State.SERVICE_VALIDATED))
                | Q(
                    no_show=False,
                    entered_on__isnull=False,
                    exited_on__isnull=False,
                    attended_hours__isnull=False,
                )
                | Q(no_show=True, entered_on__isnull=True, exited_on__isnull=True),
            ),
            models.CheckConstraint(
                name="enrollment_no_show_only_after_acceptance",
                condition=Q(no_show=False)
                | Q(state__in=_states(State.SERVICE_DECLARED, State.SERVICE_VALIDATED)),
            ),
            models.CheckConstraint(
                name="enrollment_exit_after_entry",
                condition=Q(exited_on__isnull=True) | Q(exited_on__gte=F("entered_on")),
            ),
            models.CheckConstraint(
                name="enrollment_hours",
                condition=Q(attended_hours__isnull=True)
                | Q(attended_hours__gte=0, attended_hours__lte=F("planned_hours")),
            ),
            models.CheckConstraint(
                name="enrollment_force_majeure_document",
                condition=Q(force_majeure=False, force_majeure_document="")
                | (Q(force_majeure=True) & ~Q(force_majeure_document="") & ~Q(force_majeure_content_type="")),
            ),
            models.CheckConstraint(
                name="enrollment_refusal_reason",
                condition=~Q(state=State.REFUSED_BY_OF) | ~Q(motif=""),
            ),
            models.CheckConstraint(
                name="enrollment_entered_states",
                condition=Q(entered_on__isnull=True) | Q(state__in=_states(*ENTERED)),
            ),
        ]

    def __str__(self) -> str:
        return f"Dossier n°{self.numero}"

    @property
    def numero(self) -> str:
        return f"{self.pk:08d}" if self.pk else ""

    @property
    def ledger_reference(self) -> str:
        """The dossier's reference in the DIFE ledger (reservation, consumption, release)."""
        return f"DIFE-{self.numero}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN

    @property
    def attendance(self) -> Decimal | None:
        if self.attended_hours is None:
            return None
        return self.attended_hours / self.planned_hours
