"""Every e-mail of the platform leaves through the outbox (``dife.notifications``): it is a row of the
``Email`` table, shown by the dev mailbox, and a one-time secret in it is masked once sent."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from dife.accounts.models import EmailChallenge, User
from dife.notifications.models import Email
from dife.notifications.services import MASKED, send_pending
from tests.accounts.fixtures import NIR_A, NIR_B, make_elu, make_person, make_staff

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "dife" / "notifications" / "templates" / "notifications" / "emails"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def pdf(name: str = "piece.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def png(name: str = "piece.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def gestionnaire() -> User:
    return make_staff(User.Kind.GESTIONNAIRE, "gestionnaire@agence.test")


def code_confirmation():
    from dife.accounts.services import email_codes

    email_codes.send_email_code(email="camille@example.fr", purpose=EmailChallenge.Purpose.CREATION)


def mot_de_passe_modifie():
    from dife.accounts.services.elus import change_password
    from tests.accounts.fixtures import PASSWORD

    change_password(user=make_elu(), current_password=PASSWORD, new_password="Un-Autre-Motdepasse-43")


def mot_de_passe_oublie():
    from django.test import RequestFactory

    from dife.accounts.services.auth import request_password_reset
    from dife.accounts.tasks import send_account_email

    user = make_elu()
    request_password_reset(nir=NIR_A, request=RequestFactory().post("/"))
    send_account_email(user_id=user.pk, purpose="password_reset")  # what the worker does


def staff_invitation():
    from dife.organisations.models import Membership
    from dife.organisations.services import agency, invite
    from tests.organisations.fixtures import make_staff as make_member

    agence = agency()
    admin = make_member("admin@agence.test", agence, Membership.Role.ADMIN)
    invite(by=admin, email="nouvelle@agence.test", organisation=agence, role=Membership.Role.AGENT)


def staff_password_reset():
    from dife.organisations.models import Membership
    from dife.organisations.services import agency
    from dife.organisations.services.password_reset import request_reset
    from tests.organisations.fixtures import make_staff as make_member

    make_member("agent@agence.test", agency(), Membership.Role.AGENT)
    request_reset(email="agent@agence.test")


def verification_decided():
    from dife.identity.services import verification

    decider = gestionnaire()
    for nir, refuse in ((NIR_A, False), (NIR_B, True)):
        elu = make_elu(nir, email=f"elu-{nir[:3]}@example.fr")
        request = verification.submit(user=elu, recto=png(), verso=pdf())
        if refuse:
            verification.refuse(verification=request, by=decider, reason="Pièce illisible.")
        else:
            verification.approve(verification=request, by=decider)


def rattachement_decision():
    from dife.mandates.rattachement import services

    born = date(1971, 5, 8)
    elu = make_elu(NIR_B, "Maquette")
    decider = gestionnaire()
    for approve in (False, True):
        request = services.submit_rattachement_request(
            user=elu,
            nom_naissance="Maquette",
            prenoms="Élise",
            date_naissance=born,
            lieu_naissance="Orléans",
            collectivite="Chécy",
            piece_identite=pdf(),
            justificatif_mandat=png(),
        )
        if approve:
            person = make_person("Maquette", "Élise", born)
            services.approve_rattachement(rattachement=request, person=person, by=decider)
        else:
            services.refuse_rattachement(rattachement=request, reason="Aucun mandat.", by=decider)


def compte_existant():
    from dife.accounts.services.signup import tell_existing_account

    tell_existing_account(user=make_elu(), source="wizard")


def dossier_mails():
    """The dossier e-mails (dossier_statut, of_dossier, of_retard) have their own tests in
    tests/enrollment; here one of each is queued the way the sweep and the machine queue them."""
    from dife.notifications.services import Message, queue_many

    context = {  # everything the templates read (unknown variables fail in tests)
        "numero": "00000001",
        "url": "/dossiers/00000001",
        "statut": "Demande envoyée",
        "action_attendue": "déclarer l'entrée en formation",
        "echeance": "lundi 15 juin 2026 à 23 h 59",
        "elu": "Élise MAQUETTE",
        "formation": "Prendre la parole en public",
        "session": "du 15/06/2026 au 15/06/2026",
        "prenom": "Élise",
        "organisme": "IFEL Loiret",
        "message": "Votre demande d'inscription a bien été envoyée.",
        "prochaine_etape": "attendre la proposition de l'organisme",
    }
    queue_many(
        [
            Message(to="elu@exemple.test", template=template, context=context)
            for template in ("dossier_statut", "of_dossier", "of_retard")
        ]
    )


KINDS = {
    "code_confirmation": code_confirmation,
    "compte_existant": compte_existant,
    "mot_de_passe_modifie": mot_de_passe_modifie,
    "mot_de_passe_oublie": mot_de_passe_oublie,
    "staff_invitation": staff_invitation,
    "staff_password_reset": staff_password_reset,
    "verification_decided": verification_decided,
    "rattachement_decision": rattachement_decision,
    "dossier_statut": dossier_mails,
    "of_dossier": dossier_mails,
    "of_retard": dossier_mails,
}


def test_every_email_template_is_a_kind_checked_here():
    names = {p.name.removesuffix("_subject.txt") for p in TEMPLATES.glob("*_subject.txt")}
    assert names == set(KINDS)


@pytest.mark.parametrize("template", sorted(KINDS))
def test_each_kind_of_email_is_a_row_of_the_outbox_and_is_sent_from_it(
    template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        KINDS[template]()
    send_pending()
    rows = Email.objects.filter(template=template)
    assert rows.exists() and all(row.status == Email.Status.SENT and row.subject for row in rows)
    assert {row.subject for row in rows} <= {m.subject for m in mail.outbox}
    assert len(mail.outbox) == Email.objects.count()  # nothing left by another path


def test_the_dev_mailbox_lists_the_account_emails(client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        code_confirmation()
        verification_decided()
    settings.DEBUG = True
    page = client.get("/dev/courriels").content.decode()
    assert "Votre code de confirmation d&#x27;adresse email" in page
    assert "Votre identité est vérifiée" in page


def test_a_code_is_masked_in_the_outbox_once_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        code_confirmation()
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    row = Email.objects.get(template="code_confirmation")
    assert row.context["code"] == MASKED and row.context["minutes"] == 15
    assert code not in row.body_text and MASKED in row.body_text and code not in str(row.context)


def test_a_reset_link_is_masked_in_the_outbox_once_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mot_de_passe_oublie()
        staff_password_reset()
    for message in mail.outbox:
        link = re.search(r"http://\S+", message.body).group(0)
        row = Email.objects.get(to=message.to[0])
        assert link not in row.body_text and row.context["link"] == MASKED


def test_a_pending_email_keeps_its_secret_until_sent(outbox_worker, django_capture_on_commit_callbacks):
    outbox_worker.pause()
    with django_capture_on_commit_callbacks(execute=True):
        code_confirmation()
    row = Email.objects.get(template="code_confirmation")
    assert row.status == Email.Status.PENDING and row.context["code"].isdigit()
    assert send_pending() == 1
    row.refresh_from_db()
    assert row.context["code"] == MASKED


def test_development_keeps_the_secrets_for_the_dev_mailbox(settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATIONS_KEEP_SECRETS = True
    with django_capture_on_commit_callbacks(execute=True):
        code_confirmation()
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    assert Email.objects.get(template="code_confirmation").context["code"] == code


def test_a_given_up_email_has_its_secret_masked(outbox_worker, settings, django_capture_on_commit_callbacks):
    from dife.notifications import services

    outbox_worker.pause()
    with django_capture_on_commit_callbacks(execute=True):
        code_confirmation()
    settings.EMAIL_BACKEND = "tests.notifications.test_every_mail.BrokenBackend"
    for _ in range(services.MAX_ATTEMPTS):
        services.send_pending()
    row = Email.objects.get(template="code_confirmation")
    assert row.status == Email.Status.FAILED and row.context["code"] == MASKED


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_no_other_path_sends_mail():
    """The re-check of the review: ``git grep -nE 'EmailMultiAlternatives|send_mail\\(' dife``."""
    pattern = re.compile(r"EmailMultiAlternatives|send_mail\(|send_mass_mail|mail_admins|EmailMessage\(")
    found = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "dife").rglob("*.py")
        if "notifications" not in path.parts and pattern.search(path.read_text())
    ]
    assert found == []
