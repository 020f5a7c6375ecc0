"""The demo's newsletter: sample subscribers, a sent edition with its web version, an approved one; idempotent."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from demo.digest import sample_editions_load, sample_editions_reset
from demo.services import sample_content_load
from newsletter.models import Edition, Subscriber
from newsletter.selectors import digest_audience_summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(tmp_path, client):
    today = timezone.localdate()
    with override_settings(MEDIA_ROOT=tmp_path):
        sample_content_load(today=today)
        report = sample_editions_load(today=today)
    return today, report


def test_demo_has_an_approved_edition_for_last_month_and_a_sent_one_before_it(loaded, client):
    today, report = loaded
    last = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    earlier = (last - datetime.timedelta(days=1)).replace(day=1)

    approved, sent = Edition.objects.get(month=last), Edition.objects.get(month=earlier)

    assert report == {"abonnees": 10, "edities": 2}
    assert approved.status == Edition.Status.APPROVED and approved.send_at > timezone.now()
    assert sent.status == Edition.Status.SENT and sent.started_at is not None
    assert sent.items.filter(is_removed=False).count() >= 3
    assert client.get(sent.get_absolute_url()).status_code == 200
    assert client.get(approved.get_absolute_url()).status_code == 404
    assert approved.intro.startswith("<p>Goedemorgen.")


def test_demo_audience_means_something(loaded):
    summary = digest_audience_summary(edition=Edition.objects.get(status=Edition.Status.APPROVED))

    assert Subscriber.objects.count() == 10
    assert 2 <= summary.recipients <= 10
    assert summary.variants >= 2


def test_demo_editions_load_is_idempotent_and_reset_removes_them(loaded):
    today, _report = loaded

    assert sample_editions_load(today=today) == {"abonnees": 0, "edities": 0}
    sample_editions_reset()
    assert not Edition.objects.exists() and not Subscriber.objects.exists()
