"""The dialogs that write a project: new/edit, budget, beneficiary, approval, status, progress, 拨付, 验收.

Each dialog recomputes, on every keystroke, every problem :mod:`fieldapp.domain.projects` finds in the figures
the project would have after saving, and lists them all above the buttons; 保存 stays disabled while any is
listed. Saving is an operation on the task manager (:func:`fieldapp.gui.ops.run_op`) announced once as
``Changes(projects=True)`` (with the households concerned); a refusal by the services (a change made elsewhere
meanwhile, a permission) is listed in the same place and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import projects as rules
from fieldapp.domain.money import format_yuan
from fieldapp.domain.people import PermissionDenied
from fieldapp.gui import i18n
from fieldapp.gui.fields import ERROR_COLOR, ChoiceCombo, CodeCombo, MoneyEdit, NullableDateEdit, TextEdit
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.projects import browse, service
from fieldapp.services.projects.records import ProjectView

#: refusals listed in the dialog (anything else goes to the operation's error box)
SHOWN_IN_PLACE = (rules.ProjectError, PermissionDenied, LookupError, ValueError)


def pick_first(combo: ChoiceCombo) -> ChoiceCombo:
    """A combo without a blank item shows its first choice (not an empty box reading as None)."""
    if combo.currentIndex() < 0 and combo.count() > 0:
        combo.setCurrentIndex(0)
    return combo


def channel_choices(ctx: AppContext) -> list[tuple[str, str]]:
    codes = ctx.ref["fund_channel"]
    lang = i18n.ref_language()
    return [(c.code, codes.label(c.code, lang)) for c in codes.codes]


def _channels(ctx: AppContext) -> tuple[list[str], dict[str, str]]:
    found = channel_choices(ctx)
    return [c for c, _ in found], dict(found)


def figure_problems(ctx: AppContext, figures: rules.Figures) -> list[str]:
    codes, labels = _channels(ctx)
    return [p.message for p in rules.problems(figures, codes, labels)]


class ProjectDialog(QDialog):
    """Fields in a form, every problem listed live, 保存 disabled while there is one. Subclasses build the
    fields (:meth:`build`), list the problems (:meth:`problems`) and give the write (:meth:`write`)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.hub = ctx, tasks, hub
        self.setWindowTitle(self.title())
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.save_caption(), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.shown_problems: list[str] = []
        self.refused: list[str] = []  # what the services said on the last try (until the next edit)
        self._built = False  # fields filled while building are not edits
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.build()
        layout.addStretch(1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        for button in self.findChildren(QPushButton):  # Enter in a field must not save half-typed figures
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self._built = True
        self.update_problems()

    # -- for subclasses ----------------------------------------------------------------------

    def title(self) -> str:
        raise NotImplementedError

    def save_caption(self) -> str:
        return self.tr("保存(&S)")

    def build(self) -> None:
        raise NotImplementedError

    def problems(self) -> list[str]:
        raise NotImplementedError

    def write(self) -> Callable[[], Any]:
        """The write to run on the database worker (values captured now, no widget touched there)."""
        raise NotImplementedError

    def changes(self) -> Changes:
        return Changes(projects=True, by=self.ctx.writer.actor.user_name)

    def message(self, _result: Any) -> str:
        return self.tr("项目已保存")

    # -- helpers --------------------------------------------------------------------------------

    def add(self, label: str, widget: QWidget) -> Any:
        self.form.addRow(label, widget)
        self.watch(widget)
        return widget

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            for name in ("changed", "textChanged", "valueChanged", "toggled"):
                signal = getattr(widget, name, None)
                if signal is not None and hasattr(signal, "connect"):
                    signal.connect(self._edited)
                    break

    def field_problems(self, labelled: Iterable[tuple[str, Any]]) -> list[str]:
        """What the typed fields themselves say (a date or amount that does not read), with the field's name."""
        found = []
        for label, widget in labelled:
            problem = widget.problem() if hasattr(widget, "problem") else None
            if problem:
                found.append(f"{label.rstrip('：:')}：{problem}")
        return found

    def _edited(self, *_args: object) -> None:
        if not self._built:
            return
        self.refused = []
        self.update_problems()

    def update_problems(self) -> None:
        found = list(dict.fromkeys(self.problems() + self.refused))
        self.shown_problems = found
        self.problem_label.setText("\n".join(f"• {p}" for p in found))
        self.problem_label.setVisible(bool(found))
        self.save_button.setEnabled(not found)

    def save(self) -> None:
        self.update_problems()
        if self.shown_problems:
            return
        self.save_button.setEnabled(False)
        run_op(self.tasks, self.hub, self.write(), changes=self.changes(), parent=self, message=self.message,
               on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, SHOWN_IN_PLACE):
            self.update_problems()
            return False
        problems = getattr(exc, "problems", None)
        self.refused = [p.message for p in problems] if problems else [str(exc)]
        self.update_problems()
        return True


def _label(column: str, table: str = "project") -> str:
    return field_label(table, column) + "："


class EditDialog(ProjectDialog):
    """新建项目 (``view`` None: where, what, who, when, budget by channel) or 编辑项目 (its descriptive fields and
    dates; budget, approval and status have their own dialogs)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView | None = None, *,
                 area_id: str | None = None, parent: QWidget | None = None) -> None:
        self.view, self.area_id = view, area_id
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        if self.view is None:
            return self.tr("新建项目")
        return self.tr("编辑项目 — {0}").format(self.view.name)

    def build(self) -> None:
        ctx, view = self.ctx, self.view
        self.area = ChoiceCombo([(a.id, a.name) for a in browse.areas(ctx.db)], blank="")
        if view is None:
            if self.area_id:
                self.area.setValue(self.area_id)
            self.add(_label("village_id"), self.area)
        else:
            self.form.addRow(_label("village_id"), QLabel(view.area_name))
        self.name = self.add(_label("name"), TextEdit(max_length=128))
        self.type = self.add(_label("type"), CodeCombo(ctx.ref["project_type"]))
        self.industry = self.add(_label("industry"), CodeCombo(ctx.ref["industry"]))
        self.unit = self.add(_label("unit"), TextEdit(max_length=128))
        self.planned_start, self.planned_end = NullableDateEdit(), NullableDateEdit()
        self.form.addRow(self.tr("计划工期："), self._pair(self.planned_start, self.planned_end))
        self.watch(self.planned_start, self.planned_end)
        self.actual_start, self.actual_end = NullableDateEdit(), NullableDateEdit()
        self.budget: dict[str, MoneyEdit] = {}
        self.total = MoneyEdit()
        if view is None:
            grid = QGridLayout()
            for i, (code, text) in enumerate(channel_choices(ctx)):
                edit = self.budget[code] = MoneyEdit()
                caption = QLabel(text + "：")
                caption.setBuddy(edit)
                grid.addWidget(caption, i // 2, (i % 2) * 2)
                grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
                self.watch(edit)
            holder = QWidget()
            holder.setLayout(grid)
            grid.setContentsMargins(0, 0, 0, 0)
            self.form.addRow(self.tr("预算（按资金渠道）："), holder)
            self.total.setPlaceholderText(self.tr("不填则为各渠道合计"))
            self.add(_label("budget_total"), self.total)
        else:
            self.form.addRow(self.tr("实际工期："), self._pair(self.actual_start, self.actual_end))
            self.watch(self.actual_start, self.actual_end)
        self.note = self.add(_label("note"), TextEdit(max_length=500))
        if view is not None:
            self.name.setValue(view.name)
            self.type.setValue(view.type)
            self.industry.setValue(view.industry)
            self.unit.setValue(view.unit)
            for date_edit, value in ((self.planned_start, view.planned_start), (self.planned_end, view.planned_end),
                                     (self.actual_start, view.actual_start), (self.actual_end, view.actual_end)):
                date_edit.setValue(value)
            self.note.setValue(view.note)
        self.name.setFocus()

    def _pair(self, start: NullableDateEdit, end: NullableDateEdit) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(start, 1)
        row.addWidget(QLabel(self.tr("至")))
        row.addWidget(end, 1)
        return holder

    def _budget(self) -> dict[str, int]:
        return {code: edit.value() or 0 for code, edit in self.budget.items() if edit.text().strip()}

    def problems(self) -> list[str]:
        found = self.field_problems([
            (field_label("project", "planned_start"), self.planned_start),
            (field_label("project", "planned_end"), self.planned_end),
            (field_label("project", "actual_start"), self.actual_start),
            (field_label("project", "actual_end"), self.actual_end), (field_label("project", "budget_total"),
                                                                     self.total),
            *((text, self.budget[code]) for code, text in channel_choices(self.ctx) if code in self.budget)])
        if self.view is None and self.area.value() is None:
            found.append(self.tr("请选择项目所属的村或乡镇"))
        if not (self.name.value() or "").strip():
            found.append(self.tr("请填写项目名称"))
        if self.type.value() is None:
            found.append(self.tr("请选择项目类型"))
        if not (self.unit.value() or "").strip():
            found.append(self.tr("请填写实施单位"))
        start, end = self.planned_start.value(), self.planned_end.value()
        if self.view is None:
            budget = self._budget()
            total = self.total.value() if self.total.text().strip() else sum(budget.values())
            figures = rules.Figures(budget_total=total or 0, budget=budget, planned_start=start, planned_end=end)
        else:
            figures = replace(self.view.figures(), actual_start=self.actual_start.value(),
                              actual_end=self.actual_end.value(), planned_start=start, planned_end=end)
        return found + figure_problems(self.ctx, figures)

    def write(self) -> Callable[[], Any]:
        ctx = self.ctx
        values = {"name": (self.name.value() or "").strip(), "type": self.type.value(),
                  "industry": self.industry.value(), "unit": (self.unit.value() or "").strip(),
                  "planned_start": self.planned_start.value(), "planned_end": self.planned_end.value(),
                  "note": (self.note.value() or "").strip()}
        if self.view is None:
            draft = service.ProjectDraft(area_id=str(self.area.value()), budget=self._budget(),
                                         budget_total=self.total.value() if self.total.text().strip() else None,
                                         **values)
            return lambda: service.create(ctx, draft)
        view = self.view
        values |= {"actual_start": self.actual_start.value(), "actual_end": self.actual_end.value()}
        changes = {k: v for k, v in values.items() if getattr(view, k) != v}
        return lambda: service.edit(ctx, view.id, changes) if changes else None


class BudgetDialog(ProjectDialog):
    """预算: the amount of each fund channel and the total (blank: their sum)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView,
                 parent: QWidget | None = None) -> None:
        self.view = view
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("预算 — {0}").format(self.view.name)

    def build(self) -> None:
        self.budget: dict[str, MoneyEdit] = {}
        for code, text in channel_choices(self.ctx):
            edit = self.budget[code] = self.add(text + "：", MoneyEdit())
            if code in self.view.budget:
                edit.setValue(self.view.budget[code])
        self.total = self.add(_label("budget_total"), MoneyEdit())
        self.total.setPlaceholderText(self.tr("不填则为各渠道合计"))
        if self.view.budget_total != sum(self.view.budget.values()):
            self.total.setValue(self.view.budget_total)
        if self.view.status != rules.PLANNED:
            note = QLabel(self.tr("项目已批复：修改预算需要批复权限"))
            note.setWordWrap(True)
            self.form.addRow(note)
        next(iter(self.budget.values())).setFocus()

    def _values(self) -> tuple[dict[str, int], int]:
        budget = {code: edit.value() or 0 for code, edit in self.budget.items() if edit.text().strip()}
        total = self.total.value() if self.total.text().strip() else sum(budget.values())
        return budget, total or 0

    def problems(self) -> list[str]:
        found = self.field_problems([*((text, self.budget[code]) for code, text in channel_choices(self.ctx)),
                                     (field_label("project", "budget_total"), self.total)])
        budget, total = self._values()
        return found + figure_problems(self.ctx, replace(self.view.figures(), budget=budget, budget_total=total))

    def write(self) -> Callable[[], Any]:
        ctx, pid = self.ctx, self.view.id
        budget, total = self._values()
        explicit = total if self.total.text().strip() else None
        return lambda: service.set_budget(ctx, pid, budget, explicit)

    def message(self, _result: Any) -> str:
        return self.tr("预算已保存")


