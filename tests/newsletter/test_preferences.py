"""Preferences page: themes, pause, unsubscribe, data download, erase; GET never changes anything."""

import datetime
import json

import pytest
import time_machine
from django.urls import reverse

from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import subscriber_token_make
from newsletter.views import consent_stand
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _token(subscriber):
    return subscriber_token_make(
        purpose="preferences", subscriber_id=subscriber.pk, token_version=subscriber.token_version
    )


def _url(subscriber, name="newsletter:preferences"):
    return reverse(name, kwargs={"token": _token(subscriber)})


def _form(subscriber, **data):
    """A preferences form as the page shows it now: with the version of the choices it shows."""
    subscriber.refresh_from_db()
    return {"stand": consent_stand(subscriber), **data}


@pytest.fixture
def subscriber():
    return SubscriberFactory(email="lezer@voorbeeld.nl")


PAGES = ["newsletter:preferences", "newsletter:subscriber_export", "newsletter:subscriber_erase"]


@pytest.mark.parametrize("name", PAGES)
def test_preferences_links_get_changes_nothing(client, subscriber, name):
    before = Subscriber.objects.values().get()
    for _ in range(2):
        response = client.get(_url(subscriber, name))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert Subscriber.objects.values().get() == before
    assert not ConsentEvent.objects.exists()


def test_preferences_page_shows_address_and_checked_themes(client):
    jeugd, wmo = ThemeFactory(name="Jeugd", slug="jeugd"), ThemeFactory(name="Wmo", slug="wmo")
    subscriber = SubscriberFactory(themes=[jeugd])
    html = client.get(_url(subscriber)).content.decode()
    assert subscriber.email in html
    assert f'value="{jeugd.slug}" id="id_themes_0" checked' in html
    assert f'value="{wmo.slug}" id="id_themes_1">' in html


def test_preferences_change_themes(client, subscriber):
    jeugd = ThemeFactory(slug="jeugd")
    response = client.post(_url(subscriber), _form(subscriber, action="themes", themes=["jeugd"]))
    assert response.status_code == 302
    assert "gewijzigd=themas" in response["Location"]
    subscriber.refresh_from_db()
    assert list(subscriber.themes.all()) == [jeugd]
    assert subscriber.all_themes is False
    event = ConsentEvent.objects.get()
    assert (event.action, event.source, event.themes) == ("themes", "preferences", ["jeugd"])
    assert "Uw thema's zijn opgeslagen" in client.get(response["Location"]).content.decode()


def test_preferences_no_theme_ticked_means_all_themes(client):
    subscriber = SubscriberFactory(themes=[ThemeFactory()])
    client.post(_url(subscriber), _form(subscriber, action="themes"))
    subscriber.refresh_from_db()
    assert subscriber.all_themes is True
    assert subscriber.themes.count() == 0


@pytest.mark.parametrize(("months", "until"), [(1, datetime.date(2026, 2, 28)), (3, datetime.date(2026, 4, 30))])
def test_preferences_pause(client, subscriber, months, until):
    with time_machine.travel(datetime.datetime(2026, 1, 31, 12, tzinfo=datetime.UTC), tick=False):
        response = client.post(_url(subscriber), _form(subscriber, action="pause", months=str(months)))
        subscriber.refresh_from_db()
        assert subscriber.is_paused
    assert response.status_code == 302
    assert subscriber.paused_until == until
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert ConsentEvent.objects.get().action == "pause"


@pytest.mark.parametrize("months", ["0", "4", "-1", "abc", ""])
def test_preferences_pause_out_of_range_is_a_dutch_form_error(client, subscriber, months):
    response = client.post(_url(subscriber), _form(subscriber, action="pause", months=months))
    assert response.status_code == 400
    assert "Fout:" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.paused_until is None


def test_preferences_unsubscribe(client, subscriber):
    response = client.post(_url(subscriber), {"action": "unsubscribe"})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert ConsentEvent.objects.get().source == "preferences"
    assert "U bent afgemeld" in client.get(response["Location"]).content.decode()


def test_preferences_of_unsubscribed_cannot_change_themes(client):
    subscriber = SubscriberFactory(unsubscribed=True)
    client.post(_url(subscriber), _form(subscriber, action="themes", themes=[]))
    assert not ConsentEvent.objects.exists()


def test_preferences_unknown_action_is_400_not_500(client, subscriber):
    assert client.post(_url(subscriber), _form(subscriber, action="hack")).status_code == 400


def test_preferences_download_my_data_as_json(client):
    subscriber = SubscriberFactory(email="lezer@voorbeeld.nl", themes=[ThemeFactory(name="Jeugd")])
    response = client.get(_url(subscriber, "newsletter:subscriber_export"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["e_mailadres"] == "lezer@voorbeeld.nl"
    assert data["themas"] == ["Jeugd"]


def test_preferences_erase_removes_subscriber(client, subscriber):
    response = client.post(_url(subscriber, "newsletter:subscriber_erase"))
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:erase_done")
    assert not Subscriber.objects.exists()
    assert client.get(_url(subscriber)).status_code == 400


def test_preferences_page_query_budget_does_not_grow_with_themes(client, django_assert_max_num_queries):
    themes = [ThemeFactory() for _ in range(12)]
    subscriber = SubscriberFactory(themes=themes[:6])
    client.get(_url(subscriber))  # warm the site-wide caches of the page chrome
    with django_assert_max_num_queries(4):
        response = client.get(_url(subscriber))
    assert response.status_code == 200
