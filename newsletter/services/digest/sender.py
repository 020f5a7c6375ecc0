"""How a batch of digest messages leaves: one open connection per batch, the SMTP policy per message.

`sender_open()` returns a `Sender` for the configured mailer (MAILERS["default"]):
- Django's SMTP backend: `SmtpSender` talks smtplib directly, so the rendered bytes go out as they are over
  one connection (reconnecting once after a drop).
- any other backend (django-anymail's providers, the .eml file backend, locmem, console): `BackendSender`
  sends a `PreRenderedEmail` per message through one opened backend connection.

`Sender.send(to, raw)` returns an `Attempt`: the outcome under the one SMTP policy (newsletter.services.mail)
and the server's reply (code and text, never the address). It raises `SenderUnavailable` when the failure is
the sending side's, not the recipient's (authentication refused, MAIL FROM refused for good, the server
unreachable): the batch then stops instead of bouncing or deferring everyone.
"""

import logging
import re
import smtplib
import ssl
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import mailers

from newsletter.services.mail import MailOutcome, mail_outcome_classify

logger = logging.getLogger(__name__)

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@dataclass(frozen=True)
class Attempt:
    outcome: MailOutcome
    reply: str = ""


class SenderUnavailable(Exception):
    """The sending side is broken (authentication, configuration, server unreachable); `permanent` pauses the send."""

    def __init__(self, reason: str, *, permanent: bool):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


