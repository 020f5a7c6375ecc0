#!/usr/bin/env bash
# Run the test suite against a throwaway PostgreSQL cluster and Redis server on free loopback ports.
#
#   bash scripts/test.sh [pytest args...]      (make test ARGS="...")
#
# Starts both servers in a temporary directory, exports DATABASE_URL, REDIS_URL and CELERY_BROKER_URL to
# pytest, and stops exactly the processes it started (also when the tests fail or on Ctrl-C).
# TEST_WITHOUT_SERVERS=1 skips both servers. With CI=true a missing server or browser is a failure; otherwise the suite falls back to SQLite and the
# filesystem broker, and says so loudly. Exit code: pytest's.
set -uo pipefail
cd "$(dirname "$0")/.."

CI="${CI:-false}"
say() { printf '[make test] %s\n' "$*" >&2; }
loud() {
  printf '\n[make test] ********************************************************************\n' >&2
  printf '[make test] %s\n' "$@" >&2
  printf '[make test] ********************************************************************\n\n' >&2
}
fail_or_fallback() {  # $1 = what is missing, $2 = fallback
  if [ "$CI" = "true" ]; then
    say "CI=true: $1 is required. Failing."
    exit 2
  fi
  loud "WARNING: $1 is not available." "Falling back to $2: this run does NOT test PostgreSQL/Redis behaviour."
}
is_root() { [ "$(id -u)" = "0" ]; }
apt_install() {  # install Debian packages when running as root; returns non-zero otherwise
  is_root && command -v apt-get >/dev/null || return 1
  say "installing $* with apt-get"
  if [ -z "${PORTAL_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    PORTAL_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- Python environment ---------------------------------------------------------------------------
if [ ! -f .venv/.installed ] || [ requirements.txt -nt .venv/.installed ] || [ requirements-dev.txt -nt .venv/.installed ]; then
  bash scripts/venv.sh || exit 1
  touch .venv/.installed
fi

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/portal-test.XXXXXX")"
chmod 755 "$RUN_DIR"
PG_DATA="" PG_BIN="" REDIS_PID=""

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    if is_root; then
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    else
      "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    fi
  fi
  if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill "$REDIS_PID" 2>/dev/null
    wait "$REDIS_PID" 2>/dev/null
  fi
  rm -rf "$RUN_DIR"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- PostgreSQL -------------------------------------------------------------------------------------
start_postgres() {
  PG_BIN="$(pg_bindir)"
  if [ -z "$PG_BIN" ]; then
    apt_install postgresql || return 1
    PG_BIN="$(pg_bindir)"
  fi
  [ -x "$PG_BIN/initdb" ] || return 1
  PG_DATA="$RUN_DIR/pg"
  local port as=()
  port="$(free_port)"
  mkdir -p "$PG_DATA"
  if is_root; then
    chown -R postgres: "$RUN_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$RUN_DIR/initdb.log" 2>&1 || { cat "$RUN_DIR/initdb.log" >&2; return 1; }
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$RUN_DIR/postgres.log" -w \
    -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >/dev/null || { cat "$RUN_DIR/postgres.log" >&2; return 1; }
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres portal || return 1
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/portal"
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PG_DATA)"
}

# --- Redis ------------------------------------------------------------------------------------------
start_redis() {
  command -v redis-server >/dev/null || apt_install redis-server || return 1
  local port
  port="$(free_port)"
  mkdir -p "$RUN_DIR/redis"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$RUN_DIR/redis" \
    >"$RUN_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 100); do
    if .venv/bin/python - "$port" 2>/dev/null <<'PY'; then break; fi
import socket, sys
socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()
PY
    kill -0 "$REDIS_PID" 2>/dev/null || { cat "$RUN_DIR/redis.log" >&2; return 1; }
    sleep 0.05
  done
  export REDIS_URL="redis://127.0.0.1:$port/0"
  export CELERY_BROKER_URL="redis://127.0.0.1:$port/1"
  say "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$port (pid $REDIS_PID)"
}

# --- Browser for the Playwright tests --------------------------------------------------------------
ensure_chromium() {
  command -v chromium >/dev/null && return 0
  apt_install chromium && return 0
  if [ "$CI" = "true" ]; then say "CI=true: chromium is required for the browser tests. Failing."; exit 2; fi
  loud "WARNING: chromium is not installed: the browser tests will be skipped."
}

unset DATABASE_URL REDIS_URL CELERY_BROKER_URL CELERY_BROKER_DIR DJANGO_ENV
if [ "${TEST_WITHOUT_SERVERS:-}" = "1" ]; then  # quick local runs: no servers at all
  fail_or_fallback "PostgreSQL and Redis (TEST_WITHOUT_SERVERS=1)" "SQLite, the in-memory cache and the filesystem broker"
else
  start_postgres || { PG_DATA=""; fail_or_fallback "PostgreSQL" "SQLite"; }
  start_redis || { fail_or_fallback "Redis" "the in-memory cache and the filesystem broker"; }
fi
ensure_chromium

export DJANGO_SETTINGS_MODULE=portal.settings
export DJANGO_ALLOW_ASYNC_UNSAFE=true
# Keep the test run's broker folder, mail and secret away from the demo's var/.
export PORTAL_VAR_DIR="$RUN_DIR/var"
mkdir -p "$PORTAL_VAR_DIR"

.venv/bin/pytest -W error::DeprecationWarning "$@"
