"""The progress of a send: counts per status and theme, rate, time left, last errors, in a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from newsletter.models import Delivery
from newsletter.selectors.delivery import delivery_progress, delivery_progress_data
from tests.factories import EditionFactory, SubscriberFactory, ThemeFactory
from tests.factories.delivery import DeliveryFactory

pytestmark = pytest.mark.django_db

S = Delivery.Status


def _deliveries(edition, statuses, **subscriber):
    return [DeliveryFactory(edition=edition, status=s, subscriber=SubscriberFactory(**subscriber)) for s in statuses]


def test_delivery_progress_counts_per_status_done_and_total():
    edition = EditionFactory(sending=True)
    _deliveries(edition, [S.PENDING, S.PENDING, S.CLAIMED, S.DEFERRED, S.SKIPPED, S.BOUNCED, S.FAILED])
    DeliveryFactory(edition=edition, sent=True)
    DeliveryFactory(edition=EditionFactory(month=datetime.date(2027, 2, 1), sending=True), sent=True)

    progress = delivery_progress(edition=edition)

    assert progress.counts == {
        "wachtend": 2, "bezig": 1, "uitgesteld": 1, "verzonden": 1,
        "overgeslagen": 1, "onbestelbaar": 1, "mislukt": 1, "geannuleerd": 0,
    }  # fmt: skip
    assert (progress.total, progress.open, progress.done, progress.percent) == (8, 4, 4, 50)


def test_delivery_progress_counts_per_theme_and_all_themes_apart():
    edition = EditionFactory(sending=True)
    care, youth = ThemeFactory(name="Zorg", order=1), ThemeFactory(name="Jeugd", order=2)
    DeliveryFactory(edition=edition, sent=True, subscriber=SubscriberFactory(themes=[care, youth]))
    DeliveryFactory(edition=edition, subscriber=SubscriberFactory(themes=[care]))
    DeliveryFactory(edition=edition, status=S.SKIPPED, subscriber=SubscriberFactory(themes=[youth]))
    DeliveryFactory(edition=edition, sent=True)  # all themes
    DeliveryFactory(edition=edition)  # all themes, still waiting

    progress = delivery_progress(edition=edition)

    assert [(t.name, t.total, t.sent, t.done) for t in progress.themes] == [("Zorg", 2, 1, 1), ("Jeugd", 2, 1, 2)]
    assert (progress.all_themes.total, progress.all_themes.sent, progress.all_themes.done) == (2, 1, 1)


def test_delivery_progress_rate_and_time_left():
    now = timezone.now()
    edition = EditionFactory(sending=True, started_at=now - datetime.timedelta(minutes=10))
    for second in range(30):  # 30 messages in the last 60 seconds: 0.5 per second
        DeliveryFactory(edition=edition, sent=True, sent_at=now - datetime.timedelta(seconds=second * 2))
    DeliveryFactory(edition=edition, sent=True, sent_at=now - datetime.timedelta(minutes=5))  # outside the window
    _deliveries(edition, [S.PENDING] * 10)

    progress = delivery_progress(edition=edition, now=now)

    assert progress.rate == 0.5
    assert progress.eta_seconds == 20


def test_delivery_progress_rate_of_a_send_just_begun_counts_from_its_start():
    now = timezone.now()
    edition = EditionFactory(sending=True, started_at=now - datetime.timedelta(seconds=10))
    for second in range(20):
        DeliveryFactory(edition=edition, sent=True, sent_at=now - datetime.timedelta(seconds=second / 2))

    assert delivery_progress(edition=edition, now=now).rate == 2.0


def test_delivery_progress_no_time_left_while_nothing_moves():
    edition = EditionFactory(sending=True)
    _deliveries(edition, [S.PENDING] * 3)

    progress = delivery_progress(edition=edition)

    assert progress.rate == 0.0
    assert progress.eta_seconds is None


def test_delivery_progress_last_errors_newest_first_without_addresses():
    edition = EditionFactory(sending=True)
    subscriber = SubscriberFactory(email="jan@voorbeeld.nl")
    DeliveryFactory(edition=edition, status=S.DEFERRED, reason="451 4.7.1 Probeer het later")
    DeliveryFactory(
        edition=edition, subscriber=subscriber, status=S.BOUNCED, reason="550 5.1.1 <jan@voorbeeld.nl>: unknown"
    )
    DeliveryFactory(edition=edition, status=S.SKIPPED, reason="geen artikelen voor de gekozen thema's")

    errors = delivery_progress(edition=edition).errors

    assert [(e.status, e.reason) for e in errors] == [
        ("onbestelbaar", "550 5.1.1 [adres]: unknown"),
        ("uitgesteld", "451 4.7.1 Probeer het later"),
    ]
    assert "jan@" not in str(delivery_progress_data(progress=delivery_progress(edition=edition), edition=edition))


@pytest.mark.parametrize("size", [5, 60])
def test_delivery_progress_query_count_does_not_grow(size, django_assert_num_queries):
    edition = EditionFactory(sending=True)
    themes = [ThemeFactory(), ThemeFactory()]
    for index in range(size):
        status = [S.SENT, S.PENDING, S.DEFERRED][index % 3]
        subscriber = SubscriberFactory(themes=themes[: index % 3]) if index % 3 else SubscriberFactory()
        DeliveryFactory(edition=edition, subscriber=subscriber, status=status, reason="451", sent_at=timezone.now())

    with django_assert_num_queries(4):
        delivery_progress(edition=edition)


def test_delivery_progress_after_retention_reads_the_kept_counts():
    edition = EditionFactory(sending=True, counts={"verzonden": 90, "onbestelbaar": 2, "overgeslagen": 8})

    progress = delivery_progress(edition=edition)

    assert progress.from_retention
    assert (progress.total, progress.done, progress.counts["verzonden"]) == (100, 100, 90)
