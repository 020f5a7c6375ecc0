"""The SMTP policy: a real local server answers 250, 421 or 550, drops the connection, says nothing, or is absent."""

import logging
import smtplib
import socket
import threading

import pytest
from django.core.mail import EmailMessage

from newsletter.services.mail import MailDeferred, MailOutcome, mail_outcome_classify, mail_send
from portal.settings import mailer_from_url

ADDRESS = "lid@voorbeeld.nl"


def _message():
    return EmailMessage("Onderwerp", "Tekst", "nieuwsbrief@example.nl", [ADDRESS])


def _send_error(message):
    try:
        message.send()
    except Exception as exc:
        return exc
    return None


@pytest.fixture
def bad_server(request, settings):
    """An SMTP URL where the server closes at once ('closes'), never answers ('silent') or is absent."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    accepted = []
    if request.param == "absent":
        listener.close()
    else:
        listener.listen()

        def serve():
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:  # the listener was closed: the test is over
                    return
                accepted.append(connection)
                if request.param == "closes":
                    connection.close()

        threading.Thread(target=serve, daemon=True).start()
    mailer = mailer_from_url(f"smtp://127.0.0.1:{port}")
    mailer["OPTIONS"]["timeout"] = 1
    settings.MAILERS = {"default": mailer}
    yield request.param
    for connection in accepted:
        connection.close()
    listener.close()


def test_mail_outcome_classify_no_exception_is_sent():
    assert mail_outcome_classify(None) is MailOutcome.SENT


def test_mail_send_delivers_and_returns_true(smtp_sink, settings):
    smtp_sink.use(settings)

    assert mail_send(_message()) is True
    assert smtp_sink.wait_for(1)[0]["To"] == ADDRESS


def test_temporary_refusal_is_deferred_and_raises_without_address(smtp_sink, settings):
    smtp_sink.use(settings)
    smtp_sink.reply_with("421 4.7.0 Probeer later opnieuw")

    assert mail_outcome_classify(_send_error(_message())) is MailOutcome.DEFERRED
    with pytest.raises(MailDeferred) as raised:
        mail_send(_message())
    assert ADDRESS not in repr(raised.value)
    assert raised.value.__suppress_context__  # smtplib's exception, which names the address, is not chained


def test_permanent_refusal_is_bounced_and_returns_false_logged_without_address(smtp_sink, settings, caplog):
    smtp_sink.use(settings)
    smtp_sink.reply_with("550 5.1.1 Onbekende ontvanger")

    assert mail_outcome_classify(_send_error(_message())) is MailOutcome.BOUNCED
    with caplog.at_level(logging.WARNING, logger="newsletter"):
        assert mail_send(_message()) is False
    logged = " ".join(record.getMessage() for record in caplog.records if record.name.startswith("newsletter"))
    assert "refused permanently" in logged
    assert ADDRESS not in logged


@pytest.mark.parametrize("bad_server", ["closes", "silent", "absent"], indirect=True)
def test_dropped_silent_or_absent_server_is_deferred_and_raises_for_retry(bad_server):
    error = _send_error(_message())

    # smtplib reports a read timeout as SMTPServerDisconnected("... timed out").
    expected = {"closes": "closed", "silent": "timed out", "absent": "refused"}
    kind = smtplib.SMTPServerDisconnected if bad_server != "absent" else ConnectionRefusedError
    assert isinstance(error, kind)
    assert expected[bad_server] in str(error).lower()
    assert mail_outcome_classify(error) is MailOutcome.DEFERRED
    with pytest.raises(type(error)):
        mail_send(_message())
