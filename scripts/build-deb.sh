#!/usr/bin/env bash
# Packs the PyInstaller bundle (build.spec) as a Debian package:
#   /opt/careops/                      the bundle (careops, careops-cli, _internal/)
#   /usr/bin/careops, careops-cli      links to the programs
#   /usr/share/applications/careops.desktop and the icon (hicolor 256x256)
# No maintainer scripts: installing, upgrading and purging never touch a user's data
# (~/.local/share/careops-desktop stays where it is).
#   bash scripts/build-deb.sh [BUNDLE] [OUT_DIR]   # defaults: dist/careops-<version>, dist
# Depends: the system libraries the bundle loads and does not carry (found with ldd on
# its programs, Qt libraries and Qt plugins; PyInstaller leaves out libc, the OpenGL/EGL
# drivers' front ends and a few more), and a font. .ci/check-deb.sh checks that nothing is
# missing once installed and that each of those libraries' packages is listed here, and scripts/system-packages.sh --app installs the same packages.
set -euo pipefail
cd "$(dirname "$0")/.."
DEPENDS="libc6, libdrm2, libegl1, libgl1, libglvnd0, libglx0, libwayland-client0, libwayland-cursor0, libwayland-egl1, libxcb1, fonts-dejavu-core"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' careops_desktop/__init__.py)
bundle=${1:-dist/careops-$version}
out=${2:-dist}
[ -x "$bundle/careops" ] || { echo "no bundle at $bundle (run .ci/build-frozen.sh)" >&2; exit 1; }
arch=$(dpkg --print-architecture)
stage=build/deb/careops_${version}_${arch}
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/256x256/apps" "$stage/usr/share/doc/careops"
cp -a "$bundle" "$stage/opt/careops"
[ -e "$stage/opt/careops/careops-cli" ] || ln -s careops "$stage/opt/careops/careops-cli"
ln -s /opt/careops/careops "$stage/usr/bin/careops"
ln -s /opt/careops/careops-cli "$stage/usr/bin/careops-cli"
install -m 644 resources/icons/careops.png "$stage/usr/share/icons/hicolor/256x256/apps/careops.png"
cat > "$stage/usr/share/applications/careops.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=CareOps
GenericName=Front office
Comment=Inbox, bookings, contacts, intake forms and inventory of one service business
Exec=careops
Icon=careops
Terminal=false
Categories=Office;
Keywords=bookings;appointments;clinic;salon;inbox;
DESKTOP
cat > "$stage/usr/share/doc/careops/copyright" <<COPYRIGHT
CareOps Desktop $version: MIT licence. The libraries it ships with and their licences
are listed under Help → About in the program.
COPYRIGHT
size_kb=$(du -sk "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: careops
Version: $version
Architecture: $arch
Maintainer: CareOps Developers <maintainers@careops.invalid>
Installed-Size: $size_kb
Depends: $DEPENDS
Section: misc
Priority: optional
Homepage: https://careops.invalid/
Description: front office of one service business
 CareOps Desktop runs the inbox, bookings, contacts, intake forms and inventory of
 a clinic, salon, physio or tutoring practice or a repair shop, with a booking page
 for customers on the business's own network. The data stays on the computer.
CONTROL
mkdir -p "$out"
deb="$out/careops_${version}_${arch}.deb"
# gzip: fast to build and read (xz takes minutes on 250 MB for ~15% less)
dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "$deb ($(du -h "$deb" | cut -f1))"
