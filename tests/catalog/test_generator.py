"""The demo catalog generator: reproducible, fictional, within the rules, listed by the search."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from stdnum.fr import siret

from devtools.demo import catalog as demo
from devtools.demo.catalog_generator import delete_generated, generate
from dife.catalog import eligibility, repertoire
from dife.catalog.models import Action, ActionSearch, Formation, OrganismeProfile, Session, Status

pytestmark = pytest.mark.django_db(transaction=True)
TODAY = timezone.localdate()


def snapshot():
    return list(
        Formation.objects.order_by("numero").values_list("numero", "intitule", "theme", "certification_code")
    ) + list(Action.objects.order_by("numero").values_list("numero", "prix_ttc", "commune_id", "status"))


def test_same_seed_same_catalog_and_the_rules_hold(communes):
    report = generate(seed=7, scale=0.05, today=TODAY)
    assert (report.organismes, report.formations) == (10, 200)
    assert report.sessions > report.actions >= report.formations
    first = snapshot()
    delete_generated()
    assert not Formation.objects.exists() and not OrganismeProfile.objects.exists()
    generate(seed=7, scale=0.05, today=TODAY)
    assert snapshot() == first
    delete_generated()
    generate(seed=8, scale=0.05, today=TODAY)
    assert snapshot() != first

    # Fictional, check-digit-valid SIRETs (SIREN starting with 0) and stable public numbers.
    for profile in OrganismeProfile.objects.select_related("organisation"):
        number = profile.organisation.siret
        assert siret.is_valid(number) and number.startswith("09")
        assert profile.contact_email.endswith(".example") and len(profile.nda) == 11
    assert all(f.numero.startswith(f.organisme.organisation.siret + "_F") for f in Formation.objects.all())

    # Mandate trainings carry a theme of the répertoire, reconversion offers a (fictional) code.
    for formation in Formation.objects.all():
        if formation.contexte == "mandat":
            assert formation.theme in repertoire.BY_CODE
        else:
            assert formation.certification_code.startswith(("RNCP9", "RS9"))

    # Published mandate actions respect the hourly cap; sessions are within the next 12 months.
    published = Action.objects.filter(status=Status.PUBLISHED, formation__contexte="mandat")
    assert published.exists()
    assert all(a.prix_ht <= Decimal("80") * a.duree_heures for a in published.select_related("formation"))
    assert Session.objects.filter(debut__lte=TODAY).count() == 0
    assert Session.objects.filter(debut__gt=TODAY + timedelta(days=372)).count() == 0

    # The search lists exactly the published actions with an eligible session.
    expected = {
        s.action_id
        for s in eligibility.eligible_sessions(today=TODAY).filter(
            action__status=Status.PUBLISHED, action__formation__status=Status.PUBLISHED
        )
    }
    assert set(ActionSearch.objects.values_list("action_id", flat=True)) == expected


def test_command_and_demo_loader(communes):
    call_command("generate_catalog", "--seed", "3", "--scale", "0.02")
    count = Formation.objects.count()
    assert count == 80
    assert demo.load().startswith("Catalogue : déjà présent")  # idempotent: nothing regenerated
    assert Formation.objects.count() == count
    assert demo.accounts() == []
    call_command("generate_catalog", "--seed", "3", "--scale", "0.02", "--replace")
    assert Formation.objects.count() == count
