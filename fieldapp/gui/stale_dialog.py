"""有人同时修改了: a save refused because fields it changes were changed elsewhere meanwhile.

The write path refuses such a save (:class:`fieldapp.store.writer.StaleWrite`); this dialog shows,
for each such field, the value the cadre typed and the value now in the register with who changed
it and when, and lets the cadre choose per field. The editor then saves again against the fresh
stamps (:func:`fieldapp.services.register.rebase`, :func:`fieldapp.services.visits.rebase_visit`).
Nothing is chosen beforehand: each field must be decided, so nothing is overwritten unseen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services.stale import StaleField

Key = tuple[str, str, str]  # (table, row id, field)


@dataclass(frozen=True)
class StaleRow:
    """One stale field as the cadre reads it."""

    key: Key
    what: str  # e.g. 基本信息 联系电话, or 家庭成员 李美 健康状况
    mine: str
    theirs: str
    by: str
    at: str


def when(ms: int | None) -> str:
    if ms is None:
        return ""
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


def describe_rows(fields: Sequence[StaleField], label: Callable[[StaleField], str],
                  value: Callable[[StaleField, object], str]) -> list[StaleRow]:
    deleted = QCoreApplication.translate("StaleSaveDialog", "（删除此项）")
    return [StaleRow((f.table, f.row_id, f.field), label(f), deleted if f.deleting else value(f, f.mine),
                     value(f, f.theirs), f.by or f.stamp[1][:8], when(f.at)) for f in fields]


class StaleSaveDialog(QDialog):
    """Choose, per field, between the cadre's value and the one saved elsewhere meanwhile."""

    MINE, THEIRS = 0, 1

    def __init__(self, rows: Sequence[StaleRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.setWindowTitle(self.tr("有人同时修改了这些内容"))
        intro = QLabel(self.tr("您编辑期间，下列内容已在别处（另一个窗口、同步或导入）被修改。"
                               "请逐项选择要保存的值；未选择前不会保存任何内容。"), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("内容"), self.tr("您的修改"), self.tr("现在的值"),
                                              self.tr("修改人 / 时间"), self.tr("保存哪一个")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.groups: list[QButtonGroup] = []
        for i, row in enumerate(self.rows):
            for column, text in enumerate((row.what, row.mine or self.tr("（空）"), row.theirs or self.tr("（空）"),
                                           f"{row.by}\n{row.at}".strip())):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, column, item)
            self.table.setCellWidget(i, 4, self._choice(i))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (1, 2):  # the two values take the room there is
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("国") * 12)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.resizeRowsToContents()

        self.all_mine = QPushButton(self.tr("全部用我的"), self)
        self.all_theirs = QPushButton(self.tr("全部用现在的"), self)
        self.all_mine.clicked.connect(lambda: self.choose_all(self.MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(self.THEIRS))
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("按所选保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("返回编辑"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_mine)
        bottom.addWidget(self.all_theirs)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update()
        self.resize(900, 420)  # fits 1366×700 with room; the table scrolls if many fields are stale

    def _choice(self, row: int) -> QWidget:
        cell = QWidget(self.table)
        box = QHBoxLayout(cell)
        box.setContentsMargins(6, 0, 6, 0)
        group = QButtonGroup(cell)
        for choice, text in ((self.MINE, self.tr("我的")), (self.THEIRS, self.tr("现在的"))):
            button = QRadioButton(text, cell)
            group.addButton(button, choice)
            box.addWidget(button)
        group.idToggled.connect(lambda _id, _on: self._update())
        self.groups.append(group)
        return cell

    def choose(self, row: int, choice: int) -> None:
        button = self.groups[row].button(choice)
        button.setChecked(True)

    def choose_all(self, choice: int) -> None:
        for row in range(len(self.rows)):
            self.choose(row, choice)

    def _update(self) -> None:
        self.save_button.setEnabled(all(g.checkedId() != -1 for g in self.groups))

    def keep_mine(self) -> set[Key]:
        """The fields where the cadre chose their own value (to overwrite, having seen the other)."""
        return {row.key for row, g in zip(self.rows, self.groups, strict=True) if g.checkedId() == self.MINE}


def ask_stale(parent: QWidget, rows: Sequence[StaleRow]) -> set[Key] | None:
    """Show the dialog (modal); the fields to keep as typed, or None when the cadre went back to editing."""
    dialog = StaleSaveDialog(rows, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.keep_mine()
    finally:
        dialog.deleteLater()
