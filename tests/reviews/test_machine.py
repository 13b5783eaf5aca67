"""The review workflows (``dife.reviews``): identity verification and rattachement share one machine.
Every (from, to) pair is tried for each of them: the table decides, ``apply`` writes the log, the
decision fields, the audit event and the e-mail, deletes the documents after the commit; the
database refuses a status change without its log row and any change to the log."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from dife.accounts.models import User
from dife.audit.models import Event
from dife.identity import machine as identity_machine
from dife.identity.services import verification
from dife.mandates.models import Person
from dife.mandates.rattachement import machine as rattachement_machine
from dife.mandates.rattachement import services as rattachement
from dife.notifications.models import Email
from dife.reviews.errors import NotAllowed, ReviewRefused
from dife.reviews.machine import ReviewMachine
from dife.reviews.models import ReviewStatus
from tests.accounts.fixtures import NIR_B, make_elu, make_person, make_staff

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
STATUSES = [s.value for s in ReviewStatus]
BORN = date(1971, 5, 8)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def elu(db):
    return make_elu(NIR_B, "Maquette", email="elise@example.fr")


@pytest.fixture
def gestionnaire(db):
    return make_staff(User.Kind.GESTIONNAIRE, "gestionnaire@agence.test")


@dataclass
class Workflow:
    machine: ReviewMachine
    audit_name: str
    template: str

    def submit(self, user):
        if self.machine is identity_machine.MACHINE:
            return verification.submit(
                user=user, recto=SimpleUploadedFile("r.png", PNG), verso=SimpleUploadedFile("v.pdf", PDF)
            )
        return rattachement.submit_rattachement_request(
            user=user,
            nom_naissance="Maquette",
            prenoms="Élise",
            date_naissance=BORN,
            lieu_naissance="Orléans",
            collectivite="Chécy",
            piece_identite=SimpleUploadedFile("cni.pdf", PDF),
            justificatif_mandat=SimpleUploadedFile("tableau.png", PNG),
        )

    def changes(self, to: str) -> dict:
        if self.machine is rattachement_machine.MACHINE and to == ReviewStatus.APPROVED:
            person = Person.objects.filter(nom="Maquette").first() or make_person("Maquette", "Élise", BORN)
            return {"person": person}
        return {}

    def apply(self, request, to: str, by, reason: str = ""):
        reason = reason or ("Pièce illisible." if to == ReviewStatus.REFUSED else "")
        return self.machine.apply(request=request, to=to, by=by, reason=reason, changes=self.changes(to))


IDENTITY = Workflow(identity_machine.MACHINE, "identity.verification", "verification_decided")
RATTACHEMENT = Workflow(rattachement_machine.MACHINE, "mandates.rattachement", "rattachement_decision")
WORKFLOWS = pytest.mark.parametrize("workflow", [IDENTITY, RATTACHEMENT], ids=["identity", "rattachement"])


def files_of(request, media_root: Path) -> list[Path]:
    return [media_root / "prive" / getattr(request, name).name for name in request.DOCUMENTS]


def in_status(workflow: Workflow, status: str, elu, gestionnaire):
    """A request of ``elu`` in ``status``, reached through the machine."""
    request = workflow.submit(elu)
    if status != ReviewStatus.PENDING:
        request = workflow.apply(request, status, gestionnaire)
    return request


def test_both_workflows_declare_the_same_table():
    for machine in (identity_machine.MACHINE, rattachement_machine.MACHINE):
        assert [(r.source, r.target, r.actor) for r in machine.rules] == [
            ("pending", "approved", "gestionnaire"),
            ("pending", "refused", "gestionnaire"),
        ]
        assert machine.targets("pending", "gestionnaire") == ["approved", "refused"]
        assert [r.target for r in machine.rules_from("pending", "gestionnaire")] == ["approved", "refused"]
        assert machine.targets("approved") == machine.targets("pending", "elu") == []


@WORKFLOWS
@pytest.mark.parametrize(("source", "target"), list(itertools.product(STATUSES, STATUSES)))
def test_every_pair(
    workflow, source, target, elu, gestionnaire, media_root, django_capture_on_commit_callbacks
):
    request = in_status(workflow, source, elu, gestionnaire)
    before = workflow.machine.log.objects.filter(request=request).count()
    rule = workflow.machine.rule_for(source, target)
    if rule is None:
        assert workflow.machine.check(request, target, by=gestionnaire)  # the French reason, nothing written
        with pytest.raises(ReviewRefused) as refused:
            workflow.apply(request, target, gestionnaire)
        assert not isinstance(refused.value, NotAllowed)
        expected = "already_decided" if source != ReviewStatus.PENDING else "refused"
        assert refused.value.code == expected
        request.refresh_from_db()
        assert request.status == source
        assert workflow.machine.log.objects.filter(request=request).count() == before
        return

    stored = files_of(request, media_root)
    assert all(path.is_file() for path in stored)
    assert workflow.machine.check(request, target, by=gestionnaire) == rule.guard(request)  # None or guard
    assert "n'est pas possible pour ce compte" in workflow.machine.check(request, target, by=elu)
    with pytest.raises(NotAllowed):  # the élu may not decide his own request
        workflow.apply(request, target, elu)
    with django_capture_on_commit_callbacks(execute=True):
        decided = workflow.apply(request, target, gestionnaire)
    decided.refresh_from_db()
    assert decided.status == target and decided.decided_by == gestionnaire and decided.decided_at
    assert decided.documents_deleted_at and not any(getattr(decided, n) for n in decided.DOCUMENTS)
    assert not any(path.exists() for path in stored)  # deleted once committed
    assert decided.refusal_reason == ("Pièce illisible." if target == ReviewStatus.REFUSED else "")
    log = list(workflow.machine.log.objects.filter(request=decided).order_by("id"))
    assert [(row.from_status, row.to_status) for row in log] == [("", "pending"), (source, target)]
    assert log[0].actor == elu and log[1].actor == gestionnaire and log[1].reason == decided.refusal_reason
    event = Event.objects.get(action=f"{workflow.audit_name}.{target}")
    assert event.actor == gestionnaire
    assert (event.data["from_status"], event.data["to_status"]) == (source, target)
    assert Email.objects.filter(template=workflow.template, to=elu.email).count() == 1


@WORKFLOWS
def test_a_refusal_needs_a_reason(workflow, elu, gestionnaire):
    request = workflow.submit(elu)
    with pytest.raises(ValidationError, match="Indiquez le motif du refus"):
        workflow.machine.apply(request=request, to=ReviewStatus.REFUSED, by=gestionnaire, reason="  ")
    request.refresh_from_db()
    assert request.is_pending


@WORKFLOWS
def test_submitting_logs_and_audits_and_a_second_pending_request_is_refused(workflow, elu, media_root):
    request = workflow.submit(elu)
    log = workflow.machine.log.objects.get(request=request)
    assert (log.from_status, log.to_status, log.actor) == ("", "pending", elu)
    assert Event.objects.filter(action=f"{workflow.audit_name}.submitted", actor=elu).count() == 1
    with pytest.raises(ReviewRefused) as refused:
        workflow.submit(elu)
    assert refused.value.code == "already_pending"
    files = [p for p in media_root.rglob("*") if p.is_file()]
    assert sorted(files) == sorted(files_of(request, media_root))  # the refused copies were deleted


@WORKFLOWS
def test_only_an_elu_submits(workflow, gestionnaire):
    with pytest.raises(NotAllowed):
        workflow.submit(gestionnaire)


@WORKFLOWS
def test_the_database_refuses_a_status_change_without_its_log_row(workflow, elu, gestionnaire):
    request = workflow.submit(elu)
    request_model = type(request)
    with pytest.raises(DatabaseError, match="no transition log row"), transaction.atomic():
        request_model.objects.filter(pk=request.pk).update(
            status="refused",
            refusal_reason="hors machine",
            decided_at=timezone.now(),
            decided_by=gestionnaire,
            documents_deleted_at=timezone.now(),
            **{name: "" for name in request.DOCUMENTS},
        )


@WORKFLOWS
def test_the_database_refuses_a_request_created_decided(workflow, elu, gestionnaire):
    request_model = workflow.machine.model
    now = timezone.now()
    fields = {"decided_at": now, "decided_by": gestionnaire, "documents_deleted_at": now}
    fields |= workflow.changes(ReviewStatus.APPROVED)  # a row the check constraint accepts
    if workflow is RATTACHEMENT:
        fields |= {"nom_naissance": "M", "prenoms": "É", "date_naissance": BORN, "lieu_naissance": "O"}
    with pytest.raises(DatabaseError, match="starts pending"), transaction.atomic():
        request_model.objects.bulk_create([request_model(user=elu, status="approved", **fields)])


@WORKFLOWS
def test_the_log_is_append_only(workflow, elu):
    request = workflow.submit(elu)
    log = workflow.machine.log.objects.filter(request=request)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        log.update(reason="réécrit")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        log.delete()


@WORKFLOWS
def test_the_database_ties_the_fields_to_the_status(workflow, elu, gestionnaire):
    request = in_status(workflow, ReviewStatus.REFUSED, elu, gestionnaire)
    with pytest.raises(IntegrityError), transaction.atomic():
        type(request).objects.filter(pk=request.pk).update(refusal_reason="")
    with pytest.raises(IntegrityError), transaction.atomic():
        type(request).objects.filter(pk=request.pk).update(decided_by=None)