def _reply(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
    elif isinstance(exc, smtplib.SMTPResponseException):
        code, text = exc.smtp_code, exc.smtp_error
    else:
        return type(exc).__name__
    text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {text}"[:200]


class SmtpSender:
    """smtplib over one connection; the raw bytes are sent unchanged (SMTPUTF8 when an address needs it)."""

    def __init__(self, options: dict, from_addr: str):
        self.options = options
        self.from_addr = from_addr
        self.smtp: smtplib.SMTP | None = None
        self.pipeline: _Pipeline | None = None

    def open(self) -> None:
        options = self.options
        cls = smtplib.SMTP_SSL if options.get("use_ssl") else smtplib.SMTP
        try:
            smtp = cls(options.get("host", "localhost"), options.get("port", 25), timeout=options.get("timeout", 30))
            if options.get("use_tls"):
                smtp.starttls(context=ssl.create_default_context())
            if options.get("username"):
                smtp.login(options["username"], options.get("password", ""))
            smtp.ehlo_or_helo_if_needed()
        except smtplib.SMTPResponseException as exc:
            # 530/535 on AUTH, 554 in the greeting: no message will pass; 4xx may pass later.
            raise SenderUnavailable(_reply(exc), permanent=exc.smtp_code >= 500) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise SenderUnavailable(_reply(exc), permanent=False) from None
        self.smtp = smtp
        self.pipeline = _Pipeline(smtp, self.from_addr) if smtp.has_extn("pipelining") else None

    def send(self, to: str, raw: bytes, next_to: str | None = None, while_waiting=None) -> Attempt:
        """Send one message; `next_to`, the recipient of the next call, lets a pipelining server get that
        message's envelope in the same write as this message's content. `while_waiting` (no arguments, must not
        raise) is called, when pipelining, after the content is written and before the reply is read."""
        if self.smtp is None:
            self.open()
        try:
            if self.pipeline is not None and _plain(to):
                self.pipeline.sendmail(to, raw, next_to if next_to and _plain(next_to) else None, while_waiting)
            else:
                options = ["SMTPUTF8"] if not to.isascii() else []
                self.smtp.sendmail(self.from_addr, [to], raw, mail_options=options)
        except smtplib.SMTPSenderRefused as exc:
            if exc.smtp_code >= 500:
                raise SenderUnavailable(_reply(exc), permanent=True) from None
            return Attempt(MailOutcome.DEFERRED, _reply(exc))
        except (smtplib.SMTPException, OSError) as exc:
            # A disconnect, or a reply (421) after which the pipeline closed the socket: the next message reconnects.
            if isinstance(exc, (smtplib.SMTPServerDisconnected, OSError)) or getattr(self.smtp, "sock", None) is None:
                self._drop()
            return Attempt(mail_outcome_classify(exc), _reply(exc))
        return Attempt(MailOutcome.SENT, "250")

    def _drop(self) -> None:
        smtp, self.smtp = self.smtp, None
        try:
            smtp.close()
        except OSError:
            logger.debug("closing a dropped SMTP connection failed", exc_info=True)

    def close(self) -> None:
        if self.smtp is not None and self.pipeline is not None and self.pipeline.opened:
            self._drop()  # a next envelope was sent and the server may wait for content: QUIT would be content
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._drop()
            self.smtp = None


_PLAIN_ADDRESS = re.compile(r"[^\s<>()\[\]\\,;:\"]+@[^\s<>()\[\]\\,;:\"@]+")
_PERIOD_AT_LINE_START = re.compile(rb"(?m)^\.")


def _plain(address: str) -> bool:
    return address.isascii() and _PLAIN_ADDRESS.fullmatch(address) is not None


class _Pipeline:
    """`smtplib.SMTP.sendmail` for one ASCII recipient with RFC 2920 PIPELINING. MAIL, RCPT and DATA go in one
    write, and the next message's envelope goes in the same write as this message's content (after its final
    dot); so each message costs one round trip instead of four. Raises the same exceptions as `sendmail` for the
    same replies, so the one SMTP policy classifies them unchanged; each message's outcome is still known (and
    recorded) before the next message's content leaves."""

    def __init__(self, smtp: smtplib.SMTP, from_addr: str):
        self.smtp = smtp
        self.mail = f"mail from:{smtplib.quoteaddr(from_addr)}".encode("ascii")
        self.size = smtp.has_extn("size")
        self.from_addr = from_addr
        self.opened: str | None = None  # whose envelope went with the previous content; replies not read yet

    def _envelope(self, to: str, size: bytes = b"") -> bytes:
        return b"%s%s\r\nrcpt to:<%s>\r\ndata\r\n" % (self.mail, size, to.encode("ascii"))

    def sendmail(self, to: str, raw: bytes, next_to: str | None = None, while_waiting=None) -> None:
        smtp = self.smtp
        if self.opened is None:
            smtp.send(self._envelope(to, b" size=%d" % len(raw) if self.size else b""))
        elif self.opened != to:
            smtp.close()
            raise smtplib.SMTPServerDisconnected("pipelined envelope for another recipient; connection closed")
        self.opened = None
        mail, rcpt, data = smtp.getreply(), _reply_or_none(smtp), _reply_or_none(smtp)
        if data is not None and data[0] == 354 and (mail[0] != 250 or rcpt[0] not in (250, 251)):
            smtp.send(b".\r\n")  # a server that took DATA without a recipient: end the empty message
            smtp.getreply()
        if mail[0] != 250:
            self._reset(mail[0])
            raise smtplib.SMTPSenderRefused(mail[0], mail[1], self.from_addr)
        if rcpt is None:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        if rcpt[0] not in (250, 251):
            self._reset(rcpt[0])
            raise smtplib.SMTPRecipientsRefused({to: rcpt})
        if data is None:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        if data[0] != 354:
            self._reset(data[0])
            raise smtplib.SMTPDataError(*data)
        self._content(raw, next_to, while_waiting)

    def _content(self, raw: bytes, next_to: str | None, while_waiting) -> None:
        smtp = self.smtp
        if raw.startswith(b".") or b"\n." in raw:
            raw = _PERIOD_AT_LINE_START.sub(b"..", raw)
        end = b".\r\n" if raw.endswith(b"\r\n") else b"\r\n.\r\n"
        smtp.send(raw + end + (self._envelope(next_to) if next_to else b""))
        self.opened = next_to
        if while_waiting is not None:
            while_waiting()  # the server reads the message meanwhile
        code, resp = smtp.getreply()
        if code != 250:
            # The transaction is over either way (RFC 5321 4.1.1.4); no RSET, the next envelope is on its way.
            if code == 421:
                smtp.close()
            raise smtplib.SMTPDataError(code, resp)

    def _reset(self, code: int) -> None:
        if code == 421:
            self.smtp.close()
        else:
            self.smtp._rset()


def _reply_or_none(smtp: smtplib.SMTP) -> tuple[int, bytes] | None:
    """The next reply, or None when the server closed the connection (after a 421 to an earlier command)."""
    try:
        return smtp.getreply()
    except smtplib.SMTPServerDisconnected:
        return None


def _classify_backend_error(exc: Exception) -> MailOutcome:
    """SMTP errors by the shared policy; django-anymail's 'recipients refused' is permanent, its other errors not."""
    if isinstance(exc, (smtplib.SMTPException, OSError)):
        return mail_outcome_classify(exc)
    if type(exc).__name__ == "AnymailRecipientsRefused":
        return MailOutcome.BOUNCED
    return MailOutcome.DEFERRED


class BackendSender:
    """Any Django mail backend (django-anymail, file, locmem): one opened connection, one message per call."""

    def __init__(self, connection):
        self.connection = connection

    def open(self) -> None:
        try:
            self.connection.open()
        except Exception as exc:  # a provider's own errors: configuration or reachability
            raise SenderUnavailable(type(exc).__name__, permanent=False) from None

    def send(self, to: str, raw: bytes, next_to: str | None = None, while_waiting=None) -> Attempt:
        from newsletter.services.digest.editor_mail import PreRenderedEmail

        try:
            sent = self.connection.send_messages([PreRenderedEmail(raw, to=[to])])
        except Exception as exc:  # classified below, never swallowed silently
            return Attempt(_classify_backend_error(exc), _reply(exc))
        return Attempt(MailOutcome.SENT if sent else MailOutcome.DEFERRED, "" if sent else "not sent")

    def close(self) -> None:
        self.connection.close()


def sender_open():
    """An opened sender for MAILERS['default']; raises SenderUnavailable when it cannot be opened."""
    config = settings.MAILERS["default"]
    if config.get("BACKEND", SMTP_BACKEND) == SMTP_BACKEND:
        from email.utils import parseaddr

        sender = SmtpSender(config.get("OPTIONS", {}), parseaddr(settings.DEFAULT_FROM_EMAIL)[1])
    else:
        sender = BackendSender(mailers.default)
    sender.open()
    return sender
