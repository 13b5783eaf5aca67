"""/stats.json figures, the e-mails as sent (HTML + text), the dev mailbox, the demo loader."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.utils import timezone

from dife.enrollment import services
from dife.notifications.models import Email
from dife.notifications.services import send_pending
from tests.enrollment import factories as f
from tests.enrollment.helpers import text

pytestmark = pytest.mark.django_db


def test_stats_json_counts_dossiers_per_state_and_the_amount_engaged(client, session, elu, of_user):
    dossier = f.walk(f.apply(elu, session, now=f.at(date(2026, 5, 4))), "accepted", of_user=of_user, elu=elu)
    f.apply(f.make_elu(), session, now=f.at(date(2026, 5, 4)))
    stats = client.get("/stats.json").json()
    assert stats["dossiers"]["accepted"] == 1 and stats["dossiers"]["submitted"] == 1
    assert stats["dossiers"]["service_validated"] == 0 and len(stats["dossiers"]) == 13
    assert stats["montant_engage"] == "300.00" == f"{dossier.rights_engaged:.2f}"


def test_emails_are_sent_after_the_change_in_html_and_text(session, elu, of_user):
    dossier = f.apply(elu, session, now=f.at(date(2026, 5, 4)))
    services.propose(dossier=dossier, by=of_user, now=f.at(date(2026, 5, 5)))
    assert send_pending() == 4  # élu ×2, OF ×2 (contact and member) for the new request
    subjects = sorted({m.subject for m in mail.outbox})
    assert subjects == [
        "Changement de statut de votre dossier",
        f"[Non traité] Dossier de formation n°{dossier.numero}",
    ]
    proposal = next(m for m in mail.outbox if m.to == [elu.email] and "Proposition" in m.body)
    assert "Proposition de l'organisme — à confirmer" in proposal.body
    assert (
        "Prochaine étape : Confirmer l'inscription (au plus tard le mardi 12 mai 2026 à 23 h 59)"
        in proposal.body
    )
    html, kind = proposal.alternatives[0]
    assert kind == "text/html" and "Voir mon dossier" in html and f"/dossiers/{dossier.numero}" in html
    assert Email.objects.filter(status="sent").count() == 4
    assert send_pending() == 0


def test_dev_mailbox_only_in_debug(client, settings, session, elu):
    f.apply(elu, session, now=f.at(date(2026, 5, 4)))
    assert client.get("/dev/courriels").status_code == 404
    settings.DEBUG = True
    page = client.get("/dev/courriels")
    assert "Changement de statut de votre dossier" in text(page)
    email = Email.objects.filter(template="of_dossier").first()
    assert "[Non traité] Dossier de formation n°" in text(client.get(f"/dev/courriels?id={email.pk}"))
    assert b"Ouvrir le dossier" in client.get(f"/dev/courriels/{email.pk}.html").content


def test_demo_loader_creates_dossiers_in_several_states_once(places):
    from datetime import timedelta

    from django.utils import timezone

    from devtools.demo import accounts as accounts_demo
    from devtools.demo import enrollment as demo
    from devtools.demo import organisations as staff_demo
    from dife.catalog import services as catalog
    from dife.enrollment.models import Dossier
    from dife.organisations.models import Organisation

    staff_demo.load()
    accounts_demo.load()
    assert demo.load() == "Dossiers : catalogue de l'organisme de démonstration absent, ignoré"
    organisation = Organisation.objects.get(siret=demo.OF_SIRET)
    today = timezone.localdate()
    profile = catalog.save_organisme_profile(
        organisation=organisation,
        agrement_debut=today - timedelta(days=400),
        agrement_fin=today + timedelta(days=900),
    )
    for index, (price, hours) in enumerate((("200.00", "6"), ("550.00", "14"), ("350.00", "7"))):
        f.make_action(
            profile,
            commune=places["Orléans"],
            prix=price,
            heures=hours,
            published_on=today,
            sessions=((today + timedelta(days=30 + 21 * index),) * 2,),
        )
    message = demo.load()
    assert message == (
        "Dossiers de démonstration d'Élise MAQUETTE : "
        "formation terminée, proposition à confirmer, demande non traitée"
    )
    assert sorted(Dossier.objects.values_list("state", flat=True)) == [
        "proposed",
        "service_validated",
        "submitted",
    ]
    proposal = Dossier.objects.get(state="proposed")
    assert demo.load() == "Dossiers : déjà présents"
    assert Dossier.objects.count() == 3 and proposal.person_id
    assert demo.accounts()


def test_many_emails_at_once_go_through_copy_and_are_deduplicated():
    from dife.notifications.services import Message, queue_many

    messages = [
        Message(
            to=f"elu{n}@exemple.test", template="of_retard", context={"numero": f"{n:08d}"}, dedup_key=f"k{n}"
        )
        for n in range(250)
    ]
    assert queue_many(messages + messages[:10]) == 260  # the same keys again: ignored
    assert Email.objects.count() == 250
    assert Email.objects.get(dedup_key="k7").context == {"numero": "00000007"}
    queue_many(messages)
    assert Email.objects.count() == 250


def test_after_commit_a_sending_job_is_queued_once(django_capture_on_commit_callbacks, outbox_worker):
    from procrastinate.contrib.django.models import ProcrastinateJob

    from dife.notifications.services import queue

    outbox_worker.pause()  # the job is what this test looks at: nothing sends it here

    context = {  # everything the template reads (unknown variables fail in tests)
        "numero": "00000001",
        "action_attendue": "déclarer l'entrée en formation",
        "echeance": "lundi 15 juin 2026 à 23 h 59",
        "elu": "Élise MAQUETTE",
        "formation": "Prendre la parole en public",
        "session": "du 15/06/2026 au 15/06/2026",
        "statut": "Inscription validée",
        "url": "/of/dossiers/00000001",
    }
    with django_capture_on_commit_callbacks(execute=True):
        queue(to="elu@exemple.test", template="of_retard", context=context)
        queue(to="of@exemple.test", template="of_retard", context=context)
    jobs = ProcrastinateJob.objects.filter(task_name="notifications.send_outbox", status="todo")
    assert jobs.count() == 1  # the queueing lock keeps one waiting job for any number of e-mails
    assert send_pending() == 2 and {m.to[0] for m in mail.outbox} == {"elu@exemple.test", "of@exemple.test"}


def test_emails_write_the_first_of_the_month_1er(session, elu, of_user):
    """Sent on Thursday 28 May 2026, the OF must answer by Monday 1 June: the e-mails say « 1er juin »."""
    dossier = f.apply(elu, session, now=f.at(date(2026, 5, 28)))
    assert timezone.localtime(dossier.deadline).date() == date(2026, 6, 1)
    assert send_pending() == 3  # élu, OF contact and member
    for message in mail.outbox:
        html, _ = message.alternatives[0]
        for body in (message.body, html):
            assert "lundi 1er juin 2026 à 23 h 59" in body
            assert "lundi 1 juin" not in body
