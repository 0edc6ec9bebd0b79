"""A print job whose PDF could not print a character says so: in the status line and in a warning box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from fieldapp.gui.printing.list_forms import LedgerForm
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext
from tests.gui_printing.test_print_page import make_page
from tests.printing import pdftools

NO_FONT = "\U0002ebf0"  # CJK Extension I: no bundled font has it


def test_the_print_page_warns_about_characters_it_printed_as_marks(
        ctx: AppContext, make_household: Callable[..., str], sync_tasks: TaskManager, qtbot: Any) -> None:
    make_household("孙" + NO_FONT + "明")
    make_household("刘\u4dae")
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("ledger")
    assert isinstance(form, LedgerForm)
    job = page.generate()
    assert job is not None and job.result is not None
    assert job.result.missing == (NO_FONT,)
    text = pdftools.text(job.result.path)
    assert "孙〓明" in text and "刘\u4dae" in text
    assert "U+2EBF0" in page.status_label.text() and "〓" in page.status_label.text()
    box = page.glyph_warning
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "U+2EBF0" in box.text() and box.icon() == QMessageBox.Icon.Warning
    box.accept()
    page.preview.reject()


def test_no_warning_when_every_character_printed(ctx: AppContext, make_household: Callable[..., str],
                                                 sync_tasks: TaskManager, qtbot: Any) -> None:
    make_household("张\U00020bb7\U0002c317")
    page = make_page(ctx, sync_tasks, None, qtbot)
    page.choose("ledger")
    job = page.generate()
    assert job is not None and job.result is not None and job.result.missing == ()
    assert page.glyph_warning is None and "U+" not in page.status_label.text()
    assert "张\U00020bb7\U0002c317" in pdftools.text(job.result.path)
    page.preview.reject()
