#!/usr/bin/env bash
# Set up everything FieldApp needs on a fresh Debian/Ubuntu/UOS/Kylin machine:
# system libraries for Qt (and the test tools), then a virtualenv in .venv with
# FieldApp installed in editable mode. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for cand in python3 python3.13 python3.12 python3.11; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PY=$cand; break
    fi
  done
fi
if [ -z "$PY" ]; then
  echo "FieldApp needs Python 3.11 or newer (python3.11 not found)." >&2
  exit 1
fi

# Qt's xcb/offscreen platform plugins and the test tools (Xvfb, poppler, qpdf, chromium: the district
# server's web pages are tested in a real headless browser); binutils (PyInstaller's objdump) and nsis
# (makensis) for `make dist`.
SYSTEM_PACKAGES="libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1 xvfb xauth poppler-utils qpdf
 chromium binutils nsis"
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for p in $SYSTEM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO=sudo
    if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
      echo "Installing system packages:$missing"
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
      echo "Warning: missing system packages (install them as root):$missing" >&2
    fi
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.fieldapp-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi
