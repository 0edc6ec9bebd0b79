"""Make the fallback fonts in resources/fonts for rare characters (生僻字) from Debian's font packages.

WenQuanYi Micro Hei (the main font) has the common ideographs only. These subsets add the CJK
Unified Ideographs extensions, keeping only the Han code points the fonts before them lack:

    hanamin-a-fallback.ttf     HanaMinA (fonts-hanazono): Extension A, newer URO and compatibility ideographs
    hanamin-b-fallback.ttf     HanaMinB (fonts-hanazono): Extensions B, C, D, E, F
    babelstone-han-fallback.ttf  BabelStone Han (fonts-babelstone-han): what is left, mostly Extensions G and H

Run it again only to change the fonts (it needs fontTools, which FieldApp itself does not)::

    apt-get download fonts-hanazono fonts-babelstone-han
    for f in fonts-*.deb; do dpkg-deb -x "$f" debfonts; done
    pip install fonttools
    python scripts/make_fallback_fonts.py debfonts/usr/share/fonts/truetype
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
MAIN = OUT / "wqy-microhei.ttc"
# Han-related blocks: radicals, strokes, ideographs (URO, Ext A, compatibility, planes 2 and 3).
HAN_RANGES = [(0x2E80, 0x2FFF), (0x31C0, 0x31EF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
              (0x20000, 0x2FFFF), (0x30000, 0x3FFFF)]
SOURCES = [
    ("hanazono/HanaMinA.ttf", "hanamin-a-fallback.ttf"),
    ("hanazono/HanaMinB.ttf", "hanamin-b-fallback.ttf"),
    ("babelstone/BabelStoneHan.ttf", "babelstone-han-fallback.ttf"),
]


def _han(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)


def main(folder: str) -> None:
    covered = set(TTFont(str(MAIN), fontNumber=0, lazy=True).getBestCmap())
    for source, target in SOURCES:
        font = TTFont(str(Path(folder) / source), lazy=False)
        wanted = sorted(c for c in font.getBestCmap() if _han(c) and c not in covered)
        options = subset.Options()
        options.layout_features = ["vert", "vrt2"]
        options.name_IDs = ["*"]  # keep the copyright and licence records
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False
        options.glyph_names = False
        sub = subset.Subsetter(options)
        sub.populate(unicodes=wanted)
        sub.subset(font)
        # the notice of the change in the file itself (the Arphic Public License asks for it)
        note = (f"Subset of {Path(source).name} made {dt.date.today():%Y-%m-%d} by FieldApp's "
                f"scripts/make_fallback_fonts.py: only the Han characters the fonts before it lack are kept.")
        for record in list(font["name"].names):
            if record.nameID == 10:
                font["name"].removeNames(nameID=10)
                break
        font["name"].setName(note, 10, 3, 1, 0x409)
        font["name"].setName(note, 10, 1, 0, 0)
        font.save(str(OUT / target))
        covered.update(wanted)
        size = (OUT / target).stat().st_size
        print(f"{target}: {len(wanted)} code points, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