class BeneficiaryDialog(ProjectDialog):
    """受益户: a household of the project's village (a town's: of its villages) and its planned amount."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView, *,
                 household_id: str | None = None, parent: QWidget | None = None) -> None:
        self.view, self.household_id = view, household_id
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("受益户 — {0}").format(self.view.name)

    def build(self) -> None:
        self.existing = {b.household_id: b for b in self.view.beneficiaries}
        choices = browse.households_of(self.ctx.db, self.view.village_id)
        self.household = self.add(field_label("project_beneficiary", "household_id") + "：",
                                  ChoiceCombo([(h.id, h.text) for h in choices]))
        self.household.setEditable(False)
        self.amount = self.add(field_label("project_beneficiary", "amount") + "：", MoneyEdit())
        self.note = self.add(self.tr("说明："), TextEdit(max_length=200))
        self.household.changed.connect(self._chosen)
        if self.household_id:
            self.household.setValue(self.household_id)
        self.household.setFocus()

    def _chosen(self) -> None:
        found = self.existing.get(self.household.value() or "")
        if found is not None:
            self.amount.setValue(found.amount)
            self.note.setValue(found.note)

    def problems(self) -> list[str]:
        found = self.field_problems([(field_label("project_beneficiary", "amount"), self.amount)])
        household = self.household.value()
        if household is None:
            found.append(self.tr("请选择受益户"))
        if not self.amount.text().strip():
            found.append(self.tr("请填写计划金额"))
        amounts = {b.household_id: b.amount for b in self.view.beneficiaries}
        if household is not None:
            amounts[household] = self.amount.value() or 0
        return found + figure_problems(self.ctx, replace(self.view.figures(), beneficiaries=amounts))

    def write(self) -> Callable[[], Any]:
        ctx, pid = self.ctx, self.view.id
        household, amount, note = str(self.household.value()), self.amount.value() or 0, self.note.value() or ""
        return lambda: service.set_beneficiary(ctx, pid, household, amount, note)

    def changes(self) -> Changes:
        return super().changes() | Changes.of_households([self.household.value()])

    def message(self, _result: Any) -> str:
        return self.tr("受益户已保存")


class ApproveDialog(ProjectDialog):
    """批复: the approved amount and date; the project becomes 已批复."""

    def save_caption(self) -> str:
        return self.tr("批复(&A)")

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView, *,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        self.view, self.today = view, today or dt.date.today()
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("批复 — {0}").format(self.view.name)

    def build(self) -> None:
        self.form.addRow(_label("budget_total"), QLabel(format_yuan(self.view.budget_total) + self.tr(" 元")))
        self.amount = self.add(_label("approved_amount"), MoneyEdit())
        self.amount.setValue(self.view.budget_total)
        self.on = self.add(_label("approved_on"), NullableDateEdit())
        self.on.setValue(self.today)
        self.amount.setFocus()

    def problems(self) -> list[str]:
        found = self.field_problems([(field_label("project", "approved_amount"), self.amount),
                                     (field_label("project", "approved_on"), self.on)])
        after = replace(self.view.figures(), approved=self.amount.value() if self.amount.text().strip() else None,
                        approved_on=self.on.value())
        found += [p.message for p in rules.transition_problems(self.view.status, rules.APPROVED, after)]
        return found + figure_problems(self.ctx, after)

    def write(self) -> Callable[[], Any]:
        ctx, pid, amount, on = self.ctx, self.view.id, self.amount.value() or 0, self.on.value() or self.today
        return lambda: service.approve(ctx, pid, amount, on)

    def message(self, _result: Any) -> str:
        return self.tr("项目已批复")


def status_targets(ctx: AppContext, view: ProjectView) -> list[str]:
    """The statuses this account may move the project to here (批复 and 验收 have their own dialogs)."""
    return [s for s in rules.STATUSES if s in rules.TRANSITIONS.get(view.status, ())
            and s not in (rules.APPROVED, rules.ACCEPTED) and ctx.allows(rules.move_permission(view.status, s))]


class StatusDialog(ProjectDialog):
    """状态: start (实施中, with the actual start), finish (已完工, with the actual finish), withdraw an approval,
    send a finished project back to work."""

    def save_caption(self) -> str:
        return self.tr("改变状态(&T)")

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView, *,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        self.view, self.today = view, today or dt.date.today()
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("项目状态 — {0}").format(self.view.name)

    def build(self) -> None:
        lang = i18n.ref_language()
        statuses = self.ctx.ref["project_status"]
        self.form.addRow(self.tr("当前状态："), QLabel(statuses.label(self.view.status, lang)))
        self.target = self.add(self.tr("改为："), pick_first(ChoiceCombo(
            [(s, statuses.label(s, lang)) for s in status_targets(self.ctx, self.view)], blank=None)))
        self.actual_start = self.add(_label("actual_start"), NullableDateEdit())
        self.actual_end = self.add(_label("actual_end"), NullableDateEdit())
        self.actual_start.setValue(self.view.actual_start or self.today)
        self.actual_end.setValue(self.view.actual_end or self.today)
        self.target.changed.connect(self._target_chosen)
        self._target_chosen()
        self.target.setFocus()

    def _target_chosen(self) -> None:
        target = self.target.value()
        starting = target == rules.IN_PROGRESS and self.view.status == rules.APPROVED
        for edit, shown in ((self.actual_start, starting), (self.actual_end, target == rules.COMPLETED)):
            edit.setVisible(shown)
            self.form.labelForField(edit).setVisible(shown)

    def _dates(self) -> dict[str, dt.date | None]:
        target = self.target.value()
        dates: dict[str, dt.date | None] = {}
        if target == rules.IN_PROGRESS and self.view.status == rules.APPROVED:
            dates["actual_start"] = self.actual_start.value()
        if target == rules.COMPLETED:
            dates["actual_end"] = self.actual_end.value()
        return dates

    def problems(self) -> list[str]:
        target = self.target.value()
        if target is None:
            return [self.tr("这个项目现在没有您可以改成的状态")]
        found = self.field_problems([(field_label("project", k), getattr(self, k)) for k in self._dates()])
        dates = {k: v for k, v in self._dates().items() if v is not None}
        f = self.view.figures()
        after = replace(f, actual_start=dates.get("actual_start", f.actual_start),
                        actual_end=dates.get("actual_end", f.actual_end))
        found += [p.message for p in rules.transition_problems(self.view.status, target, after)]
        return found + figure_problems(self.ctx, after)

    def write(self) -> Callable[[], Any]:
        ctx, pid, target = self.ctx, self.view.id, str(self.target.value())
        dates = {k: v for k, v in self._dates().items() if v is not None}
        return lambda: service.change_status(ctx, pid, target, **dates)

    def message(self, _result: Any) -> str:
        return self.tr("项目状态已改变")


class ProgressDialog(ProjectDialog):
    """进度: a dated percentage, a note and photos (JPEG or PNG files)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView, *,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        self.view, self.today = view, today or dt.date.today()
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("报进度 — {0}").format(self.view.name)

    def build(self) -> None:
        self.day = self.add(self.tr("日期："), NullableDateEdit())
        self.day.setValue(self.today)
        self.percent = self.add(self.tr("完成进度："), QSpinBox())
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(self.view.percent or 0)
        self.note = self.add(self.tr("进展说明："), TextEdit(max_length=500))
        self.photos = QListWidget()
        self.photos.setMaximumHeight(110)
        self.add_photo = QPushButton(self.tr("添加照片(&P)…"))
        self.remove_photo = QPushButton(self.tr("移除照片"))
        self.add_photo.clicked.connect(self.choose_photos)
        self.remove_photo.clicked.connect(self._remove_photo)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.photos)
        row = QHBoxLayout()
        row.addWidget(self.add_photo)
        row.addWidget(self.remove_photo)
        row.addStretch(1)
        column.addLayout(row)
        self.form.addRow(self.tr("照片："), holder)
        self.day.setFocus()

    def photo_files(self) -> list[Path]:
        return [Path(self.photos.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.photos.count())]

    def add_files(self, paths: Iterable[Path | str]) -> None:
        known = set(self.photo_files())
        for path in map(Path, paths):
            if path not in known:
                self.photos.addItem(path.name)
                self.photos.item(self.photos.count() - 1).setData(Qt.ItemDataRole.UserRole, str(path))
                known.add(path)
        self._edited()

    def choose_photos(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("选择现场照片"), "",
                                                self.tr("照片 (*.jpg *.jpeg *.png)"))
        self.add_files(names)

    def _remove_photo(self) -> None:
        row = self.photos.currentRow()
        if row >= 0:
            self.photos.takeItem(row)
            self._edited()

    def problems(self) -> list[str]:
        found = self.field_problems([(self.tr("日期"), self.day)])
        day = self.day.value()
        if day is None:
            found.append(self.tr("请填写进度日期"))
            day = self.today
        found += [p.message for p in rules.progress_problems(
            self.percent.value(), day, self.view.status, [(p.date, p.percent) for p in self.view.progress])]
        found += [self.tr("照片文件不存在：{0}").format(p) for p in self.photo_files() if not p.is_file()]
        return found

    def write(self) -> Callable[[], Any]:
        ctx, pid, day, percent = self.ctx, self.view.id, self.day.value() or self.today, self.percent.value()
        note, photos = self.note.value() or "", self.photo_files()
        return lambda: service.record_progress(ctx, pid, day, percent, note=note, photos=photos)

    def message(self, _result: Any) -> str:
        return self.tr("进度已记录")


