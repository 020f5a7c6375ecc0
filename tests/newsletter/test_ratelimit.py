"""Rate limits with a controlled clock: 3 mails per address per 24 h, 10 minutes apart, 10 per IP per hour."""

import datetime

import pytest
import time_machine
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache

from newsletter.hashing import email_hash
from newsletter.services.ratelimit import Verdict, confirmation_attempt_register

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)


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
    # The first of the three leaves the 24-hour window 24 h after it was sent.
    clock.shift(datetime.timedelta(hours=24) - 34 * MINUTE)
    assert _attempt(ip="192.0.2.51") is Verdict.ADDRESS_LIMITED
    clock.shift(2 * MINUTE)
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
