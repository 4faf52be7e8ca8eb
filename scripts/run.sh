#!/usr/bin/env bash
# Sets up the app on a fresh machine and opens it on the demo database.
#   bash scripts/run.sh            # the demo business (created on first run)
#   bash scripts/run.sh --db FILE  # your own database
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh --app
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/python scripts/i18n.py compile >/dev/null  # the window's .qm and the .mo catalogs
if [ $# -eq 0 ]; then set -- --demo; fi
exec .venv/bin/careops "$@"
