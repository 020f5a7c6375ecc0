"""The one SMTP policy: what the server's answer to a message means, for every mail the newsletter sends.

A permanent refusal (5xx) is final: sending the same message again cannot change it. A temporary refusal
(4xx), a timeout or a dropped connection may pass: the caller tries again later. The sign-up mails use
mail_send; a bulk sender sends itself and records mail_outcome_classify(exc) per message. Nothing here
puts an address in a log line or an exception (smtplib's own exceptions carry it).
"""

import enum
import logging
import smtplib

from django.core.mail import EmailMessage

logger = logging.getLogger(__name__)


class MailOutcome(enum.StrEnum):
    SENT = "sent"
    BOUNCED = "bounced"  # refused for good (5xx): do not send this message to this address again
    DEFERRED = "deferred"  # refused for now (4xx), timed out or connection dropped: try again later


class MailDeferred(smtplib.SMTPException):
    """The server refused the message for now (4xx); raised instead of smtplib's, which names the address."""


# The exceptions that carry the server's reply code (SMTPRecipientsRefused one per recipient).
_REPLIES = (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException)


def _reply_codes(exc: BaseException) -> list[int]:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return [code for code, _message in exc.recipients.values()]
    if isinstance(exc, smtplib.SMTPResponseException):
        return [exc.smtp_code]
    return []


def mail_outcome_classify(exc: smtplib.SMTPException | OSError | None) -> MailOutcome:
    """Return what sending one message ended in: no exception is SENT, a 5xx reply BOUNCED, the rest DEFERRED.

    DEFERRED: a 4xx reply, recipients refused with mixed codes (the temporary ones may pass), and every
    failure without a reply: SMTPServerDisconnected, a refused or reset connection, a timeout.
    """
    if exc is None:
        return MailOutcome.SENT
    codes = _reply_codes(exc)
    if codes and all(code >= 500 for code in codes):
        return MailOutcome.BOUNCED
    return MailOutcome.DEFERRED


def mail_send(message: EmailMessage) -> bool:
    """Send one message; return False, logged without the address, when it BOUNCED.

    When DEFERRED it raises, so that the calling task retries: MailDeferred for a 4xx reply, the
    original exception for a dropped connection or a timeout. Any other error propagates unchanged.
    """
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        if mail_outcome_classify(exc) is MailOutcome.BOUNCED:
            logger.warning("Mail %r refused permanently by the SMTP server (%s)", message.subject, _reply_codes(exc))
            return False
        if isinstance(exc, _REPLIES):
            raise MailDeferred(f"refused for now ({_reply_codes(exc)})") from None
        raise
    return True
