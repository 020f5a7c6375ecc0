"""Rate limits with a controlled clock: 3 mails per address per 24 h, 10 minutes apart, 10 per IP per hour.

Also under parallel requests: the threaded tests hit the run's real Redis under make test.
"""

import datetime
import functools
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache

from newsletter.hashing import email_hash
from newsletter.services.ratelimit import Verdict, confirmation_attempt_register

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)
STEP = datetime.timedelta(hours=24) / 60  # the 24-hour window is counted in 60 steps


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def _attempt(email="a@voorbeeld.nl", ip="192.0.2.1"):
    return confirmation_attempt_register(email=email, client_ip=ip)


def test_ratelimit_second_mail_within_ten_minutes_refused(clock):
    assert _attempt() is Verdict.ALLOWED
    clock.shift(9 * MINUTE + datetime.timedelta(seconds=59))
    assert _attempt(ip="192.0.2.2") is Verdict.ADDRESS_LIMITED
    clock.shift(datetime.timedelta(seconds=1))
    assert _attempt(ip="192.0.2.3") is Verdict.ALLOWED


def test_ratelimit_address_case_and_spaces_count_as_one(clock):
    assert _attempt("a@voorbeeld.nl") is Verdict.ALLOWED
    assert _attempt(" A@Voorbeeld.NL ", ip="192.0.2.9") is Verdict.ADDRESS_LIMITED


def test_ratelimit_three_per_address_per_24_hours(clock):
    for n in range(3):
        assert _attempt(ip=f"192.0.2.{n}") is Verdict.ALLOWED
        clock.shift(11 * MINUTE)
    assert _attempt(ip="192.0.2.50") is Verdict.ADDRESS_LIMITED
    # The first of the three leaves the 24-hour window 24 h after it was sent, or up to one step (24 min) before.
    clock.move_to(START + datetime.timedelta(hours=24) - STEP - datetime.timedelta(seconds=1))
    assert _attempt(ip="192.0.2.51") is Verdict.ADDRESS_LIMITED
    clock.move_to(START + datetime.timedelta(hours=24))
    assert _attempt(ip="192.0.2.52") is Verdict.ALLOWED


def test_ratelimit_ten_per_ip_per_hour_then_flood(clock):
    for n in range(10):
        assert _attempt(f"p{n}@voorbeeld.nl") is Verdict.ALLOWED
        clock.shift(MINUTE)
    assert _attempt("p10@voorbeeld.nl") is Verdict.IP_FLOODING
    assert _attempt("p11@voorbeeld.nl", ip="198.51.100.7") is Verdict.ALLOWED
    clock.shift(datetime.timedelta(hours=1) - 10 * MINUTE + datetime.timedelta(seconds=1))
    assert _attempt("p12@voorbeeld.nl") is Verdict.ALLOWED


def test_ratelimit_repeated_address_from_one_ip_becomes_a_flood(clock):
    verdicts = [_attempt() for _ in range(11)]
    assert verdicts[0] is Verdict.ALLOWED
    assert set(verdicts[1:10]) == {Verdict.ADDRESS_LIMITED}
    assert verdicts[10] is Verdict.IP_FLOODING


def test_ratelimit_cache_holds_no_plain_address_or_ip(clock):
    _attempt("geheim@voorbeeld.nl", ip="203.0.113.77")
    if isinstance(caches["default"], LocMemCache):
        keys = list(cache._cache.keys())
    else:  # Redis under make test
        keys = [k.decode() for k in cache._cache.get_client().keys("*")]
    assert keys
    joined = " ".join(keys)
    assert "geheim" not in joined
    assert "203.0.113.77" not in joined
    assert email_hash("geheim@voorbeeld.nl") not in joined  # not even the stored hash: a separate key


def test_ratelimit_view_answers_neutral_page_then_429(client, clock, monkeypatch):
    from newsletter import tasks

    sent = []
    monkeypatch.setattr(tasks.subscription_request_email_send_task, "delay_on_commit", lambda *a: sent.append(a))
    first = client.post("/nieuwsbrief/aanmelden/", {"email": "a@voorbeeld.nl"})
    limited = client.post("/nieuwsbrief/aanmelden/", {"email": "a@voorbeeld.nl"})
    assert first.status_code == limited.status_code == 302
    assert first["Location"] == limited["Location"]
    assert len(sent) == 1
    for n in range(8):
        client.post("/nieuwsbrief/aanmelden/", {"email": f"x{n}@voorbeeld.nl"})
    flood = client.post("/nieuwsbrief/aanmelden/", {"email": "y@voorbeeld.nl"})
    assert flood.status_code == 429
    assert "Te veel aanmeldingen" in flood.content.decode()
    assert len(sent) == 9


def test_ratelimit_client_ip_from_trusted_proxy_header(client, clock, settings, monkeypatch):
    from newsletter import tasks

    monkeypatch.setattr(tasks.subscription_request_email_send_task, "delay_on_commit", lambda *a: None)
    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for n in range(10):
        client.post("/nieuwsbrief/aanmelden/", {"email": f"p{n}@voorbeeld.nl"}, HTTP_X_REAL_IP="192.0.2.10")
    flood = client.post("/nieuwsbrief/aanmelden/", {"email": "q@voorbeeld.nl"}, HTTP_X_REAL_IP="192.0.2.10")
    other = client.post("/nieuwsbrief/aanmelden/", {"email": "q@voorbeeld.nl"}, HTTP_X_REAL_IP="192.0.2.11")
    assert flood.status_code == 429
    assert other.status_code == 302


def _concurrently(calls: list) -> list[Verdict]:
    """Run the calls in parallel threads released together; return their verdicts in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_ratelimit_parallel_attempts_from_one_ip_never_exceed_the_limit():
    # Under make test the cache is the run's own Redis: every thread has its own connection.
    calls = [functools.partial(_attempt, f"p{n}@voorbeeld.nl", "192.0.2.77") for n in range(40)]

    verdicts = _concurrently(calls)

    assert verdicts.count(Verdict.ALLOWED) == 10
    assert verdicts.count(Verdict.IP_FLOODING) == 30


def test_ratelimit_parallel_attempts_for_one_address_send_one_mail():
    calls = [functools.partial(_attempt, "doelwit@voorbeeld.nl", f"198.51.100.{n}") for n in range(30)]

    verdicts = _concurrently(calls)

    assert verdicts.count(Verdict.ALLOWED) == 1
    assert verdicts.count(Verdict.ADDRESS_LIMITED) == 29


@pytest.mark.skipif(isinstance(caches["default"], LocMemCache), reason="the race is in Django's RedisCache.incr")
def test_ratelimit_counter_recreated_by_incr_gets_its_expiry_back(monkeypatch):
    """RedisCache.incr checks EXISTS, then INCR: a counter expiring in between comes back without expiry."""
    client = cache._cache.get_client(None, write=True)
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: False)  # it still existed when added ...
    monkeypatch.setattr(type(client), "exists", lambda self, *keys: 1)  # ... and when incr looked

    assert _attempt() is Verdict.ALLOWED

    keys = client.keys("*newsletter:rl:*")
    assert len(keys) == 3  # ip, gap and day counters
    assert all(0 < client.ttl(key) <= 24 * 3600 * 61 / 60 + 1 for key in keys)
