"""The OF's "Dossiers à traiter" and the gestionnaire's "Service fait validé", through HTTP."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dife.enrollment import services
from dife.enrollment.models import Dossier
from dife.rights.models import RightsAccount
from tests.enrollment import factories as f
from tests.enrollment.helpers import PDF, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def future(organisme, places):
    return f.future_action(organisme, places["Orléans"], offsets=(40, 80))


def test_queue_lists_non_traite_sorted_by_deadline_with_countdown(client, future, of_user):
    first, second = future.sessions.order_by("debut")
    now = timezone.now()
    late_request = f.apply(f.make_elu(), second, now=now - timedelta(days=1))
    new_request = f.apply(f.make_elu(), first, now=now)
    f.sign_in_staff(client, of_user)
    page = client.get("/of/dossiers/")
    body = text(page)
    assert page.status_code == 200 and "Dossiers à traiter" in body and "Non traité" in body
    assert body.index(f"n°{late_request.numero}") < body.index(f"n°{new_request.numero}")
    assert "Proposer une inscription ou refuser la demande" in body
    assert "Reste" in body or "Dernier jour" in body


def test_of_proposes_then_declares_and_the_gestionnaire_validates(
    client, organisme, places, of_user, gestionnaire
):
    today = timezone.localdate()
    action = f.make_action(
        organisme,
        commune=places["Orléans"],
        sessions=((today + timedelta(days=30), today + timedelta(days=30)),),
        published_on=today,
    )
    elu = f.make_elu()
    dossier = f.apply(elu, action.sessions.get(), now=timezone.now())
    f.sign_in_staff(client, of_user)
    assert "Proposer l'inscription" in text(client.get(f"/of/dossiers/{dossier.numero}"))
    client.post(f"/of/dossiers/{dossier.numero}/proposer")
    dossier.refresh_from_db()
    assert dossier.state == "proposed"
    services.confirm(dossier=dossier, by=elu, identity_verified=True)
    # The session is in the past for the declarations: move it through the catalog service.
    from dife.catalog import services as catalog

    start = today - timedelta(days=2)
    catalog.update_session(session=dossier.session, debut=start, fin=start)
    page = client.post(
        f"/of/dossiers/{dossier.numero}/entree", {"date": (start - timedelta(days=1)).isoformat()}
    )
    assert page.status_code == 400 and "La date d'entrée doit être comprise entre le début" in text(page)
    client.post(f"/of/dossiers/{dossier.numero}/entree", {"date": start.isoformat()})
    over = client.post(f"/of/dossiers/{dossier.numero}/sortie", {"date": start.isoformat(), "heures": "7"})
    assert over.status_code == 400 and "ne peuvent pas dépasser la durée prévue (6h)" in text(over)
    client.post(f"/of/dossiers/{dossier.numero}/sortie", {"date": start.isoformat(), "heures": "3"})
    client.post(f"/of/dossiers/{dossier.numero}/service-fait", {"heures": "3"})
    dossier.refresh_from_db()
    assert dossier.state == "service_declared"
    assert dossier.settlement.of_amount == D("150.00")  # 50 % attendance: pro rata

    client.logout()
    f.sign_in_staff(client, gestionnaire)
    queue = text(client.get("/gestion/service-fait/"))
    assert f"n°{dossier.numero}" in queue and "150,00 €" in queue
    client.post(f"/gestion/service-fait/{dossier.settlement.pk}/valider")
    dossier.refresh_from_db()
    assert dossier.state == "service_validated"
    assert RightsAccount.objects.get(person=dossier.person).balance == D("500.00")
    f.sign_in_elu(client, elu)
    body = text(client.get(f"/dossiers/{dossier.numero}"))
    assert "Formation terminée" in body and "Validé par le gestionnaire du fonds" in body


def test_proposal_is_blocked_with_the_reason_after_the_latest_date(client, organisme, places, of_user):
    action = f.future_action(organisme, places["Orléans"], offsets=(30,))
    session = action.sessions.get()
    dossier = f.apply(f.make_elu(), session, now=timezone.now())
    from dife.catalog import services as catalog

    catalog.update_session(session=session, debut=timezone.localdate() + timedelta(days=5))
    f.sign_in_staff(client, of_user)
    page = client.get(f"/of/dossiers/{dossier.numero}")
    assert "Proposition impossible : la session commence le" in text(page)
    assert "disabled" in page.content.decode()
    client.post(f"/of/dossiers/{dossier.numero}/proposer")
    dossier.refresh_from_db()
    assert dossier.state == "submitted"


def test_refusal_needs_a_reason_from_the_list(client, future, of_user):
    dossier = f.apply(f.make_elu(), future.sessions.first(), now=timezone.now())
    f.sign_in_staff(client, of_user)
    bad = client.post(f"/of/dossiers/{dossier.numero}/refuser", {"motif": "pas envie"})
    assert bad.status_code == 400 and "Choisissez un motif de la liste." in text(bad)
    other = client.post(f"/of/dossiers/{dossier.numero}/refuser", {"motif": "other", "detail": ""})
    assert other.status_code == 400 and "Précisez le motif" in text(other)
    client.post(f"/of/dossiers/{dossier.numero}/refuser", {"motif": "session_full"})
    dossier.refresh_from_db()
    assert (dossier.state, dossier.motif) == ("refused_by_of", "session_full")


def test_force_majeure_not_recognised_by_the_gestionnaire(client, organisme, places, of_user, gestionnaire):
    today = timezone.localdate()
    action = f.make_action(
        organisme,
        commune=places["Orléans"],
        sessions=((today + timedelta(days=30), today + timedelta(days=31)),),
        published_on=today,
    )
    elu = f.make_elu()
    dossier = f.apply(elu, action.sessions.get(), now=timezone.now())
    dossier = services.propose(dossier=dossier, by=of_user)
    dossier = services.confirm(dossier=dossier, by=elu, identity_verified=True)
    from dife.catalog import services as catalog

    catalog.update_session(session=dossier.session, debut=today - timedelta(days=1), fin=today)
    dossier = services.declare_entry(dossier=dossier, by=of_user, entered_on=today - timedelta(days=1))
    dossier = services.declare_exit(
        dossier=dossier,
        by=of_user,
        exited_on=today,
        attended_hours="1.5",
        force_majeure_document=SimpleUploadedFile("arret.pdf", PDF),
    )
    dossier = services.declare_service_fait(dossier=dossier, by=of_user)
    row = dossier.settlement
    assert (row.of_amount, row.rights_consumed, row.rights_released) == (D("75.00"), D("75.00"), D("225.00"))
    f.sign_in_staff(client, gestionnaire)
    page = text(client.get(f"/gestion/service-fait/{row.pk}"))
    assert "Sans force majeure : 75,00 € à l'organisme, 300,00 €" in page
    assert client.get(f"/gestion/service-fait/{row.pk}/justificatif").status_code == 200
    client.post(f"/gestion/service-fait/{row.pk}/valider", {})  # box unchecked: not recognised
    row.refresh_from_db()
    assert (row.force_majeure, row.of_amount, row.rights_consumed, row.rights_released) == (
        False,
        D("75.00"),
        D("300.00"),
        D("0.00"),
    )
    assert Dossier.objects.get(pk=dossier.pk).state == "service_validated"


def test_an_of_sees_only_the_dossiers_of_its_sessions(client, future, of_user, places, gestionnaire):
    mine = f.apply(f.make_elu(), future.sessions.first(), now=timezone.now())
    rival = f.make_of(nom="Organisme concurrent (fictif)")
    rival_user = f.make_of_user(rival)
    theirs = f.apply(
        f.make_elu(), f.future_action(rival, places["Metz"]).sessions.first(), now=timezone.now()
    )
    f.sign_in_staff(client, of_user)
    body = text(client.get("/of/dossiers/?filtre=tous"))
    assert f"n°{mine.numero}" in body and f"n°{theirs.numero}" not in body
    for path in ("", "/justificatif"):
        assert client.get(f"/of/dossiers/{theirs.numero}{path}").status_code == 404
    for action in ("proposer", "refuser", "entree", "sortie", "service-fait", "absence", "annuler"):
        assert client.post(f"/of/dossiers/{theirs.numero}/{action}", {"motif": "other"}).status_code == 404
    assert Dossier.objects.get(pk=theirs.pk).state == "submitted"
    assert client.get(f"/of/dossiers/{mine.numero}").status_code == 200
    assert client.get("/gestion/service-fait/").status_code == 404  # not a gestionnaire
    client.logout()
    f.sign_in_staff(client, rival_user)
    assert client.get(f"/of/dossiers/{mine.numero}").status_code == 404
    f.sign_in_elu(client, mine.elu)
    assert client.get(f"/of/dossiers/{mine.numero}").status_code == 404


def test_queue_count_is_singular_for_zero_and_one_in_french(client, future, of_user):
    f.sign_in_staff(client, of_user)
    assert "0 demande « Non traité »" in text(client.get("/of/dossiers/"))
    first, second = future.sessions.order_by("debut")
    f.apply(f.make_elu(), first, now=timezone.now())
    assert "1 demande « Non traité »" in text(client.get("/of/dossiers/"))
    f.apply(f.make_elu(), second, now=timezone.now())
    assert "2 demandes « Non traité »" in text(client.get("/of/dossiers/"))