class DisburseDialog(ProjectDialog):
    """资金拨付: date, amount, channel, to whom, voucher number."""

    def save_caption(self) -> str:
        return self.tr("登记拨付(&D)")

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView, *,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        self.view, self.today = view, today or dt.date.today()
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("资金拨付 — {0}").format(self.view.name)

    def build(self) -> None:
        approved = self.view.approved_amount
        self.form.addRow(self.tr("批复 / 已拨付："), QLabel(self.tr("{0} 元 / {1} 元").format(
            "—" if approved is None else format_yuan(approved), format_yuan(self.view.disbursed))))
        self.day = self.add(self.tr("拨付日期："), NullableDateEdit())
        self.day.setValue(self.today)
        self.amount = self.add(self.tr("拨付金额："), MoneyEdit())
        choices = [(c, t) for c, t in channel_choices(self.ctx) if c in self.view.budget] or channel_choices(self.ctx)
        self.channel = self.add(field_label("project_disbursement", "channel") + "：",
                                pick_first(ChoiceCombo(choices, blank=None)))
        self.payee = self.add(self.tr("拨付对象："), TextEdit(max_length=128))
        self.payee.setPlaceholderText(self.tr("拨给谁，如 镇财政所、合作社"))
        self.voucher = self.add(self.tr("凭证号："), TextEdit(max_length=64))
        self.amount.setFocus()

    def problems(self) -> list[str]:
        found = self.field_problems([(self.tr("拨付日期"), self.day), (self.tr("拨付金额"), self.amount)])
        if self.day.value() is None:
            found.append(self.tr("请填写拨付日期"))
        if not self.amount.text().strip():
            found.append(self.tr("请填写拨付金额"))
        if not (self.payee.value() or "").strip():
            found.append(self.tr("请填写拨付对象（拨给谁）"))
        voucher = (self.voucher.value() or "").strip()
        if not voucher:
            found.append(self.tr("请填写凭证号"))
        elif voucher in {d.voucher_no for d in self.view.disbursements}:
            found.append(self.tr("凭证号 {0} 已登记过（同一笔拨付不能重复登记）").format(voucher))
        f = self.view.figures()
        if self.amount.value() is not None:  # (a blank amount is said once, above)
            paid = rules.Disbursement(self.day.value() or self.today, self.amount.value() or 0,
                                      str(self.channel.value()))
            f = replace(f, disbursements=(*f.disbursements, paid))
        return found + figure_problems(self.ctx, f)

    def write(self) -> Callable[[], Any]:
        ctx, pid = self.ctx, self.view.id
        day, amount, channel = self.day.value() or self.today, self.amount.value() or 0, str(self.channel.value())
        payee, voucher = self.payee.value() or "", self.voucher.value() or ""
        return lambda: service.disburse(ctx, pid, day=day, amount=amount, channel=channel, payee=payee,
                                        voucher_no=voucher)

    def message(self, _result: Any) -> str:
        return self.tr("拨付已登记")


