"""The sign-up emails go through a real Celery worker to a real local SMTP server, never inside the request."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from newsletter.models import Subscriber
from tests.factories import ConsentTextFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture(autouse=True)
def _clean_state():
    cache.clear()
    # transactional_db empties the tables after each test, also the consent text of migration 0002.
    ConsentTextFactory(version=1, is_active=True)


def _link(message, path_start):
    text = message.get_body(("plain",)).get_content()
    return re.search(rf"https?://\S+({re.escape(path_start)}\S+/)", text).group(1)


def test_subscribe_confirmation_email_sent_by_worker(client, celery_worker_factory, smtp_sink, settings):
    smtp_sink.use(settings)  # had the request sent mail itself, it would arrive here too: it must not
    worker = celery_worker_factory(env=smtp_sink.env)
    response = client.post(reverse("newsletter:subscribe"), {"email": "nieuw@voorbeeld.nl"})
    assert response.status_code == 302
    assert smtp_sink.raw == []  # nothing sent inside the request
    worker.wait_for(lambda: smtp_sink.raw, what="the confirmation email")
    (message,) = smtp_sink.messages
    assert message["Subject"] == "Bevestig uw aanmelding voor de nieuwsbrief"
    assert smtp_sink.envelopes[0][1] == ["nieuw@voorbeeld.nl"]

    confirm_path = _link(message, "/nieuwsbrief/bevestigen/")
    assert client.post(confirm_path).status_code == 302
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    worker.wait_for(lambda: len(smtp_sink.raw) == 2, what="the welcome email")
    welcome = smtp_sink.messages[1]
    assert welcome["Subject"] == "U bent aangemeld voor de nieuwsbrief"
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_subscribe_email_retried_after_temporary_smtp_failure(client, celery_worker_factory, smtp_sink):
    smtp_sink.reply_with("421 4.7.0 Probeer het later opnieuw")
    worker = celery_worker_factory(env=smtp_sink.env)
    client.post(reverse("newsletter:subscribe"), {"email": "geduld@voorbeeld.nl"})
    worker.wait_for(lambda: smtp_sink.refused >= 1, what="the first, refused attempt")
    smtp_sink.reply_with(None)
    worker.wait_for(lambda: smtp_sink.raw, timeout=60, what="the retried email")
    assert smtp_sink.envelopes[0][1] == ["geduld@voorbeeld.nl"]
    assert "Retry in" in worker.log()
    assert "geduld@voorbeeld.nl" not in worker.log()


def test_subscribe_email_permanent_failure_is_logged_not_retried(client, celery_worker_factory, smtp_sink):
    smtp_sink.reply_with("550 5.1.1 Onbekende ontvanger")
    worker = celery_worker_factory(env=smtp_sink.env)
    client.post(reverse("newsletter:subscribe"), {"email": "bestaat-niet@voorbeeld.nl"})
    worker.wait_for(lambda: "refused permanently" in worker.log(), what="the permanent failure in the log")
    assert smtp_sink.refused == 1
    assert "Retry in" not in worker.log()
