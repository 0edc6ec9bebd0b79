"""Tab 基本信息: where the household lives, how to reach it, how it was identified and why it is poor."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from fieldapp.domain import register as rules
from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import ChoiceCombo, CodeCombo, NullableDateEdit, NullableSpin, TextEdit, YearSpin
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
        f.add("exit_status", label("exit_status"), CodeCombo(ref["exit_status"]), column=1)
        f.add("exit_year", label("exit_year"), YearSpin(none_text=self.tr("未填")), column=1)
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

    def load(self, record: HouseholdRecord) -> None:
        village_id = record.household.get("village_id")
        if village_id and self.village.index_of(village_id) < 0:
            self._offer_village(village_id)
        super().load(record)
        self._show_derived_plate()

    def _offer_village(self, village_id: str) -> None:
        """A household of a village this laptop does not serve still shows its village by name."""
        name = lookups.area_name(self.ctx.db, village_id)
        choices = [*setup.villages(self.ctx), (village_id, str(name or village_id[:8]))]
        self.village.set_choices(choices)