class AcceptDialog(ProjectDialog):
    """验收: the members present, their findings, passed or not, signed by the person recording it."""

    def save_caption(self) -> str:
        return self.tr("签字并保存(&G)")

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, view: ProjectView, *,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        self.view, self.today = view, today or dt.date.today()
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("项目验收 — {0}").format(self.view.name)

    def build(self) -> None:
        self.day = self.add(self.tr("验收日期："), NullableDateEdit())
        self.day.setValue(self.today)
        self.members = self.add(self.tr("参加人员："), QPlainTextEdit())
        self.members.setPlaceholderText(self.tr("每行一人，如 镇长 赵某"))
        self.members.setTabChangesFocus(True)
        self.members.setMaximumHeight(90)
        self.findings = self.add(self.tr("验收意见："), QPlainTextEdit())
        self.findings.setTabChangesFocus(True)
        self.findings.setMaximumHeight(90)
        self.passed = self.add("", QCheckBox(self.tr("验收合格（项目改为“已验收”）")))
        self.passed.setChecked(True)
        session = self.ctx.session
        signer = QLabel(self.tr("保存时以 {0} 的签名签字；签字后如再修改，将显示“签字后已修改”。").format(session.name)
                        if session else self.tr("验收签字须以本人账户登录"))
        signer.setWordWrap(True)
        self.form.addRow(self.tr("签字："), signer)
        self.day.setFocus()

    def member_names(self) -> list[str]:
        return [m.strip() for m in self.members.toPlainText().splitlines() if m.strip()]

    def problems(self) -> list[str]:
        found = self.field_problems([(self.tr("验收日期"), self.day)])
        day = self.day.value()
        if self.view.status != rules.COMPLETED:
            found.append(self.tr("项目处于“{0}”，完工后才能验收").format(
                self.ctx.ref["project_status"].label(self.view.status, i18n.ref_language())))
        if day is None:
            found.append(self.tr("请填写验收日期"))
        if not self.member_names():
            found.append(self.tr("请填写参加验收的人员"))
        if not self.findings.toPlainText().strip():
            found.append(self.tr("请填写验收意见"))
        if day is not None and self.view.actual_end is not None and day < self.view.actual_end:
            found.append(self.tr("验收日期 {0} 早于实际完工日期 {1}").format(day.isoformat(),
                                                                     self.view.actual_end.isoformat()))
        if self.ctx.session is None:
            found.append(self.tr("验收签字须以本人账户登录"))
        return found

    def write(self) -> Callable[[], Any]:
        ctx, pid = self.ctx, self.view.id
        values = {"day": self.day.value() or self.today, "members": self.member_names(),
                  "findings": self.findings.toPlainText(), "passed": self.passed.isChecked()}
        return lambda: service.accept(ctx, pid, **values)

    def message(self, result: Any) -> str:
        return self.tr("验收已签字保存，验证码 {0}").format(result.code)


