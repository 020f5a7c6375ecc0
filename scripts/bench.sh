#!/usr/bin/env bash
# make bench: a small benchmark on the embedded profile in a temporary var/ folder.
# Runs bench/ (python -m bench) when that package exists; otherwise measures the home page uncached
# versus cached (the page cache for anonymous visitors) and prints the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

if [ -f bench/__main__.py ]; then exec "$PY" -m bench "$@"; fi

PORTAL_VAR_DIR="$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")"
export PORTAL_VAR_DIR DJANGO_SETTINGS_MODULE=portal.settings DJANGO_LOG_LEVEL=WARNING
trap 'rm -rf "$PORTAL_VAR_DIR"' EXIT
unset DATABASE_URL REDIS_URL CELERY_BROKER_URL DJANGO_ENV

"$PY" manage.py migrate --noinput -v 0
if "$PY" manage.py help --commands | grep -qx load_sample_content; then
  "$PY" manage.py load_sample_content >/dev/null
fi
"$PY" - <<'PY'
import statistics
import time

import django

django.setup()
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

client = Client()


def timed(clear: bool) -> float:
    if clear:
        cache.clear()
    start = time.perf_counter()
    response = client.get("/")
    assert response.status_code == 200, response.status_code
    return time.perf_counter() - start


timed(False)  # warm imports and templates
uncached = statistics.median(timed(True) for _ in range(30))
cached = statistics.median(timed(False) for _ in range(30))
print(f"home page: uncached {uncached * 1000:.1f} ms, cached {cached * 1000:.1f} ms")
print(f"ratio uncached/cached: {uncached / cached:.1f}")
PY
