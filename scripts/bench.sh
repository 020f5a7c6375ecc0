#!/usr/bin/env bash
# make bench: the benchmark of issue 13 (bench/). Starts its own PostgreSQL, Redis, gunicorn, Celery workers and
# smtp-sink on loopback in a temporary folder, measures, stops exactly what it started, and prints a summary whose
# last line is one JSON object. Sizes: BENCH_SUBSCRIBERS (20000), BENCH_ARTICLES (2500); see bench/run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL REDIS_URL CELERY_BROKER_URL CELERY_BROKER_DIR DJANGO_ENV DJANGO_SETTINGS_MODULE
exec .venv/bin/python -m bench "$@"
