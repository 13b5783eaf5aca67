"""Rattachement requests: the élu asks with documents, follows the status; the gestionnaire decides;
documents are served only to their owner and gestionnaires, and deleted at the decision."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dife.accounts.models import User
from dife.audit.models import Event
from dife.mandates.models import AccountPersonLink, RattachementRequest
from tests.accounts.fixtures import NIR_A, NIR_B, make_elu, make_person, make_staff, sign_in_staff
from tests.www.elus.test_wizard import text

pytestmark = pytest.mark.django_db

BORN = date(1971, 5, 8)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40


def form(**extra):
    data = {
        "nom_naissance": "Maquette",
        "nom_usage": "Vidal",
        "nom_marital": "",
        "prenoms": "Élise Jeanne",
        "date_naissance": "1971-05-08",
        "lieu_naissance": "Orléans (Loiret)",
        "collectivite": "Commune de Chécy (Loiret)",
        "precisions": "",
        "piece_identite": SimpleUploadedFile("cni.pdf", PDF, content_type="application/pdf"),
        "justificatif_mandat": SimpleUploadedFile("tableau.png", PNG, content_type="image/png"),
    }
    data.update(extra)
    return data


@pytest.fixture
def elu(db):
    return make_elu(NIR_B, "Maquette")


@pytest.fixture
def gestionnaire(db):
    return make_staff(User.Kind.GESTIONNAIRE, "gestionnaire@agence.test")


@pytest.fixture
def submitted(client, elu):
    client.force_login(elu)
    response = client.post("/droits/rattachement", form())
    assert response.status_code == 302
    client.logout()
    return RattachementRequest.objects.get()


def test_the_form_is_prefilled_and_submitting_creates_a_pending_request(client, elu, media_root):
    client.force_login(elu)
    html = text(client.get("/droits/rattachement"))
    for label in (
        "Nom de naissance",
        "Nom d'usage",
        "Nom marital",
        "Prénom(s)",
        "Date de naissance",
        "Lieu de naissance",
        "Collectivité où s'exerce votre mandat",
        "Pièce d'identité",
        "Justificatif de votre mandat",
    ):
        assert label in html
    assert 'value="Maquette"' in html
    response = client.post("/droits/rattachement", form())
    rattachement = RattachementRequest.objects.get()
    assert response.url == f"/droits/rattachement/{rattachement.pk}"
    assert rattachement.status == "pending" and rattachement.user == elu
    assert (rattachement.piece_identite_type, rattachement.justificatif_mandat_type) == (
        "application/pdf",
        "image/png",
    )
    stored = Path(media_root) / "prive" / rattachement.piece_identite.name
    assert stored.read_bytes() == PDF and "cni" not in stored.name
    html = text(client.get(response.url))
    assert "En cours d’examen" in html or "En cours d'examen" in html
    # The rights page shows the status; a second request waits for the first one.
    assert "Demande de rattachement en cours d’examen" in text(client.get("/droits"))
    assert client.get("/droits/rattachement").url == response.url
    assert Event.objects.filter(action="mandates.rattachement.submitted", actor=elu).exists()


@pytest.mark.parametrize(
    "field, upload, message",
    [
        (
            "piece_identite",
            SimpleUploadedFile("cni.pdf", b"ceci n'est pas un PDF", "application/pdf"),
            "Format de fichier non accepté",
        ),
        (
            "justificatif_mandat",
            SimpleUploadedFile("tableau.gif", b"GIF89a" + b"\x00" * 20, "image/gif"),
            "Format de fichier non accepté",
        ),
        (
            "piece_identite",
            SimpleUploadedFile("cni.jpg", JPEG + b"\x00" * (10 * 1024 * 1024), "image/jpeg"),
            "taille maximale de 10 Mo",
        ),
    ],
)
def test_documents_are_checked_by_content_and_size(client, elu, field, upload, message):
    client.force_login(elu)
    response = client.post("/droits/rattachement", form(**{field: upload}))
    html = text(response)
    assert response.status_code == 200 and message in html
    assert 'value="Commune de Chécy (Loiret)"' in html  # what was typed stays
    assert not RattachementRequest.objects.exists()


def test_a_jpeg_named_pdf_is_accepted_as_a_jpeg(client, elu):
    client.force_login(elu)
    client.post(
        "/droits/rattachement", form(piece_identite=SimpleUploadedFile("scan.pdf", JPEG, "application/pdf"))
    )
    rattachement = RattachementRequest.objects.get()
    assert rattachement.piece_identite_type == "image/jpeg" and rattachement.piece_identite.name.endswith(
        ".jpg"
    )


def test_the_owner_reads_his_documents_another_elu_gets_404(client, submitted, elu):
    client.force_login(elu)
    response = client.get(f"/droits/rattachement/{submitted.pk}/identite")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]
    other = make_elu(NIR_A, "Autre", email="autre@example.fr")
    client.force_login(other)
    for url in (
        f"/droits/rattachement/{submitted.pk}",
        f"/droits/rattachement/{submitted.pk}/identite",
        f"/droits/rattachement/{submitted.pk}/mandat",
    ):
        assert client.get(url).status_code == 404


def test_documents_get_the_strict_headers_of_identity_documents(client, submitted, elu, gestionnaire):
    from dife.core.uploads import DOCUMENT_CSP

    client.force_login(elu)
    urls = [f"/droits/rattachement/{submitted.pk}/identite", f"/droits/rattachement/{submitted.pk}/mandat"]
    responses = [client.get(url) for url in urls]
    sign_in_staff(client, gestionnaire)
    responses.append(client.get(f"/gestion/rattachements/{submitted.pk}/document/identite"))
    for response in responses:
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == DOCUMENT_CSP
        assert "default-src 'none'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"].startswith("private, no-store")
        assert response["Content-Disposition"].startswith("inline")


def test_only_gestionnaires_reach_the_queue(client, submitted, elu):
    urls = [
        "/gestion/rattachements/",
        f"/gestion/rattachements/{submitted.pk}/",
        f"/gestion/rattachements/{submitted.pk}/document/identite",
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the staff sign-in
    client.force_login(elu)
    for url in urls:
        assert client.get(url).status_code == 404
    organisme = make_staff(User.Kind.ORGANISME, "of@example.fr")
    sign_in_staff(client, organisme)
    for url in urls:
        assert client.get(url).status_code == 404
    assert (
        client.post(
            f"/gestion/rattachements/{submitted.pk}/decision", {"decision": "refuse", "motif": "x"}
        ).status_code
        == 404
    )
    # A gestionnaire who did not pass the second factor is sent to it first.
    gestionnaire = make_staff(User.Kind.GESTIONNAIRE, "g2@agence.test")
    client.force_login(gestionnaire)
    response = client.get(urls[0])
    assert response.status_code == 302 and response.url.startswith("/pro/double-authentification")
    submitted.refresh_from_db()
    assert submitted.status == "pending"


def test_gestionnaire_approves_and_the_elu_sees_his_compte_elu(
    client, submitted, elu, gestionnaire, mailoutbox, media_root
):
    person = make_person("MAQUETTE", "Élise Jeanne Marie", BORN, collectivite="Chécy")
    make_person("MAQUETTE", "Paul", date(1950, 1, 1))  # same name, other birth date: not a candidate
    sign_in_staff(client, gestionnaire)
    html = text(client.get("/gestion/rattachements/"))
    assert "Maquette Élise Jeanne" in html and "Commune de Chécy (Loiret)" in html
    html = text(client.get(f"/gestion/rattachements/{submitted.pk}/"))
    assert f'value="{person.pk}"' in html and "Paul" not in html
    assert (
        b"".join(client.get(f"/gestion/rattachements/{submitted.pk}/document/mandat").streaming_content)
        == PNG
    )
    # Approving needs a person.
    response = client.post(f"/gestion/rattachements/{submitted.pk}/decision", {"decision": "approve"})
    assert response.status_code == 400 and "Choisissez la personne du registre" in text(response)
    stored = [
        Path(media_root) / "prive" / submitted.piece_identite.name,
        Path(media_root) / "prive" / submitted.justificatif_mandat.name,
    ]
    assert all(p.exists() for p in stored)
    response = client.post(
        f"/gestion/rattachements/{submitted.pk}/decision", {"decision": "approve", "person": person.pk}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (
        submitted.status == "approved" and submitted.person == person and submitted.decided_by == gestionnaire
    )
    assert (
        not submitted.piece_identite and not submitted.justificatif_mandat and submitted.documents_deleted_at
    )
    assert not any(p.exists() for p in stored)  # the copies are gone, the decision stays
    assert AccountPersonLink.objects.filter(user=elu, person=person, rattachement=submitted).exists()
    assert mailoutbox[-1].to == [elu.email] and "a été acceptée" in mailoutbox[-1].body
    event = Event.objects.get(action="mandates.rattachement.approved")
    assert event.actor == gestionnaire and event.data["to_status"] == "approved"
    # The verified identity completes the account.
    elu.elu_profile.refresh_from_db()
    assert (elu.elu_profile.prenoms, elu.elu_profile.date_naissance) == ("Élise Jeanne", BORN)
    assert client.get(f"/gestion/rattachements/{submitted.pk}/document/identite").status_code == 404
    client.force_login(elu)
    html = text(client.get("/droits"))
    assert "Votre compte élu" in html and "Cocarde tricolore" in html and "Chécy" in html
    assert client.get(f"/droits/rattachement/{submitted.pk}/identite").status_code == 404


def test_gestionnaire_refuses_with_a_reason(client, submitted, elu, gestionnaire, mailoutbox):
    sign_in_staff(client, gestionnaire)
    response = client.post(
        f"/gestion/rattachements/{submitted.pk}/decision", {"decision": "refuse", "motif": " "}
    )
    assert response.status_code == 400 and "Indiquez le motif du refus" in text(response)
    client.post(
        f"/gestion/rattachements/{submitted.pk}/decision",
        {"decision": "refuse", "motif": "Aucun mandat à Chécy à ce nom."},
    )
    submitted.refresh_from_db()
    assert submitted.status == "refused" and not submitted.piece_identite
    assert "Aucun mandat à Chécy à ce nom." in mailoutbox[-1].body
    # Deciding twice is refused.
    response = client.post(
        f"/gestion/rattachements/{submitted.pk}/decision",
        {"decision": "approve", "person": make_person("X", "Y", BORN).pk},
        follow=True,
    )
    assert "Cette demande a déjà été traitée." in text(response)
    submitted.refresh_from_db()
    assert submitted.status == "refused"
    client.force_login(elu)
    html = text(client.get("/droits"))
    assert "Demande de rattachement refusée" in html and "Aucun mandat à Chécy à ce nom." in html
    assert "Faire une nouvelle demande" in html
    assert client.post("/droits/rattachement", form()).status_code == 302
    assert RattachementRequest.objects.filter(user=elu, status="pending").count() == 1


def test_gestionnaire_search_in_the_register(client, submitted, gestionnaire):
    other = make_person("VIDAL-MAQUETTE", "Élise", date(1971, 8, 5))  # day and month swapped
    sign_in_staff(client, gestionnaire)
    html = text(client.get(f"/gestion/rattachements/{submitted.pk}/"))
    assert f'value="{other.pk}"' not in html
    html = text(client.get(f"/gestion/rattachements/{submitted.pk}/", {"recherche": "vidal maquette"}))
    assert f'value="{other.pk}"' in html
