"""Eligibility (PRODUCT.md §4): agrément dates, the 80 € HT/h cap at its exact boundary, sessions to
come, the mandate window, and the agreement between the Python rules and their SQL twin."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from dife.catalog import eligibility, services
from dife.catalog.models import ActionSearch, Session, Status
from tests.catalog.factories import make_action, make_formation, make_organisme

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def agreed(communes):
    """An OF agreed from today+10 to today+100."""
    return make_organisme(agrement=(days(10), days(100)))


def _session_reasons(organisme, communes, start, end, **action):
    formation = make_formation(organisme)
    act = make_action(
        formation, commune=communes["centre"], sessions=((start, end),), publish=False, **action
    )
    return eligibility.session_reasons(act.sessions.get(), today=TODAY)


@pytest.mark.parametrize(
    ("start", "end", "eligible"),
    [
        (10, 10, True),  # first day of the agrément
        (100, 100, True),  # last day of the agrément
        (10, 100, True),  # exactly the agrément
        (9, 10, False),  # starts the day before
        (99, 101, False),  # ends the day after
    ],
)
def test_agrement_must_cover_the_whole_session(agreed, communes, start, end, eligible):
    reasons = _session_reasons(agreed, communes, start, end)
    assert (reasons == []) is eligible
    if not eligible:
        assert reasons == [
            f"L'agrément élus de l'organisme (du {days(10):%d/%m/%Y} au {days(100):%d/%m/%Y}) ne couvre pas "
            f"la session du {days(start):%d/%m/%Y} au {days(end):%d/%m/%Y}."
        ]


def test_without_agrement_only_reconversion_is_eligible(communes):
    organisme = make_organisme(agrement=())
    mandate = make_action(make_formation(organisme), commune=communes["centre"], publish=False)
    reconversion = make_action(
        make_formation(organisme, contexte="reconversion", intitule="Comptable assistant"),
        commune=communes["centre"],
        publish=False,
    )
    assert eligibility.session_reasons(mandate.sessions.get(), today=TODAY) == [
        "L'organisme n'a pas d'agrément pour la formation des élus : ses formations liées au mandat ne "
        "peuvent pas être proposées aux élus."
    ]
    assert eligibility.session_reasons(reconversion.sessions.get(), today=TODAY) == []


@pytest.mark.parametrize(
    ("prix", "tva", "eligible"),
    [
        ("800.00", "0", True),  # 80,00 € HT per hour: the cap itself
        ("800.10", "0", False),  # 80,01 € HT per hour
        ("800.01", "0", False),  # 80,001 € HT per hour: no rounding in the provider's favour
        ("960.00", "0.2", True),  # 960 € TTC at 20 % VAT = 800 € HT
        ("960.12", "0.2", False),  # 800,10 € HT
    ],
)
def test_hourly_cost_cap_is_80_euros_ht_exactly(organisme, communes, prix, tva, eligible):
    reasons = _session_reasons(organisme, communes, 30, 31, heures="10", prix=prix, tva=tva)
    assert (reasons == []) is eligible
    if not eligible:
        assert "dépasse le plafond de 80,00\u00a0€ HT par heure et par élu" in reasons[0]
        assert "arrêté du 16 février 2021" in reasons[0]
        assert "le prix HT ne peut pas dépasser 800,00\u00a0€" in reasons[0]


def test_the_cap_does_not_apply_to_reconversion(organisme, communes):
    formation = make_formation(organisme, contexte="reconversion", intitule="Développeur web")
    action = make_action(formation, commune=communes["centre"], heures="10", prix="5000.00", publish=False)
    assert eligibility.check_action(action, today=TODAY).eligible


def test_sessions_must_be_to_come(organisme, communes):
    formation = make_formation(organisme)
    action = make_action(formation, commune=communes["centre"], sessions=((0, 1), (1, 1)), publish=False)
    started, future = action.sessions.order_by("debut")
    assert eligibility.session_reasons(future, today=TODAY) == []
    assert eligibility.session_reasons(started, today=TODAY) == [
        f"La session du {TODAY:%d/%m/%Y} a déjà commencé ou est passée : "
        "seules les sessions à venir sont proposées."
    ]


def test_publish_refuses_an_ineligible_action_and_says_why(organisme, communes):
    formation = make_formation(organisme)
    action = make_action(formation, commune=communes["centre"], heures="3", prix="300.00", publish=False)
    with pytest.raises(services.NotPublishable) as refused:
        services.publish_action(action=action)
    assert refused.value.reasons[0] == "Aucune session ne peut être proposée aux élus :"
    assert "Le coût horaire de 100,00\u00a0€ HT dépasse le plafond" in refused.value.reasons[1]
    action.refresh_from_db()
    assert action.status == Status.DRAFT  # saved as a draft, not published
    assert not ActionSearch.objects.filter(action=action).exists()


def test_publish_refuses_without_sessions_or_published_formation(organisme, communes):
    draft = make_formation(organisme, publish=False)
    action = make_action(draft, commune=communes["centre"], sessions=(), publish=False)
    with pytest.raises(services.NotPublishable) as refused:
        services.publish_action(action=action)
    assert refused.value.reasons == [
        "La formation n'est pas publiée : publiez d'abord la formation.",
        "Ajoutez au moins une session à venir.",
    ]


def test_only_eligible_sessions_are_listed(communes):
    organisme = make_organisme(agrement=(days(1), days(60)))
    action = make_action(
        make_formation(organisme), commune=communes["centre"], sessions=((20, 21), (50, 50), (59, 61))
    )
    row = ActionSearch.objects.get(action=action)
    assert row.debuts == [days(20), days(50)]  # the third ends after the agrément
    assert row.prochaine_session == days(20)


def test_a_change_that_breaks_eligibility_unpublishes_the_action(organisme, communes):
    action = make_action(make_formation(organisme), commune=communes["centre"], heures="7", prix="500.00")
    assert ActionSearch.objects.filter(action=action).exists()
    services.update_action(action=action, prix_ttc=Decimal("700.00"))  # 100 €/h
    action.refresh_from_db()
    assert action.status == Status.DRAFT
    assert not ActionSearch.objects.filter(action=action).exists()


def test_python_rules_and_their_sql_twin_agree(communes):
    """200 random sessions: eligible_sessions() (SQL) selects exactly those session_reasons() accepts."""
    rng = random.Random(5)
    organismes = [
        make_organisme(agrement=(days(rng.randint(-30, 40)), days(rng.randint(41, 200)))) for _ in range(3)
    ] + [make_organisme(agrement=())]
    for _ in range(40):
        organisme = rng.choice(organismes)
        contexte = rng.choice(["mandat", "mandat", "reconversion"])
        formation = make_formation(organisme, contexte=contexte, intitule="F")
        heures = rng.choice(["3", "7", "10"])
        hourly = Decimal(rng.choice(["60", "79.99", "80", "80.01", "95"]))
        tva = rng.choice(["0", "0.2"])
        prix = (hourly * Decimal(heures) * (1 + Decimal(tva))).quantize(Decimal("0.01"))
        starts = [rng.randint(-5, 220) for _ in range(5)]
        action = make_action(
            formation,
            commune=communes["centre"],
            heures=heures,
            prix=str(prix),
            tva=tva,
            sessions=[(s, s + rng.randint(0, 3)) for s in starts],
            publish=False,
        )
        for session in action.sessions.all():
            if rng.random() < 0.1:
                services.close_session(session=session)
    python_side = {s.pk for s in Session.objects.all() if not eligibility.session_reasons(s, today=TODAY)}
    sql_side = set(eligibility.eligible_sessions(today=TODAY).values_list("pk", flat=True))
    assert python_side == sql_side
    assert 0 < len(python_side) < Session.objects.count()  # both outcomes were exercised
