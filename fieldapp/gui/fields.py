"""Reusable form widgets: nullable values, codes shown as labels, money typed in yuan and kept in fen.

Every widget here has the same small interface so forms can treat them alike:

- ``value()`` → the stored value (code, date, fen, bool, int, text) or ``None`` when empty;
- ``setValue(value)`` → show a stored value (``None`` clears);
- ``problem()`` → a message when the text cannot be read as a value (e.g. a half-typed
  date), else ``None`` — such text must block a save, because ``value()`` is then ``None``;
- ``changed`` → a signal without arguments, emitted whenever the value may have changed.

:class:`ErrorLabel` and :func:`set_invalid` show inline validation messages
(a small red label and a red border through the ``invalid`` dynamic property).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QPoint, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPixmap,
    QRegularExpressionValidator,
    QValidator,
    QWheelEvent,
)
from PySide6.QtWidgets import QCalendarWidget, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from fieldapp.domain.money import MoneyError, fen_to_yuan, yuan_to_fen
from fieldapp.domain.refdata import CodeList
from fieldapp.gui.codes import current_language

ERROR_COLOR = "#c62828"
# Applied by forms that use these widgets: a red border on invalid fields.
INVALID_STYLE = (
    f'QLineEdit[invalid="true"], QSpinBox[invalid="true"] {{ border: 1px solid {ERROR_COLOR}; }}'
    f'QComboBox[invalid="true"] {{ border: 1px solid {ERROR_COLOR}; padding: 1px 18px 1px 3px; }}'
)

_SEPARATOR = object()  # marks a separator item in ChoiceCombo._values
Choice = tuple[Any, str]  # (stored value, shown text); None in a choice list draws a separator


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Flag ``widget`` as invalid (red border via the ``invalid`` property) and restyle it.

    The state is also kept on the Python side so that re-validating on every keystroke
    costs nothing when nothing changed.
    """
    if getattr(widget, "_fieldapp_invalid", False) == invalid:
        return
    widget._fieldapp_invalid = invalid  # type: ignore[attr-defined]
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class ErrorLabel(QLabel):
    """A small red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 8.0))
        self.setFont(font)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._message = ""
        self.hide()

    def show_message(self, message: str | None) -> None:
        """Show ``message`` (None or "" hides the label); does nothing when it is already shown."""
        message = message or ""
        if message == self._message:
            return
        self._message = message
        self.setText(message)
        self.setVisible(bool(message))


class _AlwaysReadable:
    """Mixin for widgets whose text is always a valid value: ``problem()`` is always None."""

    def problem(self) -> str | None:
        return None


class _WheelGuard:
    """Mixin: ignore the mouse wheel unless focused, so scrolling a form never changes values."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class TextEdit(QLineEdit):
    """Plain text; empty (after trimming) is ``None``.

    ``max_length`` is the longest text the field stores. Longer text is kept as typed or
    pasted and reported by :meth:`problem` (Qt's own maximum length would cut it without a word).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, max_length: int | None = None,
                 placeholder: str = "") -> None:
        super().__init__(parent)
        self.max_length = max_length
        if placeholder:
            self.setPlaceholderText(placeholder)
        self.textChanged.connect(self.changed)

    def value(self) -> str | None:
        return self.text().strip() or None

    def problem(self) -> str | None:
        length = len(self.text().strip())
        if self.max_length and length > self.max_length:
            return self.tr("最多{0}个字，现有{1}个字").format(self.max_length, length)
        return None

    def setValue(self, value: object) -> None:
        self.setText("" if value is None else str(value))


class ChoiceCombo(_AlwaysReadable, _WheelGuard, QComboBox):
    """A combo of (value, text) choices with an optional blank first item meaning ``None``.

    A stored value missing from the choices (e.g. a code from a newer list) is kept
    and shown as ``?value`` instead of being silently dropped. Values are kept in a
    Python list beside the items (not as item data), so reading the value never
    converts through QVariant.
    """

    changed = Signal()

    def __init__(self, choices: Iterable[Choice | None] = (), *, blank: str | None = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)
        self._blank = blank
        self._values: list[Any] = []
        self.set_choices(choices)
        self.currentIndexChanged.connect(self.changed)

    def set_choices(self, choices: Iterable[Choice | None], blank: str | bool | None = True) -> None:
        """Replace the choices, keeping the current value when it is still offered."""
        if blank is not True:
            self._blank = blank  # type: ignore[assignment]
        current = self.value()
        self.blockSignals(True)
        try:
            self.clear()
            self._values = []
            if self._blank is not None:
                self.addItem(self._blank)
                self._values.append(None)
            for choice in choices:
                if choice is None:
                    self.insertSeparator(self.count())
                    self._values.append(_SEPARATOR)
                else:
                    self.addItem(choice[1])
                    self._values.append(choice[0])
            self.setValue(current)
        finally:
            self.blockSignals(False)

    def set_blank_text(self, text: str) -> None:
        if self._blank is not None:
            self._blank = text
            self.setItemText(0, text)

    def value(self) -> Any:
        index = self.currentIndex()
        found = self._values[index] if 0 <= index < len(self._values) else None
        return None if found is _SEPARATOR or found == "" else found

    def offered(self) -> list[Any]:
        """The values offered (without the blank item and separators)."""
        return [v for v in self._values if v is not None and v is not _SEPARATOR]

    def index_of(self, value: object) -> int:
        """The item index holding ``value`` (-1 if none)."""
        for i, candidate in enumerate(self._values):
            if candidate is not _SEPARATOR and candidate == value and type(candidate) is type(value):
                return i
        return -1

    def setValue(self, value: object) -> None:
        if value is None or value == "":
            self.setCurrentIndex(0 if self._blank is not None else -1)
            return
        index = self.index_of(value)
        if index < 0:
            self.addItem(f"?{value}")
            self._values.append(value)
            index = self.count() - 1
        self.setCurrentIndex(index)


class CodeCombo(ChoiceCombo):
    """A combo bound to a reference-data :class:`CodeList`: shows labels, stores codes.

    ``sections`` optionally splits the codes into groups (lists of codes) drawn with
    separators in between, e.g. the five pathways (五个一批) before the other measure types.
    """

    def __init__(self, codes: CodeList, *, blank: str | None = "", sections: Sequence[Sequence[str]] | None = None,
                 lang: str | None = None, parent: QWidget | None = None) -> None:
        self.codes = codes
        lang = lang or current_language()
        choices: list[Choice | None] = []
        if sections:
            for i, section in enumerate(sections):
                if i:
                    choices.append(None)
                choices.extend((code, codes.label(code, lang)) for code in section)
        else:
            choices = [(c.code, c.text(lang)) for c in codes.codes]
        super().__init__(choices, blank=blank, parent=parent)


class YesNoCombo(_AlwaysReadable, _WheelGuard, QComboBox):
    """是 / 否 / 未填 → True / False / None (the text for "not answered" can be changed)."""

    changed = Signal()
    _VALUES = (None, True, False)

    def __init__(self, parent: QWidget | None = None, *, none_text: str | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.addItems([none_text if none_text is not None else self.tr("未填"), self.tr("是"), self.tr("否")])
        self.currentIndexChanged.connect(self.changed)

    def value(self) -> bool | None:
        return self._VALUES[max(self.currentIndex(), 0)]

    def index_of(self, value: bool | None) -> int:
        return self._VALUES.index(value)

    def setValue(self, value: bool | None) -> None:
        self.setCurrentIndex(0 if value is None else (1 if value else 2))


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(text: str) -> dt.date | None:
    """2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 or 20240305 → date; None if unreadable."""
    text = text.strip()
    for pattern in _DATE_PATTERNS:
        found = pattern.match(text)
        if found:
            try:
                return dt.date(*(int(g) for g in found.groups()))
            except ValueError:
                return None
    return None


def _calendar_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.drawRect(2, 3, 11, 11)
    painter.fillRect(2, 3, 12, 3, QColor("#555555"))
    for x in (5, 8, 11):
        for y in (8, 11):
            painter.drawPoint(x, y)
    painter.end()
    return QIcon(pixmap)


class NullableDateEdit(QLineEdit):
    """A date typed as text (年-月-日, several spellings accepted) or picked from a calendar; may be empty.

    The calendar opens with the button at the right, Alt+↓ or F4.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("年-月-日"))
        self.setMaxLength(12)
        self._popup: QCalendarWidget | None = None
        action = QAction(_calendar_icon(), self.tr("选择日期"), self)
        action.triggered.connect(self.show_calendar)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self.textChanged.connect(self.changed)
        self.editingFinished.connect(self._tidy)

    def value(self) -> dt.date | None:
        return parse_date(self.text()) if self.text().strip() else None

    def setValue(self, value: dt.date | None) -> None:
        self.setText("" if value is None else value.isoformat())

    def problem(self) -> str | None:
        if self.text().strip() and self.value() is None:
            return self.tr("日期应为 年-月-日，如 2024-03-05")
        return None

    def _tidy(self) -> None:
        found = self.value()
        if found is not None and self.text() != found.isoformat():
            self.setText(found.isoformat())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = QCalendarWidget(self)
            self._popup.setWindowFlags(Qt.WindowType.Popup)
            self._popup.setGridVisible(True)
            self._popup.activated.connect(self._picked)
            self._popup.clicked.connect(self._picked)
        current = self.value() or dt.date.today()
        self._popup.setSelectedDate(QDate(current.year, current.month, current.day))
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        self._popup.setFocus()

    def _picked(self, date: QDate) -> None:
        self.setValue(dt.date(date.year(), date.month(), date.day()))
        if self._popup is not None:
            self._popup.hide()
        self.setFocus()


