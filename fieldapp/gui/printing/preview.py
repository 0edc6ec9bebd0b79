"""The print preview (打印预览): a PDF page by page, then 打印… or 另存为….

Pages are rendered with PDFium (:mod:`fieldapp.gui.printing.pdfdoc`) one at a time, when
shown, at the zoom in use (a small cache keeps the neighbours), so a 1,000-card batch
opens at once. PgUp/PgDn (and Home/End) turn pages; the zoom is 适合宽度, 整页 or a
percentage of the printed size. 打印… asks the system print dialog for printer, range
and copies and prints off the GUI thread with a cancellable progress dialog; with no
printer installed it says so instead. 另存为… copies the PDF.
"""

from __future__ import annotations

import functools
import logging
import shutil
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry, keys
from fieldapp.gui.errors import show_error
from fieldapp.gui.printing.pdfdoc import (
    PdfFile,
    PrinterError,
    pages_to_print,
    prepare_printer,
    print_pdf,
    remove_folder,
    return_freed_memory,
)
from fieldapp.gui.tasks import CancelFlag, SyncTaskManager, Task, TaskControl, TaskManager

log = logging.getLogger("fieldapp.gui.printing")

FIT_WIDTH, FIT_PAGE = "fit-width", "fit-page"
ZOOMS: tuple[tuple[str, float | str], ...] = (("适合宽度", FIT_WIDTH), ("整页", FIT_PAGE), ("50%", 0.5),
                                               ("75%", 0.75), ("100%", 1.0), ("150%", 1.5), ("200%", 2.0))
PAGE_GAP = 16  # pixels around the page in the view
CACHE_PAGES = 3  # the page shown and the two before it: PgDn/PgUp back and forth (each ≈4 MB)
_last_folder: list[str] = []  # where the last 另存为 went (this session)


def _release(pdf: PdfFile, folder: Path | None) -> None:
    """When a preview is destroyed without being closed (its parent went first): close the PDF, drop the folder."""
    pdf.close()
    remove_folder(folder)


