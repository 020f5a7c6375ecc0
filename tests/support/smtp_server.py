"""A local SMTP server for delivery tests that can refuse, defer and drop, and counts what it accepted.

Built on aiosmtpd (requirements-dev) in a thread of the test process; a worker subprocess reaches it through
``server.env`` (``EMAIL_URL``). Unlike tests/plugins/smtp.py's sink it answers per address:

- ``refuse[address] = "550 5.1.1 No such user"``: that reply to RCPT TO, every time;
- ``greylist``: addresses answered "451 4.7.1 Try again later" on their first RCPT only;
- ``temp_share``: a share (0..1) of all addresses, chosen by a stable hash, greylisted the same way;
- ``drop``: addresses whose first DATA makes the server close the connection without a reply;
- ``delay``: seconds to wait before answering each DATA (to keep messages "in flight" for kill tests);
- ``auth_required``: answer "530 5.7.0 Authentication required" to MAIL FROM (a configuration failure).

``accepted``: a Counter of accepted messages per recipient; ``raw``: the accepted bytes in order; ``times``: when.
"""

import asyncio
import collections
import hashlib
import logging
import socket
import threading
import time
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller

TEMPORARY = "451 4.7.1 Try again later"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SmtpServer:
    host: str = "127.0.0.1"
    port: int = field(default_factory=_free_port)
    refuse: dict[str, str] = field(default_factory=dict)
    greylist: set[str] = field(default_factory=set)
    temp_share: float = 0.0
    drop: set[str] = field(default_factory=set)
    delay: float = 0.0
    auth_required: bool = False
    accepted: collections.Counter = field(default_factory=collections.Counter)
    raw: list[tuple[str, bytes]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # time.monotonic() of each accepted message
    rcpt_replies: collections.Counter = field(default_factory=collections.Counter)
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    _tried: set[str] = field(default_factory=set)
    _controller: Controller | None = None

    @property
    def env(self) -> dict[str, str]:
        return {"EMAIL_URL": f"smtp://{self.host}:{self.port}"}

    def use(self, settings) -> None:
        from portal.settings import mailer_from_url

        settings.MAILERS = {"default": mailer_from_url(self.env["EMAIL_URL"])}

    def in_temp_share(self, address: str) -> bool:
        digest = hashlib.sha256(address.lower().encode()).digest()
        return int.from_bytes(digest[:4]) / 2**32 < self.temp_share

    def rcpt_reply(self, address: str) -> str:
        with self.lock:
            if address in self.refuse:
                reply = self.refuse[address]
            elif (address in self.greylist or self.in_temp_share(address)) and address not in self._tried:
                self._tried.add(address)
                reply = TEMPORARY
            else:
                reply = "250 OK"
            self.rcpt_replies[reply[:3]] += 1
            return reply

    @property
    def total(self) -> int:
        return sum(self.accepted.values())

    def duplicates(self) -> int:
        return sum(count - 1 for count in self.accepted.values() if count > 1)

    def wait_for(self, predicate, timeout: float = 60, what: str = "the server") -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; accepted {self.total}")
            time.sleep(0.05)

    def start(self) -> "SmtpServer":
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self._controller = Controller(_Handler(self), hostname=self.host, port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


class _Handler:
    def __init__(self, server: SmtpServer):
        self.server = server

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with self.server.lock:
            self.server.connections += 1
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.server.auth_required:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.server.rcpt_reply(address)
        if reply.startswith("250"):
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_DATA(self, server, session, envelope):
        (address,) = envelope.rcpt_tos
        with self.server.lock:
            dropping = address in self.server.drop
            self.server.drop.discard(address)
        if dropping:
            server.transport.close()
            return "421 4.4.2 Connection dropped"
        if self.server.delay:
            await asyncio.sleep(self.server.delay)
        with self.server.lock:
            self.server.accepted[address] += 1
            self.server.raw.append((address, envelope.original_content))
            self.server.times.append(time.monotonic())
        return "250 2.0.0 Accepted"
