"""Tab 帮扶措施: the household's assistance measures in a table, the selected one in a form below.

Measure types list the five pathways (五个一批) first, then the other 明白卡 types.
A measure can name the member who benefits; only members already saved can be
chosen (a member added in this session gets its id when the record is saved).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from fieldapp.domain.refdata import RefData
from fieldapp.gui.fields import ChoiceCombo, CodeCombo, MoneyEdit, NullableDateEdit, TextEdit
from fieldapp.gui.household_editor.base import FormPanel
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.gui.household_editor.list_tab import ListFormTab
from fieldapp.gui.household_editor.models import Column, measure_columns
from fieldapp.services.register import HouseholdRecord

if TYPE_CHECKING:
    from fieldapp.gui.projects.measures import MeasureProjects


class MeasuresTab(ListFormTab):
    prefix = "measure"
    table_name = "measure"

    def __init__(self, ref: RefData, parent: QWidget | None = None, *,
                 projects: MeasureProjects | None = None) -> None:
        """``projects``: the project panel of a saved household (its measures' projects and totals)."""
        self.ref = ref
        self.projects = projects
        self.project_names: dict[str, str] = {}  # project id -> name, of the projects the measures name
        columns = measure_columns(ref)
        if projects is not None:
            columns.append(Column("project_id", field_label("measure", "project_id"),
                                  lambda r: self.project_names.get(str(r.get("project_id") or ""), "")))
        super().__init__(columns, "type", parent)
        if projects is not None:
            projects.attach(self)

    def extra_widgets(self) -> tuple[list[QWidget], QWidget | None]:
        if self.projects is None:
            return [], None
        return [self.projects.link_button], self.projects

    def selection_changed(self) -> None:
        if getattr(self, "projects", None) is not None:
            self.projects.update_button()  # type: ignore[union-attr]

    def button_texts(self) -> tuple[str, str, str]:
        return self.tr("添加措施(&A)"), self.tr("编辑措施(&E)"), self.tr("删除措施(&D)")

    def build_form(self) -> FormPanel:
        ref = self.ref
        form = FormPanel(columns=2)
        types = ref["measure_type"].codes
        pathways = [c.code for c in types if c.attrs.get("pathway")]
        others = [c.code for c in types if not c.attrs.get("pathway")]

        def add(key: str, widget: Any, column: int, span: int = 1) -> Any:
            return form.add(key, field_label("measure", key), widget, column=column, span=span)

        self.type_combo = add("type", CodeCombo(ref["measure_type"], sections=[pathways, others]), 0)
        self.type_combo.setToolTip(self.tr("前五项为“五个一批”脱贫路径"))
        self.member_combo = add("member_id", ChoiceCombo(), 1)
        self.member_combo.setToolTip(self.tr("新添加的成员保存后才能选择"))
        add("content", TextEdit(max_length=500), 0, span=2)
        add("amount", MoneyEdit(), 0)
        add("fund_channel", CodeCombo(ref["fund_channel"]), 1)
        add("date", NullableDateEdit(), 0)
        add("end_date", NullableDateEdit(), 1)
        add("responsible_unit", TextEdit(max_length=128), 0, span=2)
        add("industry", CodeCombo(ref["industry"]), 0)
        add("post", CodeCombo(ref["public_welfare_post"]), 1)
        form.finish()
        return form

    def describe(self, row: dict[str, Any]) -> str:
        return row.get("content") or self.ref["measure_type"].label(row.get("type")) or self.tr("（未填内容）")

    def set_members(self, choices: list[tuple[str, str]]) -> None:
        """Offer these (id, name) members as beneficiaries."""
        loading, self.form.loading = self.form.loading, True
        try:
            self.member_combo.set_choices(choices)
        finally:
            self.form.loading = loading

    def forget_member(self, member_id: str) -> None:
        """A member was removed: measures naming them no longer name anyone."""
        for position, row in enumerate(self.rows):
            if row.get("member_id") == member_id:
                row["member_id"] = None
                if position == self.current:
                    self.form.load(row)
                self.model.refresh_row(position)

    def load(self, record: HouseholdRecord) -> None:
        self.load_rows(record.measures)
        if self.projects is not None:
            self.projects.load(record.measures)

    def collect(self, record: HouseholdRecord) -> None:
        record.measures = [dict(m) for m in self.rows]
