"""签字后已修改: who signed, in which role and when, and each field that differs now (as signed → now).

Labels and values come from the field catalogue through the sign-off service (ID and certificate numbers
and bank data masked); the dialog only lays them out.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry
from fieldapp.services.signoff.service import Status


class SignoffDiffDialog(QDialog):
    """The differences of a changed sign-off (``status.lines``), read-only."""

    def __init__(self, status: Status, role_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("签字后已修改"))
        record = status.signoff
        header = QLabel(self)
        header.setWordWrap(True)
        if record is not None:
            header.setText(self.tr("{0}（{1}）于 {2} 签字背书，验证码 {3}。此后有 {4} 处修改，需要重新签字：").format(
                record.person_name, role_label, record.signed_text, record.code, len(status.lines)))
        self.table = QTableWidget(len(status.lines), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("记录"), self.tr("项目"), self.tr("签字时"), self.tr("现在")])
        for row, line in enumerate(status.lines):
            for col, text in enumerate((line.where, line.field, line.old or self.tr("（空）"),
                                        line.new or self.tr("（空）"))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        geometry.fit(self, "signoff_diff", (720, 420))
