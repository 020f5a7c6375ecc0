"""A subscriber's own data (JSON download), erasure through the public flow, and the access log."""

import json

import pytest
from django.urls import reverse

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, DataAccessLog, ImportConsent, Source
from newsletter.services import (
    data_access_record,
    subscriber_export_data,
    subscription_confirm,
    subscription_pause,
    subscription_update_themes,
)
from newsletter.tokens import subscriber_token_make
from tests.factories import ConsentEventFactory, SubscriberFactory, ThemeFactory
from tests.factories.newsletter import SignupRequestFactory
from tests.newsletter.privacy_helpers import tables_containing

pytestmark = pytest.mark.django_db

ADDRESS = "Persoon.Zelf@Example.org"


def test_subscriber_export_data_holds_everything_stored(django_capture_on_commit_callbacks):
    jeugd = ThemeFactory(name="Jeugd", slug="test-jeugd")
    subscriber = SubscriberFactory(email=ADDRESS, themes=[jeugd])
    ConsentEventFactory(subscriber=subscriber, themes=[jeugd.slug], all_themes=False)
    ImportConsent.objects.create(subscriber=subscriber, consent_source="aanmeldlijst", consent_date="2026-01-05")

    data = json.loads(json.dumps(subscriber_export_data(subscriber=subscriber)))

    assert data["e_mailadres"] == ADDRESS
    assert data["status"] == "Bevestigd"
    assert data["themas"] == ["Jeugd"]
    assert [e["actie"] for e in data["toestemmingslogboek"]] == ["Aangemeld"]
    assert data["toestemmingslogboek"][0]["themas"] == ["test-jeugd"]
    assert data["toestemming_uit_import"] == [
        {
            "bron": "aanmeldlijst",
            "datum": "2026-01-05",
            "geimporteerd_op": data["toestemming_uit_import"][0]["geimporteerd_op"],
        }
    ]
    assert "versleutelde code" in data["toestemmingsteksten"]["1"]
    assert email_hash(ADDRESS) not in json.dumps(data)


def test_subscriber_export_data_lists_ledger_in_time_order():
    subscriber = SubscriberFactory(email=ADDRESS)
    ConsentEventFactory(subscriber=subscriber)
    subscription_update_themes(subscriber=subscriber, themes=[ThemeFactory()])
    subscriber = subscription_pause(subscriber=subscriber, months=2)

    data = subscriber_export_data(subscriber=subscriber)

    assert [e["actie"] for e in data["toestemmingslogboek"]] == ["Aangemeld", "Thema's gewijzigd", "Gepauzeerd"]
    assert data["gepauzeerd_tot"] is not None


def test_erase_button_after_real_flow_leaves_no_trace(client, admin_client, django_capture_on_commit_callbacks):
    theme = ThemeFactory(slug="wonen")
    subscriber = subscription_confirm(signup=SignupRequestFactory(email=ADDRESS, theme_slugs=("wonen",)))
    subscription_update_themes(subscriber=subscriber, themes=[theme, ThemeFactory()])
    subscription_pause(subscriber=subscriber, months=1)
    admin_client.get(reverse("admin:newsletter_subscriber_change", args=[subscriber.pk]))
    admin_client.get(reverse("admin:newsletter_subscriber_changelist"), {"q": ADDRESS})
    assert "newsletter_subscriber.email" in tables_containing(ADDRESS)
    token = subscriber_token_make(
        purpose="preferences", subscriber_id=subscriber.pk, token_version=subscriber.token_version
    )

    response = client.post(reverse("newsletter:subscriber_erase", kwargs={"token": token}))

    assert response.status_code == 302
    assert tables_containing(ADDRESS) == []
    assert tables_containing(email_hash(ADDRESS)) == []
    assert ConsentEvent.objects.filter(action=ConsentEvent.Action.ERASE, source=Source.PREFERENCES).count() == 1
    # The ledger keeps its four earlier events, anonymous now; the access log kept no address either.
    assert ConsentEvent.objects.filter(subscriber__isnull=True).count() == 4
    assert DataAccessLog.objects.count() == 2


def test_data_access_record_keeps_no_anonymous_user_and_caps_detail():
    from django.contrib.auth.models import AnonymousUser

    log = data_access_record(user=AnonymousUser(), action=DataAccessLog.Action.LIST, count=0, detail="x" * 300)

    assert log.user is None
    assert len(log.detail) == 250
