"""The household file carries the sign-off: signer, role, time, the verification code and a QR code
holding exactly that code; after a change it says the print is no longer what was signed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import segno

from fieldapp.domain.signoff import qr_payload
from fieldapp.services.context import AppContext
from fieldapp.services.printing.household_file import render_household_file
from fieldapp.services.signoff import service
from tests.printing import pdftools
from tests.server.util import edit_household

DPI = 200



def test_the_household_file_carries_signer_code_and_qr(ctx: AppContext, signed_in: Callable[..., AppContext],
                                                      make_household: Callable[..., str], tmp_path: Path) -> None:
    hid = make_household("冯立本")
    leader = signed_in("leader", name="韩队长")
    made = service.sign_household(leader, hid)
    out = render_household_file(leader, hid, tmp_path / "file.pdf")
    pdftools.qpdf_ok(out)
    last = pdftools.pages(out)
    text = "".join(pdftools.text(out, last, last).split())
    assert "签字背书：韩队长（队长/第一书记）" in text and made.code in text
    assert made.signed_text.replace(" ", "") in text
    assert "本打印件内容与签字时一致" in text
    assert not pdftools.FULL_ID.search(pdftools.text(out))

    words, sizes = pdftools.words(out)
    code_word = [w for w in words if w.page == last and made.code in w.text][-1]  # the block's, not the history's
    page_w = sizes[last - 1][0]
    k = DPI / 72
    image = pdftools.render(out, tmp_path, last, DPI, gray=True)
    # the QR code stands at the right of the block (inside the right margin), level with the code line
    margin = 18 * 72 / 25.4
    crop = image.crop((round((page_w - margin - 100) * k), round((code_word.y0 - 45) * k),
                       round((page_w - margin + 1) * k), round((code_word.y1 + 45) * k)))
    dark = [(x, y) for y in range(crop.height) for x in range(crop.width) if crop.getpixel((x, y)) < 128]
    x0, x1 = min(x for x, _ in dark), max(x for x, _ in dark)
    y0, y1 = min(y for _, y in dark), max(y for _, y in dark)
    matrix = segno.make(qr_payload(made.code), error="m", micro=False).matrix
    n = len(matrix)
    module = (x1 - x0 + 1) / n
    assert abs((y1 - y0 + 1) / n - module) < 0.5  # square
    wrong = sum((crop.getpixel((round(x0 + (c + 0.5) * module), round(y0 + (r + 0.5) * module))) < 128)
                != bool(matrix[r][c]) for r in range(n) for c in range(n))
    assert wrong == 0, f"{wrong} QR modules differ from the code's"

    edit_household(leader, hid, phone="13611112222")
    out = render_household_file(leader, hid, tmp_path / "changed.pdf")
    last = pdftools.pages(out)
    text = "".join(pdftools.text(out, last, last).split())
    assert "签字后本档案已修改1处" in text and "请重新签字" in text
