#!/usr/bin/env bash
# Installs the Debian packages that the app and its tests need on a fresh machine:
# Qt's runtime libraries, Xvfb for screenshots, Chromium for the booking-page tests,
# PostgreSQL and Dovecot for the server-backed tests, poppler for reading PDFs, wrk as the
# web benchmark's load generator, Caddy as the reverse proxy in front of the booking page,
# ShellCheck for the shell steps of the CI workflows (actionlint runs it).
#   bash scripts/system-packages.sh          # for the tests: everything
#   bash scripts/system-packages.sh --app    # for running the app: Qt's libraries only
# Does nothing when they are all present; needs root (or sudo) otherwise; skipped where
# there is no apt-get (install Qt's usual runtime libraries by your system's own means).
set -euo pipefail
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  exit 0
fi
PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libnss3 libasound2 fonts-dejavu-core
  # the .deb's Depends (scripts/build-deb.sh): what the frozen bundle loads from the system
  libc6 libdrm2 libglvnd0 libglx0 libwayland-client0 libwayland-cursor0 libwayland-egl1 libxcb1
)
if [ "${1:-}" != "--app" ]; then
  PACKAGES+=(
    xvfb xauth poppler-utils postgresql
    dovecot-imapd
    openssl
    chromium chromium-driver
    wrk
    caddy
    shellcheck
  )
fi
if [ -n "${CAREOPS_EXTRA_PACKAGES:-}" ]; then
  # shellcheck disable=SC2206
  PACKAGES+=(${CAREOPS_EXTRA_PACKAGES})
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
