#!/usr/bin/env bash
# Builds the .deb from the bundle .ci/build-frozen.sh made, installs it with apt (from the
# local file: no download; its Depends are installed by scripts/system-packages.sh),
# runs the self-test as an ordinary user, gives that user a database, purges the package
# and checks that the user's data folder survived and nothing of the package is left.
# Needs root (CI runs as root). About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
USER_NAME=careops-ci
bundles=(dist/careops-*/)
bundle=${bundles[0]%/}
deb=$(bash scripts/build-deb.sh "$bundle" dist | tail -n 1 | cut -d' ' -f1)
echo "package: $deb"
if dpkg-query -W -f='${Status}' careops 2>/dev/null | grep -q "install ok installed"; then
  apt-get purge -y -qq careops >/dev/null
fi
# every Depends is installed already (system-packages.sh): apt resolves locally, downloads nothing
for package in $(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' '); do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    echo "$package (a Depends of the .deb) is not installed: add it to scripts/system-packages.sh" >&2
    exit 1
  fi
done
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")"

bundle_files() {  # the installed programs and shared libraries, NUL-separated
  find /opt/careops -name '*.so*' -type f -print0
  printf '%s\0' /opt/careops/careops
}
# every library the installed programs and Qt plugins load is found
missing=$(bundle_files \
  | LD_LIBRARY_PATH=/opt/careops/_internal:/opt/careops/_internal/PySide6/Qt/lib \
    xargs -0 ldd 2>/dev/null | grep "not found" | sort -u || true)
if [ -n "$missing" ]; then
  echo "libraries not found after installing: $missing" >&2
  exit 1
fi
# ... and each library it loads from the system comes from a package the .deb depends on
depends=$(dpkg-query -W -f='${Depends}' careops | tr -d ' ' | tr ',' '\n')
bundle_files \
  | LD_LIBRARY_PATH=/opt/careops/_internal:/opt/careops/_internal/PySide6/Qt/lib \
    xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 !~ "^/opt/careops" {print $3}' | sort -u \
  | while read -r lib; do
      package=$(dpkg -S "$(realpath "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true)
      package=${package%%:*}
      if [ -n "$package" ] && ! grep -qx "$package" <<<"$depends"; then
        echo "the bundle loads $lib from $package, which is not in the .deb's Depends" >&2
        exit 1
      fi
    done
test -f /usr/share/applications/careops.desktop
test -f /usr/share/icons/hicolor/256x256/apps/careops.png

id -u "$USER_NAME" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$USER_NAME"
home=$(getent passwd "$USER_NAME" | cut -d: -f6)
as_user() {
  (cd "$home" && runuser -u "$USER_NAME" -- env -i HOME="$home" PATH=/usr/bin:/bin \
    LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@")
}
as_user careops --version
as_user careops --self-test
# the user's own database, in their data folder (platformdirs: ~/.local/share/careops-desktop)
as_user careops-cli migrate
data="$home/.local/share/careops-desktop"
test -f "$data/careops.sqlite3"
before=$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum)

DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq careops >/dev/null
if [ -e /opt/careops ] || [ -e /usr/bin/careops ] || [ -e /usr/share/applications/careops.desktop ]; then
  echo "the package left files behind after purge" >&2
  exit 1
fi
after=$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
if [ "$before" != "$after" ]; then
  echo "purging the package changed the user's data folder" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  exit 1
fi
userdel --remove "$USER_NAME" 2>/dev/null || true
echo "deb: installed, self-test passed as $USER_NAME, purged; the data folder survived"
