"""Tab 基本信息: where the household lives, how to reach it, how it was identified and why it is poor.

The exit status and year are shown, not edited: the workflows decide them (动态管理), so they read
“由流程确定” or, for a value the household was imported with, “导入”, with the workflow running if any.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from fieldapp.domain import register as rules
from fieldapp.domain import workflow as flow_rules
from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import ChoiceCombo, CodeCombo, NullableDateEdit, NullableSpin, TextEdit
from fieldapp.gui.household_editor.base import HouseholdFormTab
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.services import lookups, setup
from fieldapp.services.context import AppContext
from fieldapp.services.register import HouseholdRecord

log = logging.getLogger("fieldapp.gui.household_editor")


class BasicTab(HouseholdFormTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, columns=2)
        self.ctx = ctx
        ref = ctx.ref
        f = self.form

        def label(column: str) -> str:
            return field_label("household", column)

        f.add_heading(self.tr("住址与联系方式"), column=0, span=1)
        self.village = f.add("village_id", label("village_id"), ChoiceCombo(setup.villages(ctx), blank=None))
        self.group = f.add("group_no", label("group_no"), NullableSpin(1, 99, none_text=self.tr("未填")))
        self.hh_no = f.add("hh_no", label("hh_no"), TextEdit(max_length=32))
        self.address = f.add("address", label("address"), TextEdit(max_length=200))
        self.phone = f.add("phone", label("phone"), TextEdit(max_length=32, placeholder=self.tr("手机或座机")))
        f.add("bank_name", label("bank_name"), TextEdit(max_length=64))
        f.add("bank_account", label("bank_account"), TextEdit(max_length=40))
        f.add("note", label("note"), TextEdit())

        f.add_heading(self.tr("识别与致贫原因"), column=1, span=1)
        f.add("standard", label("standard"), CodeCombo(ref["identification_standard"]), column=1)
        f.add("identified_on", label("identified_on"), NullableDateEdit(), column=1)
        self.attribute = f.add("attribute", label("attribute"), CodeCombo(ref["household_attribute"]), column=1)
        # derived from the workflows, never typed: shown with where it came from
        self.exit_status = f.add_display(label("exit_status"), self._display_label(), column=1)
        self.exit_year = f.add_display(label("exit_year"), self._display_label(), column=1)
        self.plate_kind = f.add("plate_kind", label("plate_kind"), CodeCombo(ref["household_kind"]), column=1)
        self.main_cause = f.add("main_cause", label("main_cause") + " *", CodeCombo(ref["poverty_cause"]), column=1)
        f.add("cause2", label("cause2"), CodeCombo(ref["poverty_cause"]), column=1)
        f.add("cause3", label("cause3"), CodeCombo(ref["poverty_cause"]), column=1)
        f.finish()
        self.plate_kind.setToolTip(self.tr("留空时按贫困户属性自动判定（兜底户 / 脱贫户）"))
        self.attribute.changed.connect(self._show_derived_plate)
        self._show_derived_plate()

    def _show_derived_plate(self) -> None:
        derived = rules.plate_kind(self.attribute.value(), None, self.ctx.ref)
        text = self.ctx.ref["household_kind"].label(derived, current_language())
        self.plate_kind.set_blank_text(self.tr("自动：{0}").format(text))

    def _display_label(self) -> QLabel:
        shown = QLabel(self)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setWordWrap(True)
        return shown

    def load(self, record: HouseholdRecord) -> None:
        village_id = record.household.get("village_id")
        if village_id and self.village.index_of(village_id) < 0:
            self._offer_village(village_id)
        super().load(record)
        self._show_derived_plate()
        self.show_standing(record.id)

    def show_standing(self, household_id: str | None) -> None:
        """The exit status and year as the workflows decided them, and where they came from."""
        stands = lookups.household_standing(self.ctx.db, household_id) if household_id else None
        lang = current_language()
        if stands is None or not (stands.exit_status or stands.kind):
            self.exit_status.setText(self.tr("—（由流程确定：保存后在“动态管理”中发起纳入、退出或返贫）"))
        else:
            status = self.ctx.ref["exit_status"].label(stands.exit_status, lang) if stands.exit_status \
                else self.tr("（未定）")
            source = {flow_rules.SOURCE_WORKFLOW: self.tr("由流程确定"), flow_rules.SOURCE_IMPORTED: self.tr("导入")}
            text = self.tr("{0}（{1}）").format(status, source.get(stands.source, self.tr("由流程确定")))
            if stands.kind:
                text += "\n" + self.tr("进行中：{0}").format(flow_rules.where_text(
                    flow_rules.definitions(self.ctx.ref), stands.kind, stands.step, conflict=stands.conflict,
                    lang=lang))
            self.exit_status.setText(text)
        year = stands.exit_year if stands is not None else None
        self.exit_year.setText(self.tr("{0}年").format(year) if year else "—")
        tip = self.tr("脱贫状态和脱贫年度由动态管理流程确定，不能直接修改：脱贫请发起“退出”流程，返贫请发起“返贫”流程")
        self.exit_status.setToolTip(tip)
        self.exit_year.setToolTip(tip)

    def _offer_village(self, village_id: str) -> None:
        """A household of a village this laptop does not serve still shows its village by name."""
        name = lookups.area_name(self.ctx.db, village_id)
        choices = [*setup.villages(self.ctx), (village_id, str(name or village_id[:8]))]
        self.village.set_choices(choices)
