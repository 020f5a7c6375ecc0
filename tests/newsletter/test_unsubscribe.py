"""Unsubscribe link: GET changes nothing, the button POST needs CSRF, RFC 8058 one-click works cookieless."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import subscriber_token_make
from tests.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


def _url(subscriber):
    token = subscriber_token_make(
        purpose="unsubscribe", subscriber_id=subscriber.pk, token_version=subscriber.token_version
    )
    return reverse("newsletter:unsubscribe", kwargs={"token": token})


def test_unsubscribe_get_shows_button_and_changes_nothing(client):
    subscriber = SubscriberFactory()
    for _ in range(3):
        response = client.get(_url(subscriber))
    assert response.status_code == 200
    assert "Afmelden" in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert not ConsentEvent.objects.exists()


def test_unsubscribe_head_changes_nothing(client):
    subscriber = SubscriberFactory()
    client.head(_url(subscriber))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_unsubscribe_one_click_without_cookies_unsubscribes_at_once():
    subscriber = SubscriberFactory()
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(_url(subscriber), ONE_CLICK)
    assert response.status_code == 200
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    event = ConsentEvent.objects.get()
    assert (event.action, event.source) == ("unsubscribe", "one_click")


def test_unsubscribe_one_click_multipart_body_also_works():
    subscriber = SubscriberFactory()
    response = Client(enforce_csrf_checks=True).post(_url(subscriber), ONE_CLICK)  # test client: multipart
    urlencoded = Client(enforce_csrf_checks=True).post(
        _url(subscriber), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == urlencoded.status_code == 200


def test_unsubscribe_one_click_is_idempotent():
    subscriber = SubscriberFactory()
    mail_client = Client(enforce_csrf_checks=True)
    first = mail_client.post(_url(subscriber), ONE_CLICK)
    unsubscribed_at = Subscriber.objects.get().unsubscribed_at
    second = mail_client.post(_url(subscriber), ONE_CLICK)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert Subscriber.objects.get().unsubscribed_at == unsubscribed_at
    assert ConsentEvent.objects.count() == 1


def test_unsubscribe_post_without_one_click_body_needs_csrf():
    subscriber = SubscriberFactory()
    response = Client(enforce_csrf_checks=True).post(_url(subscriber), {"List-Unsubscribe": "Something-Else"})
    assert response.status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_unsubscribe_button_with_csrf_unsubscribes_and_shows_done_page():
    subscriber = SubscriberFactory()
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(_url(subscriber))
    csrf = page.context["csrf_token"]
    response = browser.post(_url(subscriber), {"csrfmiddlewaretoken": str(csrf)})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert ConsentEvent.objects.get().source == "unsubscribe_page"
    done = browser.get(response["Location"])
    assert "U bent afgemeld" in done.content.decode()


def test_unsubscribe_one_click_with_tampered_token_is_400_not_500():
    response = Client(enforce_csrf_checks=True).post("/nieuwsbrief/afmelden/nep:token/", ONE_CLICK)
    assert response.status_code == 400


def test_unsubscribe_page_links_to_working_preferences(client):
    subscriber = SubscriberFactory()
    response = client.get(_url(subscriber))
    preferences = re.search(r'href="(/nieuwsbrief/voorkeuren/[^"]+/)"', response.content.decode()).group(1)
    assert client.get(preferences).status_code == 200
