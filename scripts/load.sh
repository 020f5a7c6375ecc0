#!/usr/bin/env bash
# make load: a bounded load check on loopback (bench/load.py): wrk against the news page with the page cache on
# and off, and a sign-up flood from one IP that must end in rate limiting. Exit code non-zero on a violation.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL REDIS_URL CELERY_BROKER_URL CELERY_BROKER_DIR DJANGO_ENV DJANGO_SETTINGS_MODULE
exec .venv/bin/python -m bench.load "$@"
