"""Manual identity verification: upload checks, the gestionnaire's queue and decision, documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from dife.audit.models import Event
from dife.identity.models import IdentityVerification
from dife.identity.stepup import has_substantial_identity
from tests.identity.conftest import make_elu, read_file_response, sign_in_staff, text

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND"
    b"\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def submit(client, recto=None, verso=None):
    return client.post(
        "/identite/verification",
        {
            "recto": recto or upload("carte-recto.png", PNG, "image/png"),
            "verso": verso or upload("carte-verso.pdf", PDF),
        },
    )


@pytest.fixture
def elu_client(client):
    user = make_elu("angele")
    client.force_login(user)
    client.user = user
    return client


def stored_files(media_root: Path) -> list[Path]:
    return [p for p in media_root.rglob("*") if p.is_file()]


def test_the_page_says_what_the_wait_means(elu_client):
    body = text(elu_client.get("/identite/verification"))
    assert "Vérification de mon identité" in body
    assert "14 jours au plus (deux semaines)" in body
    assert "vous pouvez consulter vos droits et les formations, mais vous ne pouvez vous inscrire" in body
    assert "S'identifier avec FranceConnect" in body


def test_upload_creates_a_pending_request_with_date_and_target(elu_client, media_root):
    response = submit(elu_client)
    assert response.status_code == 302
    verification = IdentityVerification.objects.get(user=elu_client.user)
    assert verification.status == "pending"
    assert (verification.recto_content_type, verification.verso_content_type) == (
        "image/png",
        "application/pdf",
    )
    # Random names under MEDIA_ROOT (outside the static root), never the élu's file name.
    assert "carte" not in verification.recto.name and verification.recto.name.startswith("identite/")
    assert len(stored_files(media_root)) == 2
    body = text(elu_client.get("/identite/verification"))
    assert "est en cours d'examen" in body
    created = verification.created_at
    assert f"Demande envoyée le {created.day}" in body
    assert "au plus tard le" in body
    assert Event.objects.filter(action="identity.verification.submitted", actor=elu_client.user).exists()
    assert not has_substantial_identity(_request_for(elu_client))


def _request_for(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = client.user
    request.session = client.session
    return request


def test_a_renamed_file_is_refused_by_its_content(elu_client, media_root):
    response = submit(elu_client, recto=upload("carte.pdf", b"MZ\x90\x00 not a pdf at all, an executable"))
    assert response.status_code == 200
    assert "Le recto n'est pas un fichier PDF, JPEG ou PNG" in text(response)
    assert not IdentityVerification.objects.exists()
    assert stored_files(media_root) == []


def test_a_text_file_named_jpg_is_refused(elu_client):
    response = submit(elu_client, verso=upload("verso.jpg", b"hello, I am a text file", "image/jpeg"))
    assert "Le verso n'est pas un fichier PDF, JPEG ou PNG" in text(response)
    assert not IdentityVerification.objects.exists()


def test_a_file_over_10_mb_is_refused(elu_client, media_root):
    big = JPEG[:-2] + b"\x00" * (10 * 1024 * 1024) + b"\xff\xd9"
    response = submit(elu_client, recto=upload("recto.jpg", big, "image/jpeg"))
    assert response.status_code == 200
    assert "la taille maximale est de 10 Mo" in text(response)
    assert not IdentityVerification.objects.exists()
    assert stored_files(media_root) == []


def test_both_sides_are_required(elu_client):
    response = elu_client.post("/identite/verification", {"recto": upload("r.pdf", PDF)})
    assert "Ajoutez le verso de votre pièce d'identité" in text(response)
    assert not IdentityVerification.objects.exists()


def test_one_pending_request_at_a_time(elu_client, media_root):
    submit(elu_client)
    response = submit(elu_client)
    assert IdentityVerification.objects.count() == 1
    assert len(stored_files(media_root)) == 2  # the refused copies were not kept
    assert response.status_code == 200  # the page shows the pending request, no form
    assert "est en cours d'examen" in text(response)


def test_the_owner_sees_his_documents_and_nobody_else_does(elu_client, client_factory, organisme_user):
    submit(elu_client)
    verification = IdentityVerification.objects.get()
    url = f"/identite/verification/{verification.public_id}/recto"
    response = elu_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert read_file_response(response) == PNG
    assert response["Cache-Control"] == "private, no-store"

    other = client_factory()
    other.force_login(make_elu("helene"))
    assert other.get(url).status_code == 404
    assert (
        other.get(f"/gestion/verifications-identite/{verification.public_id}/document/recto").status_code
        == 404
    )

    of = client_factory()
    sign_in_staff(of, organisme_user)
    assert of.get(url).status_code == 404
    assert (
        of.get(f"/gestion/verifications-identite/{verification.public_id}/document/recto").status_code == 404
    )
    assert of.get("/gestion/verifications-identite/").status_code == 404
    assert of.get(f"/gestion/verifications-identite/{verification.public_id}/").status_code == 404
    response = of.post(
        f"/gestion/verifications-identite/{verification.public_id}/decision", {"decision": "approve"}
    )
    assert response.status_code == 404
    assert IdentityVerification.objects.get().status == "pending"

    anonymous = client_factory()
    assert anonymous.get(url)["Location"].startswith("/connexion")
    assert elu_client.get(f"/identite/verification/{verification.public_id}/autre").status_code == 404


def test_the_elu_cannot_reach_the_queue(elu_client):
    assert elu_client.get("/gestion/verifications-identite/").status_code == 404


def test_gestionnaire_approves(elu_client, client_factory, gestionnaire, media_root):
    submit(elu_client)
    verification = IdentityVerification.objects.get()
    staff = client_factory()
    sign_in_staff(staff, gestionnaire)

    queue = text(staff.get("/gestion/verifications-identite/"))
    assert "À traiter (1)" in queue
    assert "FICTIVEL" in queue
    detail = staff.get(f"/gestion/verifications-identite/{verification.public_id}/")
    assert detail.status_code == 200
    assert (
        f"/gestion/verifications-identite/{verification.public_id}/document/recto" in detail.content.decode()
    )
    assert "2 68 04 •• ••• ••• 11" in text(detail)  # masked NIR only
    document = staff.get(f"/gestion/verifications-identite/{verification.public_id}/document/verso")
    assert document.status_code == 200 and document["Content-Type"] == "application/pdf"
    assert read_file_response(document) == PDF

    with_callbacks = staff.post(
        f"/gestion/verifications-identite/{verification.public_id}/decision", {"decision": "approve"}
    )
    assert with_callbacks.status_code == 302
    verification.refresh_from_db()
    assert verification.status == "approved"
    assert verification.decided_by == gestionnaire
    assert (verification.recto.name, verification.verso.name) == ("", "")
    assert Event.objects.filter(action="identity.verification.approved", actor=gestionnaire).exists()


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


def test_documents_are_deleted_and_the_elu_told_after_decision(
    elu_client, client_factory, gestionnaire, media_root, django_capture_on_commit_callbacks
):
    submit(elu_client)
    verification = IdentityVerification.objects.get()
    assert len(stored_files(media_root)) == 2
    staff = client_factory()
    sign_in_staff(staff, gestionnaire)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/gestion/verifications-identite/{verification.public_id}/decision",
            {"decision": "refuse", "reason": "Pièce illisible : le verso est flou."},
        )
    verification.refresh_from_db()
    assert verification.status == "refused"
    assert verification.refusal_reason == "Pièce illisible : le verso est flou."
    assert stored_files(media_root) == []
    assert elu_client.get(f"/identite/verification/{verification.public_id}/recto").status_code == 404
    assert (
        staff.get(f"/gestion/verifications-identite/{verification.public_id}/document/recto").status_code
        == 404
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["angele.fictivel@example.fr"]
    assert "refusée" in mail.outbox[0].subject
    assert "Pièce illisible : le verso est flou." in mail.outbox[0].body

    page = text(elu_client.get("/identite/verification"))
    assert "a été refusée" in page and "Pièce illisible" in page
    assert "Envoyer ma demande de vérification" in page  # he may try again
    # Decided requests stay in the journal and the list, not the copies.
    assert "Pièce illisible" in text(staff.get("/gestion/verifications-identite/"))


def test_approval_email_and_access(
    elu_client, client_factory, gestionnaire, django_capture_on_commit_callbacks
):
    submit(elu_client)
    verification = IdentityVerification.objects.get()
    staff = client_factory()
    sign_in_staff(staff, gestionnaire)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/gestion/verifications-identite/{verification.public_id}/decision", {"decision": "approve"}
        )
    assert mail.outbox[0].subject == "Votre identité est vérifiée"
    assert "Votre identité est vérifiée" in text(elu_client.get("/identite/verification"))
    assert has_substantial_identity(_request_for(elu_client))


def test_refusal_needs_a_reason_and_a_decision_is_taken_once(elu_client, client_factory, gestionnaire):
    submit(elu_client)
    verification = IdentityVerification.objects.get()
    staff = client_factory()
    sign_in_staff(staff, gestionnaire)
    url = f"/gestion/verifications-identite/{verification.public_id}/decision"
    response = staff.post(url, {"decision": "refuse", "reason": "  "})
    assert response.status_code == 400
    assert "Indiquez le motif du refus" in text(response)
    assert IdentityVerification.objects.get().status == "pending"
    staff.post(url, {"decision": "approve"})
    response = staff.post(url, {"decision": "refuse", "reason": "trop tard"})
    assert "Cette demande a déjà été traitée" in text(response)
    assert IdentityVerification.objects.get().status == "approved"


def test_database_refuses_a_decided_request_with_documents(elu_client, gestionnaire):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    submit(elu_client)
    with pytest.raises(IntegrityError), transaction.atomic():
        IdentityVerification.objects.update(
            status="approved", decided_at=timezone.now(), decided_by=gestionnaire
        )
