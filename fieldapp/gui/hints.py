"""What to do next, shown inside a list that is empty (after first-time setup, every list is).

:class:`EmptyHint` lies over an item view's viewport while the view's model has no rows (and its
``when`` condition holds, e.g. "no search or filter is applied"): one sentence and a button per next
step (导入农户, 新建农户, 记录走访…). The buttons are ordinary push buttons, so Tab reaches them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyHint(QWidget):
    """A hint over ``view`` while its model is empty: ``text`` and a button per (label, slot) in ``actions``."""

    def __init__(self, view: QAbstractItemView, text: str, actions: list[tuple[str, Callable[[], object]]],
                 when: Callable[[], bool] | None = None) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.when = when
        self.setObjectName("empty_hint")
        self.label = QLabel(text, self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: palette(placeholder-text); font-size: 14px;")
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.addStretch(1)
        for caption, slot in actions:
            button = QPushButton(caption, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.label)
        column.addSpacing(8)
        column.addLayout(row)
        column.addStretch(2)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def should_show(self) -> bool:
        model = self.view.model()
        return model is not None and model.rowCount() == 0 and (self.when is None or self.when())

    def refresh(self, *_args: object) -> None:
        """Show or hide the hint for what the view holds now (call after a filter changed)."""
        self.setGeometry(self.view.viewport().rect())
        self.setVisible(self.should_show())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False


class NextSteps(QWidget):
    """The same hint as :class:`EmptyHint`, as a band above a view that is never empty (the workbench's
    sections): ``text`` and a button per (label, slot); shown or hidden by its owner."""

    def __init__(self, parent: QWidget, text: str, actions: list[tuple[str, Callable[[], object]]]) -> None:
        super().__init__(parent)
        self.setObjectName("next_steps")
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: palette(placeholder-text); font-size: 14px;")
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.label, 1)
        for caption, slot in actions:
            button = QPushButton(caption, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons.append(button)
