"""The digest's periodic tasks on a real Celery worker: a due edition starts sending, a draft-ready mail goes out."""

import datetime

import pytest
from django.utils import timezone

from newsletter.models import Edition, EditionEvent
from newsletter.services import digest_approve, digest_assemble
from portal.celery import app
from tests.factories import ArticleFactory, ThemeFactory
from tests.news.editors import editor_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def _beat_entry(task_name: str) -> dict:
    return next(entry for entry in app.conf.beat_schedule.values() if entry["task"] == task_name)


def _approved_edition(send_at):
    ArticleFactory(
        publication_date=timezone.localdate().replace(day=1) - datetime.timedelta(days=3), themes=[ThemeFactory()]
    )
    edition = digest_assemble().edition
    return digest_approve(edition=edition, send_at=send_at)


def _status(edition):
    return Edition.objects.get(pk=edition.pk).status


def test_beat_starts_a_due_edition_every_minute_on_a_real_worker(celery_worker_process):
    entry = _beat_entry("newsletter.tasks.digest_due_start_task")
    assert entry["schedule"] == 60.0
    edition = _approved_edition(send_at=timezone.now() + datetime.timedelta(seconds=4))

    # Beat's message before the moment: nothing starts.
    app.send_task(entry["task"])
    celery_worker_process.wait_for(lambda: celery_worker_process.log().count("succeeded") >= 1, what="the first run")
    assert _status(edition) == Edition.Status.APPROVED

    celery_worker_process.wait_for(lambda: timezone.now() > edition.send_at, timeout=10, what="the send moment")
    app.send_task(entry["task"])
    celery_worker_process.wait_for(lambda: _status(edition) == Edition.Status.SENDING, what="the edition to start")
    started = Edition.objects.get(pk=edition.pk)
    assert started.started_at >= started.send_at
    assert started.events.filter(action=EditionEvent.Action.SEND_STARTED, user=None).count() == 1

    # A second beat message (or a second beat) starts nothing twice.
    app.send_task(entry["task"])
    celery_worker_process.wait_for(lambda: celery_worker_process.log().count("succeeded") >= 3, what="the third run")
    assert started.events.filter(action=EditionEvent.Action.SEND_STARTED).count() == 1


def test_send_now_starts_at_once_without_waiting_for_beat(celery_worker_process):
    edition = _approved_edition(send_at=None)

    celery_worker_process.wait_for(lambda: _status(edition) == Edition.Status.SENDING, what="the nudged start")


def test_assembly_on_the_first_of_the_month_mails_the_eindredacteuren(celery_worker_factory, smtp_sink):
    entry = _beat_entry("newsletter.tasks.digest_assemble_task")
    assert (entry["schedule"].day_of_month, entry["schedule"].hour, entry["schedule"].minute) == ({1}, {6}, {0})
    chief = editor_user("Eindredacteur")
    chief.email = "eindredactie@gemeente.nl"
    chief.save()
    ArticleFactory(publication_date=timezone.localdate().replace(day=1) - datetime.timedelta(days=3))
    worker = celery_worker_factory(env=smtp_sink.env)

    app.send_task(entry["task"])

    (message,) = smtp_sink.wait_for(1)
    assert smtp_sink.envelopes[0][1] == ["eindredactie@gemeente.nl"]
    assert message["Subject"].startswith("Nieuwsbrief ") and message["Subject"].endswith("staat klaar om na te kijken")
    assert "/beheer/" in message.get_body(("plain",)).get_content()
    worker.wait_for(lambda: Edition.objects.filter(status=Edition.Status.DRAFT).exists(), what="the draft")
