#!/usr/bin/env bash
# Build the FieldApp .deb (统信UOS / 麒麟 Kylin / Debian / Ubuntu) from the PyInstaller folder.
#
#   installer/linux/build_deb.sh BUNDLE_DIR VERSION OUT_DIR
#   e.g. installer/linux/build_deb.sh dist/fieldapp 0.1.0 dist   →  dist/fieldapp_0.1.0_amd64.deb
#
# Layout: the bundle in /opt/fieldapp, /usr/bin/fieldapp (and fieldapp-server) as symlinks,
# a desktop entry with the Chinese name, the icon in the hicolor theme. The register stays in
# each user's data folder (~/.local/share/FieldApp): installing, upgrading or removing the
# package never touches it. Needs dpkg-deb (and objdump, from binutils, for the glibc check).
# DEB_COMPRESS=xz|gzip|none and DEB_LEVEL=0..9 pick the compression (default xz level 6).
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 BUNDLE_DIR VERSION OUT_DIR" >&2
  exit 2
fi
BUNDLE=$(cd "$1" && pwd)
VERSION=$2
OUT=$(mkdir -p "$3" && cd "$3" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PACKAGE=fieldapp
ARCH=$(dpkg --print-architecture)

[ -x "$BUNDLE/fieldapp" ] || { echo "no executable $BUNDLE/fieldapp: build the bundle first (make dist)" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb not found" >&2; exit 1; }

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/fieldapp-deb.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
chmod 0755 "$STAGE"

# -- files ---------------------------------------------------------------------------------------
install -d -m 0755 "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/doc/$PACKAGE" "$STAGE/DEBIAN"
cp -a "$BUNDLE" "$STAGE/opt/fieldapp"
rm -f "$STAGE/opt/fieldapp/portable.txt"          # an installed copy is never portable
rm -rf "$STAGE/opt/fieldapp/FieldAppData"
find "$STAGE/opt/fieldapp" -name __pycache__ -type d -prune -exec rm -rf {} +
chmod -R u+rwX,go+rX,go-w "$STAGE/opt/fieldapp"
for exe in fieldapp fieldapp-server; do
  if [ -x "$STAGE/opt/fieldapp/$exe" ]; then
    ln -s "/opt/fieldapp/$exe" "$STAGE/usr/bin/$exe"
  fi
done
install -m 0644 "$HERE/fieldapp.desktop" "$STAGE/usr/share/applications/fieldapp.desktop"
install -m 0644 "$ROOT/resources/icons/fieldapp.png" "$STAGE/usr/share/icons/hicolor/256x256/apps/fieldapp.png"
install -m 0644 "$ROOT/resources/icons/fieldapp.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/fieldapp.svg"
install -m 0644 "$HERE/copyright" "$STAGE/usr/share/doc/$PACKAGE/copyright"

# -- control -------------------------------------------------------------------------------------
# The bundle carries its own Python, Qt and libraries; what it still takes from the system is
# glibc (at least the newest symbol version any bundled binary asks for), OpenGL/EGL and xcb.
GLIBC=2.17
if command -v objdump >/dev/null; then
  found=$(find "$STAGE/opt/fieldapp" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1 || true)
  [ -n "$found" ] && GLIBC=$found
else
  echo "warning: objdump not found (apt-get install binutils): glibc requirement not measured" >&2
fi
SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" -e "s/@GLIBC@/$GLIBC/" \
  "$HERE/control.in" > "$STAGE/DEBIAN/control"
install -m 0755 "$HERE/postinst" "$STAGE/DEBIAN/postinst"
install -m 0755 "$HERE/postrm" "$STAGE/DEBIAN/postrm"

# -- build ---------------------------------------------------------------------------------------
DEB="$OUT/${PACKAGE}_${VERSION}_${ARCH}.deb"
rm -f "$DEB"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" -z"${DEB_LEVEL:-6}" --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
