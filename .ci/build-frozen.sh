#!/usr/bin/env bash
# Builds the PyInstaller one-folder bundle and runs its --self-test.
# Expects .venv from scripts/test.sh; installs the `build` extra into it.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q -e '.[build]'
.venv/bin/python scripts/i18n.py compile >/dev/null  # the .qm and .mo files go into the bundle
rm -rf build/pyinstaller dist
.venv/bin/pyinstaller build.spec --noconfirm --log-level WARN \
  --workpath build/pyinstaller --distpath dist
bundle=$(ls -d dist/careops-*)
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
"$bundle/careops-cli" --version
QT_QPA_PLATFORM=offscreen CAREOPS_HOME="$(mktemp -d)" "$bundle/careops" --self-test
