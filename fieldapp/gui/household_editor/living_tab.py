"""Tab 生产生活条件 (optional): land, housing, utilities, road access, fuel and relocation."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldapp.domain.refdata import RefData
from fieldapp.gui.fields import CodeCombo, DecimalEdit, TextEdit, YesNoCombo
from fieldapp.gui.household_editor.base import HouseholdFormTab
from fieldapp.gui.household_editor.labels import field_label


class LivingTab(HouseholdFormTab):
    def __init__(self, ref: RefData, parent: QWidget | None = None) -> None:
        super().__init__(parent, columns=2)
        f = self.form

        def label(column: str) -> str:
            return field_label("household", column)

        f.add_heading(self.tr("土地与住房"), column=0, span=1)
        f.add("farmland_mu", label("farmland_mu"), DecimalEdit(suffix=self.tr("亩")))
        f.add("forest_mu", label("forest_mu"), DecimalEdit(suffix=self.tr("亩")))
        f.add("grain_to_green_mu", label("grain_to_green_mu"), DecimalEdit(suffix=self.tr("亩")))
        f.add("house_area", label("house_area"), DecimalEdit(suffix=self.tr("平方米")))
        f.add("sanitary_toilet", label("sanitary_toilet"), YesNoCombo())
        f.add_heading(self.tr("水电路与燃料"), column=1, span=1)
        f.add("electricity", label("electricity"), YesNoCombo(), column=1)
        f.add("broadcast_tv", label("broadcast_tv"), YesNoCombo(), column=1)
        f.add("road_type", label("road_type"), CodeCombo(ref["road_type"]), column=1)
        f.add("road_distance_km", label("road_distance_km"), DecimalEdit(suffix=self.tr("公里")), column=1)
        f.add("fuel", label("fuel"), CodeCombo(ref["fuel"]), column=1)
        f.add_heading(self.tr("易地搬迁"), column=0, span=2)
        f.add("relocation_type", label("relocation_type"), CodeCombo(ref["relocation_type"]))
        f.add("relocation_site", label("relocation_site"), TextEdit(max_length=128), column=1)
        f.finish()
