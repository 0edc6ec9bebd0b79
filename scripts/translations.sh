#!/usr/bin/env bash
# Update the Qt translation sources from the GUI code and compile them.
#   1. pyside6-lupdate collects tr()/translate() strings (source language: Simplified Chinese)
#      into resources/translations/fieldapp_{zh_Hant,en}.ts, keeping existing translations;
#   2. scripts/fill_translations.py drafts missing zh-Hant entries with OpenCC (s2t) —
#      review them — and lists missing English ones, which must be written by hand;
#   3. pyside6-lrelease compiles the .qm files the app loads.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
mapfile -t sources < <(find fieldapp/gui -name '*.py' | sort)
for lang in zh_Hant en; do
  "$BIN/pyside6-lupdate" -no-obsolete -source-language zh_CN -target-language "$lang" \
    "${sources[@]}" -ts "resources/translations/fieldapp_${lang}.ts"
done
"$BIN/python" scripts/fill_translations.py resources/translations/fieldapp_zh_Hant.ts resources/translations/fieldapp_en.ts
for lang in zh_Hant en; do
  "$BIN/pyside6-lrelease" "resources/translations/fieldapp_${lang}.ts" -qm "resources/translations/fieldapp_${lang}.qm"
done
