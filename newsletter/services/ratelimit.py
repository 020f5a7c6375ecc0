"""Rate limits for confirmation emails, counted in the cache under keyed hashes.

Neither the address nor the client IP is stored: the cache key is an HMAC of it. Each key holds the
recent send times (a sliding window) and is compared against timezone.now(), so the limits follow the
clock the tests control and do not depend on the cache's own expiry.
"""

import datetime
import enum

from django.core.cache import cache
from django.utils import timezone

from newsletter.hashing import email_normalise, keyed_hash

ADDRESS_MAX = 3
ADDRESS_WINDOW = datetime.timedelta(hours=24)
ADDRESS_MIN_GAP = datetime.timedelta(minutes=10)
IP_MAX = 10
IP_WINDOW = datetime.timedelta(hours=1)


class Verdict(enum.Enum):
    ALLOWED = "allowed"
    ADDRESS_LIMITED = "address_limited"  # answered with the usual neutral page
    IP_FLOODING = "ip_flooding"  # answered with 429


def _recent(key: str, window: datetime.timedelta) -> list[float]:
    cutoff = (timezone.now() - window).timestamp()
    return [t for t in cache.get(key, []) if t > cutoff]


def confirmation_attempt_register(*, email: str, client_ip: str) -> Verdict:
    """Count an attempt for the IP and, when allowed, a confirmation email for the address; return the verdict."""
    now = timezone.now().timestamp()
    ip_key = "newsletter:rl:ip:" + keyed_hash("ratelimit.ip", client_ip)
    ip_times = _recent(ip_key, IP_WINDOW)
    if len(ip_times) >= IP_MAX:
        return Verdict.IP_FLOODING
    # Every attempt from an IP counts, also those refused for the address: hammering one address is a flood.
    cache.set(ip_key, [*ip_times, now], timeout=int(IP_WINDOW.total_seconds()))
    address_key = "newsletter:rl:addr:" + keyed_hash("ratelimit.address", email_normalise(email))
    address_times = _recent(address_key, ADDRESS_WINDOW)
    too_soon = bool(address_times) and now - max(address_times) < ADDRESS_MIN_GAP.total_seconds()
    if len(address_times) >= ADDRESS_MAX or too_soon:
        return Verdict.ADDRESS_LIMITED
    cache.set(address_key, [*address_times, now], timeout=int(ADDRESS_WINDOW.total_seconds()))
    return Verdict.ALLOWED
