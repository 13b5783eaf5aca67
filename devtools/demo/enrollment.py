"""Demo dossiers (DEMO_LOADERS, after the catalog and the demo accounts): Élise MAQUETTE, the demo
élu with a compte élu, has dossiers in several states with the demo training provider ("Institut de
formation des élus du Loiret — fictif"):

* a training already followed and settled ("Formation terminée", service fait validé), on a session
  three weeks ago — its rights are consumed;
* a proposal of the OF to confirm ("Proposition de l'organisme — à confirmer", with a reste à payer);
* a request the OF has to answer ("Non traité" in its "Dossiers à traiter").

Built through the real services with the times they would have happened at. Idempotent: nothing is
done when Élise already has dossiers, or when the demo accounts or catalog are missing.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from dife.catalog import services as catalog
from dife.catalog.models import Action, Status
from dife.core.calendar import PARIS
from dife.enrollment import services
from dife.enrollment.errors import EnrollmentError
from dife.enrollment.models import Dossier

ELISE_NIR = "271054523411879"  # devtools.demo.accounts
OF_SIRET = "04500000700018"  # devtools.demo.organisations
OF_ADMIN = "admin@ifel-loiret.localhost"
GESTIONNAIRE = "gestionnaire@dife.localhost"


def _at(day, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def _people():
    from dife.accounts.selectors import find_elu_by_nir

    User = get_user_model()
    return (
        find_elu_by_nir(ELISE_NIR),
        User.objects.filter(username=OF_ADMIN).first(),
        User.objects.filter(username=GESTIONNAIRE).first(),
    )


def _actions() -> list[Action]:
    return list(
        Action.objects.filter(
            formation__organisme__organisation__siret=OF_SIRET,
            status=Status.PUBLISHED,
            formation__status=Status.PUBLISHED,
        )
        .select_related("formation")
        .order_by("prix_ttc", "id")
    )


def _create(elise, session, *, now):
    return services.create_dossier(
        user=elise,
        session=session,
        categorie_socioprofessionnelle="3",
        objectif="basic_skills",
        conditions_accepted=True,
        identity_verified=True,
        now=now,
    )


def _completed(elise, of_admin, gestionnaire, action: Action, today) -> bool:
    """A session three weeks ago, followed in full and settled."""
    start = today - timedelta(days=21)
    session = catalog.create_session(action=action, debut=start, fin=start, reference="DEMO-PASSEE")
    applied = _at(start - timedelta(days=28))
    dossier = _create(elise, session, now=applied)
    dossier = services.propose(dossier=dossier, by=of_admin, now=applied + timedelta(hours=3))
    dossier = services.confirm(
        dossier=dossier, by=elise, identity_verified=True, now=applied + timedelta(days=1)
    )
    dossier = services.declare_entry(dossier=dossier, by=of_admin, entered_on=start, now=_at(start, 18))
    dossier = services.declare_exit(
        dossier=dossier, by=of_admin, exited_on=start, attended_hours=action.duree_heures, now=_at(start, 18)
    )
    dossier = services.declare_service_fait(dossier=dossier, by=of_admin, now=_at(start + timedelta(days=1)))
    services.validate_settlement(
        settlement_id=dossier.settlement.pk, by=gestionnaire, now=_at(start + timedelta(days=2))
    )
    return True


def load() -> str:
    elise, of_admin, gestionnaire = _people()
    if elise is None or of_admin is None or gestionnaire is None:
        return "Dossiers : comptes de démonstration absents, ignoré"
    if Dossier.objects.filter(elu=elise).exists():
        return "Dossiers : déjà présents"
    actions = _actions()
    if len(actions) < 3:
        return "Dossiers : catalogue de l'organisme de démonstration absent, ignoré"
    from dife.rights.crediting import run_crediting
    from dife.rights.models import CreditingRun

    today = timezone.localdate()
    run_crediting(as_of=today, trigger=CreditingRun.Trigger.DEMO)  # Élise's person came after the rights demo
    made = []
    try:
        with transaction.atomic():
            if _completed(elise, of_admin, gestionnaire, actions[0], today):
                made.append("formation terminée")
    except EnrollmentError as error:  # e.g. a session before her mandate: that dossier is skipped
        made.append(f"formation terminée ignorée ({error})")
    now = timezone.now()
    upcoming = [a.sessions.filter(debut__gt=today).order_by("debut").first() for a in actions[1:3]]
    with transaction.atomic():
        if upcoming[0] is not None:
            proposal = _create(elise, upcoming[0], now=now - timedelta(hours=2))
            services.propose(dossier=proposal, by=of_admin, now=now - timedelta(hours=1))
            made.append("proposition à confirmer")
        if upcoming[1] is not None:
            _create(elise, upcoming[1], now=now)
            made.append("demande non traitée")
    return f"Dossiers de démonstration d'Élise MAQUETTE : {', '.join(made)}"


def accounts() -> list[str]:
    return [
        "Dossiers : Élise MAQUETTE voit « Vos dossiers de formation » (/dossiers) ; "
        "l'organisme de démonstration les traite dans « Dossiers à traiter » (/of/dossiers/), "
        "le gestionnaire valide le service fait (/gestion/service-fait/). "
        "Courriels envoyés : /dev/courriels."
    ]
