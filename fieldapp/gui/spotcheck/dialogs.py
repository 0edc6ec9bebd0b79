"""The spot-check dialogs: a new draw, and a note (a finding with a photo, a rectification report, a reason).

They only collect what is typed; the page runs the write as an operation and shows a refusal (a
rate below the role's minimum, an empty note) next to the fields, keeping what was typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import spotcheck as sc


class DrawDialog(QDialog):
    """抽取样本: village or town, rate (not below the role's minimum), seed (empty: a fresh one), strata."""

    def __init__(self, areas: list[tuple[str, str, str]], rates: sc.Rates, roles: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        """``areas``: (level, id, name) of the villages and towns held here; ``roles``: the review roles held."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("抽取抽查样本"))
        self.rates = rates
        self.area = QComboBox(self)
        for level, area_id, name in areas:
            label = name + (self.tr("（乡镇）") if level == "town" else self.tr("（村）"))
            self.area.addItem(label, (level, area_id))
        self.role = QComboBox(self)
        for role in roles:
            self.role.addItem({"township": self.tr("乡镇审核"), "district": self.tr("区县审批")}.get(role, role), role)
        self.percent = QSpinBox(self)
        self.percent.setRange(1, 100)
        self.percent.setSuffix("%")
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("留空则随机生成"))
        self.seed.setMaxLength(64)
        self.strata = QComboBox(self)
        self.strata.addItem(self.tr("不分层"), "")
        self.strata.addItem(self.tr("按村分层"), "village")
        self.strata.addItem(self.tr("按户类型分层（兜底户/脱贫户）"), "type")
        self.minimum = QLabel(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("范围"), self.area)
        form.addRow(self.tr("抽查角色"), self.role)
        form.addRow(self.tr("抽查比例"), self.percent)
        form.addRow("", self.minimum)
        form.addRow(self.tr("随机种子"), self.seed)
        form.addRow(self.tr("分层"), self.strata)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("抽取"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        note = QLabel(self.tr("同一种子和抽样框总能抽出同一样本；种子和抽样框校验值随抽样记录，任何人都可复核。"), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self) -> None:
        role = self.role.currentData()
        low = self.rates.minimum.get(role, 1) if role else 1
        self.percent.setValue(max(self.percent.value(), low))
        self.minimum.setText(self.tr("最低比例：{0}%").format(low))

    def choice(self) -> dict[str, object]:
        level, area_id = self.area.currentData() or ("village", "")
        return {"level": level, "area_id": area_id, "percent": self.percent.value(), "seed": self.seed.text(),
                "strata": self.strata.currentData() or "", "role": self.role.currentData()}

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class NoteDialog(QDialog):
    """A note to type (a finding, what was rectified, why it is sent back), with a photo or a date if asked."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *, note: str = "",
                 photo: bool = False, date: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.note = QPlainTextEdit(self)
        self.note.setPlainText(note)
        self.note.setTabChangesFocus(True)
        self.photo_path: Path | None = None
        self.photo_label = QLabel(self.tr("（无照片）"), self)
        self.photo_button = QPushButton(self.tr("选择照片…"), self)
        self.photo_button.clicked.connect(self._choose_photo)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDate(QDate.currentDate())
        self.date.setMaximumDate(QDate.currentDate())
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.note)
        if photo:
            row = QHBoxLayout()
            row.addWidget(self.photo_button)
            row.addWidget(self.photo_label, 1)
            layout.addLayout(row)
        if date:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("完成日期"), self))
            row.addWidget(self.date)
            row.addStretch(1)
            layout.addLayout(row)
        # the parts not asked for stay out of sight (they are children of the dialog all the same)
        for widget, wanted in ((self.photo_button, photo), (self.photo_label, photo), (self.date, date)):
            widget.setVisible(wanted)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def _choose_photo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("选择照片"), str(Path.home()),
                                                self.tr("图片 (*.jpg *.jpeg *.png *.heic)"))
        if chosen:
            self.photo_path = Path(chosen)
            self.photo_label.setText(self.photo_path.name)

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def day(self) -> dt.date:
        return self.date.date().toPython()  # type: ignore[no-any-return]

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
