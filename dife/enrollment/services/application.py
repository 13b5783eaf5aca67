"""The élu applies to a session: the checks of PRODUCT.md §5, then the dossier ("submitted").

Checks, in order: an élu account attached to the mandate registry; the identity level (the view's
step-up, passed here as ``identity_verified``); an eligible session (catalog eligibility: open,
future, agrément and hourly cap for mandate trainings); the mandate window (a mandate training takes
place during a mandate, a reconversion ends within 6 months after the last one); the 11-business-day
feasibility (the OF must be able to propose today: today ≤ latest proposal date); no other open
dossier for the same session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from dife.accounts.models import User
from dife.catalog import eligibility
from dife.catalog.models import Contexte, Session, Status
from dife.core.formatting import ZERO, jour
from dife.core.parameter_text import text as param_text
from dife.enrollment import deadlines, machine
from dife.enrollment.choices import CategorieSocioprofessionnelle, Objectif
from dife.enrollment.errors import ApplicationRefused, EnrollmentError
from dife.enrollment.models import Dossier
from dife.enrollment.states import OPEN
from dife.mandates import windows
from dife.mandates.matching import persons_of_account
from dife.mandates.models import Person
from dife.rights import selectors as rights_selectors


@dataclass(frozen=True)
class FundingPreview:
    price: Decimal
    available: Decimal
    dife: Decimal
    reste: Decimal

    @property
    def fully_funded(self) -> bool:
        return self.reste == 0


def available_rights(person: Person) -> Decimal:
    return rights_selectors.available(person)


def funding_preview(person: Person | None, price: Decimal) -> FundingPreview:
    """DIFE covers up to the available balance; the rest is the élu's "reste à payer"."""
    available = available_rights(person) if person is not None else ZERO
    dife = max(ZERO, min(available, price))
    return FundingPreview(price=price, available=available, dife=dife, reste=price - dife)


@dataclass
class ApplicationCheck:
    session: Session
    today: date
    reasons: list[str] = field(default_factory=list)
    too_close: bool = False
    latest_proposal: date | None = None
    later_sessions: list[Session] = field(default_factory=list)
    person: Person | None = None
    existing: Dossier | None = None
    funding: FundingPreview | None = None
    of_deadline: datetime | None = None

    @property
    def ok(self) -> bool:
        return not self.reasons and self.existing is None


def mandate_window_reasons(*, session: Session, mandate_end: date | None, context: str) -> list[str]:
    """May a given élu follow ``session`` given the end of their mandate? ([] when they may.)

    ``mandate_end``: for a mandate training, the last day of the mandate running on the session's
    dates; for a reconversion, the end of the élu's last mandate. None: no end known (mandate running,
    nothing to check). ``context`` is the formation's ``contexte``. The 6-month reconversion window is
    the dated parameter read by ``dife.mandates.windows``.
    """
    if mandate_end is None:
        return []
    if context == Contexte.MANDAT:
        if session.fin <= mandate_end:
            return []
        return [
            f"Cette session se termine le {jour(session.fin)}, après la fin de votre mandat "
            f"le {jour(mandate_end)} : une formation liée au mandat doit se dérouler pendant le mandat."
        ]
    deadline = windows.reconversion_deadline(mandate_end)
    if session.fin <= deadline:
        return []
    return [
        f"Cette session se termine le {jour(session.fin)} : une formation pour se reconvertir doit "
        f"s'achever au plus tard le {jour(deadline)} (votre dernier mandat prend fin le {jour(mandate_end)})."
    ]


def _mandate_reasons(person: Person, session: Session) -> list[str]:
    contexte = session.action.formation.contexte
    if contexte == Contexte.MANDAT:
        if windows.mandate_training_allowed(person, start=session.debut, end=session.fin):
            return []
        ends = windows.windows_for(person, on=session.debut)
        if ends.in_office:
            return mandate_window_reasons(
                session=session, mandate_end=ends.mandate_training_until, context=contexte
            )
        return [
            f"Aucun de vos mandats ne court pendant la session du {jour(session.debut)} au "
            f"{jour(session.fin)} : une formation liée au mandat doit se dérouler pendant le mandat."
        ]
    if windows.reconversion_allowed(person, end=session.fin):
        return []
    last_end = windows.windows_for(person, on=session.fin).last_end
    return mandate_window_reasons(session=session, mandate_end=last_end, context=contexte) or [
        "Aucun mandat ne vous ouvre droit à cette formation pour vous reconvertir."
    ]


def _feasible(session: Session, today: date) -> tuple[bool, date]:
    dep = deadlines.departement_of_action(session.action) or None
    limit = deadlines.latest_proposal_date(session.debut, dep)
    return today <= limit, limit


def _later_sessions(session: Session, today: date) -> list[Session]:
    found = []
    others = session.action.sessions.filter(debut__gt=session.debut).order_by("debut", "id")
    for other in others:
        if (
            not eligibility.session_reasons(other, today=today, action=session.action)
            and _feasible(other, today)[0]
        ):
            found.append(other)
    return found[:5]


