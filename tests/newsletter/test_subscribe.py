"""Sign-up form: identical answers whatever the address's state, honeypot, header injection, mail enqueued."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from newsletter.models import ConsentEvent, Subscriber
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

URL = "/nieuwsbrief/aanmelden/"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def enqueued(monkeypatch):
    """The confirmation mails handed to the queue (the broker is the world outside this test)."""
    from newsletter import tasks

    calls = []
    monkeypatch.setattr(tasks.subscription_request_email_send_task, "delay_on_commit", lambda *a: calls.append(a))
    return calls


def _without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_subscribe_url_name():
    assert reverse("newsletter:subscribe") == URL


def test_subscribe_page_shows_form_themes_and_consent_text(client):
    ThemeFactory(name="Jeugd", slug="jeugd")
    ThemeFactory(name="Oud thema", slug="oud", is_active=False)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="email"' in html
    assert "Jeugd" in html
    assert "Oud thema" not in html
    assert "Ik wil de nieuwsbrief per e-mail ontvangen" in html


def test_subscribe_stores_nothing_and_enqueues_one_mail(client, enqueued):
    theme = ThemeFactory(slug="jeugd")
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0, 0, 5, tzinfo=datetime.UTC), tick=False):
        response = client.post(URL, {"email": "  Nieuw@Voorbeeld.nl ", "themes": ["jeugd"]})
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribe_done")
    assert Subscriber.objects.count() == 0
    assert ConsentEvent.objects.count() == 0
    # The moment of the request travels along: the confirmation link counts from then, not from the mail.
    assert enqueued == [("Nieuw@Voorbeeld.nl", [theme.slug], 1, "2026-06-01T09:00:00.000005+00:00")]


@pytest.mark.parametrize("state", ["new", "confirmed", "paused", "unsubscribed", "bounced", "hashed", "pending"])
def test_subscribe_response_identical_for_every_address_state(client, enqueued, state):
    address = "persoon@voorbeeld.nl"
    if state in {"confirmed", "unsubscribed", "bounced"}:
        SubscriberFactory(email=address, **({} if state == "confirmed" else {state: True}))
    elif state == "paused":
        SubscriberFactory(email=address, paused_until=datetime.date.today() + datetime.timedelta(days=30))
    elif state == "hashed":
        SubscriberFactory(hashed=True, email_hash=SubscriberFactory.build(email=address).email_hash)
    elif state == "pending":
        client.post(URL, {"email": address})
        cache.clear()
    reference = client.post(URL, {"email": "iemand-anders@voorbeeld.nl"})
    cache.clear()
    response = client.post(URL, {"email": address})
    assert response.status_code == reference.status_code == 302
    assert response["Location"] == reference["Location"]
    assert response.content == reference.content
    done, done_reference = client.get(response["Location"]), client.get(reference["Location"])
    assert _without_csrf(done.content.decode()) == _without_csrf(done_reference.content.decode())


def test_subscribe_honeypot_drops_silently(client, enqueued):
    response = client.post(URL, {"email": "bot@voorbeeld.nl", "website": "https://spam.example"})
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribe_done")
    assert enqueued == []


def test_subscribe_honeypot_is_hidden_from_people(client):
    html = client.get(URL).content.decode()
    honeypot = html[html.index('name="website"') - 300 : html.index('name="website"')]
    assert 'aria-hidden="true"' in honeypot
    assert "portal-visually-hidden" in honeypot


@pytest.mark.parametrize("char", ["\r", "\n", "\x00", "\r\n"])
@pytest.mark.parametrize("field", ["email", "themes", "website"])
def test_subscribe_rejects_control_characters_in_any_field(client, enqueued, field, char):
    ThemeFactory(slug="jeugd")
    data = {"email": "a@voorbeeld.nl", "themes": ["jeugd"]}
    injected = "Bcc: slachtoffer@voorbeeld.nl"
    data[field] = f"a@voorbeeld.nl{char}{injected}" if field == "email" else f"jeugd{char}{injected}"
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "niet zijn toegestaan" in response.content.decode() or "geldig" in response.content.decode()
    assert enqueued == []


@pytest.mark.parametrize("char", ["\r\n", "\n", "\x00"])
def test_subscribe_rejects_trailing_control_characters_that_strip_would_hide(client, enqueued, char):
    response = client.post(URL, {"email": f"a@voorbeeld.nl{char}"})
    assert response.status_code == 200
    assert enqueued == []


def test_subscribe_invalid_address_shows_dutch_error_and_keeps_input(client, enqueued):
    response = client.post(URL, {"email": "geen-adres"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een geldig e-mailadres in" in html
    assert 'value="geen-adres"' in html
    assert 'aria-invalid="true"' in html
    assert enqueued == []


def test_subscribe_unknown_theme_is_a_form_error_not_a_crash(client, enqueued):
    response = client.post(URL, {"email": "a@voorbeeld.nl", "themes": ["bestaat-niet"]})
    assert response.status_code == 200
    assert enqueued == []


def test_subscribe_get_sets_no_cookie(client):
    response = client.get(URL)
    assert set(response.cookies) == set()
    done = client.get(reverse("newsletter:subscribe_done"))
    assert not done.cookies


def test_subscribe_page_query_budget(client, django_assert_max_num_queries):
    for _ in range(12):
        ThemeFactory()
    client.get(URL)
    with django_assert_max_num_queries(3):
        assert client.get(URL).status_code == 200


def test_subscribe_post_needs_no_csrf_cookie_and_still_only_enqueues_a_confirmation(enqueued):
    response = Client(enforce_csrf_checks=True).post(URL, {"email": "zonder-cookie@voorbeeld.nl"})
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribe_done")
    assert len(enqueued) == 1
    assert not Subscriber.objects.exists()
