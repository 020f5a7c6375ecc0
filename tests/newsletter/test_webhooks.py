"""An email provider's bounce and complaint reports (django-anymail): the address is suppressed, the delivery marked."""

import base64
import json
import logging

import pytest
from anymail.signals import AnymailTrackingEvent, tracking
from django.core.exceptions import ImproperlyConfigured

from newsletter.models import ConsentEvent, Delivery, Subscriber
from portal.settings import mailer_from_url
from tests.factories import SubscriberFactory
from tests.factories.delivery import DeliveryFactory
from tests.portal.test_settings import PRODUCTION_ENV, run

pytestmark = pytest.mark.django_db

WEBHOOK = "/nieuwsbrief/anymail/postmark/tracking/"
SECRET = "postmark:geheim-en-lang-genoeg"


def report(event_type, recipient, message_id=None, esp_name="Postmark", metadata=None):
    event = AnymailTrackingEvent(
        event_type=event_type, recipient=recipient, message_id=message_id, metadata=metadata or {}
    )
    tracking.send(sender=object, event=event, esp_name=esp_name)


@pytest.fixture
def jan():
    return SubscriberFactory(email="jan@voorbeeld.nl")


@pytest.mark.parametrize("event_type", ["bounced", "rejected", "complained"])
def test_webhook_report_suppresses_the_address(jan, event_type):
    report(event_type, "Jan@Voorbeeld.nl")

    jan.refresh_from_db()
    assert jan.status == Subscriber.Status.BOUNCED
    assert ConsentEvent.objects.filter(subscriber=jan, action=ConsentEvent.Action.BOUNCE).count() == 1


@pytest.mark.parametrize("event_type", ["delivered", "opened", "clicked", "deferred"])
def test_webhook_report_of_anything_else_changes_nothing(jan, event_type):
    report(event_type, "jan@voorbeeld.nl")

    jan.refresh_from_db()
    assert jan.status == Subscriber.Status.CONFIRMED


def test_webhook_report_marks_the_delivery_with_that_message_id_bounced(jan):
    reported = DeliveryFactory(subscriber=jan, sent=True, message_id="<digest-2027-03.1@voorbeeld.nl>")
    other = DeliveryFactory(subscriber=jan, sent=True, edition__month=reported.edition.month.replace(month=2))

    report("bounced", "jan@voorbeeld.nl", message_id="digest-2027-03.1@voorbeeld.nl")

    reported.refresh_from_db()
    other.refresh_from_db()
    assert (reported.status, reported.reason) == (Delivery.Status.BOUNCED, "Postmark: bounced")
    assert reported.updated_at > other.updated_at  # the progress page lists problems by this moment
    assert other.status == Delivery.Status.SENT


def test_webhook_report_matches_our_message_id_passed_as_metadata(jan):
    reported = DeliveryFactory(subscriber=jan, sent=True, message_id="<digest-2027-03.2@voorbeeld.nl>")

    report("complained", "jan@voorbeeld.nl", message_id="pm-uuid-1", metadata={"message_id": reported.message_id})

    reported.refresh_from_db()
    assert reported.status == Delivery.Status.BOUNCED


def test_webhook_report_for_an_unknown_address_is_ignored_without_naming_it(caplog):
    with caplog.at_level(logging.INFO):
        report("bounced", "onbekend@voorbeeld.nl")

    assert "not subscribed" in caplog.text
    assert "onbekend" not in caplog.text


def postmark_bounce(address, message_id="883953f4-6105-42a2-a16a-77a8eac79483"):
    return json.dumps(
        {
            "RecordType": "Bounce",
            "ID": 42,
            "Type": "HardBounce",
            "MessageID": message_id,
            "Email": address,
            "BouncedAt": "2027-04-01T10:00:00Z",
            "Description": "The server was unable to deliver your message",
            "Details": f"smtp;550 5.1.1 <{address}>: Recipient address rejected",
        }
    )


def auth(secret=SECRET):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def test_webhook_postmark_bounce_through_http_with_basic_auth(client, settings, jan, caplog):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
    delivery = DeliveryFactory(subscriber=jan, sent=True, message_id="883953f4-6105-42a2-a16a-77a8eac79483")

    with caplog.at_level(logging.INFO):
        for _attempt in range(2):  # a provider retries: the second report changes nothing
            response = client.post(WEBHOOK, postmark_bounce("jan@voorbeeld.nl"), "application/json", **auth())
            assert response.status_code == 200

    jan.refresh_from_db()
    delivery.refresh_from_db()
    assert jan.status == Subscriber.Status.BOUNCED
    assert delivery.status == Delivery.Status.BOUNCED
    assert ConsentEvent.objects.filter(subscriber=jan, action=ConsentEvent.Action.BOUNCE).count() == 1
    assert "jan@" not in caplog.text


def test_webhook_refuses_a_report_without_the_secret(client, settings, jan):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}

    assert client.post(WEBHOOK, postmark_bounce("jan@voorbeeld.nl"), "application/json").status_code == 400
    wrong = client.post(WEBHOOK, postmark_bounce("jan@voorbeeld.nl"), "application/json", **auth("postmark:fout"))
    assert wrong.status_code == 400
    jan.refresh_from_db()
    assert jan.status == Subscriber.Status.CONFIRMED


