"""What holds for every printed document: valid PDF, only the bundled font (embedded subsets with
ToUnicode, so Chinese renders anywhere and extracts), and no temporary file left behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.services.context import AppContext
from fieldapp.services.printing.archive import render_archive
from fieldapp.services.printing.cards import render_cards
from fieldapp.services.printing.household_file import render_household_file
from fieldapp.services.printing.ledger import render_ledger
from fieldapp.services.printing.notice import render_notice
from fieldapp.services.printing.project_ledgers import render_fund_ledger, render_project_ledger
from fieldapp.store.queries import HouseholdQuery
from tests.printing import pdftools

Render = Callable[[AppContext, dict[str, str], Path], object]
DOCUMENTS: dict[str, Render] = {
    "cards": lambda ctx, hh, out: render_cards(ctx, list(hh.values()), out),
    "household": lambda ctx, hh, out: render_household_file(ctx, hh["safety_net"], out),
    "notice": lambda ctx, hh, out: render_notice(ctx, list(hh.values()), out, kind="entry", start=dt.date(2026, 7, 1),
                                                 end=dt.date(2026, 7, 7), contact="王主任"),
    "ledger": lambda ctx, hh, out: render_ledger(ctx, HouseholdQuery(), out),
    "archive": lambda ctx, hh, out: render_archive(ctx, ctx.settings["cadre_id"], out, year=2025),
    "projects": lambda ctx, hh, out: render_project_ledger(ctx, ctx.settings["village_ids"][0], out),
    "funds": lambda ctx, hh, out: render_fund_ledger(ctx, ctx.settings["village_ids"][0], out, year=2026),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_valid_pdf_with_only_the_embedded_font(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path,
                                               name: str) -> None:
    out = tmp_path / f"{name}.pdf"
    DOCUMENTS[name](ctx, two_kinds, out)
    pdftools.qpdf_ok(out)
    rows = pdftools.fonts(out)
    assert rows
    for row in rows:
        assert "WenQuanYiMicroHei" in row[0] and row[-5:-2] == ["yes", "yes", "yes"], row
    assert any("\u4e00" <= ch <= "\u9fff" for ch in pdftools.text(out))  # Chinese comes out of pdftotext
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [out.name]