class PreviewDialog(QDialog):
    """Preview of one PDF; ``cleanup`` (a temporary folder) is removed when the dialog closes."""

    #: the page shown changed (1-based)
    page_changed = Signal(int)
    #: a print run completed (pages printed)
    printed = Signal(int)
    #: a print run was cancelled (a file printer is left with no file)
    print_cancelled = Signal()
    #: pages printed so far, of how many
    print_progress = Signal(int, int)

    def __init__(self, path: Path | str, title: str = "", *, tasks: TaskManager | None = None,
                 parent: QWidget | None = None, cleanup: Path | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.title = title or self.path.stem
        self.tasks = tasks if tasks is not None else SyncTaskManager(self)
        self.cleanup = cleanup
        self.pdf = PdfFile(self.path)
        self.page_count = self.pdf.page_count
        self.current_page = 1
        self.print_task: Task | None = None
        self.progress_box: QProgressDialog | None = None
        self._print_flag = CancelFlag()
        self._zoom: float | str = FIT_WIDTH
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._shown_key: tuple[int, float] | None = None
        self.setWindowTitle(self.tr("打印预览 — {0}").format(self.title))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render)
        self._build()
        self._shortcuts()
        geometry.fit(self, "print_preview", (1000, 760))
        self.go_to(1)
        # (a partial, not a lambda on self: the dialog's Python side may already be gone then)
        self.destroyed.connect(functools.partial(_release, self.pdf, cleanup))

    # -- widgets ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.prev_button = QToolButton(self)
        self.prev_button.setText(self.tr("上一页"))
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("下一页"))
        self.next_button.clicked.connect(self.next_page)
        self.page_spin = QSpinBox(self)
        self.page_spin.setRange(1, max(1, self.page_count))
        self.page_spin.setPrefix(self.tr("第 "))
        self.page_spin.setSuffix(self.tr(" 页"))
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(self.go_to)
        self.count_label = QLabel(self.tr("共 {0} 页").format(self.page_count), self)
        self.zoom_combo = QComboBox(self)
        for text, value in ZOOMS:
            self.zoom_combo.addItem(self._zoom_text(text), value)
        self.zoom_combo.currentIndexChanged.connect(lambda _i: self.set_zoom(self.zoom_combo.currentData()))

        self.save_button = QPushButton(keys.with_key(self.tr("另存为…"), QKeySequence.StandardKey.Save), self)
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(keys.with_key(self.tr("打印…"), QKeySequence.StandardKey.Print), self)
        self.print_button.clicked.connect(self.print_document)
        self.print_button.setDefault(True)
        if not QPrinterInfo.availablePrinters():
            self.print_button.setToolTip(self.tr("本机没有安装打印机"))
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.reject)

        self.page_view = QLabel(self)
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_view.setStyleSheet("QLabel { background: white; border: 1px solid #8a8a8a; }")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.page_view)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setStyleSheet("QScrollArea { background: #6e6e6e; }")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_spin, self.count_label, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("缩放"), self))
        bar.addWidget(self.zoom_combo)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.scroll_area.setFocus()

    def _zoom_text(self, text: str) -> str:
        return {"适合宽度": self.tr("适合宽度"), "整页": self.tr("整页")}.get(text, text)

    def _shortcuts(self) -> None:
        for key, slot in ((Qt.Key.Key_PageDown, self.next_page), (Qt.Key.Key_PageUp, self.previous_page),
                          (Qt.Key.Key_Home, lambda: self.go_to(1)),
                          (Qt.Key.Key_End, lambda: self.go_to(self.page_count))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self).activated.connect(self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.save_as)

    # -- pages and zoom ------------------------------------------------------------------------

    def go_to(self, page: int) -> None:
        page = min(max(int(page), 1), max(1, self.page_count))
        changed = page != self.current_page
        self.current_page = page
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(page > 1)
        self.next_button.setEnabled(page < self.page_count)
        self._render_timer.start()
        if changed:
            self.scroll_area.verticalScrollBar().setValue(0)
            self.page_changed.emit(page)

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    def set_zoom(self, zoom: float | str) -> None:
        self._zoom = zoom
        index = self.zoom_combo.findData(zoom)
        if index >= 0 and index != self.zoom_combo.currentIndex():
            self.zoom_combo.setCurrentIndex(index)
        self._render_timer.start()

    def zoom(self) -> float | str:
        return self._zoom

    def scale(self) -> float:
        """Pixels (device-independent) per point for the current page at the current zoom."""
        w, h = self.pdf.page_size(self.current_page - 1)
        view = self.scroll_area.viewport().size()
        avail_w = max(view.width() - 2 * PAGE_GAP, 50)
        avail_h = max(view.height() - 2 * PAGE_GAP, 50)
        if self._zoom == FIT_WIDTH:
            return avail_w / w
        if self._zoom == FIT_PAGE:
            return min(avail_w / w, avail_h / h)
        return float(self._zoom) * self.logicalDpiX() / 72.0

    def page_image(self, page: int, scale: float) -> QImage:
        """Page ``page`` (1-based) at ``scale`` device pixels per point, from the cache when it is there."""
        key = (page, round(scale, 3))
        image = self._cache.get(key)
        if image is None:
            image = self.pdf.render(page - 1, scale)
            self._cache[key] = image
            if len(self._cache) > CACHE_PAGES:
                while len(self._cache) > CACHE_PAGES:
                    self._cache.popitem(last=False)
                return_freed_memory()  # a page is megabytes: else the heap keeps what turning pages freed
        else:
            self._cache.move_to_end(key)
        return image

    def _render(self) -> None:
        if self.pdf is None or not self.page_count:
            return
        ratio = self.devicePixelRatioF()
        scale = self.scale()
        key = (self.current_page, round(scale * ratio, 3))
        if key == self._shown_key:
            return
        image = self.page_image(self.current_page, scale * ratio)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.page_view.setPixmap(pixmap)
        self.page_view.resize(round(image.width() / ratio) + 2, round(image.height() / ratio) + 2)
        self._shown_key = key

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if isinstance(self._zoom, str):
            self._render_timer.start()

    # -- save and print --------------------------------------------------------------------------

    def save_as(self) -> Path | None:
        """Ask where to save, and copy the PDF there; returns the new file."""
        folder = _last_folder[-1] if _last_folder else QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / self.path.name) if folder else self.path.name
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("另存为"), suggested, self.tr("PDF 文件 (*.pdf)"))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            show_error(self, exc)
            return None
        _last_folder.append(str(target.parent))
        log.info("PDF saved as %s", target)
        return target

    def print_document(self) -> Task | None:
        """The system print dialog, then print; explains instead when no printer is installed."""
        if self.print_task is not None:
            return None
        if not QPrinterInfo.availablePrinters():
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("打印"),
                              self.tr("本机没有安装打印机。\n\n可以先点“另存为…”把 PDF 保存到U盘，"
                                      "再到连接了打印机的电脑上打印；或请管理员在系统设置中添加打印机。"),
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.no_printer_box = box
            return None
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, max(1, self.page_count))
        dialog.setFromTo(1, max(1, self.page_count))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer)

    def make_printer(self, mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
        """A printer set up for this document: its paper, orientation and name."""
        printer = QPrinter(mode)
        prepare_printer(printer, self.pdf.page_size(0), self.title)
        return printer

    def print_to(self, printer: QPrinter, pages: list[int] | None = None) -> Task:
        """Print on ``printer`` (as set up by its dialog) off the GUI thread; ``printed`` fires at the end."""
        wanted = pages if pages is not None else pages_to_print(printer, self.page_count, self.current_page)
        path = self.path
        box = QProgressDialog(self.tr("正在打印…"), self.tr("取消"), 0, max(1, len(wanted)), self)
        box.setWindowTitle(self.tr("打印"))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setMinimumDuration(500)
        box.setAutoClose(False)
        box.setAutoReset(False)
        self.progress_box = box
        flag = self._print_flag = CancelFlag()
        box.canceled.connect(self.cancel_print)

        def work(control: TaskControl) -> int:
            return print_pdf(path, printer, pages=wanted, progress=control.progress,
                             cancelled=lambda: control.cancelled or flag.is_set)

        def progress(done: int, total: int, _text: str) -> None:
            box.setMaximum(max(total, 1))
            box.setValue(done)
            box.setLabelText(self.tr("正在打印第 {0} 页，共 {1} 页").format(done, total))
            self.print_progress.emit(done, total)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PrinterError):
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("打印"), str(exc), QMessageBox.StandardButton.Ok,
                                  self)
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()
            else:
                show_error(self, exc)

        task = self.tasks.run_net(work, on_error=failed, progress=progress)
        self.print_task = task
        if task.is_finished:
            self._print_finished()
        else:
            task.finished.connect(self._print_finished)
        return task

    def cancel_print(self) -> None:
        """Stop the print run after the page being printed (the progress dialog's 取消)."""
        self._print_flag.cancel()
        if self.print_task is not None:
            self.print_task.cancel()

    def _print_finished(self) -> None:
        task, box = self.print_task, self.progress_box
        self.print_task = self.progress_box = None
        if box is not None:
            box.canceled.disconnect(self.cancel_print)
            box.reset()
            box.hide()
            box.deleteLater()
        if task is None or task.error is not None:
            return
        if task.is_cancelled or self._print_flag.is_set or task.result is None:
            self.print_cancelled.emit()
        else:
            self.printed.emit(int(task.result))

    # -- closing ------------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._close_document()
        super().done(result)

    def _close_document(self) -> None:
        self._render_timer.stop()
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None  # type: ignore[assignment]
        self._cache.clear()
        folder, self.cleanup = self.cleanup, None
        if folder is None:
            return
        task = self.print_task
        if task is not None and not task.is_finished:  # the print thread still reads the file
            self.cancel_print()
            task.finished.connect(functools.partial(remove_folder, folder))
        else:
            remove_folder(folder)
