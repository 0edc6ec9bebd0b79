"""The dialogs of "导出到U盘…" and "从U盘导入…": which peer, which folder or drive, which files.

:class:`FolderPicker` is an editable list of the mounted USB drives (see
:func:`fieldapp.gui.sync.jobs.removable_drives`) with a 浏览… button
(``QFileDialog.getExistingDirectory``). The dialogs only collect the choice; the page
runs the work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry
from fieldapp.gui.sync.data import PeerRow
from fieldapp.gui.sync.jobs import Drive, format_size, removable_drives


class FolderPicker(QWidget):
    """A folder: one of the USB drives found, a typed path, or one chosen with 浏览…."""

    def __init__(self, start: Path | None = None, drives: list[Drive] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 26)
        self.drives = removable_drives() if drives is None else drives
        for d in self.drives:
            text = self.tr("U盘 {0}（{1}，可用 {2}）").format(d.name, d.path, format_size(d.free))
            if d.read_only:
                text += self.tr("［只读］")
            self.combo.addItem(text, str(d.path))
        if start is not None:
            index = self.combo.findData(str(start))
            if index < 0:
                self.combo.insertItem(0, str(start), str(start))
                index = 0
            self.combo.setCurrentIndex(index)
        elif not self.drives:
            self.combo.setCurrentText("")
        self.browse_button = QPushButton(self.tr("浏览…"), self)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.browse_button)

    def folder(self) -> Path | None:
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = self.combo.findText(text)
        data = self.combo.itemData(index) if index >= 0 else None
        return Path(str(data)) if data else Path(text).expanduser()

    def set_folder(self, folder: Path) -> None:
        self.combo.setCurrentText(str(folder))

    def browse(self) -> None:
        start = self.folder()
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择U盘或文件夹"), str(start or Path.home()))
        if chosen:
            self.set_folder(Path(chosen))


class _StickDialog(QDialog):
    """The frame both USB dialogs share: a form, a grey hint, an error line and the buttons."""

    def _assemble(self, form: QFormLayout, hint_text: str, ok_text: str, cancel_text: str,
                  extra: QPushButton | None = None) -> None:
        """Texts come translated from the subclass (its own translation context)."""
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b71c1c;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        hint = QLabel(hint_text, self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        buttons = QDialogButtonBox(self)
        if extra is not None:
            buttons.addButton(extra, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        geometry.fit(self, f"sync_{type(self).__name__}")

    def _problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class ExportDialog(_StickDialog):
    """导出到U盘: the recipient (the district by default) and the folder or drive."""

    def __init__(self, peers: list[PeerRow], default_peer: str | None, start: Path | None = None,
                 drives: list[Drive] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出到U盘"))
        self.peer_combo = QComboBox(self)
        for p in peers:
            scope = self.tr("全区县") if p.scope is None else self.tr("{0} 个村").format(len(p.scope))
            self.peer_combo.addItem(self.tr("{0}（{1}，待发送 {2} 条）").format(p.name, scope, p.pending), p.device_id)
        if default_peer is not None:
            self.peer_combo.setCurrentIndex(max(0, self.peer_combo.findData(default_peer)))
        self.picker = FolderPicker(start, drives, self)
        form = QFormLayout()
        form.addRow(self.tr("接收方："), self.peer_combo)
        form.addRow(self.tr("写入到："), self.picker)
        self._assemble(form, self.tr("同步包已加密，只有接收方能打开。请把U盘交给接收方导入。"), self.tr("导出"),
                       self.tr("取消"))

    def peer_id(self) -> str | None:
        data = self.peer_combo.currentData()
        return str(data) if data else None

    def folder(self) -> Path | None:
        return self.picker.folder()

    def accept(self) -> None:
        if self.peer_id() is None:
            self._problem(self.tr("还没有登记任何同步对象（区县）。请先登记区县，或运行 fieldapp demo。"))
        elif self.folder() is None:
            self._problem(self.tr("请选择U盘或文件夹。"))
        else:
            super().accept()


class ImportDialog(_StickDialog):
    """从U盘导入: a folder (the packages in it addressed to this laptop) or chosen package files."""

    def __init__(self, start: Path | None = None, drives: list[Drive] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从U盘导入"))
        self.files: list[Path] = []
        self.picker = FolderPicker(start, drives, self)
        self.files_button = QPushButton(self.tr("改为选择文件…"), self)
        self.files_button.clicked.connect(self.choose_files)
        form = QFormLayout()
        form.addRow(self.tr("从："), self.picker)
        self._assemble(form, self.tr("将导入该文件夹中发给本机的全部同步包（按时间先后）。"
                                     "已导入过的同步包不会重复应用。"), self.tr("导入"), self.tr("取消"),
                       self.files_button)

    def folder(self) -> Path | None:
        return None if self.files else self.picker.folder()

    def choose_files(self) -> None:
        start = self.picker.folder()
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("选择同步包"), str(start or Path.home()), self.tr("同步包 (*.fapk)"))
        if chosen:
            self.set_files([Path(p) for p in chosen])

    def set_files(self, files: list[Path]) -> None:
        """Import these files instead of a folder (accepts the dialog)."""
        self.files = list(files)
        super().accept()

    def accept(self) -> None:
        if self.picker.folder() is None:
            self._problem(self.tr("请选择U盘或文件夹。"))
            return
        super().accept()
