#!/usr/bin/env bash
# Packs dist/CareOps.app (PyInstaller, build.spec on macOS) into dist/CareOps-<version>.dmg:
# the app and a link to /Applications, to drag it across. Run on macOS (hdiutil).
#   bash installer/macos/make-dmg.sh 0.1.0
# Signing and notarising happen before (the app) and after (the .dmg) this script, in
# .github/workflows/installers.yml, when the signing secrets are set.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?version}
app=dist/CareOps.app
[ -d "$app" ] || { echo "no $app: run pyinstaller build.spec first" >&2; exit 1; }
stage=$(mktemp -d)
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="dist/CareOps-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "CareOps $version" -srcfolder "$stage" -ov -format UDZO "$dmg"
rm -rf "$stage"
echo "$dmg"
