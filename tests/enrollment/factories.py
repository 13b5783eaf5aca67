"""Enrollment test data built through the real services (catalog, rights, enrollment).

Times are explicit: a scenario picks ``now`` and every service call receives it, so deadlines are
exact and nothing depends on the day the suite runs. ``at(day, "10:00")`` is a Paris time.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from devtools.demo.catalog_generator.identities import fictional_siret
from dife.accounts.models import User
from dife.catalog import services as catalog
from dife.core.names import matching_key
from dife.enrollment import services
from dife.enrollment.models import Dossier
from dife.mandates.models import AccountPersonLink, Mandate, Person
from dife.organisations.models import Membership, Organisation
from dife.referentiel.models import Commune, Departement, Region
from dife.rights import services as ledger

PARIS = ZoneInfo("Europe/Paris")
PASSWORD = "Motdepasse-solide-2026!"
_n = itertools.count(1)


def at(day: date, clock: str = "10:00") -> datetime:
    hours, minutes = map(int, clock.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=PARIS)


def make_places() -> dict[str, Commune]:
    """Orléans (Loiret), Metz (Moselle), Strasbourg (Bas-Rhin)."""
    centre = Region.objects.get_or_create(code="24", defaults={"nom": "Centre-Val de Loire"})[0]
    grand_est = Region.objects.get_or_create(code="44", defaults={"nom": "Grand Est"})[0]
    out = {}
    for code, nom, dep, dep_nom, region in (
        ("45234", "Orléans", "45", "Loiret", centre),
        ("57463", "Metz", "57", "Moselle", grand_est),
        ("67482", "Strasbourg", "67", "Bas-Rhin", grand_est),
    ):
        departement = Departement.objects.get_or_create(
            code=dep, defaults={"nom": dep_nom, "region": region}
        )[0]
        out[nom] = Commune.objects.get_or_create(
            code=code, type=Commune.Type.COMMUNE, defaults={"nom": nom, "departement": departement}
        )[0]
    return out


def make_of(
    *, nom: str = "Organisme de formation des élus (fictif)", agrement=(date(2020, 1, 1), date(2030, 12, 31))
):
    organisation = Organisation.objects.create(
        kind=Organisation.Kind.ORGANISME, nom=nom, siret=fictional_siret(800_000 + next(_n))
    )
    return catalog.save_organisme_profile(
        organisation=organisation,
        agrement_debut=agrement[0],
        agrement_fin=agrement[1],
        contact_email=f"contact{next(_n)}@organisme.test",
    )


def make_of_user(organisme, *, email: str | None = None) -> User:
    email = email or f"agent{next(_n)}@organisme.test"
    user = User.objects.create_user(
        username=email,
        email=email,
        password=PASSWORD,
        kind=User.Kind.ORGANISME,
        first_name="Odile",
        last_name="Formatrice",
    )
    Membership.objects.create(user=user, organisation=organisme.organisation, role=Membership.Role.ADMIN)
    return user


def make_gestionnaire() -> User:
    from dife.organisations.services import agency

    email = f"gestion{next(_n)}@agence.test"
    user = User.objects.create_user(
        username=email,
        email=email,
        password=PASSWORD,
        kind=User.Kind.GESTIONNAIRE,
        first_name="Gaëlle",
        last_name="Gestion",
    )
    Membership.objects.create(user=user, organisation=agency(), role=Membership.Role.AGENT)
    return user


def make_action(
    organisme,
    *,
    commune=None,
    prix: str = "300.00",
    heures: str = "6",
    sessions: tuple[tuple[date, date], ...] = (),
    published_on: date,
    places: int | None = None,
    contexte: str = "mandat",
    intitule: str = "La gestion du domaine public et privé de la commune",
):
    extra = (
        {"theme": "FIN"}
        if contexte == "mandat"
        else {"certification_code": "RNCP35190", "certification_libelle": "Titre"}
    )
    formation = catalog.create_formation(
        organisme=organisme,
        intitule=intitule,
        contexte=contexte,
        objectifs="Connaître le régime juridique des biens de la commune.",
        contenu="Domaine public, domaine privé, cessions.",
        **extra,
    )
    catalog.publish_formation(formation=formation)
    action = catalog.create_action(
        formation=formation,
        modalite="centre" if commune is not None else "distance",
        duree_heures=Decimal(heures),
        prix_ttc=Decimal(prix),
        commune=commune,
        adresse="Salle du conseil" if commune is not None else "",
    )
    for debut, fin in sessions:
        catalog.create_session(action=action, debut=debut, fin=fin, places=places)
    catalog.publish_action(action=action, today=published_on)
    action.refresh_from_db()
    return action


def make_elu(
    *, balance: str = "800.00", mandate_start: date = date(2020, 3, 15), mandate_end: date | None = None
) -> User:
    n = next(_n)
    user = User.objects.create_user(
        username=f"elu{n}",
        email=f"elu{n}@exemple.test",
        password=PASSWORD,
        kind=User.Kind.ELU,
        first_name="Camille",
        last_name=f"Élue{n}",
    )
    born = date(1970, 5, 17)
    person = Person.objects.create(
        matching_key=f"{matching_key('Fictif', 'Camille', born)}#{n}",
        nom="FICTIF",
        prenoms="Camille",
        sexe="F",
        date_naissance=born,
    )
    Mandate.objects.create(
        person=person,
        kind="municipal",
        collectivite_code="45234",
        collectivite_label="Orléans",
        start_date=mandate_start,
        end_date=mandate_end,
        source="rne_municipal",
        source_id=900_000 + n,
    )
    AccountPersonLink.objects.create(user=user, person=person)
    if Decimal(balance) > 0:
        ledger.credit(person=person, on=date(2023, 7, 1), key=f"test-credit-{n}", amount=Decimal(balance))
    return user


def person_of(user):
    return AccountPersonLink.objects.get(user=user).person


def apply(elu, session, *, now: datetime) -> Dossier:
    return services.create_dossier(
        user=elu,
        session=session,
        categorie_socioprofessionnelle="3",
        objectif="basic_skills",
        conditions_accepted=True,
        identity_verified=True,
        now=now,
    )


ROAD = ["submitted", "proposed", "accepted", "in_training", "exited", "service_declared", "service_validated"]


def moment_for(dossier: Dossier, state: str) -> datetime:
    """A time at which the next step of the main road from ``state`` is allowed."""
    from datetime import timedelta

    if state == "submitted":
        return dossier.submitted_at + timedelta(hours=1)
    if state == "proposed":
        return dossier.proposed_at + timedelta(hours=1)
    if state == "accepted":
        return at(dossier.session.debut, "18:00")
    return at(dossier.session.fin, "18:00")


def walk(
    dossier: Dossier, target: str, *, of_user, elu, gestionnaire=None, hours: str | None = None
) -> Dossier:
    """Take a dossier along the main road up to ``target``, each step at a time that allows it."""
    state = dossier.state
    while state != target and ROAD.index(state) < ROAD.index(target):
        now = moment_for(dossier, state)
        if state == "submitted":
            services.propose(dossier=dossier, by=of_user, now=now)
        elif state == "proposed":
            services.confirm(dossier=dossier, by=elu, identity_verified=True, now=now)
        elif state == "accepted":
            services.declare_entry(dossier=dossier, by=of_user, entered_on=dossier.session.debut, now=now)
        elif state == "in_training":
            services.declare_exit(
                dossier=dossier,
                by=of_user,
                exited_on=dossier.session.fin,
                attended_hours=hours or dossier.planned_hours,
                now=now,
            )
        elif state == "exited":
            services.declare_service_fait(dossier=dossier, by=of_user, now=now)
        elif state == "service_declared":
            services.validate_settlement(settlement_id=dossier.settlement.pk, by=gestionnaire, now=now)
        dossier = Dossier.objects.select_related("session").get(pk=dossier.pk)
        state = dossier.state
    return dossier


def sign_in_elu(client, user, *, substantial: bool = True) -> None:
    """Signed in with NIR + password; with ``substantial``, as after a FranceConnect+ step-up."""
    from dife.identity.stepup import SESSION_KEY

    client.force_login(user)
    if substantial:
        session = client.session
        session[SESSION_KEY] = {
            "user_id": user.pk,
            "method": "franceconnect",
            "acr": "eidas2",
            "at": "2026-01-01",
        }
        session.save()


def sign_in_staff(client, user) -> None:
    """Password and TOTP done (the sign-in itself has its own tests in tests/www/staff)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def future_action(organisme, commune, *, prix: str = "300.00", offsets=(40, 80), places=None):
    """An action whose sessions start ``offsets`` calendar days after today (real clock: for pages)."""
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    sessions = tuple((today + timedelta(days=d), today + timedelta(days=d + 1)) for d in offsets)
    return make_action(
        organisme, commune=commune, prix=prix, sessions=sessions, published_on=today, places=places
    )
