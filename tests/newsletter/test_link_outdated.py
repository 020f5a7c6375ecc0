"""No link undoes a later decision: a confirmation link issued before the address's last consent change
(subscribe, theme change, pause, unsubscribe, bounce, erase) is refused with a Dutch page; a stale
preferences form does not re-apply what was shown before."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from newsletter.hashing import email_hash
from newsletter.models import ConsentEvent, Source, Subscriber
from newsletter.services import (
    subscriber_erase,
    subscriber_erase_address,
    subscribers_apply_retention,
    subscription_pause,
    subscription_request_email_send,
    subscription_unsubscribe,
    subscription_update_themes,
)
from newsletter.tokens import SignupRequest, confirm_token_make, subscriber_token_make
from tests.factories import SubscriberFactory, ThemeFactory
from tests.newsletter.privacy_helpers import tables_containing

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)
ADDRESS = "vertrekker@voorbeeld.nl"


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def welcomed(monkeypatch):
    from newsletter import tasks

    calls = []
    monkeypatch.setattr(tasks.subscription_welcome_send_task, "delay_on_commit", lambda *a: calls.append(a))
    return calls


def _confirm_url(email=ADDRESS, slugs=("jeugd",)):
    signup = SignupRequest(email=email, theme_slugs=slugs, consent_version=1)
    return reverse("newsletter:confirm", kwargs={"token": confirm_token_make(signup)})


def _outdated(response) -> bool:
    html = response.content.decode()
    return (
        response.status_code == 410 and "Deze link geldt niet meer" in html and 'href="/nieuwsbrief/aanmelden/"' in html
    )


def test_confirm_link_pressed_again_after_themes_and_unsubscribe_is_refused(client, clock, welcomed):
    ThemeFactory(slug="jeugd")
    wmo = ThemeFactory(slug="wmo")
    url = _confirm_url()
    clock.shift(MINUTE)
    assert client.post(url).status_code == 302
    subscriber = Subscriber.objects.get()
    clock.shift(MINUTE)
    subscription_update_themes(subscriber=subscriber, themes=[wmo])
    clock.shift(MINUTE)
    subscription_unsubscribe(subscriber=subscriber, source=Source.PREFERENCES)
    clock.shift(MINUTE)

    again = client.post(url)

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert list(subscriber.themes.values_list("slug", flat=True)) == ["wmo"]
    assert len(welcomed) == 1
    assert ConsentEvent.objects.filter(action=ConsentEvent.Action.RESUBSCRIBE).count() == 0
    assert _outdated(again)
    page = client.get(url)
    assert _outdated(page)
    assert "Bevestig mijn aanmelding" not in page.content.decode()


def test_confirm_link_requested_after_unsubscribing_resubscribes(client, clock, welcomed):
    subscriber = SubscriberFactory(email=ADDRESS, unsubscribed=True)
    clock.shift(MINUTE)

    assert client.post(_confirm_url()).status_code == 302

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert len(welcomed) == 1


def test_confirm_link_double_click_stays_harmless(client, clock, welcomed):
    url = _confirm_url()
    first = client.post(url)
    clock.shift(datetime.timedelta(seconds=1))
    second = client.post(url)

    assert first.status_code == second.status_code == 302
    assert second["Location"] == reverse("newsletter:confirm_done")
    assert ConsentEvent.objects.count() == 1
    assert len(welcomed) == 1


def test_confirm_link_of_a_confirmed_subscriber_changes_nothing_after_a_theme_change(client, clock, welcomed):
    ThemeFactory(slug="jeugd")
    wmo = ThemeFactory(slug="wmo")
    url = _confirm_url()
    client.post(url)
    clock.shift(MINUTE)
    subscription_update_themes(subscriber=Subscriber.objects.get(), themes=[wmo])
    clock.shift(MINUTE)

    assert client.post(url).status_code == 302

    assert list(Subscriber.objects.get().themes.values_list("slug", flat=True)) == ["wmo"]
    assert len(welcomed) == 1


def test_confirm_link_issued_before_an_erase_does_not_bring_the_subscription_back(client, clock, welcomed):
    url = _confirm_url()
    client.post(url)
    clock.shift(MINUTE)
    subscriber_erase(subscriber=Subscriber.objects.get(), source=Source.PREFERENCES)
    clock.shift(MINUTE)

    assert _outdated(client.get(url))
    assert _outdated(client.post(url))
    assert not Subscriber.objects.exists()
    assert len(welcomed) == 1


def test_confirm_link_never_used_is_refused_after_the_address_was_erased(client, clock, welcomed):
    SubscriberFactory(email=ADDRESS, unsubscribed=True)
    clock.shift(MINUTE)
    url = _confirm_url()
    clock.shift(MINUTE)
    call_command("newsletter_erase", ADDRESS.upper())
    clock.shift(MINUTE)

    assert _outdated(client.post(url))
    assert not Subscriber.objects.exists()


def test_confirm_link_requested_after_an_erase_subscribes(client, clock, welcomed):
    SubscriberFactory(email=ADDRESS)
    subscriber_erase_address(email=ADDRESS)
    clock.shift(MINUTE)

    assert client.post(_confirm_url()).status_code == 302
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_confirm_link_counts_from_the_request_not_from_a_late_mail(client, clock, mailoutbox, welcomed):
    """The mail may leave hours after the request (SMTP retries): an erase in between still wins."""
    SubscriberFactory(email=ADDRESS, unsubscribed=True)
    clock.shift(MINUTE)
    requested_at = START + MINUTE
    clock.shift(MINUTE)
    subscriber_erase_address(email=ADDRESS)
    clock.shift(datetime.timedelta(hours=3))
    subscription_request_email_send(
        email=ADDRESS, theme_slugs=[], consent_version=1, requested_at=requested_at.isoformat()
    )
    url = re.search(r"https?://\S+(/nieuwsbrief/bevestigen/\S+/)", mailoutbox[0].body).group(1)

    assert _outdated(client.post(url))
    assert not Subscriber.objects.exists()


def test_erase_tombstone_holds_no_address_and_is_gone_after_seven_days(clock):
    SubscriberFactory(email=ADDRESS)
    subscriber_erase_address(email=ADDRESS)

    assert tables_containing(ADDRESS) == []
    assert tables_containing(email_hash(ADDRESS)) == []
    assert subscribers_apply_retention(now=START + datetime.timedelta(days=7)) == 0
    from newsletter.models import ErasureTombstone

    assert ErasureTombstone.objects.count() == 1
    subscribers_apply_retention(now=START + datetime.timedelta(days=7, seconds=1))
    assert not ErasureTombstone.objects.exists()


# --- Preferences: a form shown before a later change does not re-apply what it showed ----------------


def _preferences_url(subscriber):
    token = subscriber_token_make(
        purpose="preferences", subscriber_id=subscriber.pk, token_version=subscriber.token_version
    )
    return reverse("newsletter:preferences", kwargs={"token": token})


def _form_fields(html: str, action: str) -> dict[str, str]:
    """The hidden fields of the preferences form with this action, as the browser would post them."""
    form = next(f for f in re.findall(r"<form method=\"post\">(.*?)</form>", html, re.S) if f'value="{action}"' in f)
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def test_preferences_stale_themes_form_does_not_undo_a_later_change(client, clock):
    jeugd, wmo = ThemeFactory(slug="jeugd"), ThemeFactory(slug="wmo")
    subscriber = SubscriberFactory(email=ADDRESS, themes=[jeugd])
    url = _preferences_url(subscriber)
    old_tab = _form_fields(client.get(url).content.decode(), "themes")
    clock.shift(MINUTE)
    subscription_update_themes(subscriber=subscriber, themes=[wmo])  # in another tab
    clock.shift(MINUTE)

    response = client.post(url, {**old_tab, "themes": ["jeugd"]})

    assert response.status_code == 409
    assert "Uw keuzes zijn intussen gewijzigd" in response.content.decode()
    assert list(subscriber.themes.values_list("slug", flat=True)) == ["wmo"]
    fresh = _form_fields(response.content.decode(), "themes")
    assert client.post(url, {**fresh, "themes": ["jeugd"]}).status_code == 302
    assert list(subscriber.themes.values_list("slug", flat=True)) == ["jeugd"]


def test_preferences_stale_pause_form_is_refused_after_a_later_change(client, clock):
    subscriber = SubscriberFactory(email=ADDRESS)
    url = _preferences_url(subscriber)
    old_tab = _form_fields(client.get(url).content.decode(), "pause")
    clock.shift(MINUTE)
    subscription_update_themes(subscriber=subscriber, themes=[ThemeFactory()])
    clock.shift(MINUTE)

    assert client.post(url, {**old_tab, "months": "2"}).status_code == 409
    subscriber.refresh_from_db()
    assert subscriber.paused_until is None


def test_preferences_unsubscribe_from_a_stale_page_still_works(client, clock):
    subscriber = SubscriberFactory(email=ADDRESS)
    url = _preferences_url(subscriber)
    old_tab = _form_fields(client.get(url).content.decode(), "unsubscribe")
    clock.shift(MINUTE)
    subscription_pause(subscriber=subscriber, months=1)
    clock.shift(MINUTE)

    assert client.post(url, old_tab).status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
