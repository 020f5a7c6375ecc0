"""Bounces: subscription_bounce stops the mail, records the moment and the ledger event, and is idempotent."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from newsletter.models import ConsentEvent, Source, Subscriber
from newsletter.services import SignupOutdated, subscription_bounce, subscription_confirm
from newsletter.services.privacy import subscriber_export_data
from newsletter.tokens import SignupRequest
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 4, 2, 8, 0, tzinfo=datetime.UTC)


def test_subscription_bounce_marks_confirmed_subscribers_with_moment_and_event():
    theme = ThemeFactory(slug="jeugd")
    subscriber = SubscriberFactory(themes=[theme], paused_until=datetime.date(2026, 5, 1))
    with time_machine.travel(NOW, tick=False):
        assert subscription_bounce(subscriber_ids=[subscriber.pk, subscriber.pk]) == 1

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED
    assert subscriber.bounced_at == subscriber.consent_changed_at == NOW
    assert subscriber.paused_until is None
    event = ConsentEvent.objects.get()
    assert (event.action, event.source, event.themes, event.at) == ("bounce", Source.SYSTEM, ["jeugd"], NOW)
    assert subscriber_export_data(subscriber=subscriber)["onbestelbaar_sinds"] == NOW.isoformat()


def test_subscription_bounce_is_idempotent_and_leaves_other_states_alone():
    bounced = SubscriberFactory(bounced=True)
    unsubscribed = SubscriberFactory(unsubscribed=True)

    assert subscription_bounce(subscriber_ids=[bounced.pk, unsubscribed.pk]) == 0
    assert subscription_bounce(subscriber_ids=[]) == 0

    unsubscribed.refresh_from_db()
    assert unsubscribed.status == Subscriber.Status.UNSUBSCRIBED
    assert not ConsentEvent.objects.exists()


def test_confirm_link_requested_before_a_bounce_is_outdated_after_it(django_capture_on_commit_callbacks):
    """A bounce is a later event too: an older link, confirmed elsewhere meanwhile, no longer applies."""
    with time_machine.travel(NOW, tick=False) as clock:
        old = SignupRequest("post@voorbeeld.nl", (), 1, requested_at=NOW)
        clock.shift(datetime.timedelta(minutes=5))
        with django_capture_on_commit_callbacks():
            subscriber = subscription_confirm(signup=SignupRequest("post@voorbeeld.nl", (), 1, requested_at=NOW))
        clock.shift(datetime.timedelta(days=1))
        subscription_bounce(subscriber_ids=[subscriber.pk])
        with pytest.raises(SignupOutdated):
            subscription_confirm(signup=old)
        clock.shift(datetime.timedelta(minutes=1))
        with django_capture_on_commit_callbacks():
            subscription_confirm(signup=SignupRequest("post@voorbeeld.nl", (), 1, requested_at=timezone.now()))

    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
