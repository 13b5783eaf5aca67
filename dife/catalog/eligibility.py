"""Eligibility of actions and sessions for élus (PRODUCT.md §4): the one place where the rules live.

Rules, for a session of an action:

1. the session is open and starts after ``today`` (a session that has started is no longer offered);
2. for a mandate training ("formation liée à l'exercice du mandat") only:
   a. the organisme's agrément élus covers the whole session: agrement_debut ≤ début and fin ≤ agrement_fin;
   b. the hourly cost excluding VAT is at most the cap in force on the session's first day
      (dated parameter ``catalog.mandate_hourly_cost_cap``, 80 € HT per hour and per élu since the
      arrêté of 16 February 2021): ``prix_ht ≤ plafond × durée``, compared exactly (no rounding of the
      hourly cost: 800,10 € for 10 h is 80,01 €/h and is refused, 800,00 € is accepted).

Price HT versus TTC: actions store the price TTC and their VAT rate (``taux_tva``, 0 by default because
most providers of élus training are exempt under article 261-4-4° of the CGI). The price HT is
``prix_ttc / (1 + taux_tva)`` rounded half up to the cent; with the default rate it equals the TTC price.

An action is eligible (may be published for élus) when its formation is published and at least one of
its sessions is eligible. Reasons are returned in French, for the provider.

The same rules exist twice, in the same file on purpose: in Python for one object (with the reasons)
and as a queryset for bulk work (``eligible_sessions``, used by the search index); a test checks they
agree. Change both together.

The mandate window of a given élu (a mandate training must end during the mandate, a reconversion
within 6 months after the last mandate) is an enrollment check:
``dife.enrollment.services.application.mandate_window_reasons``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Case, DecimalField, F, Q, QuerySet, Value, When
from django.db.models.functions import Round

from dife.catalog.models import Action, Contexte, Formation, Session, Status
from dife.core import parameters
from dife.core.formatting import euros, heures, jour

CAP_KEY = "catalog.mandate_hourly_cost_cap"
CAP_SOURCE = "arrêté du 16 février 2021"


def hourly_cap(as_of: date) -> Decimal | None:
    """The hourly cost cap (€ HT per hour and per élu) in force on ``as_of``, None before the first one."""
    try:
        return parameters.decimal_value(CAP_KEY, as_of)
    except parameters.NoValueInForce:
        return None


def cost_reasons(action: Action, *, as_of: date) -> list[str]:
    """Why the action's price breaks the hourly cap in force on ``as_of`` (mandate trainings only)."""
    if action.formation.contexte != Contexte.MANDAT:
        return []
    cap = hourly_cap(as_of)
    if cap is None:
        return [f"Aucun plafond de coût horaire n'est en vigueur le {jour(as_of)}."]
    if action.prix_ht <= cap * action.duree_heures:
        return []
    return [
        f"Le coût horaire de {euros(action.prix_ht / action.duree_heures)} HT dépasse le plafond de "
        f"{euros(cap)} HT par heure et par élu en vigueur le {jour(as_of)} ({CAP_SOURCE}) : pour "
        f"{heures(action.duree_heures)[:-1]} heures, le prix HT ne peut pas dépasser "
        f"{euros(cap * action.duree_heures)}."
    ]


def agrement_reasons(action: Action, *, debut: date, fin: date) -> list[str]:
    if action.formation.contexte != Contexte.MANDAT:
        return []
    organisme = action.formation.organisme
    if organisme.agrement_debut is None or organisme.agrement_fin is None:
        return [
            "L'organisme n'a pas d'agrément pour la formation des élus : "
            "ses formations liées au mandat ne peuvent pas être proposées aux élus."
        ]
    if organisme.agrement_covers(debut, fin):
        return []
    return [
        f"L'agrément élus de l'organisme (du {jour(organisme.agrement_debut)} au "
        f"{jour(organisme.agrement_fin)}) ne couvre pas la session du {jour(debut)} au {jour(fin)}."
    ]


