"""Draft missing Traditional Chinese translations with OpenCC (s2tw) and report missing English ones.

Usage: fill_translations.py ZH_HANT_TS EN_TS. OpenCC (``pip install opencc``) is a
development tool only; FieldApp never needs it at run time. Drafted entries are
marked finished; review the diff before committing.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

# Word-level fixes applied after OpenCC (Taiwan usage): 台 for the measure word and
# 工作台/台账, 帳 for accounts.
FIXES = {"工作臺": "工作台", "這臺": "這台", "臺賬": "台帳", "賬號": "帳號"}


def to_hant(converter: object, text: str) -> str:
    out = converter.convert(text)  # type: ignore[attr-defined]
    for wrong, right in FIXES.items():
        out = out.replace(wrong, right)
    return out


def fill_hant(path: str) -> int:
    import opencc

    converter = opencc.OpenCC("s2tw")
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = to_hant(converter, source)
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def missing(path: str) -> list[str]:
    tree = ET.parse(path)
    out = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        # A bare space is a valid translation of a unit suffix such as " 年".
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                or not translation.text:
            out.append(message.findtext("source") or "")
    return out


def main() -> int:
    hant, en = sys.argv[1], sys.argv[2]
    print(f"zh_Hant: drafted {fill_hant(hant)} entries with OpenCC (review them)")
    todo = missing(en)
    for text in todo:
        print(f"en: untranslated: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
