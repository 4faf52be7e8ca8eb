#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine, then runs them.
#   bash scripts/test.sh            # the whole default suite
#   bash scripts/test.sh -k booking # pytest arguments pass through
#   bash scripts/test.sh -m "not slow and not postgres"  # the quick run (README)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python scripts/i18n.py compile >/dev/null  # the window's .qm and the .mo catalogs
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