class LinkDialog(ProjectDialog):
    """关联项目: say which project (of which the household is a beneficiary) a measure is a benefit of."""

    def save_caption(self) -> str:
        return self.tr("关联(&L)")

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, household_id: str, *, measure_id: str,
                 current: str | None, parent: QWidget | None = None) -> None:
        self.household_id, self.measure_id, self.current = household_id, measure_id, current
        super().__init__(ctx, tasks, hub, parent)

    def title(self) -> str:
        return self.tr("关联项目")

    def build(self) -> None:
        lang = i18n.ref_language()
        statuses = self.ctx.ref["project_status"]
        choices = browse.beneficiary_projects(self.ctx.db, self.household_id)
        self.project = self.add(field_label("measure", "project_id") + "：", ChoiceCombo(
            [(c.id, f"{c.name}（{statuses.label(c.status, lang)}）") for c in choices],
            blank=self.tr("（不关联项目）")))
        self.project.setValue(self.current)
        hint = QLabel(self.tr("只列出本户是受益户的项目；措施的资金渠道须在项目预算中。"))
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.project.setFocus()

    def problems(self) -> list[str]:
        if not self.project.offered() and self.current is None:
            return [self.tr("本户还不是任何项目的受益户：先在“项目库”里把它加为受益户")]
        if self.project.value() == self.current:
            return [self.tr("请选择另一个项目（或“不关联项目”）")]
        return []

    def write(self) -> Callable[[], Any]:
        ctx, measure, project = self.ctx, self.measure_id, self.project.value()
        return lambda: service.link_measure(ctx, measure, project)

    def changes(self) -> Changes:
        return super().changes() | Changes.of_households([self.household_id])

    def message(self, _result: Any) -> str:
        return self.tr("措施的项目已保存")

