"""Draft missing Traditional Chinese translations with OpenCC and report missing English ones.

Usage: fill_translations.py ZH_HANT_TS EN_TS. OpenCC (``pip install opencc``) is a
development tool only; FieldApp never needs it at run time. Drafted entries are
marked finished; review the diff before committing.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def fill_hant(path: str) -> int:
    import opencc

    converter = opencc.OpenCC("s2t")
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = converter.convert(source)
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def missing(path: str) -> list[str]:
    tree = ET.parse(path)
    out = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                or not (translation.text or "").strip():
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
