"""Door cards drawn by a child process (what the desktop app's print jobs use): the same PDF, progress, cancel,
the characters printed as the mark, and errors raised where the job can report them."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.services.context import AppContext
from fieldapp.services.printing import fonts
from fieldapp.services.printing.apart import render_cards_apart
from fieldapp.services.printing.cards import NoPlates, render_cards
from fieldapp.services.printing.common import PrintCancelled
from tests.printing import pdftools

NO_FONT = "\U0002ebf0"  # CJK Extension I: no bundled font has it


def test_the_child_draws_the_same_cards(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    ids = [two_kinds["development"], two_kinds["safety_net"]]
    seen: list[tuple[int, int]] = []
    result = render_cards_apart(ctx, ids, tmp_path / "apart.pdf", progress=lambda d, t: seen.append((d, t)))
    here = render_cards(ctx, ids, tmp_path / "here.pdf")
    assert (result.cards, result.pages, result.skipped) == (here.cards, here.pages, here.skipped) == (2, 2, ())
    assert seen == [(1, 2), (2, 2)]
    pdftools.qpdf_ok(result.path)
    assert pdftools.text(result.path) == pdftools.text(here.path)
    assert "王德福" in pdftools.text(result.path, 1, 1) and "周桂兰" in pdftools.text(result.path, 2, 2)
    assert not multiprocessing.active_children()  # the child has exited


def test_cancelling_kills_the_child_and_leaves_no_file(ctx: AppContext, make_household: Callable[..., str],
                                                       tmp_path: Path) -> None:
    ids = [make_household() for _ in range(3)]
    out = tmp_path / "out" / "cards.pdf"
    started: list[int] = []

    def cancelled() -> bool:  # false while the cards are read, true once the child runs
        started.append(len(multiprocessing.active_children()))
        return started[-1] > 0

    with pytest.raises(PrintCancelled):
        render_cards_apart(ctx, ids, out, cancelled=cancelled)
    assert max(started) == 1 and not multiprocessing.active_children()
    assert list(out.parent.iterdir()) == []  # neither the PDF nor the child's half-written part


def test_characters_printed_as_the_mark_are_reported_here(ctx: AppContext, add_household: Callable[..., str],
                                                          tmp_path: Path) -> None:
    hid = add_household("孙" + NO_FONT + "明")
    with fonts.missing_glyphs() as missing:
        result = render_cards_apart(ctx, [hid], tmp_path / "cards.pdf")
    assert missing == {NO_FONT}
    assert "孙〓明" in pdftools.text(result.path)


def test_the_childs_error_is_raised_here_and_nothing_is_written(ctx: AppContext, tmp_path: Path) -> None:
    from fieldapp.services import register as register_service
    from fieldapp.services.setup import villages
    from tests.helpers.fixtures import write_unchecked

    headless = write_unchecked(ctx, register_service.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "hh_no": "6110029990000002"}))
    with pytest.raises(NoPlates, match="没有户主"):
        render_cards_apart(ctx, [headless], tmp_path / "out" / "cards.pdf")
    with pytest.raises(LookupError):  # read before the child starts: a household that does not exist
        render_cards_apart(ctx, ["00000000-0000-7000-8000-000000000000"], tmp_path / "out" / "cards.pdf")
    assert list((tmp_path / "out").iterdir()) == []


def test_the_child_imports_no_register() -> None:
    """The child starts sooner without SQLAlchemy and the models (seconds on a slow laptop): what it runs
    and what it receives (the cards) come from modules that import neither."""
    import subprocess
    import sys

    code = ("import sys, pickle; import fieldapp.services.printing.card_sheet, fieldapp.services.printing.card_fields; "
            "print(sorted(m for m in sys.modules if m == 'sqlalchemy' or m.startswith(('fieldapp.store', "
            "'fieldapp.services.context'))))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
