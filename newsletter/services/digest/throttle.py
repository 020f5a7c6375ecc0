"""The digest's rate limit in messages per second, shared by every worker through Redis.

A fixed window per second: each message takes a number from `INCR digest:rate:<second>` (one round trip,
pipelined with its EXPIRE); numbers above the rate wait for the next second. All workers count in the same
key, so together they send at most DIGEST_RATE_PER_SECOND messages in any calendar second, and close to it
over a longer window when they can keep up. 0 means unlimited (no Redis round trip at all).

Without Redis (the embedded profile's filesystem broker) or while Redis is unreachable, each process limits
itself to the rate alone: correct for one worker, too generous for several (logged once).
"""

import logging
import time

from django.conf import settings

logger = logging.getLogger(__name__)

_KEY = "digest:rate:{window}"


def _redis_url() -> str:
    for url in (getattr(settings, "REDIS_URL", ""), getattr(settings, "CELERY_BROKER_URL", "")):
        if url and url.startswith(("redis://", "rediss://")):
            return url
    return ""


class RateLimiter:
    def __init__(self, rate: int, url: str | None = None):
        self.rate = rate
        self._client = None
        self._local_window, self._local_count = 0, 0
        self._warned = False
        url = _redis_url() if url is None else url
        if rate > 0 and url:
            import redis

            self._client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    def _take(self, window: int) -> int:
        if self._client is not None:
            try:
                pipe = self._client.pipeline(transaction=False)
                pipe.incr(_KEY.format(window=window))
                pipe.expire(_KEY.format(window=window), 10)
                return pipe.execute()[0]
            except Exception as exc:  # Redis down: limit this process alone, keep sending
                if not self._warned:
                    logger.warning("Digest rate limit: no Redis (%s), limiting per process", type(exc).__name__)
                    self._warned = True
        if window != self._local_window:
            self._local_window, self._local_count = window, 0
        self._local_count += 1
        return self._local_count

    def wait(self) -> None:
        """Return when one more message may leave."""
        if self.rate <= 0:
            return
        while True:
            now = time.time()
            window = int(now)
            if self._take(window) <= self.rate:
                return
            time.sleep(window + 1 - now)


def rate_limiter() -> RateLimiter:
    return RateLimiter(int(getattr(settings, "DIGEST_RATE_PER_SECOND", 0)))
