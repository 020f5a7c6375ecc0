#!/usr/bin/env bash
# Create .venv with Python 3.12+ and install the pinned requirements. Idempotent.
# PYTHON=/path/to/python3.12 picks the interpreter; otherwise the newest suitable one found is used.
set -euo pipefail
cd "$(dirname "$0")/.."

is_new_enough() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
version_of() { "$1" -c 'import sys; print(".".join(map(str, sys.version_info[:3])))' 2>/dev/null || echo "?"; }

refuse() {
  echo "portal needs Python 3.12 or newer (Django 6.1 does not run on older versions). $1" >&2
  echo "Install it (for example 'pyenv install 3.12') or set PYTHON=/path/to/python3.12, then run this again." >&2
  exit 1
}

find_python() {
  local candidate
  for candidate in python3.13 python3.12 "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python python3; do
    command -v "$candidate" >/dev/null 2>&1 || [ -x "$candidate" ] || continue
    if is_new_enough "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

if [ -x .venv/bin/python ] && ! is_new_enough .venv/bin/python; then
  echo "The existing .venv uses Python $(version_of .venv/bin/python), older than 3.12; recreating it." >&2
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  if [ -n "${PYTHON:-}" ]; then
    is_new_enough "$PYTHON" || refuse "PYTHON=$PYTHON is Python $(version_of "$PYTHON")."
    PY="$PYTHON"
  else
    PY="$(find_python)" || refuse "Found: python3 $(version_of python3)."
  fi
  echo "Creating .venv with Python $(version_of "$PY") ($PY)"
  "$PY" -m venv .venv
fi
echo "Installing requirements-dev.txt into .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt 2> >(grep -v "^WARNING: Location" >&2)
