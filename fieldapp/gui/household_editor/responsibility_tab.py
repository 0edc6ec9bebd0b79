"""Tab 包扶责任: the responsible cadre (with unit and phone shown), the exit deadline and the fund channel.

These are 八个搞清楚 items 6–8: 脱贫时限, 包扶责任人, 脱贫资金渠道.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from fieldapp.gui.fields import ChoiceCombo, CodeCombo, YearSpin
from fieldapp.gui.household_editor.base import HouseholdFormTab
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.services import lookups
from fieldapp.services.context import AppContext
from fieldapp.services.register import HouseholdRecord


def cadre_details(ctx: AppContext) -> dict[str, tuple[str, str]]:
    """Cadre id → (unit, phone), including cadres since removed (an old record may name one)."""
    return {c.id: (c.unit or "", c.phone or "") for c in lookups.cadres(ctx.db, removed=True)}


class ResponsibilityTab(HouseholdFormTab):
    def __init__(self, ctx: AppContext, cadres: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent, columns=1)
        self.details = cadre_details(ctx)
        f = self.form
        f.add_heading(self.tr("包扶责任人"))
        self.cadre = f.add("cadre_id", field_label("household", "cadre_id"), ChoiceCombo(cadres))
        self.unit = self._value_label()
        self.phone = self._value_label()
        f.add_display(self.tr("派出单位"), self.unit)
        f.add_display(self.tr("联系电话"), self.phone)
        f.add_heading(self.tr("脱贫计划"))
        f.add("exit_deadline", field_label("household", "exit_deadline"), YearSpin(none_text=self.tr("未填")))
        f.add("fund_channel", field_label("household", "fund_channel"), CodeCombo(ctx.ref["fund_channel"]))
        f.grid.setColumnStretch(1, 0)
        f.grid.setColumnStretch(2, 1)
        for slot in f.slots.values():
            slot.widget.setMinimumWidth(260)
        f.finish()
        self.cadre.changed.connect(self._show_details)
        self._show_details()

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _show_details(self) -> None:
        unit, phone = self.details.get(self.cadre.value() or "", ("", ""))
        self.unit.setText(unit or "—")
        self.phone.setText(phone or "—")

    def load(self, record: HouseholdRecord) -> None:
        super().load(record)
        self._show_details()
