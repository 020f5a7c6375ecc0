#!/usr/bin/env bash
# make demo: set up the embedded profile (SQLite, filesystem broker, mail in var/mail) and run web, Celery
# worker and Celery beat in one terminal. Ctrl-C stops all three. Idempotent: a second run reuses var/.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
# Links in the mails the demo sends must point at this server.
export SITE_URL="${SITE_URL:-http://127.0.0.1:$PORT}"
# The demo shows what the product shows: the Dutch 404 and 500 pages, not Django's debug pages.
# Developers who want those: DJANGO_DEBUG=true make demo.
export DJANGO_DEBUG="${DJANGO_DEBUG:-false}"
# Without DEBUG, WhiteNoise serves only what collectstatic put in STATIC_ROOT. A plain copy takes seconds;
# production's hashed and compressed files take about a minute to build, too long for every start.
export DJANGO_STATICFILES_STORAGE="${DJANGO_STATICFILES_STORAGE:-django.contrib.staticfiles.storage.StaticFilesStorage}"
if [ ! -f .venv/.installed ] || [ requirements.txt -nt .venv/.installed ] || [ requirements-dev.txt -nt .venv/.installed ]; then
  bash scripts/venv.sh
  touch .venv/.installed
fi
PY=.venv/bin/python

if [ "${DJANGO_ENV:-development}" = "production" ]; then
  echo "make demo runs the embedded profile; unset DJANGO_ENV (production runs with docker compose)." >&2
  exit 1
fi
if ! "$PY" - "$PORT" <<'PY'; then
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
PY
  echo "Port $PORT is in use. Start with another port: PORT=8001 make demo" >&2
  exit 1
fi

echo "==> Static files"
"$PY" manage.py collectstatic --noinput -v 0
echo "==> Database: migrate"
"$PY" manage.py migrate --noinput -v 0
if "$PY" manage.py help --commands | grep -qx load_sample_content; then
  echo "==> Sample content"
  "$PY" manage.py load_sample_content
else
  echo "==> No load_sample_content command yet: starting without sample content"
fi
echo "==> Editor account"
LOGIN="$("$PY" manage.py ensure_editor)"

cat <<MSG

  Portal draait op:   http://127.0.0.1:$PORT/
  Beheer (redactie):  http://127.0.0.1:$PORT/beheer/
  $LOGIN
  Verstuurde mail:    ${PORTAL_VAR_DIR:-var}/mail/ (een .eml-bestand per bericht)
  Nieuwsbrief:        Beheer > Edities > de goedgekeurde editie > "Nu verzenden"; "Verzending volgen"
                      toont de voortgang, de berichten verschijnen in de map hierboven
  Stoppen:            Ctrl-C (stopt web, worker en beat)

MSG
# --env /dev/null: a production .env next to docker-compose.yml must not leak into the demo.
exec .venv/bin/honcho start --env /dev/null -f Procfile.demo -p "$PORT"
