"""The élu's pages through real HTTP requests: create a dossier, follow it, confirm, cancel, pay."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dife.enrollment import services
from dife.enrollment.models import Dossier
from dife.rights.models import RightsAccount
from tests.enrollment import factories as f
from tests.enrollment.helpers import PDF, PNG, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def future(organisme, places):
    return f.future_action(organisme, places["Orléans"])


def url_creer(action, session) -> str:
    return f"/formation/{action.numero}/inscription?session={session.pk}"


def test_creation_needs_substantial_identity(client, future, elu):
    session = future.sessions.first()
    f.sign_in_elu(client, elu, substantial=False)
    response = client.get(url_creer(future, session))
    assert response.status_code == 302 and response["Location"] == "/identite/verification-requise"


def test_create_the_dossier_form_conditions_and_sent_page(client, future, elu, of_user):
    session = future.sessions.order_by("debut").first()
    f.sign_in_elu(client, elu)
    page = client.get(url_creer(future, session))
    body = text(page)
    assert page.status_code == 200
    for label in ("Catégorie socioprofessionnelle", "Objectif de la formation", "Envoyer mon inscription"):
        assert label in body
    assert (
        "Vos droits élu − 300,00 €" in body
        and "Vos droits formation vous permettent de financer intégralement" in body
    )

    missing = client.post(url_creer(future, session), {"categorie_socioprofessionnelle": "3"})
    assert missing.status_code == 400
    assert "Ce champ est obligatoire." in text(missing)
    assert 'value="3" selected' in missing.content.decode()  # nothing typed is lost

    data = {"categorie_socioprofessionnelle": "3", "objectif": "basic_skills"}
    recap = client.post(url_creer(future, session), data)
    assert "J'ai lu et j'accepte" in text(recap)
    assert "Je souhaite acquérir des savoirs de base et des compétences clés" in text(recap)
    assert not Dossier.objects.exists()

    sent = client.post(url_creer(future, session), data | {"accepte": "1"})
    dossier = Dossier.objects.get()
    assert sent.status_code == 302 and sent["Location"] == f"/dossiers/{dossier.numero}/envoyee"
    body = text(client.get(sent["Location"]))
    assert (
        "Vous avez bien envoyé votre demande d'inscription à Organisme de formation des élus (fictif)."
        in body
    )
    assert "a 2 jours ouvrés pour répondre à votre demande d'inscription" in body

    again = client.get(url_creer(future, session))  # one open dossier per session: the page leads to it
    assert again.status_code == 302 and again["Location"] == f"/dossiers/{dossier.numero}"


def test_session_too_close_is_refused_with_later_sessions(client, organisme, places, elu):
    action = f.future_action(organisme, places["Orléans"], offsets=(6, 60))
    near = action.sessions.order_by("debut").first()
    f.sign_in_elu(client, elu)
    page = client.get(url_creer(action, near))
    body = text(page)
    assert "commence dans moins de 11 jours ouvrés" in body
    assert "Délai de 11 jours ouvrés (du lundi au vendredi)" in body
    later = action.sessions.order_by("debut").last()
    assert f"/formation/{action.numero}/inscription?session={later.pk}" in page.content.decode()
    assert "S'inscrire à la session du" in body


def test_list_detail_stepper_and_confirmation(client, future, elu, of_user):
    session = future.sessions.order_by("debut").first()
    dossier = f.apply(elu, session, now=timezone.now())
    f.sign_in_elu(client, elu)
    body = text(client.get("/dossiers"))
    assert "Vos dossiers de formation" in body and "Demande d'inscription envoyée" in body
    assert "Attendre la réponse de l'organisme de formation" in body

    services.propose(dossier=dossier, by=of_user)
    detail = client.get(f"/dossiers/{dossier.numero}")
    body = text(detail)
    assert "Proposition de l'organisme — à confirmer" in body
    assert "Étape 2 sur 5" in body and 'data-fr-current-step="2"' in detail.content.decode()
    assert "Vous avez 4 jours ouvrés pour valider votre inscription" in body
    assert "Confirmer l'inscription" in body

    confirm_page = text(client.get(f"/dossiers/{dossier.numero}/confirmer"))
    assert "Je confirme mon inscription" in confirm_page and "Reste à payer" in confirm_page
    done = client.post(f"/dossiers/{dossier.numero}/confirmer")
    assert done.status_code == 302
    dossier.refresh_from_db()
    assert (dossier.state, dossier.rights_engaged) == ("accepted", D("300.00"))
    body = text(client.get(f"/dossiers/{dossier.numero}"))
    assert "Inscription validée" in body and "Étape 3 sur 5" in body
    assert RightsAccount.objects.get(person=dossier.person).reserved == D("300.00")


def test_confirmation_needs_the_step_up_too(client, future, elu, of_user):
    dossier = services.propose(dossier=f.apply(elu, future.sessions.first(), now=timezone.now()), by=of_user)
    f.sign_in_elu(client, elu, substantial=False)
    response = client.post(f"/dossiers/{dossier.numero}/confirmer")
    assert response["Location"] == "/identite/verification-requise"
    dossier.refresh_from_db()
    assert dossier.state == "proposed"


def test_reste_a_payer_is_recorded_as_paid_by_transfer(client, organisme, places, of_user):
    poor = f.make_elu(balance="100.00")
    action = f.future_action(organisme, places["Orléans"], prix="250.00")
    dossier = services.propose(dossier=f.apply(poor, action.sessions.first(), now=timezone.now()), by=of_user)
    services.confirm(dossier=dossier, by=poor, identity_verified=True)
    dossier.refresh_from_db()
    assert (dossier.rights_engaged, dossier.reste_a_payer) == (D("100.00"), D("150.00"))
    f.sign_in_elu(client, poor)
    assert "Réglé par virement" in text(client.get(f"/dossiers/{dossier.numero}"))
    empty = client.post(f"/dossiers/{dossier.numero}/reglement", {"reference": "  "})
    assert empty.status_code == 400 and "Ce champ est obligatoire." in text(empty)
    client.post(f"/dossiers/{dossier.numero}/reglement", {"reference": "VIR-2026-0042"})
    dossier.refresh_from_db()
    assert dossier.reste_paid_reference == "VIR-2026-0042" and dossier.reste_paid_at is not None
    assert "référence « VIR-2026-0042 »" in text(client.get(f"/dossiers/{dossier.numero}"))


def test_cancel_page_says_what_it_costs_today_and_checks_the_document(
    client, organisme, places, elu, of_user
):
    action = f.future_action(organisme, places["Orléans"], offsets=(20,))
    session = action.sessions.get()
    now = timezone.now()
    dossier = services.propose(dossier=f.apply(elu, session, now=now), by=of_user, now=now)
    dossier = services.confirm(dossier=dossier, by=elu, identity_verified=True, now=now)
    f.sign_in_elu(client, elu)
    body = text(client.get(f"/dossiers/{dossier.numero}/annuler"))
    assert "Que se passe-t-il si j'annule ?" in body
    assert "Annulation gratuite aujourd'hui" in body  # within the withdrawal period after confirming

    fake = SimpleUploadedFile("certificat.pdf", b"not a pdf at all", content_type="application/pdf")
    bad = client.post(f"/dossiers/{dossier.numero}/annuler", {"force_majeure": "on", "justificatif": fake})
    assert bad.status_code == 400
    assert "n'est pas un fichier PDF, JPEG ou PNG" in text(bad)
    big = SimpleUploadedFile("scan.png", PNG + b"\x00" * (10 * 1024 * 1024), content_type="image/png")
    too_big = client.post(f"/dossiers/{dossier.numero}/annuler", {"force_majeure": "on", "justificatif": big})
    assert "la taille maximale est de 10 Mo" in text(too_big)
    dossier.refresh_from_db()
    assert dossier.state == "accepted"

    good = SimpleUploadedFile("certificat.pdf", PDF, content_type="application/pdf")
    client.post(f"/dossiers/{dossier.numero}/annuler", {"force_majeure": "on", "justificatif": good})
    dossier.refresh_from_db()
    assert (dossier.state, dossier.force_majeure, dossier.force_majeure_content_type) == (
        "cancelled_by_elu",
        True,
        "application/pdf",
    )
    document = client.get(f"/dossiers/{dossier.numero}/justificatif")
    assert document.status_code == 200 and b"".join(document.streaming_content).startswith(b"%PDF")
    assert document["Cache-Control"] == "private, no-store"


def test_someone_elses_dossier_answers_404(client, future, elu, of_user):
    dossier = f.apply(elu, future.sessions.first(), now=timezone.now())
    other = f.make_elu()
    f.sign_in_elu(client, other)
    for path in ("", "/confirmer", "/annuler", "/envoyee", "/justificatif"):
        assert client.get(f"/dossiers/{dossier.numero}{path}").status_code == 404
    assert client.post(f"/dossiers/{dossier.numero}/decliner").status_code == 404
    assert client.get("/dossiers/abc").status_code == 404
    assert dossier.action.formation.intitule not in text(client.get("/dossiers"))
    f.sign_in_staff(client, of_user)  # an OF user is not an élu: the élu's pages do not exist for him
    assert client.get(f"/dossiers/{dossier.numero}").status_code == 404
