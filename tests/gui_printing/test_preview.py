"""The preview dialog: pages rendered with PDFium, navigation, zoom, 另存为, printing to a file printer."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from fieldapp.gui.printing.pdfdoc import PdfFile
from fieldapp.gui.printing.preview import FIT_PAGE, FIT_WIDTH, PreviewDialog
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.printing.card_draw import BAND_PROBE, CARD_H
from fieldapp.services.printing.cards import render_cards
from fieldapp.services.printing.household_file import render_household_file
from tests.printing import pdftools


@pytest.fixture
def cards_pdf(ctx: AppContext, register: dict[str, Any], tmp_path: Path) -> Path:
    """Three door-plate cards (A4 landscape)."""
    return render_cards(ctx, register["east"][:3], tmp_path / "cards.pdf").path


@pytest.fixture
def open_preview(qtbot: Any) -> Callable[..., PreviewDialog]:
    def make(path: Path, tasks: TaskManager | None = None) -> PreviewDialog:
        dialog = PreviewDialog(path, "测试", tasks=tasks)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.page_view.pixmap() is not None and not dialog.page_view.pixmap().isNull())
        return dialog

    return make


@contextlib.contextmanager
def qtbot_free_signal(dialog: PreviewDialog) -> Iterator[list[str]]:
    """Which of ``printed`` / ``print_cancelled`` fired inside the block."""
    seen: list[str] = []
    dialog.printed.connect(lambda _n: seen.append("printed"))
    dialog.print_cancelled.connect(lambda: seen.append("cancelled"))
    yield seen


def file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_shows_page_one_of_n_and_turns_pages(cards_pdf: Path, open_preview: Callable[..., PreviewDialog],
                                             qtbot: Any) -> None:
    dialog = open_preview(cards_pdf)
    assert dialog.page_count == 3 and dialog.current_page == 1
    assert dialog.page_spin.text() == "第 1 页" and dialog.count_label.text() == "共 3 页"
    assert not dialog.prev_button.isEnabled() and dialog.next_button.isEnabled()
    first = dialog.page_view.pixmap().toImage()
    with qtbot.waitSignal(dialog.page_changed) as blocker:
        qtbot.keyClick(dialog.scroll_area, Qt.Key.Key_PageDown)
    assert blocker.args == [2] and dialog.page_spin.value() == 2
    qtbot.waitUntil(lambda: dialog.page_view.pixmap().toImage() != first)
    qtbot.keyClick(dialog.scroll_area, Qt.Key.Key_End)
    assert dialog.current_page == 3 and not dialog.next_button.isEnabled()
    qtbot.keyClick(dialog.scroll_area, Qt.Key.Key_PageDown)
    assert dialog.current_page == 3
    qtbot.keyClick(dialog.scroll_area, Qt.Key.Key_PageUp)
    assert dialog.current_page == 2
    dialog.prev_button.click()
    assert dialog.current_page == 1
    dialog.page_spin.setValue(3)
    assert dialog.current_page == 3


def test_renders_the_card_itself(cards_pdf: Path, open_preview: Callable[..., PreviewDialog], qtbot: Any) -> None:
    dialog = open_preview(cards_pdf)
    image = dialog.page_image(1, 1.0)  # one pixel per point
    assert (image.width(), image.height()) == (842, 596)
    x, y = round(BAND_PROBE.x + 20), round(CARD_H - BAND_PROBE.y - BAND_PROBE.h / 2)
    colour = image.pixelColor(x, y)
    expected = QColor("#2E7D32")  # the default colour of 脱贫户
    assert abs(colour.red() - expected.red()) + abs(colour.green() - expected.green()) \
        + abs(colour.blue() - expected.blue()) < 30, colour.name()
    assert image.pixelColor(5, 5) == QColor("white")


def test_zoom_fit_width_fit_page_and_actual_size(cards_pdf: Path, open_preview: Callable[..., PreviewDialog],
                                                 qtbot: Any) -> None:
    dialog = open_preview(cards_pdf)
    dialog.resize(900, 800)
    assert dialog.zoom() == FIT_WIDTH
    viewport = dialog.scroll_area.viewport()
    qtbot.waitUntil(lambda: abs(dialog.page_view.width() - (viewport.width() - 32)) <= 4)
    dialog.set_zoom(1.0)
    expected = round(842 * dialog.logicalDpiX() / 72)
    qtbot.waitUntil(lambda: abs(dialog.page_view.width() - 2 - expected) <= 2)
    assert dialog.zoom_combo.currentText() == "100%"
    dialog.set_zoom(FIT_PAGE)
    qtbot.waitUntil(lambda: dialog.page_view.height() <= viewport.height())
    assert dialog.page_view.width() <= viewport.width()


def test_save_as_copies_the_pdf(cards_pdf: Path, open_preview: Callable[..., PreviewDialog], tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_preview(cards_pdf)
    asked: list[str] = []

    def fake_dialog(_parent: Any, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "saved" / "东村门牌"), "PDF"

    (tmp_path / "saved").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    target = dialog.save_as()
    assert target == tmp_path / "saved" / "东村门牌.pdf"
    assert target.read_bytes() == cards_pdf.read_bytes()
    assert asked and asked[0].endswith("cards.pdf")
    # cancelled: nothing happens
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    assert dialog.save_as() is None


def test_print_to_a_pdf_file_printer(cards_pdf: Path, open_preview: Callable[..., PreviewDialog], tmp_path: Path,
                                     qtbot: Any) -> None:
    dialog = open_preview(cards_pdf)
    out = tmp_path / "printed.pdf"
    printer = file_printer(out)
    with qtbot.waitSignal(dialog.printed) as blocker:
        dialog.print_to(printer)
    assert blocker.args == [3]
    assert pdftools.pages(out) == 3
    w, h = pdftools.page_size(out)
    assert w > h  # landscape cards stay landscape
    # what was printed is the card: the page renders with the band colour where the card has it
    with PdfFile(out) as printed:
        image = printed.render(0, 1.0)
    band = image.pixelColor(round(BAND_PROBE.x + 20), round(CARD_H - BAND_PROBE.y - BAND_PROBE.h / 2))
    assert band.green() > band.red() + 40, band.name()


def test_print_honours_the_page_range(cards_pdf: Path, open_preview: Callable[..., PreviewDialog], tmp_path: Path,
                                      qtbot: Any) -> None:
    dialog = open_preview(cards_pdf)
    out = tmp_path / "range.pdf"
    printer = file_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    with qtbot.waitSignal(dialog.printed) as blocker:
        dialog.print_to(printer)
    assert blocker.args == [2] and pdftools.pages(out) == 2

    out2 = tmp_path / "current.pdf"
    printer = file_printer(out2)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    dialog.go_to(3)
    with qtbot.waitSignal(dialog.printed) as blocker:
        dialog.print_to(printer)
    assert blocker.args == [1] and pdftools.pages(out2) == 1


@pytest.fixture
def household_pdf(ctx: AppContext, register: dict[str, Any], tmp_path: Path) -> Path:
    """A household file (A4 portrait)."""
    return render_household_file(ctx, register["east"][0], tmp_path / "file.pdf")


def test_print_in_the_background_and_portrait_stays_portrait(household_pdf: Path,
                                                              open_preview: Callable[..., PreviewDialog],
                                                              tasks: TaskManager, tmp_path: Path, qtbot: Any) -> None:
    source = household_pdf
    dialog = open_preview(source, tasks)
    out = tmp_path / "printed-file.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=60000) as blocker:
        task = dialog.print_to(file_printer(out))
        assert not task.is_finished
    assert blocker.args == [pdftools.pages(source)] == [pdftools.pages(out)]
    w, h = pdftools.page_size(out)
    assert h > w
    assert dialog.print_task is None


def test_cancelled_print_leaves_no_file(cards_pdf: Path, open_preview: Callable[..., PreviewDialog], tmp_path: Path,
                                        qtbot: Any) -> None:
    dialog = open_preview(cards_pdf)
    out = tmp_path / "cancelled.pdf"

    def press_cancel(done: int, _total: int) -> None:
        if done == 1:
            assert dialog.progress_box is not None
            button = dialog.progress_box.findChild(QPushButton)
            assert button.text() == "取消"
            button.click()

    dialog.print_progress.connect(press_cancel)
    with qtbot.assertNotEmitted(dialog.printed), qtbot.waitSignal(dialog.print_cancelled):
        dialog.print_to(file_printer(out))
    assert not out.exists()
    assert dialog.print_task is None and dialog.progress_box is None


@pytest.mark.qt_log_ignore("QPdfWriter|QPainter::begin|QPrinter|Cannot open|cannot open")
def test_a_printer_that_refuses_is_reported(cards_pdf: Path, open_preview: Callable[..., PreviewDialog],
                                            tmp_path: Path) -> None:
    dialog = open_preview(cards_pdf)
    with qtbot_free_signal(dialog) as seen:
        dialog.print_to(file_printer(tmp_path / "no such folder" / "x.pdf"))
    assert seen == []  # neither printed nor cancelled
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "打印机无法开始打印" in box.text() and "x.pdf" in box.text()
    assert dialog.print_task is None
    box.done(0)


def test_no_printer_explains_instead_of_failing(cards_pdf: Path, open_preview: Callable[..., PreviewDialog]) -> None:
    if QPrinterInfo.availablePrinters():
        pytest.skip("this machine has a printer installed")
    dialog = open_preview(cards_pdf)
    assert dialog.print_document() is None
    box = dialog.no_printer_box
    assert box.isVisible() and "没有安装打印机" in box.text() and "另存为" in box.text()
    assert dialog.print_button.toolTip() == "本机没有安装打印机"
    box.done(0)


def test_closing_removes_the_temporary_folder(ctx: AppContext, register: dict[str, Any], tmp_path: Path,
                                              qtbot: Any) -> None:
    folder = tmp_path / "job"
    pdf = render_cards(ctx, register["east"][:1], folder / "one.pdf").path
    dialog = PreviewDialog(pdf, cleanup=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    assert folder.exists()
    dialog.reject()
    assert not folder.exists()
