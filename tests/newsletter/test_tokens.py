"""Tokens: opaque confirmation links, purpose-bound keys and salts, 7-day expiry, revocation, tampering."""

import base64
import binascii
import dataclasses
import datetime
import re
import zlib

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from newsletter.selectors import subscriber_get_by_token
from newsletter.services import subscription_tokens_revoke
from newsletter.tokens import (
    SignupRequest,
    SubscriberTokenMaker,
    TokenExpired,
    TokenInvalid,
    _opaque_make,
    confirm_token_make,
    confirm_token_read,
    subscriber_token_make,
    subscriber_token_read,
)
from tests.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=datetime.UTC)
SIGNUP = SignupRequest(email="a@voorbeeld.nl", theme_slugs=("jeugd", "wmo"), consent_version=1, requested_at=START)


def _token_for(subscriber, purpose="preferences"):
    return subscriber_token_make(purpose=purpose, subscriber_id=subscriber.pk, token_version=subscriber.token_version)


def test_confirm_token_round_trip():
    signup = dataclasses.replace(SIGNUP, requested_at=timezone.now())
    assert confirm_token_read(confirm_token_make(signup)) == signup


def test_confirm_token_counts_from_now_without_a_request_moment():
    with time_machine.travel(START, tick=False):
        signup = confirm_token_read(confirm_token_make(dataclasses.replace(SIGNUP, requested_at=None)))
    assert signup.requested_at == START


def _revealed(token: str) -> bytes:
    """Everything a reader of the URL can decode from the token (base64 of any part, inflated if possible)."""
    found = b""
    for part in [token, *re.split(r"[:.]", token)]:
        try:
            data = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except (binascii.Error, ValueError):
            continue
        found += data
        for wbits in (15, -15):
            try:
                found += zlib.decompress(data.lstrip(b"."), wbits)
            except zlib.error:
                pass
    return found


def test_confirm_token_shows_nothing_of_the_signup():
    signup = SignupRequest(email="geheim.adres@voorbeeld.nl", theme_slugs=("jeugd", "wmo"), consent_version=1)
    token = confirm_token_make(signup)

    for secret in (b"geheim", b"voorbeeld", b"jeugd", b"wmo"):
        assert secret not in _revealed(token)
        assert secret.decode() not in token


def test_confirm_token_differs_each_time_for_the_same_signup():
    assert confirm_token_make(SIGNUP) != confirm_token_make(SIGNUP)


def test_confirm_url_stays_short():
    signup = SignupRequest(email="j.de.vries-bakker@zorgorganisatie-voorbeeld.nl", theme_slugs=(), consent_version=1)
    typical = reverse("newsletter:confirm", kwargs={"token": confirm_token_make(signup)})
    slugs = tuple(f"thema-over-zorg-en-welzijn-{n}" for n in range(15))
    every_theme = reverse(
        "newsletter:confirm", kwargs={"token": confirm_token_make(dataclasses.replace(signup, theme_slugs=slugs))}
    )

    assert len(typical) <= 160
    assert len(every_theme) <= 320


@pytest.mark.parametrize("position", range(0, 120, 3))
def test_confirm_token_any_changed_character_is_invalid(position):
    token = confirm_token_make(SIGNUP)
    position %= len(token)
    changed = token[:position] + ("B" if token[position] == "A" else "A") + token[position + 1 :]
    with pytest.raises(TokenInvalid):
        confirm_token_read(changed)


def test_confirm_token_sealed_for_another_purpose_is_invalid():
    token = _opaque_make(purpose="preferences", payload=[0, 1, "a@voorbeeld.nl"])
    with pytest.raises(TokenInvalid):
        confirm_token_read(token)


def test_confirm_token_survives_a_key_rotation_through_the_fallbacks(settings):
    signup = dataclasses.replace(SIGNUP, requested_at=timezone.now())
    token = confirm_token_make(signup)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "een-nieuwe-sleutel-" + "x" * 40

    assert confirm_token_read(token) == signup
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(TokenInvalid):
        confirm_token_read(token)


def _legacy_confirm_token(email="oud@voorbeeld.nl"):
    """A confirmation token as mailed before the opaque format: the signed sign-up, readable in the URL."""
    payload = {"e": email, "t": ["jeugd"], "c": 1}
    return signing.dumps(payload, salt="newsletter.tokens.confirm", compress=True)


def test_legacy_signed_confirm_token_still_works_for_seven_days():
    with time_machine.travel(START, tick=False) as traveller:
        token = _legacy_confirm_token()
        traveller.shift(datetime.timedelta(days=7) - datetime.timedelta(seconds=1))
        signup = confirm_token_read(token)
        traveller.shift(datetime.timedelta(seconds=2))
        with pytest.raises(TokenExpired):
            confirm_token_read(token)
    assert (signup.email, signup.theme_slugs, signup.consent_version) == ("oud@voorbeeld.nl", ("jeugd",), 1)
    assert signup.requested_at == START.replace(microsecond=0)


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


@pytest.mark.parametrize(
    "mutate",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: "x" + t,
        lambda t: t[:-1],
        lambda t: t + "=",
        lambda t: "",
    ],
)
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


@pytest.mark.parametrize("purpose", ["preferences", "unsubscribe"])
def test_the_digest_token_maker_makes_the_same_tokens_as_signing(purpose):
    maker = SubscriberTokenMaker(purpose)
    for moment in (START, START + datetime.timedelta(seconds=1), START + datetime.timedelta(days=400)):
        with time_machine.travel(moment, tick=False):
            for subscriber_id, version in ((1, 1), (98765432, 7)):
                token = maker(subscriber_id=subscriber_id, token_version=version)
                assert token == subscriber_token_make(
                    purpose=purpose, subscriber_id=subscriber_id, token_version=version
                )
                assert subscriber_token_read(purpose=purpose, token=token) == (subscriber_id, version)
                assert signing.loads(token, salt=f"newsletter.tokens.{purpose}") == {"s": subscriber_id, "v": version}


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
@pytest.mark.parametrize("token", ["eyJzIjoxfQ:bad:signature", "AQ" + "x" * 80])
def test_tampered_link_gives_friendly_dutch_400(client, name, token):
    response = client.get(reverse(name, kwargs={"token": token}))
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


def _mailed_unsubscribe_token(subscriber):
    """An unsubscribe token exactly as mails sent so far carry it (django.core.signing, purpose salt)."""
    return signing.dumps({"s": subscriber.pk, "v": subscriber.token_version}, salt="newsletter.tokens.unsubscribe")


def test_unsubscribe_link_in_a_mail_already_sent_keeps_working(client):
    subscriber = SubscriberFactory()
    url = reverse("newsletter:unsubscribe", kwargs={"token": _mailed_unsubscribe_token(subscriber)})

    assert client.get(url).status_code == 200
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "afgemeld"


def test_unsubscribe_link_survives_a_key_rotation_through_the_fallbacks(client, settings):
    subscriber = SubscriberFactory()
    url = reverse("newsletter:unsubscribe", kwargs={"token": _mailed_unsubscribe_token(subscriber)})
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "een-nieuwe-sleutel-" + "x" * 40

    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
