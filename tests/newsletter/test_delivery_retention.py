"""Retention of the delivery rows: DELIVERY_RETENTION_DAYS after a send finished only the counts remain."""

import datetime

import pytest

from newsletter.models import Delivery, Edition
from newsletter.selectors.delivery import delivery_progress
from newsletter.services.privacy import deliveries_apply_retention, subscribers_apply_retention
from tests.factories import EditionFactory
from tests.factories.delivery import DeliveryFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 7, 1, 3, 0, tzinfo=datetime.UTC)
S = Delivery.Status


def finished(days_ago, month=3, status=Edition.Status.SENT):
    edition = EditionFactory(
        month=datetime.date(2027, month, 1), sending=True, status=status, finished_at=NOW - datetime.timedelta(days_ago)
    )
    DeliveryFactory.create_batch(3, edition=edition, sent=True)
    DeliveryFactory(edition=edition, status=S.BOUNCED, reason="550")
    DeliveryFactory(edition=edition, status=S.SKIPPED)
    return edition


def test_delivery_retention_keeps_only_counts_after_ninety_days():
    edition = finished(days_ago=90)

    subscribers_apply_retention(now=NOW)  # the daily retention run

    edition.refresh_from_db()
    assert not Delivery.objects.filter(edition=edition).exists()
    assert {status: n for status, n in edition.counts.items() if n} == {
        "verzonden": 3,
        "onbestelbaar": 1,
        "overgeslagen": 1,
    }
    progress = delivery_progress(edition=edition)
    assert progress.from_retention and progress.total == 5


def test_delivery_retention_keeps_rows_within_the_period():
    edition = finished(days_ago=89)

    assert deliveries_apply_retention(now=NOW) == 0

    assert Delivery.objects.filter(edition=edition).count() == 5
    assert Edition.objects.get(pk=edition.pk).counts == {}


@pytest.mark.parametrize("status", [Edition.Status.SENDING, Edition.Status.PAUSED])
def test_delivery_retention_never_touches_a_send_under_way(status):
    edition = finished(days_ago=400, status=status)

    assert deliveries_apply_retention(now=NOW) == 0

    assert Delivery.objects.filter(edition=edition).count() == 5


def test_delivery_retention_is_idempotent_and_leaves_other_editions(settings):
    settings.DELIVERY_RETENTION_DAYS = 10
    old, recent = finished(days_ago=11, month=3), finished(days_ago=9, month=4)

    assert deliveries_apply_retention(now=NOW) == 5
    assert deliveries_apply_retention(now=NOW) == 0

    assert Edition.objects.get(pk=old.pk).counts["verzonden"] == 3
    assert Delivery.objects.filter(edition=recent).count() == 5


def test_delivery_retention_of_a_cancelled_send():
    edition = finished(days_ago=120, status=Edition.Status.CANCELLED)
    Delivery.objects.filter(edition=edition, status=S.SKIPPED).update(status=S.CANCELLED)

    deliveries_apply_retention(now=NOW)

    counts = Edition.objects.get(pk=edition.pk).counts
    assert {status: n for status, n in counts.items() if n} == {"verzonden": 3, "onbestelbaar": 1, "geannuleerd": 1}


def test_delivery_retention_spares_an_edition_retried_after_listing(monkeypatch, django_capture_on_commit_callbacks):
    """An editor retries the failed rows of an old edition between the retention's listing and its lock: the
    edition is sending again, and its rows stay."""
    from newsletter.services import privacy
    from newsletter.services.digest.control import deliveries_retry_failed

    edition = finished(days_ago=120)
    DeliveryFactory(edition=edition, status=S.FAILED, reason="451")
    collapse = privacy._edition_deliveries_collapse

    def editor_clicks_first(edition_id, cutoff):
        with django_capture_on_commit_callbacks(execute=False):
            assert deliveries_retry_failed(edition=Edition.objects.get(pk=edition_id)) == 1
        return collapse(edition_id, cutoff)

    monkeypatch.setattr(privacy, "_edition_deliveries_collapse", editor_clicks_first)

    assert deliveries_apply_retention(now=NOW) == 0

    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENDING
    assert Delivery.objects.filter(edition=edition).count() == 6
