"""Tab 两不愁三保障: each indicator (grouped as in reference data) met or not, when and by whom checked.

An indicator row is saved once anything is filled in (or when it was already stored).
Answering 是否达标 fills in today's date and the signed-in cadre when they are empty,
since the domain rules require a check date for every answer. 危房等级 lives here too.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import ChoiceCombo, CodeCombo, ErrorLabel, NullableDateEdit, TextEdit, YesNoCombo, set_invalid
from fieldapp.gui.household_editor.base import EditorTab, FormPanel, parse_list_key, scrolled
from fieldapp.gui.household_editor.labels import field_label, indicator_group_label
from fieldapp.services.context import AppContext
from fieldapp.services.register import HouseholdRecord

FIELDS = ("met", "checked_on", "checked_by", "note")


@dataclass
class IndicatorRow:
    code: str
    widgets: dict[str, Any]
    error: ErrorLabel
    stored: dict[str, Any] | None = None  # the row as loaded, if the household had one
    touched: bool = False
    loading: bool = field(default=False)


class IndicatorsTab(EditorTab):
    def __init__(self, ctx: AppContext, cadres: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: dict[str, IndicatorRow] = {}
        self._order: list[str] = []  # codes in the order of the last collected record.indicators
        self._extra: list[dict[str, Any]] = []  # stored rows whose code the reference data no longer has
        lang = current_language()

        body = QWidget()
        box = QVBoxLayout(body)
        self.form = FormPanel(columns=2)
        self.form.add("danger_grade", field_label("household", "danger_grade"),
                      CodeCombo(ctx.ref["dangerous_house_grade"]))
        self.form.finish()
        self.form.changed.connect(self.changed)
        box.addWidget(self.form)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(4, 1)
        box.addLayout(grid)
        box.addStretch(1)
        for column, name in enumerate(("code", *FIELDS)):
            grid.addWidget(self._bold(field_label("indicator", name)), 0, column)
        focus_chain: list[QWidget] = [self.form.slots["danger_grade"].widget]
        line = 1
        group = None
        for code in ctx.ref["indicator"].codes:
            if code.attrs.get("group") != group:
                group = code.attrs.get("group")
                heading = self._bold(indicator_group_label(str(group)))
                heading.setStyleSheet("margin-top: 6px; color: palette(highlight);")
                grid.addWidget(heading, line, 0, 1, 5)
                line += 1
            widgets: dict[str, Any] = {
                "met": YesNoCombo(none_text=self.tr("未核查")),
                "checked_on": NullableDateEdit(),
                "checked_by": ChoiceCombo(cadres),
                "note": TextEdit(max_length=200),
            }
            widgets["checked_on"].setFixedWidth(130)
            widgets["checked_by"].setMinimumWidth(110)
            caption = QLabel(code.text(lang))
            caption.setBuddy(widgets["met"])
            row = IndicatorRow(code.code, widgets, ErrorLabel())
            self.rows[code.code] = row
            grid.addWidget(caption, line, 0)
            for column, name in enumerate(FIELDS, start=1):
                grid.addWidget(widgets[name], line, column)
                widgets[name].changed.connect(lambda r=row, n=name: self._row_changed(r, n))
                focus_chain.append(widgets[name])
            grid.addWidget(row.error, line + 1, 1, 1, 4)
            line += 2
        for first, second in itertools.pairwise(focus_chain):
            QWidget.setTabOrder(first, second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(body))

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _row_changed(self, row: IndicatorRow, name: str) -> None:
        if row.loading:
            return
        row.touched = True
        if name == "met" and row.widgets["met"].value() is not None:
            row.loading = True
            try:
                if row.widgets["checked_on"].value() is None and not row.widgets["checked_on"].text().strip():
                    row.widgets["checked_on"].setValue(dt.date.today())
                if row.widgets["checked_by"].value() is None and self.ctx.cadre_id:
                    row.widgets["checked_by"].setValue(self.ctx.cadre_id)
            finally:
                row.loading = False
        self.changed.emit()

    # -- EditorTab -----------------------------------------------------------------------

    def load(self, record: HouseholdRecord) -> None:
        self.form.load(record.household)
        stored = {r["code"]: r for r in record.indicators}
        self._extra = [dict(r) for r in record.indicators if r["code"] not in self.rows]
        for code, row in self.rows.items():
            row.stored = dict(stored[code]) if code in stored else None
            row.loading = True
            try:
                for name in FIELDS:
                    row.widgets[name].setValue((row.stored or {}).get(name))
            finally:
                row.loading = False
            row.touched = False

    def collect(self, record: HouseholdRecord) -> None:
        record.household.update(self.form.values())
        result: list[dict[str, Any]] = []
        self._order = []
        for code, row in self.rows.items():
            values = {name: row.widgets[name].value() for name in FIELDS}
            if row.stored is None and all(v is None for v in values.values()):
                continue
            item = dict(row.stored) if row.stored else {"code": code}
            item.update(values)
            result.append(item)
            self._order.append(code)
        for extra in self._extra:
            result.append(dict(extra))
            self._order.append(extra["code"])
        record.indicators = result

    def owns(self, key: str) -> bool:
        parsed = parse_list_key(key)
        return key == "household.danger_grade" or (parsed is not None and parsed[0] == "indicator")

    def position(self, key: str) -> int:
        parsed = parse_list_key(key)
        if parsed is None or parsed[1] >= len(self._order):
            return -1
        codes = list(self.rows)
        index = codes.index(self._order[parsed[1]]) if self._order[parsed[1]] in self.rows else len(codes)
        return index * 10 + (FIELDS.index(parsed[2]) if parsed[2] in FIELDS else 0)

    def widget_problems(self) -> dict[str, str]:
        found = {}
        for i, code in enumerate(self._order):
            row = self.rows.get(code)
            message = row.widgets["checked_on"].problem() if row else None
            if message:
                found[f"indicator[{i}].checked_on"] = message
        return found

    def show_problems(self, problems: Mapping[str, str], reveal: bool) -> None:
        self.form.show_problems({"danger_grade": problems["household.danger_grade"]}
                                if "household.danger_grade" in problems else {}, reveal)
        per_code: dict[str, dict[str, str]] = {}
        for key, message in problems.items():
            parsed = parse_list_key(key)
            if parsed is not None and parsed[0] == "indicator" and parsed[1] < len(self._order):
                per_code.setdefault(self._order[parsed[1]], {})[parsed[2]] = message
        for code, row in self.rows.items():
            mine = per_code.get(code, {}) if (reveal or row.touched) else {}
            for name in FIELDS:
                set_invalid(row.widgets[name], name in mine)
            row.error.show_message("；".join(mine.values()) if mine else None)

    def focus_problem(self, key: str) -> bool:
        if key == "household.danger_grade":
            return self.form.focus("danger_grade")
        parsed = parse_list_key(key)
        if parsed is None or parsed[1] >= len(self._order) or self._order[parsed[1]] not in self.rows:
            return False
        row = self.rows[self._order[parsed[1]]]
        row.widgets.get(parsed[2], row.widgets["met"]).setFocus(Qt.FocusReason.OtherFocusReason)
        return True
