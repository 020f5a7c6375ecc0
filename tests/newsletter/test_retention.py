"""Retention: 30 days after unsubscribing only the keyed hash remains, as suppression."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import timezone

from newsletter.hashing import email_hash
from newsletter.models import Subscriber
from newsletter.services.privacy import subscribers_apply_retention
from newsletter.tasks import subscribers_apply_retention_task
from portal.celery import app
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

# UTC: "30 days" is 30 x 24 hours, also across the switch to summer time at the end of March.
NOW = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)


def test_subscribers_apply_retention_hashes_after_thirty_days():
    subscriber = SubscriberFactory(
        email="weg@example.org", themes=[ThemeFactory()], unsubscribed=True, unsubscribed_at=NOW - timedelta(days=30)
    )

    assert subscribers_apply_retention(now=NOW) == 1

    subscriber.refresh_from_db()
    assert subscriber.email is None
    assert subscriber.email_hash == email_hash("weg@example.org")
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not subscriber.themes.exists()


def test_subscribers_apply_retention_keeps_address_within_thirty_days():
    subscriber = SubscriberFactory(email="nog@example.org", unsubscribed=True, unsubscribed_at=NOW - timedelta(days=29))

    assert subscribers_apply_retention(now=NOW) == 0

    subscriber.refresh_from_db()
    assert subscriber.email == "nog@example.org"


def test_subscribers_apply_retention_never_touches_confirmed_or_bounced():
    confirmed = SubscriberFactory(email="blijf@example.org")
    bounced = SubscriberFactory(email="stuit@example.org", bounced=True)

    assert subscribers_apply_retention(now=NOW + timedelta(days=365)) == 0

    confirmed.refresh_from_db()
    bounced.refresh_from_db()
    assert (confirmed.email, bounced.email) == ("blijf@example.org", "stuit@example.org")


def test_subscribers_apply_retention_is_idempotent():
    SubscriberFactory(email="weg@example.org", unsubscribed=True, unsubscribed_at=NOW - timedelta(days=31))

    assert subscribers_apply_retention(now=NOW) == 1
    assert subscribers_apply_retention(now=NOW) == 0


def test_subscribers_apply_retention_follows_the_clock():
    with time_machine.travel(NOW, tick=False):
        subscriber = SubscriberFactory(email="later@example.org", unsubscribed=True)
    with time_machine.travel(NOW + timedelta(days=29, hours=23), tick=False):
        assert subscribers_apply_retention() == 0
    with time_machine.travel(NOW + timedelta(days=30), tick=False):
        assert subscribers_apply_retention() == 1

    subscriber.refresh_from_db()
    assert subscriber.email is None


def test_subscribers_apply_retention_redacts_admin_history(admin_user):
    subscriber = SubscriberFactory(email="weg@example.org", unsubscribed=True, unsubscribed_at=NOW - timedelta(days=31))
    LogEntry.objects.log_actions(
        user_id=admin_user.pk, queryset=[subscriber], action_flag=CHANGE, change_message="x", single_object=True
    )

    subscribers_apply_retention(now=NOW)

    assert LogEntry.objects.get().object_repr == "(adres verwijderd)"


def test_retention_task_is_scheduled_daily_by_beat():
    entries = [
        e for e in app.conf.beat_schedule.values() if e["task"] == "newsletter.tasks.subscribers_apply_retention_task"
    ]

    assert len(entries) == 1
    schedule = entries[0]["schedule"]
    assert (schedule.hour, schedule.minute, len(schedule.day_of_week)) == ({4}, {15}, 7)
    assert subscribers_apply_retention_task.name == entries[0]["task"]


def test_retention_task_calls_the_service():
    SubscriberFactory(email="weg@example.org", unsubscribed=True, unsubscribed_at=timezone.now() - timedelta(days=31))

    assert subscribers_apply_retention_task() == 1
    assert Subscriber.objects.get().email is None


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_retention_task_runs_on_a_real_worker(celery_worker_process):
    subscriber = SubscriberFactory(
        email="weg@example.org", unsubscribed=True, unsubscribed_at=timezone.now() - timedelta(days=31)
    )

    subscribers_apply_retention_task.delay()

    celery_worker_process.wait_for(
        lambda: Subscriber.objects.filter(pk=subscriber.pk, email__isnull=True).exists(), what="retention by the worker"
    )
    assert Subscriber.objects.get().email_hash == email_hash("weg@example.org")
