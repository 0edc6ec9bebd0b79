"""Tab 家庭成员: the members in a table, the selected one edited in the form below it.

A valid resident ID fills in an empty birth date and gender; replacing values already
there is shown to the cadre first and done only if they agree. The first member added to a
household without a head is made the head (户主).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.domain import register as rules
from fieldapp.domain import resident_id
from fieldapp.domain.refdata import RefData
from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import CodeCombo, NullableDateEdit, NullableSpin, TextEdit, YesNoCombo
from fieldapp.gui.household_editor.base import FormPanel, ask
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.gui.household_editor.list_tab import ListFormTab
from fieldapp.gui.household_editor.models import member_columns
from fieldapp.services.register import HouseholdRecord

FLAGS = ("medical_insurance", "critical_illness_insurance", "pension_insurance", "dibao", "tekun", "military")


class MembersTab(ListFormTab):
    prefix = "member"
    table_name = "member"

    def __init__(self, ref: RefData, parent: QWidget | None = None) -> None:
        self.ref = ref
        super().__init__(member_columns(ref), "name", parent)

    def button_texts(self) -> tuple[str, str, str]:
        return self.tr("添加成员(&A)"), self.tr("编辑成员(&E)"), self.tr("删除成员(&D)")

    def build_form(self) -> FormPanel:
        ref = self.ref
        form = FormPanel(columns=3)

        def add(key: str, widget: Any, column: int) -> Any:
            return form.add(key, field_label("member", key), widget, column=column)

        self.name_edit = add("name", TextEdit(max_length=32), 0)
        self.id_edit = add("id_no", TextEdit(placeholder=self.tr("18位居民身份证号码")), 0)
        add("gender", CodeCombo(ref["gender"]), 0)
        add("birth_date", NullableDateEdit(), 0)
        add("relation", CodeCombo(ref["relation"]), 0)
        add("ethnicity", TextEdit(max_length=16, placeholder=self.tr("如 汉族")), 0)
        add("education", CodeCombo(ref["education"]), 0)
        add("schooling", CodeCombo(ref["schooling"]), 1)
        add("health", CodeCombo(ref["health"]), 1)
        add("disability_grade", CodeCombo(ref["disability_grade"]), 1)
        add("disability_cert", TextEdit(max_length=20), 1)
        add("labour_skill", CodeCombo(ref["labour_skill"]), 1)
        add("work_status", CodeCombo(ref["work_status"]), 1)
        add("work_months", NullableSpin(0, 12, none_text=self.tr("未填")), 1)
        add("employer", TextEdit(max_length=128), 2)
        for flag in FLAGS:
            add(flag, YesNoCombo(), 2)
        form.finish()
        return form

    @property
    def members(self) -> list[dict[str, Any]]:
        return self.rows

    def new_row(self) -> dict[str, Any]:
        row = super().new_row()
        if not any(m.get("relation") == rules.HEAD for m in self.rows):
            row["relation"] = rules.HEAD
        return row

    def describe(self, row: dict[str, Any]) -> str:
        return row.get("name") or self.tr("（未填姓名）")

    def after_edit(self, key: str, row: dict[str, Any]) -> None:
        """A valid ID fills an empty 出生日期 / 性别; a different value typed there is replaced only if the
        cadre agrees (else it stays, and the rules show the mismatch next to it)."""
        if key != "id_no":
            return
        try:
            number = resident_id.validate(row.get("id_no") or "")
        except resident_id.ResidentIdError:
            return
        derived = {"birth_date": resident_id.birth_date(number), "gender": resident_id.gender_code(number)}
        differing = {k: v for k, v in derived.items() if row.get(k) not in (None, v)}
        updates = {k: v for k, v in derived.items() if row.get(k) is None}
        if differing and self._confirm_replace(row, differing):
            updates.update(differing)
        if not updates:
            return
        row.update(updates)
        self.form.loading = True
        try:
            for field, value in updates.items():
                self.form.slots[field].widget.setValue(value)
        finally:
            self.form.loading = False

    def _confirm_replace(self, row: dict[str, Any], differing: dict[str, Any]) -> bool:
        lines = [self.tr("{0}：{1} → {2}").format(field_label("member", k, self.ref), self._shown(k, row.get(k)),
                                                   self._shown(k, v)) for k, v in differing.items()]
        text = self.tr("{0}的证件号码与已填写的内容不一致：\n\n{1}\n\n按证件号码更正吗？").format(
            row.get("name") or self.tr("该成员"), "\n".join(lines))
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        answer = ask(self, self.tr("按证件号码更正"), text,
                     [(yes, self.tr("按证件号码更正")), (no, self.tr("保留已填写的内容"))], default=yes, escape=no)
        return answer == yes

    def _shown(self, field: str, value: Any) -> str:
        if value is None:
            return self.tr("（空）")
        if field == "gender":
            return self.ref["gender"].label(str(value), current_language())
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    def load(self, record: HouseholdRecord) -> None:
        self.load_rows(record.members)

    def collect(self, record: HouseholdRecord) -> None:
        record.members = [dict(m) for m in self.rows]

    def head_name(self) -> str | None:
        head = next((m for m in self.rows if m.get("relation") == rules.HEAD), None)
        return (head.get("name") or None) if head else None

    def choices(self) -> list[tuple[str, str]]:
        """(id, name) of the members already saved (only those can be referred to by a measure)."""
        return [(str(m["id"]), m.get("name") or "") for m in self.rows if m.get("id")]
