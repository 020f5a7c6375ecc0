"""Rate limits for confirmation emails, counted in the cache under keyed hashes.

Neither the address nor the client IP is stored: the cache key is an HMAC of it. Each limit is a sliding
window counted in 60 steps: one counter per step, named after the step's number on timezone.now(), so the
limits follow the clock the tests control and the cache's own expiry only cleans up. An attempt counts
from its step until 60 steps later, so it leaves the window up to one step (1/60 of the window) early.

Counting is atomic: an attempt first takes its place with the cache's increment (Redis INCR), then adds
the earlier steps; over the limit it gives its place back. Parallel requests can therefore never pass a
limit together. Under contention one may be refused that a serial order would have let through (it saw
a place that another refused attempt was about to give back), never the other way round.
"""

import datetime
import enum
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from newsletter.hashing import email_normalise, keyed_hash

STEPS = 60


@dataclass(frozen=True)
class Limit:
    name: str
    most: int
    window: datetime.timedelta


ADDRESS_GAP = Limit("gap", 1, datetime.timedelta(minutes=10))  # mails to one address at least 10 min apart
ADDRESS_DAY = Limit("addr", 3, datetime.timedelta(hours=24))
IP_HOUR = Limit("ip", 10, datetime.timedelta(hours=1))


class Verdict(enum.Enum):
    ALLOWED = "allowed"
    ADDRESS_LIMITED = "address_limited"  # answered with the usual neutral page
    IP_FLOODING = "ip_flooding"  # answered with 429


def _timeout(limit: Limit) -> int:
    # A step's counter must outlive the window that still adds it up; the clock, not the expiry, decides.
    return math.ceil(limit.window.total_seconds() * (STEPS + 1) / STEPS)


def _increment(key: str, delta: int, timeout: int) -> int | None:
    """Add delta to a counter atomically; return the new value, or None if the counter is gone (delta < 0)."""
    for _attempt in range(3):
        if delta > 0:
            cache.add(key, 0, timeout=timeout)
        try:
            value = cache.incr(key, delta)
        except ValueError:  # expired between add and incr: take it again
            if delta < 0:
                return None
            continue
        # Django's RedisCache.incr checks EXISTS before INCR: a counter that expired in between is made again
        # by INCR, without expiry. Whoever sees such a fresh value sets the expiry again.
        if value <= max(delta, 0):
            cache.touch(key, timeout)
        return value
    raise RuntimeError(f"rate-limit counter {key} keeps expiring")


def _take(limit: Limit, subject: str) -> str | None:
    """Count one attempt against the limit; return its counter's key, or None (and count nothing) if over it."""
    step = limit.window.total_seconds() / STEPS
    now = int(timezone.now().timestamp() // step)
    prefix = f"newsletter:rl:{limit.name}:{keyed_hash('ratelimit.' + limit.name, subject)}:"
    current = f"{prefix}{now}"
    count = _increment(current, 1, _timeout(limit))
    earlier = cache.get_many([f"{prefix}{n}" for n in range(now - STEPS + 1, now)])
    if count + sum(earlier.values()) > limit.most:
        _give_back(limit, current)
        return None
    return current


def _give_back(limit: Limit, key: str) -> None:
    _increment(key, -1, _timeout(limit))


def confirmation_attempt_register(*, email: str, client_ip: str) -> Verdict:
    """Count an attempt for the IP and, when allowed, a confirmation email for the address; return the verdict."""
    # Every attempt from an IP counts, also those refused for the address: hammering one address is a flood.
    if _take(IP_HOUR, client_ip) is None:
        return Verdict.IP_FLOODING
    address = email_normalise(email)
    gap = _take(ADDRESS_GAP, address)
    if gap is None:
        return Verdict.ADDRESS_LIMITED
    if _take(ADDRESS_DAY, address) is None:
        _give_back(ADDRESS_GAP, gap)
        return Verdict.ADDRESS_LIMITED
    return Verdict.ALLOWED