def _pick_person(user: User, session: Session) -> tuple[Person | None, list[str]]:
    """The registry person whose rights fund the dossier: one whose mandates allow the session,
    the one with the most available rights first."""
    persons = persons_of_account(user)
    if not persons:
        return None, []
    scored = [(p, _mandate_reasons(p, session)) for p in persons]
    allowed = [p for p, reasons in scored if not reasons]
    if allowed:
        return max(allowed, key=lambda p: (available_rights(p), -p.pk)), []
    return persons[0], scored[0][1]


def check_application(*, user: User, session: Session, today: date | None = None) -> ApplicationCheck:
    today = today or timezone.localdate()
    session = Session.objects.select_related(
        "action__formation__organisme__organisation", "action__commune"
    ).get(pk=session.pk)
    check = ApplicationCheck(session=session, today=today)
    action = session.action
    check.existing = Dossier.objects.filter(elu=user, session=session, state__in=OPEN).order_by("-pk").first()
    person, mandate_reasons = _pick_person(user, session)
    check.person = person
    if person is None:
        check.reasons.append(
            "Votre compte n'est pas encore reconnu comme compte élu : demandez le rattachement de votre "
            "compte à votre mandat depuis « Vos droits formation »."
        )
    if action.status != Status.PUBLISHED or action.formation.status != Status.PUBLISHED:
        check.reasons.append("Cette formation n'est plus proposée aux élus.")
    check.reasons += eligibility.session_reasons(session, today=today, action=action)
    check.reasons += mandate_reasons
    feasible, check.latest_proposal = _feasible(session, today)
    if not feasible and session.debut > today:
        check.too_close = True
        check.reasons.append(
            f"La session du {jour(session.debut)} commence dans moins de "
            f"{param_text('enrollment.proposal_lead_business_days', session.debut)} : l'organisme "
            "ne pourrait plus vous faire de proposition (dernière date possible : "
            f"{jour(check.latest_proposal)}). Le DIFE ne peut pas être mobilisé pour cette session : "
            "choisissez une session plus tardive."
        )
    if check.too_close or check.reasons:
        check.later_sessions = _later_sessions(session, today)
    check.funding = funding_preview(person, action.prix_ttc)
    dep = deadlines.departement_of_action(action) or None
    check.of_deadline = deadlines.of_answer_deadline(today, dep)
    return check


@transaction.atomic
def create_dossier(
    *,
    user: User,
    session: Session,
    categorie_socioprofessionnelle: str,
    objectif: str,
    conditions_accepted: bool,
    identity_verified: bool,
    now: datetime | None = None,
    request: HttpRequest | None = None,
) -> Dossier:
    """Send the élu's request to the OF. Raises ApplicationRefused (with the reasons) or
    EnrollmentError (a field of the form)."""
    now = now or timezone.now()
    if not identity_verified:
        raise ApplicationRefused(
            ["L'inscription à une formation nécessite la vérification préalable de votre identité."]
        )
    if categorie_socioprofessionnelle not in CategorieSocioprofessionnelle.values:
        raise EnrollmentError(
            "Choisissez votre catégorie socioprofessionnelle.", field="categorie_socioprofessionnelle"
        )
    if objectif not in Objectif.values:
        raise EnrollmentError("Choisissez l'objectif de la formation.", field="objectif")
    if not conditions_accepted:
        raise EnrollmentError(
            "Cochez « J'ai lu et j'accepte » pour envoyer votre inscription.", field="conditions"
        )
    # One request at a time per élu: a double click waits here, then finds the first dossier.
    Session.objects.select_for_update(of=("self",)).filter(pk=session.pk).first()
    check = check_application(user=user, session=session, today=timezone.localdate(now))
    if check.existing is not None:
        return check.existing
    if check.reasons:
        raise ApplicationRefused(check.reasons)
    action = check.session.action
    dossier = Dossier(
        elu=user,
        person=check.person,
        session=check.session,
        action=action,
        organisme=action.formation.organisme,
        departement=deadlines.departement_of_action(action),
        price=action.prix_ttc,
        planned_hours=action.duree_heures,
        categorie_socioprofessionnelle=categorie_socioprofessionnelle,
        objectif=objectif,
        conditions_accepted_at=now,
        submitted_at=now,
    )
    dossier.deadline = deadlines.for_state(dossier, "submitted", now)
    try:
        with transaction.atomic():
            dossier.save()
    except IntegrityError:
        existing = Dossier.objects.filter(elu=user, session=session, state__in=OPEN).first()
        if existing is not None:
            return existing
        raise
    machine.log_creation(dossier, by=user, now=now, request=request)
    from dife.enrollment import notify

    notify.state_changed(dossier, source="")
    return dossier
