"""Signed tokens: purpose-bound salts, 7-day expiry of confirmation links, revocation, tampering."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from newsletter.selectors import subscriber_get_by_token
from newsletter.services import subscription_tokens_revoke
from newsletter.tokens import (
    SignupRequest,
    TokenExpired,
    TokenInvalid,
    confirm_token_make,
    confirm_token_read,
    subscriber_token_make,
    subscriber_token_read,
)
from tests.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SIGNUP = SignupRequest(email="a@voorbeeld.nl", theme_slugs=("jeugd", "wmo"), consent_version=1)
START = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)


def _token_for(subscriber, purpose="preferences"):
    return subscriber_token_make(purpose=purpose, subscriber_id=subscriber.pk, token_version=subscriber.token_version)


def test_confirm_token_round_trip():
    assert confirm_token_read(confirm_token_make(SIGNUP)) == SIGNUP


def test_confirm_token_valid_just_before_seven_days():
    with time_machine.travel(START, tick=False) as traveller:
        token = confirm_token_make(SIGNUP)
        traveller.shift(datetime.timedelta(days=7) - datetime.timedelta(seconds=1))
        assert confirm_token_read(token) == SIGNUP


def test_confirm_token_expires_after_seven_days():
    with time_machine.travel(START, tick=False) as traveller:
        token = confirm_token_make(SIGNUP)
        traveller.shift(datetime.timedelta(days=7, seconds=1))
        with pytest.raises(TokenExpired):
            confirm_token_read(token)


@pytest.mark.parametrize("mutate", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x" + t, lambda t: ""])
def test_confirm_token_tampered_is_invalid(mutate):
    with pytest.raises(TokenInvalid):
        confirm_token_read(mutate(confirm_token_make(SIGNUP)))


def test_token_of_one_purpose_does_not_open_another():
    subscriber = SubscriberFactory()
    preferences = _token_for(subscriber, "preferences")
    with pytest.raises(TokenInvalid):
        subscriber_token_read(purpose="unsubscribe", token=preferences)
    with pytest.raises(TokenInvalid):
        confirm_token_read(preferences)


def test_subscriber_token_revoked_by_version_bump():
    subscriber = SubscriberFactory()
    token = _token_for(subscriber)
    assert subscriber_get_by_token(purpose="preferences", token=token) == subscriber
    subscription_tokens_revoke(subscriber=subscriber)
    with pytest.raises(TokenInvalid):
        subscriber_get_by_token(purpose="preferences", token=token)
    subscriber.refresh_from_db()
    assert subscriber_get_by_token(purpose="preferences", token=_token_for(subscriber)) == subscriber


def test_subscriber_token_of_hashed_address_opens_nothing():
    subscriber = SubscriberFactory(hashed=True)
    with pytest.raises(TokenInvalid):
        subscriber_get_by_token(purpose="preferences", token=_token_for(subscriber))


@pytest.mark.parametrize("name", ["newsletter:preferences", "newsletter:unsubscribe", "newsletter:confirm"])
def test_tampered_link_gives_friendly_dutch_400(client, name):
    response = client.get(reverse(name, kwargs={"token": "eyJzIjoxfQ:bad:signature"}))
    assert response.status_code == 400
    assert "Deze link werkt niet" in response.content.decode()


def test_expired_confirm_link_gives_friendly_dutch_410(client):
    with time_machine.travel(START, tick=False) as traveller:
        token = confirm_token_make(SIGNUP)
        traveller.shift(datetime.timedelta(days=8))
        response = client.get(reverse("newsletter:confirm", kwargs={"token": token}))
        post = client.post(reverse("newsletter:confirm", kwargs={"token": token}))
    assert response.status_code == post.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()


def test_revoked_link_gives_400_on_every_page(client):
    subscriber = SubscriberFactory()
    preferences, unsubscribe = _token_for(subscriber), _token_for(subscriber, "unsubscribe")
    subscription_tokens_revoke(subscriber=subscriber)
    assert client.get(reverse("newsletter:preferences", kwargs={"token": preferences})).status_code == 400
    assert client.get(reverse("newsletter:unsubscribe", kwargs={"token": unsubscribe})).status_code == 400
    one_click = client.post(
        reverse("newsletter:unsubscribe", kwargs={"token": unsubscribe}), {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == "bevestigd"