class MoneyEdit(QLineEdit):
    """An amount typed in yuan (up to 2 decimals); ``value()`` is integer fen.

    A minus sign is kept as typed (never dropped): the register's rules then say why a
    negative amount is refused, next to the field.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"^-?\d{0,10}([.]\d{0,2})?$"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(self.tr("元"))
        self.textChanged.connect(self.changed)

    def value(self) -> int | None:
        try:
            return yuan_to_fen(self.text().strip())
        except MoneyError:
            return None

    def setValue(self, fen: int | None) -> None:
        self.setText(yuan_text(fen))

    def problem(self) -> str | None:
        if self.text().strip() and self.value() is None:
            return self.tr("请输入金额（元），如 1200.50")
        return None


def yuan_text(fen: int | None) -> str:
    """Fen as editable yuan text: 120000 → "1200", 120050 → "1200.50"."""
    if fen is None:
        return ""
    if fen % 100 == 0:
        return str(fen // 100)
    return str(fen_to_yuan(fen))


class DecimalEdit(QLineEdit):
    """A decimal kept as text (areas in 亩 or ㎡, distances in km).

    A minus sign is kept as typed; the register's rules refuse a negative area with a message.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, suffix: str = "") -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"^-?\d{0,8}([.]\d{0,4})?$"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if suffix:
            self.setPlaceholderText(suffix)
        self.textChanged.connect(self.changed)

    def value(self) -> str | None:
        return self.text().strip() or None

    def setValue(self, value: object) -> None:
        self.setText("" if value is None else str(value))

    def problem(self) -> str | None:
        text = self.text().strip()
        if text and not re.fullmatch(r"-?(\d+([.]\d*)?|[.]\d+)", text):
            return self.tr("请输入数字")
        return None


