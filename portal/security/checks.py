"""Deploy checks for the defences that settings can switch off (manage.py check --deploy)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_staff_two_factor(app_configs, **kwargs):
    """Warn when production runs without the second login step for staff."""
    if settings.PRODUCTION and not settings.STAFF_REQUIRE_2FA:
        return [
            Warning(
                "STAFF_REQUIRE_2FA is off in production: staff log in to the admin with a password only.",
                hint="Remove STAFF_REQUIRE_2FA=false from the environment.",
                id="portal.W001",
            )
        ]
    return []


def _redis_server(url: str) -> tuple[str, int] | None:
    parts = urlsplit(url)
    if parts.scheme not in {"redis", "rediss"}:
        return None
    return (parts.hostname or "localhost", parts.port or 6379)


@register(Tags.caches, deploy=True)
def check_cache_apart_from_broker(app_configs, **kwargs):
    """Warn when the cache and the Celery broker use one Redis server: its eviction policy is for both."""
    cache_server = _redis_server(settings.REDIS_URL)
    if cache_server is not None and cache_server == _redis_server(settings.CELERY_BROKER_URL):
        return [
            Warning(
                "REDIS_URL and CELERY_BROKER_URL point to the same Redis server: a full cache evicts queued tasks "
                "(allkeys-lru), or a full broker refuses cache writes (noeviction).",
                hint="Run two Redis servers, as docker-compose.yml does (broker: noeviction, cache: allkeys-lru).",
                id="portal.W002",
            )
        ]
    return []