def session_reasons(session: Session, *, today: date, action: Action | None = None) -> list[str]:
    """Why this session cannot be offered to élus ([] when it can)."""
    action = action or session.action
    reasons: list[str] = []
    if session.status != Session.Status.OPEN:
        reasons.append(f"La session du {jour(session.debut)} est fermée.")
    if session.debut <= today:
        reasons.append(
            f"La session du {jour(session.debut)} a déjà commencé ou est passée : "
            "seules les sessions à venir sont proposées."
        )
    reasons += agrement_reasons(action, debut=session.debut, fin=session.fin)
    reasons += cost_reasons(action, as_of=session.debut)
    return reasons


@dataclass(frozen=True)
class SessionCheck:
    session: Session
    reasons: tuple[str, ...]

    @property
    def eligible(self) -> bool:
        return not self.reasons


@dataclass(frozen=True)
class ActionEligibility:
    reasons: tuple[str, ...]
    sessions: tuple[SessionCheck, ...] = field(default=())

    @property
    def eligible(self) -> bool:
        return not self.reasons

    @property
    def eligible_sessions(self) -> list[Session]:
        return [c.session for c in self.sessions if c.eligible]


def check_action(action: Action, *, today: date) -> ActionEligibility:
    """May this action be published for élus? With the reasons when not (French, for the provider)."""
    reasons: list[str] = []
    formation = action.formation
    if formation.status != Status.PUBLISHED:
        reasons.append("La formation n'est pas publiée : publiez d'abord la formation.")
    if action.status == Status.CLOSED:
        reasons.append("L'action est fermée.")
    if action.modalite != "distance" and action.commune_id is None:
        reasons.append("Indiquez la commune du lieu de formation.")
    checks = tuple(
        SessionCheck(s, tuple(session_reasons(s, today=today, action=action)))
        for s in action.sessions.all().order_by("debut", "id")
    )
    if not checks:
        reasons += cost_reasons(action, as_of=today)
        reasons.append("Ajoutez au moins une session à venir.")
    elif not any(c.eligible for c in checks):
        reasons.append("Aucune session ne peut être proposée aux élus :")
        seen: set[str] = set()
        for check in checks:
            for reason in check.reasons:
                if reason not in seen:
                    seen.add(reason)
                    reasons.append(reason)
    return ActionEligibility(reasons=tuple(reasons), sessions=checks)


def _cap_on(date_field: str):
    """SQL CASE giving the cap in force on the date in ``date_field`` (NULL before the first value)."""
    whens = [
        When(**{f"{date_field}__gte": v.start}, then=Value(v.value))
        for v in reversed(parameters.history(CAP_KEY))
    ]
    return Case(*whens, default=None, output_field=DecimalField(max_digits=10, decimal_places=2))


def eligible_sessions(*, today: date) -> QuerySet[Session]:
    """Sessions that may be offered to élus today: the rules above as one query (no publication check)."""
    prix_ht = Round(F("action__prix_ttc") / (Value(Decimal(1)) + F("action__taux_tva")), 2)
    mandate_ok = Q(
        action__formation__organisme__agrement_debut__lte=F("debut"),
        action__formation__organisme__agrement_fin__gte=F("fin"),
        _prix_ht__lte=F("_plafond") * F("action__duree_heures"),
    )
    return (
        Session.objects.filter(status=Session.Status.OPEN, debut__gt=today)
        .annotate(_prix_ht=prix_ht, _plafond=_cap_on("debut"))
        .filter(Q(action__formation__contexte=Contexte.RECONVERSION) | mandate_ok)
    )


def listed_actions() -> QuerySet[Action]:
    """Actions whose publication makes them visible (their sessions are then filtered by eligibility)."""
    return Action.objects.filter(status=Status.PUBLISHED, formation__status=Status.PUBLISHED)


def formation_reasons(formation: Formation) -> list[str]:
    """What a formation needs before it can be published."""
    reasons = []
    if not formation.intitule.strip():
        reasons.append("Indiquez l'intitulé de la formation.")
    if not formation.objectifs.strip():
        reasons.append("Décrivez les objectifs de la formation.")
    if not formation.contenu.strip():
        reasons.append("Décrivez le contenu de la formation.")
    if formation.status == Status.CLOSED:
        reasons.append("La formation est fermée.")
    return reasons
