"""Page 目标 (挂图作战): a village's yearly record, its 贫困发生率 and exit judgement, and the year's targets.

Left, the village's record for the chosen year: 贫困村 and its 摘帽 year, rural population, the official
incidence, 村集体经济收入 and the exit indicators, editable for an account holding ``village.edit``
(leader, committee, district); beside it, the incidence computed from the register next to the official
one, the standard that applies and what is missing for the village to be lifted out. Right, the targets
of the year (read-only), which an account holding ``targets.edit`` (the district) sets one by one,
deletes, or imports from a workbook (and exports as a template).

Reads run on the database thread (services only); every write is an operation (:func:`run_op`)
announced as ``Changes(targets=True)``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import targets as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.money import fen_to_yuan
from fieldapp.gui import i18n
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.targets.models import TargetModel
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.stale import StaleWrite
from fieldapp.services.targets import importing, records
from fieldapp.services.targets.incidence import VillageExitView
from fieldapp.services.targets.overview import Overview, overview, villages_of
from fieldapp.services.targets.template import write_template

log = logging.getLogger("fieldapp.gui.targets")

CHANGED = Changes(targets=True)
NO_YEAR = 1999  # the out-year box's "none" (its minimum, shown as —)


class TargetsPage(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.hub = hub or ChangeHub(self)
        self.lang = i18n.ref_language()
        self.original: records.VillageYearRecord | None = None
        self.view: VillageExitView | None = None
        self.import_box: QMessageBox | None = None
        self.staleness = StaleRefresh(self, self.refresh, stale=True)
        self.may_edit = records.may_edit_village(ctx)
        self.may_set = records.may_edit_targets(ctx)
        self.targets = TargetModel(self)

        self.village_box = QComboBox(self)
        for village_id, name in villages_of(ctx):
            self.village_box.addItem(name, village_id)
        self.year_box = QSpinBox(self)
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(dt.date.today().year)
        self.village_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_box.valueChanged.connect(lambda _v: self.refresh())
        top = QHBoxLayout()
        for label, box in ((self.tr("村："), self.village_box), (self.tr("年度："), self.year_box)):
            caption = QLabel(label, self)
            caption.setBuddy(box)
            top.addWidget(caption)
            top.addWidget(box)
        top.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(self._record_box())
        left.addWidget(self._judgement_box(), 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(self._targets_box(), 4)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        self.hub.changed.connect(self._data_changed)

    # -- building ---------------------------------------------------------------------------

    def _record_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("村级年度情况"), self)
        self.poor_check = QCheckBox(self.tr("贫困村"), box)
        self.out_year = QSpinBox(box)
        self.out_year.setRange(NO_YEAR, 2100)
        self.out_year.setSpecialValueText("—")
        self.population = QSpinBox(box)
        self.population.setRange(0, 10_000_000)
        self.population.setSpecialValueText(self.tr("未填"))
        self.population.setSuffix(self.tr(" 人"))
        self.official = QLineEdit(box)
        self.official.setPlaceholderText(self.tr("如 2.35"))
        self.income = QLineEdit(box)
        self.income.setPlaceholderText(self.tr("元，如 52000"))
        self.note = QLineEdit(box)
        self.indicator_checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, code in enumerate(self.ctx.ref["village_indicator"].codes):
            check = QCheckBox(code.text(self.lang), box)
            self.indicator_checks[code.code] = check
            grid.addWidget(check, i // 3, i % 3)
        form = QFormLayout()
        poor_row = QHBoxLayout()
        poor_row.addWidget(self.poor_check)
        out_label = QLabel(self.tr("摘帽年份："), box)
        out_label.setBuddy(self.out_year)
        poor_row.addSpacing(16)
        poor_row.addWidget(out_label)
        poor_row.addWidget(self.out_year)
        poor_row.addStretch(1)
        form.addRow(poor_row)
        form.addRow(self.tr("农村人口："), self.population)
        form.addRow(self.tr("官方贫困发生率（%）："), self.official)
        form.addRow(self.tr("村集体经济收入："), self.income)
        form.addRow(self.tr("退出指标："), grid)
        form.addRow(self.tr("备注："), self.note)
        self.save_button = QPushButton(self.tr("保存村级情况"), box)
        self.save_button.clicked.connect(self.save)
        self.problems = QLabel(box)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        box.setLayout(form)
        for widget in (self.poor_check, self.out_year, self.population, self.official, self.income, self.note,
                       self.save_button, *self.indicator_checks.values()):
            widget.setEnabled(self.may_edit)
        self.poor_check.toggled.connect(lambda on: self.out_year.setEnabled(self.may_edit and on))
        if not self.may_edit:
            self.problems.setStyleSheet("")
            self.problems.setText(self.tr("只读：填报村级情况需要队长、村两委或区县的权限"))
        return box

    def _judgement_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("贫困发生率与退出判断"), self)
        self.computed_label = QLabel(box)
        self.official_label = QLabel(box)
        self.standard_label = QLabel(box)
        self.verdict = QLabel(box)
        for label in (self.computed_label, self.official_label, self.standard_label, self.verdict):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        for label in (self.computed_label, self.official_label, self.standard_label, self.verdict):
            layout.addWidget(label)
        layout.addStretch(1)
        return box

    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("年度目标任务"), self)
        self.table = QTableView(box)
        self.table.setModel(self.targets)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._target_chosen(cur.row()))
        self.empty_label = QLabel(self.tr("本年度没有目标任务（由区县下达，同步后显示）"), box)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

        self.area_box = QComboBox(box)
        self.kind_box = QComboBox(box)
        for code, label in rules.kind_choices(self.ctx.ref["target_kind"], self.ctx.ref["industry"], self.lang):
            self.kind_box.addItem(label, code)
        self.value_box = QSpinBox(box)
        self.value_box.setRange(0, rules.MAX_TARGET)
        self.set_button = QPushButton(self.tr("设定"), box)
        self.delete_button = QPushButton(self.tr("删除所选"), box)
        self.import_button = QPushButton(self.tr("导入目标…"), box)
        self.template_button = QPushButton(self.tr("导出目标表…"), box)
        self.set_button.clicked.connect(self.set_target)
        self.delete_button.clicked.connect(self.delete_target)
        self.import_button.clicked.connect(self.choose_import)
        self.template_button.clicked.connect(self.choose_template)
        form = QGridLayout()
        form.addWidget(self.area_box, 0, 0, 1, 3)
        form.addWidget(self.kind_box, 1, 0)
        form.addWidget(self.value_box, 1, 1)
        form.addWidget(self.set_button, 1, 2)
        files = QHBoxLayout()
        files.addWidget(self.delete_button)
        files.addStretch(1)
        files.addWidget(self.import_button)
        files.addWidget(self.template_button)
        layout.addLayout(form)
        layout.addLayout(files)
        for widget in (self.area_box, self.kind_box, self.value_box, self.set_button, self.delete_button,
                       self.import_button):
            widget.setVisible(self.may_set)
        return box

    # -- reading ----------------------------------------------------------------------------

    @property
    def village_id(self) -> str | None:
        value = self.village_box.currentData()
        return str(value) if value else None

    def _data_changed(self, changes: Changes) -> None:
        if changes.targets or changes.register or changes.sync or changes.reference:
            self.staleness.mark()

    def refresh(self) -> None:
        """Read the village's year and the year's targets on the database thread, then show them."""
        self.staleness.clear()
        ctx, village, year, lang = self.ctx, self.village_id, self.year_box.value(), self.lang

        def read(_control: TaskControl) -> Overview:
            return overview(ctx, village, year, lang)

        self.tasks.run_db(read, on_done=self._show)

    def _show(self, found: Overview) -> None:
        if found.year != self.year_box.value():
            return  # an older read, overtaken by a change of year
        self.targets.set_rows(found.targets)
        self.table.setVisible(bool(found.targets))
        self.empty_label.setVisible(not found.targets)
        current = self.area_box.currentData()
        self.area_box.clear()
        for area in found.areas:
            self.area_box.addItem(self._area_text(found, area.id, area.name, area.level), area.id)
        if current is not None and self.area_box.findData(current) >= 0:
            self.area_box.setCurrentIndex(self.area_box.findData(current))
        self.view = found.village
        if found.village is not None:
            if not self.has_edits(found.village.record):
                self._fill(found.village.record)
            # else: what is being typed stays; a save compares with the record as first loaded (a stale one is shown)
            self._judge(found.village)

    def has_edits(self, incoming: records.VillageYearRecord) -> bool:
        """The form holds changes to the same village's year that are not saved yet."""
        current = self.original
        if current is None or (current.village_id, current.year) != (incoming.village_id, incoming.year):
            return False
        try:
            return self.form_record() != current
        except ValidationError:
            return True  # something typed that does not read yet: still the person's

    @staticmethod
    def _area_text(found: Overview, area_id: str, name: str, level: str) -> str:
        """The area indented by its level (the district's form lists the whole tree)."""
        depth = {"district": 0, "town": 1}.get(level, 2)
        return "　" * depth + name

    def _fill(self, record: records.VillageYearRecord) -> None:
        """Put the record in the form (what is loaded is what a save compares against)."""
        self.original = record
        self.poor_check.setChecked(record.poor_village)
        self.out_year.setValue(record.out_year or NO_YEAR)
        self.out_year.setEnabled(self.may_edit and record.poor_village)
        self.population.setValue(record.rural_population or 0)
        self.official.setText(rules.percent_text(record.official_incidence))
        self.income.setText("" if record.collective_income is None else str(fen_to_yuan(record.collective_income)))
        for code, check in self.indicator_checks.items():
            check.setChecked(bool(record.indicators.get(code)))
        self.note.setText(record.note)
        if self.may_edit:
            self.problems.clear()

    def _judge(self, view: VillageExitView) -> None:
        i = view.incidence
        if i.percent is not None:
            self.computed_label.setText(self.tr("本系统计算：{0}%（贫困人口 {1} 人、{2} 户 / 农村人口 {3} 人）")
                                        .format(i.percent, i.poor_people, i.poor_households, i.population))
        else:
            self.computed_label.setText(self.tr("本系统计算：无法计算，未填农村人口（贫困人口 {0} 人、{1} 户）")
                                        .format(i.poor_people, i.poor_households))
        official = view.record.official_incidence
        if official is None:
            self.official_label.setText(self.tr("官方数据：未填"))
        elif view.difference is not None:
            self.official_label.setText(self.tr("官方数据：{0}%（相差 {1} 个百分点）")
                                        .format(rules.percent_text(official), f"{view.difference:+}"))
        else:
            self.official_label.setText(self.tr("官方数据：{0}%").format(rules.percent_text(official)))
        s = view.standard
        parts = []
        if s.incidence_below is not None:
            parts.append(self.tr("贫困发生率低于 {0}%").format(s.incidence_below))
        if s.income_at_least is not None:
            parts.append(self.tr("村集体经济收入不低于 {0}").format(rules.yuan_text(s.income_at_least)))
        parts.append(self.tr("退出指标全部达标"))
        self.standard_label.setText(self.tr("退出标准：{0}").format(self.tr("；").join(parts)))
        if view.judgement.met:
            self.verdict.setText(self.tr("✔ 达到贫困村退出标准"))
            self.verdict.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            lines = "\n".join(f"• {self.shortfall_text(m)}" for m in view.judgement.missing)
            self.verdict.setText(self.tr("✘ 尚未达到退出标准：") + "\n" + lines)
            self.verdict.setStyleSheet("color: #8a4b00;")

    def shortfall_text(self, s: rules.Shortfall) -> str:
        if s.code == rules.NO_POPULATION:
            return self.tr("贫困发生率无法计算：未填农村人口")
        if s.code == rules.INCIDENCE:
            return self.tr("贫困发生率 {0} 未低于 {1}").format(s.actual, s.needed.removeprefix("< "))
        if s.code == rules.NO_INCOME:
            return self.tr("未填村集体经济收入（标准 {0}）").format(s.needed.removeprefix("≥ "))
        if s.code == rules.INCOME:
            return self.tr("村集体经济收入 {0} 未达到 {1}").format(s.actual, s.needed.removeprefix("≥ "))
        if s.code == rules.NO_STANDARD:
            return self.tr("参考数据中没有“{0}”的退出标准").format(s.needed)
        return self.tr("{0}未达标").format(self.ctx.ref["village_indicator"].label(s.code, self.lang))

    # -- the village's record -------------------------------------------------------------------

    def form_record(self) -> records.VillageYearRecord:
        """The record as the form shows it (raises ValidationError naming what cannot be read)."""
        assert self.original is not None
        problems: dict[str, str] = {}
        try:
            official = rules.parse_percent(self.official.text())
        except ValueError as exc:
            problems["official_incidence"], official = str(exc), None
        try:
            income = records.parse_yuan(self.income.text())
        except ValidationError as exc:
            problems.update(exc.problems)
            income = None
        if problems:
            raise ValidationError(problems)
        poor = self.poor_check.isChecked()
        return replace(
            self.original, poor_village=poor,
            out_year=self.out_year.value() if poor and self.out_year.value() != NO_YEAR else None,
            rural_population=self.population.value() or None, official_incidence=official,
            collective_income=income, note=self.note.text(),
            indicators={**self.original.indicators, **{c: b.isChecked() for c, b in self.indicator_checks.items()}})

    def save(self) -> None:
        if self.original is None:
            return
        try:
            record = self.form_record()
        except ValidationError as exc:
            self._show_problems(exc)
            return
        ctx, original = self.ctx, self.original

        def write() -> records.VillageYearRecord:
            return records.save_village_year(ctx, record, original)

        run_op(self.tasks, self.hub, write, changes=CHANGED, parent=self, on_done=self._fill,
               message=self.tr("已保存村级年度情况"), on_error=self._save_failed)

    def _show_problems(self, exc: ValidationError) -> None:
        self.problems.setText("；".join(exc.problems.values()))

    def _save_failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            self._show_problems(exc)
            return True
        if isinstance(exc, StaleWrite):
            labels = self.ctx.ref.fields
            names = "、".join(labels.label("village_year", f.field, self.lang) for f in exc.fields)
            self.problems.setText(self.tr("未保存：{0} 已在别处修改。请核对后再次保存（将以您填写的为准）")
                                  .format(names))
            self._rebase()
            return True
        return False

    def _rebase(self) -> None:
        """After a refused save: compare the next save with the record as it is now, keeping what was typed."""
        ctx, village, year = self.ctx, self.village_id, self.year_box.value()
        if village is None:
            return

        def read(_control: TaskControl) -> records.VillageYearRecord:
            return records.village_year(ctx.db, ctx.ref, village, year)

        def fresh(record: records.VillageYearRecord) -> None:
            self.original = record

        self.tasks.run_db(read, on_done=fresh)

    # -- targets --------------------------------------------------------------------------------

    def _target_chosen(self, row: int) -> None:
        line = self.targets.line(row)
        if line is None:
            return
        for box, value in ((self.area_box, line.area_id), (self.kind_box, line.kind)):
            if box.findData(value) >= 0:
                box.setCurrentIndex(box.findData(value))
        self.value_box.setValue(line.value)

    def set_target(self) -> None:
        ctx, area, kind = self.ctx, self.area_box.currentData(), self.kind_box.currentData()
        year, value = self.year_box.value(), self.value_box.value()
        if area is None or kind is None:
            return

        def write() -> records.TargetRecord:
            return records.set_target(ctx, str(area), year, str(kind), value)

        run_op(self.tasks, self.hub, write, changes=CHANGED, parent=self, message=self.tr("已设定目标"))

    def delete_target(self) -> QMessageBox | None:
        line = self.targets.line(self.table.currentIndex().row())
        if line is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("删除目标"),
                          self.tr("删除 {0} 的“{1}”目标（{2}）？").format(line.area, line.kind_label, line.value),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ctx, row_id = self.ctx, line.id

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                run_op(self.tasks, self.hub, lambda: records.delete_target(ctx, row_id), changes=CHANGED,
                       parent=self, message=self.tr("已删除目标"))

        box.finished.connect(answered)
        box.open()
        return box

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("导入目标任务"), "", self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Check the workbook on the database thread, then show what it holds (and ask before importing)."""
        ctx = self.ctx

        def read(_control: TaskControl) -> importing.ImportPlan:
            return importing.plan(ctx, path)

        self.tasks.run_db(read, on_done=self._planned, on_error=self._plan_failed)

    def _plan_failed(self, exc: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导入目标任务"), str(exc), QMessageBox.StandardButton.Ok,
                          self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.import_box = box

    def _planned(self, planned: importing.ImportPlan) -> None:
        if planned.problems or not planned.targets:
            shown = [p.text() for p in planned.problems[:15]]
            if len(planned.problems) > len(shown):
                shown.append(self.tr("……另有 {0} 行有错误").format(len(planned.problems) - len(shown)))
            text = self.tr("未导入任何目标：请改正以下各行后重新导入。") if planned.problems else \
                self.tr("表中没有填写目标值的行，未导入。")
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导入目标任务"), text,
                              QMessageBox.StandardButton.Ok, self)
            box.setInformativeText("\n".join(shown) or planned.summary())
        else:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("导入目标任务"),
                              self.tr("{0}。导入？").format(planned.summary()),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            ctx = self.ctx

            def answered(button: int) -> None:
                if button == QMessageBox.StandardButton.Yes:
                    run_op(self.tasks, self.hub, lambda: importing.apply(ctx, planned), changes=CHANGED,
                           parent=self, message=lambda n: self.tr("已导入目标任务：写入 {0} 条").format(n))

            box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.import_box = box

    def choose_template(self) -> None:
        name = self.tr("{0}年度目标任务.xlsx").format(self.year_box.value())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出目标表"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_template(Path(path))

    def export_template(self, path: Path) -> None:
        ctx, year = self.ctx, self.year_box.value()

        def write(_control: TaskControl) -> int:
            return write_template(ctx, path, year)

        self.tasks.run_db(write, on_done=lambda rows: self.hub.announce(
            Changes(), self.tr("已导出目标表（{0} 行）：{1}").format(rows, path)))
