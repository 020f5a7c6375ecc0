"""portal.cache: Django's Redis cache with one client object per pool."""

import pytest
from django.core.cache import caches

from portal.cache import RedisCache


def test_redis_cache_reuses_its_client_object():
    backend = RedisCache("redis://127.0.0.1:1/0", {})  # no connection is made until a command runs

    assert backend._cache.get_client() is backend._cache.get_client()
    assert backend._cache.get_client(write=True) is backend._cache.get_client()


@pytest.mark.skipif(not isinstance(caches["default"], RedisCache), reason="needs the test run's Redis")
def test_redis_cache_round_trip_with_the_reused_client():
    cache = caches["default"]
    cache.set("portal-test", {"a": 1}, 5)

    assert cache.get_many(["portal-test", "missing"]) == {"portal-test": {"a": 1}}
