"""PDF pages as images (pypdfium2), and printing a PDF on a :class:`QPrinter`.

QtPdf would do this too, but it ships in PySide6-Addons (a large wheel that brings
WebEngine along); PDFium through pypdfium2 is a few megabytes. PDFium is not
thread-safe — not even for two different documents — so every call into it here
holds :data:`PDFIUM_LOCK`, and pages and bitmaps are closed explicitly inside the
lock (never left to a finaliser that could run on another thread).

:func:`print_pdf` renders each page at the printer's resolution (capped at
:data:`MAX_PRINT_DPI`) and draws it on the printer, honouring the page range, page
order, colour mode and copies chosen in the print dialog; each page keeps its own
orientation, so landscape documents stay landscape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

import atexit
import logging
import shutil
import sys
import tempfile
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger("fieldapp.gui.printing")

#: held around every call into PDFium, from any thread
PDFIUM_LOCK = threading.RLock()
#: pages are rasterised for printing at no more than this (memory: an A3 page at 300 dpi is ~52 MB)
MAX_PRINT_DPI = 300
MIN_PRINT_DPI = 150

# Temporary folders of print jobs and previews not yet removed: whatever is left is removed at exit.
_temp_folders: set[Path] = set()


def temp_folder() -> Path:
    """A new temporary folder for one print job (removed by :func:`remove_folder`, or at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-print-"))
    _temp_folders.add(folder)
    return folder


def remove_folder(folder: Path | None) -> None:
    if folder is None or folder == Path():
        return
    shutil.rmtree(folder, ignore_errors=True)
    if not folder.exists():
        _temp_folders.discard(folder)


_open_files: weakref.WeakSet[PdfFile] = weakref.WeakSet()


_close_registered: list[bool] = []


def _close_open_files() -> None:
    for pdf in list(_open_files):
        pdf.close()


def _register_close_at_exit() -> None:
    """Register after pypdfium2 has registered its own exit handler, so ours runs first (LIFO)."""
    if not _close_registered:
        atexit.register(_close_open_files)
        _close_registered.append(True)


@atexit.register
def _remove_temp_folders() -> None:
    for folder in list(_temp_folders):
        shutil.rmtree(folder, ignore_errors=True)


class PrinterError(RuntimeError):
    """The printer refused the job (offline, no access, a bad file name); the message says which printer."""


PageProgress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class PdfFile:
    """An open PDF: page count, page sizes (points) and pages rendered to :class:`QImage`."""

    def __init__(self, source: Path | str | bytes) -> None:
        """Open a PDF file, or a PDF held in memory (``bytes``)."""
        self.path = Path() if isinstance(source, bytes) else Path(source)
        with PDFIUM_LOCK:
            import pypdfium2 as pdfium  # loaded on the first preview, not at start-up

            _register_close_at_exit()

            self._doc: pdfium.PdfDocument | None = pdfium.PdfDocument(
                source if isinstance(source, bytes) else str(self.path))
            self.page_count = len(self._doc)
        _open_files.add(self)
        self._sizes: dict[int, tuple[float, float]] = {}

    def _document(self) -> pdfium.PdfDocument:
        if self._doc is None:
            raise ValueError("PDF closed")
        return self._doc

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height of page ``index`` (0-based) in points."""
        if index not in self._sizes:
            with PDFIUM_LOCK:
                w, h = self._document().get_page_size(index)
            self._sizes[index] = (float(w), float(h))
        return self._sizes[index]

    def render(self, index: int, scale: float, *, grey: bool = False) -> QImage:
        """Page ``index`` at ``scale`` pixels per point (1.0 = 72 dpi), white background."""
        with PDFIUM_LOCK:
            page = self._document()[index]
            try:
                bitmap = page.render(scale=max(scale, 0.01), rev_byteorder=True, grayscale=grey)
                try:
                    fmt = QImage.Format.Format_Grayscale8 if bitmap.n_channels == 1 else QImage.Format.Format_RGB888
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
        return image

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None

    def __enter__(self) -> PdfFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def return_freed_memory() -> None:
    """Give the heap a rendering freed back to the system (glibc keeps it, on the worker thread's arena too).

    A print job and the preview's pages (megabytes each) are freed into a heap glibc keeps; without this the
    app's resident memory stays at its peak for the rest of the session.
    """
    if not sys.platform.startswith("linux"):
        return
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # another C library (musl): nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def page_count(path: Path | str) -> int:
    with PdfFile(path) as pdf:
        return pdf.page_count


# -- printing ------------------------------------------------------------------------------------


def prepare_printer(printer: QPrinter, page_size_pt: tuple[float, float], title: str = "") -> None:
    """Paper and orientation from the document's first page, smallest margins the printer allows."""
    w, h = page_size_pt
    portrait = QSizeF(min(w, h), max(w, h))
    size = QPageSize(QPageSize.id(portrait, QPageSize.Unit.Point, QPageSize.SizeMatchPolicy.FuzzyMatch))
    if size.id() == QPageSize.PageSizeId.Custom:
        size = QPageSize(portrait, QPageSize.Unit.Point, title or "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(size)
    printer.setPageOrientation(_orientation(w, h))
    layout = printer.pageLayout()
    printer.setPageMargins(layout.minimumMargins(), layout.units())
    printer.setFullPage(False)
    if title:
        printer.setDocName(title)


def _orientation(w: float, h: float) -> QPageLayout.Orientation:
    return QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait


def pages_to_print(printer: QPrinter, count: int, current: int = 1) -> list[int]:
    """1-based page numbers the print dialog asked for, in print order."""
    selection = printer.printRange()
    if selection == QPrinter.PrintRange.CurrentPage:
        pages = [min(max(current, 1), count)] if count else []
    elif selection == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if ranges.isEmpty():
            first, last = printer.fromPage() or 1, printer.toPage() or count
            pages = list(range(max(first, 1), min(last, count) + 1))
        else:
            pages = [p for p in range(1, count + 1) if ranges.contains(p)]
    else:
        pages = list(range(1, count + 1))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def print_dpi(printer: QPrinter) -> int:
    return max(MIN_PRINT_DPI, min(printer.resolution(), MAX_PRINT_DPI))


def print_pdf(path: Path | str, printer: QPrinter, *, pages: list[int] | None = None,
              progress: PageProgress | None = None, cancelled: IsCancelled | None = None) -> int:
    """Print the PDF at ``path`` on ``printer``; returns how many pages were printed.

    ``pages`` (1-based, in order) defaults to what the printer's dialog settings ask for.
    Each page is scaled to fit the printable area of the paper, centred, and printed in
    its own orientation. ``cancelled()`` is polled before each page: a cancelled run is
    aborted (a file printer is left with no file from it) and returns the pages done.
    """
    with PdfFile(path) as pdf:
        wanted = pages if pages is not None else pages_to_print(printer, pdf.page_count)
        wanted = [p for p in wanted if 1 <= p <= pdf.page_count]
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        sequence = wanted * copies
        if not sequence:
            return 0
        if cancelled is not None and cancelled():
            return 0
        grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
        dpi = print_dpi(printer)
        first_w, first_h = pdf.page_size(sequence[0] - 1)
        printer.setPageOrientation(_orientation(first_w, first_h))
        painter = QPainter()
        if not painter.begin(printer):
            where = printer.printerName() or printer.outputFileName()
            raise PrinterError(QCoreApplication.translate("pdfdoc", "打印机无法开始打印：{0}").format(where))
        printed = 0
        try:
            for n, number in enumerate(sequence):
                if cancelled is not None and cancelled():
                    printer.abort()
                    log.info("printing cancelled after %d pages", printed)
                    break
                w, h = pdf.page_size(number - 1)
                if n:
                    printer.setPageOrientation(_orientation(w, h))
                    printer.newPage()
                image = pdf.render(number - 1, dpi / 72.0, grey=grey)
                painter.drawImage(_fit(printer.pageRect(QPrinter.Unit.DevicePixel).toRect(), w, h), image)
                printed += 1
                if progress is not None:
                    progress(printed, len(sequence))
        finally:
            painter.end()
        if printed < len(sequence) and printer.outputFileName():
            Path(printer.outputFileName()).unlink(missing_ok=True)  # no half file from a cancelled run
    log.info("printed %d pages of %s on %s", printed, path, printer.printerName() or printer.outputFileName())
    return printed


def _fit(area: QRect, w: float, h: float) -> QRect:
    """The largest rectangle of aspect w:h centred in ``area`` (painter coordinates start at the printable origin)."""
    scale = min(area.width() / w, area.height() / h)
    tw, th = round(w * scale), round(h * scale)
    return QRect(QPoint((area.width() - tw) // 2, (area.height() - th) // 2), QSizeF(tw, th).toSize())


__all__ = ["MAX_PRINT_DPI", "PDFIUM_LOCK", "PdfFile", "PrinterError", "page_count", "pages_to_print", "prepare_printer",
           "print_pdf", "return_freed_memory"]