class NullableSpin(_WheelGuard, QSpinBox):
    """A whole number from ``minimum`` to ``maximum`` that may be empty (then it shows ``none_text``).

    Any whole number can be typed: one outside the range stays as typed and :meth:`problem`
    says so; a plain spin box would drop the keystroke, or put the old value back on leaving
    the field, without a word. Clearing the text empties the field. The arrows stay in range
    (stepping down from ``minimum`` empties it).
    """

    changed = Signal()
    NONE = -999_999  # the spin box's own value for "empty"

    def __init__(self, minimum: int, maximum: int, parent: QWidget | None = None, *,
                 none_text: str = "", start: int | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.low, self.high = minimum, maximum
        self.setRange(self.NONE, -self.NONE)
        self.setSpecialValueText(none_text or " ")
        self._start = start if start is not None else minimum
        super().setValue(self.NONE)
        self.valueChanged.connect(self.changed)

    def value(self) -> int | None:  # type: ignore[override]
        raw = super().value()
        return None if raw == self.NONE else raw

    def setValue(self, value: int | None) -> None:
        super().setValue(self.NONE if value is None else int(value))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        if not text.strip() or text == self.specialValueText():
            return self.NONE
        return super().valueFromText(text)

    def stepBy(self, steps: int) -> None:
        current = self.value()
        if current is None:
            if steps > 0:
                self.setValue(self._start)
            return
        target = current + steps
        if current < self.low:  # typed below the range: the arrows bring it back into it
            self.setValue(self.low if steps > 0 else None)
        else:
            self.setValue(None if target < self.low else min(target, self.high))

    def problem(self) -> str | None:
        current = self.value()
        if current is not None and not self.low <= current <= self.high:
            return self.tr("应在{0}到{1}之间").format(self.low, self.high)
        return None

    def sizeHint(self) -> QSize:
        """As wide as the allowed numbers (the sentinel range would make it as wide as "-999999")."""
        probe = QSpinBox()
        probe.setFont(self.font())
        probe.setRange(self.low - 1, self.high)
        probe.setSpecialValueText(self.specialValueText())
        probe.setGroupSeparatorShown(self.isGroupSeparatorShown())
        return probe.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class YearSpin(NullableSpin):
    """A year that may be empty; stepping up from empty starts at this year."""

    def __init__(self, parent: QWidget | None = None, *, none_text: str = "") -> None:
        super().__init__(1900, 2100, parent, none_text=none_text, start=dt.date.today().year)
        self.setGroupSeparatorShown(False)
