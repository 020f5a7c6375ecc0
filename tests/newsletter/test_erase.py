"""Erasure: the address and its hash leave no trace in any table."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, DataAccessLog, ImportConsent, Source, Subscriber
from newsletter.services.privacy import subscriber_erase, subscriber_erase_address, subscribers_apply_retention
from tests.factories import ConsentEventFactory, SubscriberFactory, ThemeFactory
from tests.newsletter.privacy_helpers import tables_containing

pytestmark = pytest.mark.django_db

ADDRESS = "Erase.Me+nieuws@Example.org"


@pytest.fixture
def traced_subscriber(admin_user):
    """A subscriber whose address reached every place the newsletter writes to."""
    subscriber = SubscriberFactory(email=ADDRESS, themes=[ThemeFactory(), ThemeFactory()])
    ConsentEventFactory(subscriber=subscriber)
    ConsentEvent.objects.create(subscriber=subscriber, action="themes", source=Source.PREFERENCES, consent_version=1)
    ImportConsent.objects.create(subscriber=subscriber, consent_source="bijeenkomst", consent_date="2026-01-05")
    LogEntry.objects.log_actions(
        user_id=admin_user.pk, queryset=[subscriber], action_flag=CHANGE, change_message="thema's", single_object=True
    )
    DataAccessLog.objects.create(
        user=admin_user, action=DataAccessLog.Action.DETAIL, detail=f"abonnee #{subscriber.pk}"
    )
    return subscriber


def test_tables_containing_finds_the_address_before_erase(traced_subscriber):
    found = tables_containing(ADDRESS)

    assert "newsletter_subscriber.email" in found
    assert "django_admin_log.object_repr" in found
    assert tables_containing(email_hash(ADDRESS)) == ["newsletter_subscriber.email_hash"]


def test_subscriber_erase_leaves_no_trace_of_address_or_hash(traced_subscriber):
    subscriber_erase(subscriber=traced_subscriber, source=Source.PREFERENCES)

    assert tables_containing(ADDRESS) == []
    assert tables_containing(ADDRESS.split("@")[0]) == []
    assert tables_containing(email_hash(ADDRESS)) == []


def test_subscriber_erase_appends_an_anonymous_erase_event(traced_subscriber):
    subscriber_erase(subscriber=traced_subscriber, source=Source.PREFERENCES)

    event = ConsentEvent.objects.get(action=ConsentEvent.Action.ERASE)
    assert event.subscriber is None
    assert event.source == Source.PREFERENCES
    # Earlier events stay in the append-only ledger, detached from the person.
    assert ConsentEvent.objects.filter(action="themes", subscriber__isnull=True).count() == 1
    assert not ImportConsent.objects.exists()
    assert not Subscriber.objects.exists()


def test_subscriber_erase_address_removes_a_hashed_suppression_row():
    SubscriberFactory(email=ADDRESS, unsubscribed=True, unsubscribed_at=timezone.now() - timedelta(days=40))
    subscribers_apply_retention()
    assert Subscriber.objects.get().email is None

    assert subscriber_erase_address(email=" erase.me+NIEUWS@example.org ") is True

    assert not Subscriber.objects.exists()
    assert tables_containing(email_hash(ADDRESS)) == []


def test_subscriber_erase_address_unknown_changes_nothing():
    SubscriberFactory(email="blijft@example.org")

    assert subscriber_erase_address(email=ADDRESS) is False

    assert Subscriber.objects.count() == 1
    assert not ConsentEvent.objects.filter(action=ConsentEvent.Action.ERASE).exists()


def test_newsletter_erase_command_erases_and_says_so(traced_subscriber, capsys):
    call_command("newsletter_erase", ADDRESS.upper())

    assert "Alle gegevens van dit adres zijn verwijderd." in capsys.readouterr().out
    assert tables_containing(ADDRESS) == []
    assert ConsentEvent.objects.filter(action=ConsentEvent.Action.ERASE, source=Source.ADMIN).count() == 1


def test_newsletter_erase_command_unknown_address_says_nothing_changed(capsys):
    call_command("newsletter_erase", "onbekend@example.org")

    assert "Er is niets veranderd." in capsys.readouterr().out
    assert not ConsentEvent.objects.exists()


def test_newsletter_erase_keeps_admin_history_of_other_subscribers(traced_subscriber, admin_user):
    other = SubscriberFactory(email="ander@example.org")
    LogEntry.objects.log_actions(
        user_id=admin_user.pk, queryset=[other], action_flag=CHANGE, change_message="", single_object=True
    )

    subscriber_erase(subscriber=traced_subscriber, source=Source.ADMIN)

    content_type = ContentType.objects.get_for_model(Subscriber)
    assert list(LogEntry.objects.filter(content_type=content_type).values_list("object_repr", flat=True)) == [
        "ander@example.org"
    ]
