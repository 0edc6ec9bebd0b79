"""Rare characters (生僻字) in every printed document: drawn from the bundled fallback fonts, never dropped.

Names with characters from CJK Extensions A (䶮), B (𠮷), E (𬌗), F (𬺰) and G (𰻝) go on door
plates, household files, notices and ledgers; the PDF's text must hold each character, drawn
(ink in its box) by an embedded fallback font. A character no bundled font has (Extension I)
prints as “〓” and is reported.
"""

from __future__ import annotations

import ctypes
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from fieldapp.cli.main import main
from fieldapp.services.context import AppContext
from fieldapp.services.printing import fonts
from fieldapp.services.printing.cards import render_cards
from fieldapp.services.printing.household_file import render_household_file
from fieldapp.services.printing.layout import text_width, wrap_text
from fieldapp.services.printing.ledger import render_ledger
from fieldapp.services.printing.notice import render_notice
from fieldapp.store.queries import HouseholdQuery
from tests.printing import pdftools

EXT_A, EXT_B, EXT_E, EXT_F, EXT_G = "\u4dae", "\U00020bb7", "\U0002c317", "\U0002ceb0", "\U00030edd"
RARE = (EXT_A, EXT_B, EXT_E, EXT_F, EXT_G)
NAMES = ("刘" + EXT_A, "张" + EXT_B + EXT_E, "王" + EXT_F + "芳", "赵" + EXT_G)
NO_FONT = "\U0002ebf0"  # CJK Extension I: no bundled font has it
FALLBACK_FACES = ("HanaMinA", "HanaMinB", "BabelStoneHan")

Render = Callable[[AppContext, list[str], Path], object]
DOCUMENTS: dict[str, Render] = {
    "cards": render_cards,
    "household": lambda ctx, ids, out: render_household_file(ctx, ids[0], out),
    "notice": lambda ctx, ids, out: render_notice(ctx, ids, out, kind="entry", start=dt.date(2026, 7, 1),
                                                  end=dt.date(2026, 7, 7), contact="刘" + EXT_A + " 13912345678"),
    "ledger": lambda ctx, ids, out: render_ledger(ctx, HouseholdQuery(sort="hh_no"), out),
}


@pytest.fixture
def rare_households(add_household: Callable[..., str]) -> list[str]:
    """Four households whose heads have rare names; the first also has rare members and measures."""
    first = add_household(NAMES[0], members=[{"name": NAMES[1]}, {"name": NAMES[2]}, {"name": NAMES[3]}],
                          measures=[{"type": "industry", "content": f"{NAMES[1]}养殖中蜂{EXT_G}10箱"}])
    return [first, *(add_household(name) for name in NAMES[1:])]


def drawn_characters(path: Path) -> list[tuple[str, str, bool, int]]:
    """Each character on the pages: (character, its font's base name, embedded?, dark pixels in its box)."""
    doc = pdfium.PdfDocument(path)
    found = []
    try:
        for page in doc:
            scale = 3.0
            image = page.render(scale=scale, grayscale=True).to_pil()
            height = page.get_height()
            textpage = page.get_textpage()
            count, i = textpage.count_chars(), 0
            while i < count:
                code, step = pdfium_raw.FPDFText_GetUnicode(textpage, i), 1
                if 0xD800 <= code < 0xDC00:  # PDFium reports a character beyond U+FFFF as a surrogate pair
                    low = pdfium_raw.FPDFText_GetUnicode(textpage, i + 1)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    step = 2
                obj = pdfium_raw.FPDFText_GetTextObject(textpage, i)
                if obj and not chr(code).isspace():
                    font = pdfium_raw.FPDFTextObj_GetFont(obj)
                    size = pdfium_raw.FPDFFont_GetBaseFontName(font, None, 0)
                    name = ctypes.create_string_buffer(size)
                    pdfium_raw.FPDFFont_GetBaseFontName(font, name, size)
                    left, bottom, right, top = textpage.get_charbox(i)
                    box = image.crop((int(left * scale), int((height - top) * scale),
                                      int(right * scale) + 1, int((height - bottom) * scale) + 1))
                    ink = sum(box.histogram()[:160])
                    found.append((chr(code), name.value.decode(), bool(pdfium_raw.FPDFFont_GetIsEmbedded(font)), ink))
                i += step
    finally:
        doc.close()
    return found


