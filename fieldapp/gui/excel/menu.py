"""The 数据 menu of the main window: 导入农户…, 导入项目库…, 导出为 Excel…, 部门名单比对….

:func:`install_data_menu` adds the menu after 文件 and opens each dialog once (a second click
brings it to the front). An import is announced on the window's change hub, so every page
refreshes itself. The dialogs (and with them openpyxl, calamine and the import's services) are
imported when first opened, not with the main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from fieldapp.gui.ops import ChangeHub

if TYPE_CHECKING:
    from fieldapp.gui.excel.crosscheck_dialog import CrossCheckDialog
    from fieldapp.gui.excel.export_dialog import ExportDialog
    from fieldapp.gui.excel.import_dialog import ImportDialog
    from fieldapp.gui.excel.projects_dialog import ProjectImportDialog

log = logging.getLogger("fieldapp.gui.excel")


class DataMenu(QMenu):
    """数据(&D)."""

    def __init__(self, window: QMainWindow, hub: ChangeHub) -> None:
        super().__init__(QCoreApplication.translate("DataMenu", "数据(&D)"), window)
        self.window_ = window
        self.hub = hub
        self.dialogs: dict[str, QDialog] = {}
        self.import_action = self._add(self.tr("导入农户（Excel/CSV）…"), self.open_import)
        self.projects_action = self._add(self.tr("导入项目库…"), self.open_projects_import)
        self.export_action = self._add(self.tr("导出为 Excel…"), self.open_export)
        self.addSeparator()
        self.check_action = self._add(self.tr("部门名单比对…"), self.open_crosscheck)

    def _add(self, text: str, slot: Callable[[], Any]) -> QAction:
        action = self.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _show(self, key: str, make: Callable[[], QDialog]) -> QDialog:
        dialog = self.dialogs.get(key)
        if dialog is None:
            dialog = self.dialogs[key] = make()
            dialog.finished.connect(lambda _code, k=key: self.dialogs.pop(k, None))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_import(self) -> ImportDialog:
        from fieldapp.gui.excel.import_dialog import ImportDialog

        w = self.window_

        dialog = self._show("import", lambda: ImportDialog(w.ctx, w.tasks, w, hub=self.hub))  # type: ignore[attr-defined]
        assert isinstance(dialog, ImportDialog)
        return dialog

    def open_projects_import(self) -> ProjectImportDialog:
        from fieldapp.gui.excel.projects_dialog import ProjectImportDialog

        w = self.window_
        dialog = self._show("projects", lambda: ProjectImportDialog(w.ctx, w.tasks, w, hub=self.hub))  # type: ignore[attr-defined]
        assert isinstance(dialog, ProjectImportDialog)
        return dialog

    def open_export(self) -> ExportDialog:
        from fieldapp.gui.excel.export_dialog import ExportDialog

        w = self.window_
        is_built = getattr(w, "is_built", None)  # the 农户 page's search, if it was opened (not built for this)
        households = getattr(w, "households", None) if is_built is None or is_built("households") else None
        query = households.current_query if households is not None else None
        dialog = self._show("export", lambda: ExportDialog(w.ctx, w.tasks, query, w))  # type: ignore[attr-defined]
        assert isinstance(dialog, ExportDialog)
        return dialog

    def open_crosscheck(self) -> CrossCheckDialog:
        from fieldapp.gui.excel.crosscheck_dialog import CrossCheckDialog

        w = self.window_
        dialog = self._show("check", lambda: CrossCheckDialog(w.ctx, w.tasks, w))  # type: ignore[attr-defined]
        assert isinstance(dialog, CrossCheckDialog)
        return dialog


def install_data_menu(window: QMainWindow, hub: ChangeHub) -> DataMenu:
    """Add 数据(&D) after the first menu (文件) of ``window``; imports are announced on ``hub``. Returns it."""
    menu = DataMenu(window, hub)
    actions = window.menuBar().actions()
    if len(actions) > 1:
        window.menuBar().insertMenu(actions[1], menu)
    else:
        window.menuBar().addMenu(menu)
    window.data_menu = menu  # type: ignore[attr-defined]
    return menu
