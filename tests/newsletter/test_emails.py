"""Emails: one build_email path, Dutch text + inlined HTML, absolute links, one-click headers, SMTP errors."""

import smtplib

import pytest
from django.urls import resolve

from newsletter.emails import build_email
from newsletter.services import subscription_request_email_send, subscription_welcome_send
from newsletter.tokens import confirm_token_read
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://nieuws.voorbeeldstad.nl"
    settings.MUNICIPALITY_NAME = "Gemeente Voorbeeldstad"


def _path(url):
    assert url.startswith("https://nieuws.voorbeeldstad.nl/")
    return url.removeprefix("https://nieuws.voorbeeldstad.nl")


def _link(text, start):
    line = next(line for line in text.splitlines() if line.startswith(start))
    return line.split()[-1]


def test_build_email_renders_subject_text_and_inlined_html():
    message = build_email(
        "newsletter/confirm", to=["a@voorbeeld.nl"], context={"confirm_url": "https://x/", "valid_days": 7}
    )
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject == "Bevestig uw aanmelding voor de nieuwsbrief"
    assert "Gemeente Voorbeeldstad" in message.body
    assert "<style" not in html
    assert 'style="' in html
    assert "<img" not in html
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_confirmation_email_for_new_address_carries_working_token(mailoutbox):
    ThemeFactory(name="Jeugd", slug="jeugd")
    assert subscription_request_email_send(email="nieuw@voorbeeld.nl", theme_slugs=["jeugd"], consent_version=1)
    message = mailoutbox[0]
    assert message.to == ["nieuw@voorbeeld.nl"]
    url = _link(message.body, "https://")
    match = resolve(_path(url))
    assert match.view_name == "newsletter:confirm"
    signup = confirm_token_read(match.kwargs["token"])
    assert (signup.email, signup.theme_slugs) == ("nieuw@voorbeeld.nl", ("jeugd",))
    assert "- Jeugd" in message.body
    assert url in message.alternatives[0][0]
    assert "List-Unsubscribe" not in message.extra_headers


def test_already_subscribed_email_offers_preferences_not_confirmation(mailoutbox):
    SubscriberFactory(email="lid@voorbeeld.nl")
    subscription_request_email_send(email="LID@voorbeeld.nl", theme_slugs=[], consent_version=1)
    message = mailoutbox[0]
    assert message.subject == "U bent al aangemeld voor de nieuwsbrief"
    assert resolve(_path(_link(message.body, "https://"))).view_name == "newsletter:preferences"
    assert "bevestigen" not in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert resolve(_path(unsubscribe.strip("<>"))).view_name == "newsletter:unsubscribe"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.parametrize("state", ["unsubscribed", "bounced"])
def test_unsubscribed_or_bounced_address_gets_a_new_confirmation(mailoutbox, state):
    SubscriberFactory(email="oud@voorbeeld.nl", **{state: True})
    subscription_request_email_send(email="oud@voorbeeld.nl", theme_slugs=[], consent_version=1)
    assert mailoutbox[0].subject == "Bevestig uw aanmelding voor de nieuwsbrief"


def test_welcome_email_has_preferences_and_unsubscribe_links(mailoutbox):
    subscriber = SubscriberFactory(themes=[ThemeFactory(name="Wmo")])
    assert subscription_welcome_send(subscriber_id=subscriber.pk)
    message = mailoutbox[0]
    assert message.subject == "U bent aangemeld voor de nieuwsbrief"
    assert "- Wmo" in message.body
    assert resolve(_path(_link(message.body, "Afmelden:"))).view_name == "newsletter:unsubscribe"
    assert "List-Unsubscribe" in message.extra_headers


def test_welcome_email_not_sent_to_unsubscribed(mailoutbox):
    subscriber = SubscriberFactory(unsubscribed=True)
    assert subscription_welcome_send(subscriber_id=subscriber.pk) is False
    assert mailoutbox == []


def test_email_reaches_real_smtp_server(smtp_sink, settings):
    smtp_sink.use(settings)
    subscription_request_email_send(email="nieuw@voorbeeld.nl", theme_slugs=[], consent_version=1)
    (received,) = smtp_sink.wait_for(1)
    assert received["To"] == "nieuw@voorbeeld.nl"
    assert received.get_body(("plain",)).get_content().startswith("Hallo,")
    assert received.get_body(("html",)) is not None


def test_temporary_smtp_refusal_raises_for_retry(smtp_sink, settings):
    smtp_sink.use(settings)
    smtp_sink.reply_with("421 4.7.0 Probeer later opnieuw")
    with pytest.raises(smtplib.SMTPException):
        subscription_request_email_send(email="nieuw@voorbeeld.nl", theme_slugs=[], consent_version=1)
    assert smtp_sink.refused == 1


def test_permanent_smtp_refusal_is_logged_not_retried(smtp_sink, settings, caplog):
    smtp_sink.use(settings)
    smtp_sink.reply_with("550 5.1.1 Onbekende ontvanger")
    assert subscription_request_email_send(email="weg@voorbeeld.nl", theme_slugs=[], consent_version=1) is False
    ours = " ".join(r.getMessage() for r in caplog.records if r.name.startswith("newsletter"))
    assert "refused permanently" in ours
    assert "weg@voorbeeld.nl" not in ours


def test_one_click_headers_arrive_unencoded_and_body_lines_stay_short(smtp_sink, settings):
    smtp_sink.use(settings)
    SubscriberFactory(email="lid@voorbeeld.nl")
    subscription_request_email_send(email="lid@voorbeeld.nl", theme_slugs=[], consent_version=1)
    smtp_sink.wait_for(1)
    raw = smtp_sink.raw[0].decode("ascii")
    header = next(line for line in raw.splitlines() if line.startswith("List-Unsubscribe:"))
    assert header.startswith("List-Unsubscribe: <https://nieuws.voorbeeldstad.nl/nieuwsbrief/afmelden/")
    assert header.endswith("/>")
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    body = raw.split("\r\n\r\n", 1)[1]
    assert max(len(line) for line in body.splitlines()) <= 78
