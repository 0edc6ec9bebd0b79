"""Every top-level window and dialog of the app, built on one context: for checking that each fits a
small laptop screen (tests) and for screenshots (``scripts/screenshots.py``).

:func:`top_levels` yields ``(name, widget)`` one at a time; the caller shows, checks or grabs the
widget and closes it before asking for the next one. Pages of the main window and tabs of the household
editor are yielded as the same widget switched to each page or tab, so each is looked at.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from fieldapp.gui.tasks import TaskManager
from fieldapp.services import lookups
from fieldapp.services.context import AppContext


def sample_pdf(folder: Path) -> Path:
    """A one-page PDF to preview (reportlab, as every print is made)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = folder / "sample.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(72, 760, "FieldApp preview")
    page.save()
    return path


def top_levels(ctx: AppContext, tasks: TaskManager) -> Iterator[tuple[str, QWidget]]:
    """Each window and dialog (and each page / tab of the big ones), built on ``ctx``."""
    from fieldapp.gui.excel.crosscheck_dialog import CrossCheckDialog
    from fieldapp.gui.excel.export_dialog import ExportDialog as ExcelExportDialog
    from fieldapp.gui.excel.import_dialog import ImportDialog as ExcelImportDialog
    from fieldapp.gui.household_editor.dialog import HouseholdEditor
    from fieldapp.gui.main_window import MainWindow
    from fieldapp.gui.printing.plate_settings import PlateSettingsDialog
    from fieldapp.gui.printing.preview import PreviewDialog
    from fieldapp.gui.sync.dialogs import ExportDialog, ImportDialog
    from fieldapp.gui.sync.enrol_dialog import EnrolDialog
    from fieldapp.gui.visits.visit_form import VisitForm
    from fieldapp.gui.wizard import SetupWizard

    window = MainWindow(ctx, tasks)
    for key in window.page_keys():
        window.show_page(key)
        yield f"main-{key}", window
    window.close()

    household_id, visit_id = lookups.first_live_ids(ctx.db)
    editor = HouseholdEditor(ctx, household_id)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        yield f"household-editor-tab{index + 1}", editor
    editor.done(0)
    new = HouseholdEditor(ctx, None)
    yield "household-editor-new", new
    new.done(0)

    yield from _one("visit-form-new", lambda: VisitForm(ctx, tasks=tasks))
    if household_id is not None:
        yield from _one("visit-form-household", lambda: VisitForm(ctx, household_id=household_id, tasks=tasks))
    if visit_id is not None:
        yield from _one("visit-form-edit", lambda: VisitForm(ctx, visit_id=visit_id, tasks=tasks))
    yield from _one("setup-wizard", lambda: SetupWizard(ctx))
    yield from _one("enrol-dialog", lambda: EnrolDialog(ctx, tasks))
    yield from _one("sync-export-dialog", lambda: ExportDialog([], None))
    yield from _one("sync-import-dialog", ImportDialog)
    yield from _one("plate-settings", lambda: PlateSettingsDialog(ctx, tasks))
    yield from _one("excel-import", lambda: ExcelImportDialog(ctx, tasks))
    yield from _one("excel-export", lambda: ExcelExportDialog(ctx, tasks))
    yield from _one("excel-crosscheck", lambda: CrossCheckDialog(ctx, tasks))
    with tempfile.TemporaryDirectory() as folder:
        pdf = sample_pdf(Path(folder))
        yield from _one("print-preview", lambda: PreviewDialog(pdf, "sample", tasks=tasks))


def _one(name: str, make: Callable[[], QWidget]) -> Iterator[tuple[str, QWidget]]:
    widget = make()
    try:
        yield name, widget
    finally:
        if isinstance(widget, QDialog):
            widget.done(0)
        widget.close()
        widget.deleteLater()


def cut_off(window: QWidget, area: QRect) -> list[str]:
    """What of a shown ``window`` a user cannot reach on ``area``: the window's frame beyond the screen, and
    each visible button not wholly inside the window (texts); empty when everything fits."""
    problems = []
    if not area.contains(window.frameGeometry()):
        problems.append(f"window {window.frameGeometry().getRect()} beyond screen {area.getRect()}")
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        top_left = button.mapTo(window, QPoint(0, 0))
        if not inside.contains(QRect(top_left, button.size())):
            problems.append(f"button {button.text() or button.objectName()!r} cut off")
    return problems
