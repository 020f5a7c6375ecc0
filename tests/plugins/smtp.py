"""A real local SMTP server for tests (owner: newsletter core, issue #5).

``smtp_sink`` starts an aiosmtpd server on a free loopback port in a thread of the test process and
stops it after the test. A worker subprocess reaches it like any SMTP server: pass
``smtp_sink.env`` (``{"EMAIL_URL": "smtp://127.0.0.1:PORT"}``) to ``celery_worker_factory.start(env=...)``.
In the test process itself, ``smtp_sink.use(settings)`` points MAILERS at it.

- ``messages``: the received messages (``email.message.EmailMessage``, parsed with the default policy),
  ``raw``: their bytes, ``envelopes``: (mail_from, rcpt_tos).
- ``reply_with("421 4.7.0 Try again later")``: answer every RCPT TO with that reply (a temporary or a
  permanent refusal, e.g. ``"550 5.1.1 No such user"``); ``reply_with(None)`` accepts again.
- ``wait_for(count, timeout=30)``: poll until that many messages arrived; fails with what did arrive.
"""

import email
import email.policy
import logging
import socket
import threading
import time
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller


class _Handler:
    def __init__(self, sink):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.sink.refusal:
            self.sink.refused += 1
            return self.sink.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.sink.lock:
            self.sink.raw.append(envelope.original_content)
            self.sink.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


@dataclass
class SmtpSink:
    host: str
    port: int
    raw: list[bytes] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    refusal: str | None = None
    refused: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return {"EMAIL_URL": self.url}

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        with self.lock:
            return [email.message_from_bytes(raw, policy=email.policy.default) for raw in self.raw]

    def reply_with(self, reply: str | None) -> None:
        self.refusal = reply

    def use(self, settings) -> None:
        """Point the test process's MAILERS at this server (settings: pytest-django's fixture)."""
        from portal.settings import mailer_from_url

        settings.MAILERS = {"default": mailer_from_url(self.url)}

    def wait_for(self, count: int, timeout: float = 30) -> list[email.message.EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.raw) >= count:
                return self.messages
            time.sleep(0.05)
        pytest.fail(f"SMTP sink got {len(self.raw)} message(s), expected {count}; refused {self.refused} RCPT(s)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_sink():
    """A running local SMTP server that records what it receives (see the module docstring)."""
    # aiosmtpd logs every command (addresses included) at INFO: keep test output readable.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    sink = SmtpSink(host="127.0.0.1", port=_free_port())
    controller = Controller(_Handler(sink), hostname=sink.host, port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()