def test_webhook_is_not_there_without_a_configured_secret(client, settings, jan):
    settings.ANYMAIL = {}

    response = client.post(WEBHOOK, postmark_bounce("jan@voorbeeld.nl"), "application/json", **auth())

    assert response.status_code == 404
    jan.refresh_from_db()
    assert jan.status == Subscriber.Status.CONFIRMED


def test_webhook_inbound_mail_is_not_mounted(client, settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}

    assert client.post("/nieuwsbrief/anymail/postmark/inbound/", "{}", "application/json", **auth()).status_code == 404


def test_email_url_chooses_an_email_provider_through_anymail():
    provider = "newsletter.provider.EmailBackend"
    assert mailer_from_url("anymail://postmark") == {"BACKEND": provider, "OPTIONS": {"provider": "postmark"}}
    assert mailer_from_url("anymail://amazon-ses") == {"BACKEND": provider, "OPTIONS": {"provider": "amazon_ses"}}
    with pytest.raises(ImproperlyConfigured, match="unknown email provider"):
        mailer_from_url("anymail://postduif")


def test_settings_provider_from_the_environment(tmp_path):
    env = {
        **PRODUCTION_ENV,
        "EMAIL_URL": "anymail://postmark",
        "ANYMAIL_POSTMARK_SERVER_TOKEN": "token-123",
        "WEBHOOK_SECRET": SECRET,
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        "print(json.dumps([settings.MAILERS['default'], settings.ANYMAIL]))"
    )
    result = run(["-c", code], env, tmp_path)

    assert result.returncode == 0, result.stderr
    mailer, anymail = json.loads(result.stdout)
    assert mailer == {"BACKEND": "newsletter.provider.EmailBackend", "OPTIONS": {"provider": "postmark"}}
    assert anymail == {"POSTMARK_SERVER_TOKEN": "token-123", "WEBHOOK_SECRET": SECRET}


def test_settings_production_refuses_a_provider_without_webhook_secret(tmp_path):
    env = {**PRODUCTION_ENV, "EMAIL_URL": "anymail://brevo", "ANYMAIL_BREVO_API_KEY": "key"}

    result = run(["-c", "import django; django.setup()"], env, tmp_path)

    assert result.returncode != 0
    assert "WEBHOOK_SECRET must be set" in result.stderr


def test_provider_message_carries_subject_text_html_and_list_headers_to_the_api(mailoutbox):
    from anymail.backends.test import EmailBackend

    from newsletter.services.provider_events import provider_message

    html_part = "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hallo</p>\r\n--b--\r\n"
    raw = (
        "From: Gemeente Voorbeeldstad <nieuwsbrief@voorbeeld.nl>\r\nTo: jan@voorbeeld.nl\r\n"
        "Subject: =?utf-8?q?Nieuwsbrief_zorgprofessionals_=E2=80=93_maart_2027?=\r\n"
        "Message-ID: <digest-2027-03.s1@voorbeeld.nl>\r\n"
        "List-Unsubscribe: <https://voorbeeld.nl/nieuwsbrief/afmelden/abc/>\r\n"
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/alternative; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        "Hallo, één bericht\r\n" + html_part
    ).encode()

    EmailBackend().send_messages([provider_message(raw, to=["jan@voorbeeld.nl"])])

    params = mailoutbox[-1].anymail_test_params
    assert params["subject"] == "Nieuwsbrief zorgprofessionals \N{EN DASH} maart 2027"
    assert params["text_body"].startswith("Hallo, één bericht")
    assert params["html_body"].startswith("<p>Hallo</p>")
    assert params["extra_headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert params["extra_headers"]["Message-ID"] == "<digest-2027-03.s1@voorbeeld.nl>"
    assert params["metadata"] == {"message_id": "<digest-2027-03.s1@voorbeeld.nl>"}
    assert (params["track_opens"], params["track_clicks"]) == (False, False)  # no tracking of readers


def test_digest_sender_through_a_provider_sends_subject_and_body(settings, mailoutbox):
    from newsletter.services.digest.sender import BackendSender, sender_open
    from newsletter.services.mail import MailOutcome

    # anymail's own "test" provider: records what its API would have received.
    settings.MAILERS = {"default": {"BACKEND": "newsletter.provider.EmailBackend", "OPTIONS": {"provider": "test"}}}
    raw = (
        b"From: nieuwsbrief@voorbeeld.nl\r\nTo: jan@voorbeeld.nl\r\nSubject: Nieuwsbrief maart 2027\r\n"
        b"Message-ID: <digest-2027-03.s7@voorbeeld.nl>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHallo\r\n"
    )

    sender = sender_open()
    attempt = sender.send("jan@voorbeeld.nl", raw)
    sender.close()

    assert isinstance(sender, BackendSender)
    assert attempt.outcome == MailOutcome.SENT
    params = mailoutbox[-1].anymail_test_params
    assert (params["subject"], params["text_body"].strip()) == ("Nieuwsbrief maart 2027", "Hallo")
    assert params["metadata"] == {"message_id": "<digest-2027-03.s7@voorbeeld.nl>"}
