"""Project-level views: the health check and /favicon.ico."""

import functools
import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.models import Heartbeat

logger = logging.getLogger(__name__)


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_cache() -> None:
    token = uuid.uuid4().hex
    cache.set("healthz", token, timeout=10)
    if cache.get("healthz") != token:
        raise RuntimeError("cache did not return the value just stored")


def _check_broker() -> None:
    from portal.celery import app

    if app.conf.broker_url.startswith("filesystem://"):
        folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_out"]
        if not os.access(folder, os.W_OK):
            raise RuntimeError(f"broker folder {folder} is not writable")
        return
    with app.connection_for_write(connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=0, timeout=2)


CHECKS = {"database": _check_database, "cache": _check_cache, "broker": _check_broker}


def _last_heartbeat() -> str | None:
    heartbeat = Heartbeat.objects.filter(name="beat").first()
    return heartbeat.seen_at.isoformat() if heartbeat else None


@never_cache
def healthz(request):
    """Report database, cache and broker status as JSON: 200 when all are up, 503 otherwise."""
    body = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.warning("healthz: %s is down", name, exc_info=True)
            body[name] = "error"
        else:
            body[name] = "ok"
    healthy = all(value == "ok" for value in body.values())
    body["status"] = "ok" if healthy else "error"
    if body["database"] == "ok":
        # Informational: the last beat heartbeat that a worker processed (None before the first one).
        body["worker_heartbeat"] = _last_heartbeat()
    response = JsonResponse(body, status=200 if healthy else 503)
    # Answered before the security middleware (see HealthzMiddleware): the same headers, set here.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    response["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    response["X-Frame-Options"] = "DENY"
    return response


FAVICON = "img/favicon.svg"  # the icon base.html links to; browsers understand SVG whatever the path
FAVICON_MAX_AGE = 24 * 60 * 60


@functools.cache
def _favicon_bytes() -> bytes:
    return Path(finders.find(FAVICON)).read_bytes()


@require_safe
def favicon(request):
    """Answer /favicon.ico, which crawlers and some clients ask for, with the site's icon (cached for a day)."""
    response = HttpResponse(_favicon_bytes(), content_type="image/svg+xml")
    response["Cache-Control"] = f"public, max-age={FAVICON_MAX_AGE}"
    return response