def test_the_fallback_fonts_cover_extensions_a_to_h() -> None:
    font = fonts.fallback_font()
    blocks = {"A": (0x3400, 0x4DBF), "B": (0x20000, 0x2A6DF), "C": (0x2A700, 0x2B73F), "D": (0x2B740, 0x2B81F),
              "E": (0x2B820, 0x2CEAF), "F": (0x2CEB0, 0x2EBEF), "G": (0x30000, 0x3134F), "H": (0x31350, 0x323AF)}
    covered = {k: sum(font.has_glyph(chr(c)) for c in range(lo, hi + 1)) for k, (lo, hi) in blocks.items()}
    # A and B whole; C–F all but a few dozen (HanaMinB 2017); G and H as far as BabelStone Han 15.0 goes
    assert covered["A"] == 6592 and covered["B"] == 42720
    assert covered["C"] >= 4150 and covered["D"] >= 222 and covered["E"] >= 5760 and covered["F"] >= 7470
    assert covered["G"] >= 3000 and covered["H"] >= 2200
    assert font.has_glyph("刘") and not font.has_glyph(NO_FONT)


def test_layout_measures_rare_characters_in_their_font() -> None:
    # a rare character is as wide as any ideograph (1 em), so wrapping keeps it on the line it fits
    assert text_width(EXT_B, 10) == pytest.approx(text_width("吉", 10)) == pytest.approx(10)
    name = "张" + EXT_B + EXT_E
    assert wrap_text(name + name, 10, 31) == [name, name]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_rare_character_is_printed(ctx: AppContext, rare_households: list[str], tmp_path: Path,
                                         name: str) -> None:
    out = tmp_path / f"{name}.pdf"
    with fonts.missing_glyphs() as missing:
        DOCUMENTS[name](ctx, rare_households, out)
    assert missing == set()
    pdftools.qpdf_ok(out)
    text = "".join(pdftools.text(out).split())
    for person in NAMES:
        assert person in text, (name, person)
    assert fonts.MISSING_MARK not in text
    drawn = drawn_characters(out)
    for char in RARE:
        rows = [row for row in drawn if row[0] == char]
        assert rows, (name, char)
        for _char, font, embedded, ink in rows:
            assert embedded and font.endswith(FALLBACK_FACES), (name, char, font)
            assert ink > 10, (name, char, font)  # the glyph is drawn, not an empty box
    # nothing is drawn in an unembedded font (Helvetica) or left to the reader's fonts
    assert all(embedded for _c, _f, embedded, _i in drawn)


def test_a_character_no_font_has_prints_the_mark_and_is_reported(ctx: AppContext, add_household: Callable[..., str],
                                                                  tmp_path: Path) -> None:
    hid = add_household("孙" + NO_FONT + "明")
    out = tmp_path / "plate.pdf"
    with fonts.missing_glyphs() as missing:
        render_cards(ctx, [hid], out)
    assert missing == {NO_FONT}
    text = "".join(pdftools.text(out).split())
    assert "孙" + fonts.MISSING_MARK + "明" in text
    marks = [row for row in drawn_characters(out) if row[0] == fonts.MISSING_MARK]
    assert marks and all(ink > 10 for *_x, ink in marks)
    assert "U+2EBF0" in fonts.missing_message(missing)


def test_the_cli_warns_about_characters_it_could_not_print(ctx: AppContext, add_household: Callable[..., str],
                                                           tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_household("孙" + NO_FONT + "明")
    add_household("刘" + EXT_A)
    out = tmp_path / "ledger.pdf"
    assert main(["print", "ledger", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "警告" in err and "U+2EBF0" in err and "〓" in err
    assert "刘" + EXT_A in pdftools.text(out)
    assert main(["print", "ledger", "--search", "刘", "--out", str(out)]) == 0
    assert "警告" not in capsys.readouterr().err  # every character printed: no warning
