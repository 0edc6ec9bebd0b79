"""What a door-plate card (信息公示牌) shows: the fields a district can choose, and one card's data.

Plain data, apart from the register's reads (:mod:`.card_data`), so that the process that draws a batch of
cards (:mod:`.card_sheet`) receives the cards without importing SQLAlchemy or the models.
"""

from __future__ import annotations

from dataclasses import dataclass

# The fields a card can show, in their order on the card (setting ``plate_fields``).
PLATE_FIELDS: dict[str, str] = {
    "village_group": "所在村组",
    "head": "户主",
    "size_attribute": "家庭人口",
    "causes": "致贫原因",
    "measures": "帮扶措施",
    "cadre": "包扶责任人",
    "exit": "脱贫情况",
    "qr": "二维码",
}


@dataclass(frozen=True)
class CardData:
    household_id: str
    kind: str  # safety_net | development
    kind_label: str
    village: str
    group_no: int | None
    head: str
    size: int
    attribute: str
    causes: str
    measures: tuple[str, ...] = ()
    cadre: str = ""
    cadre_unit: str = ""
    cadre_phone: str = ""
    exit_text: str = ""
    code: str = ""
    hh_no: str = ""

    @property
    def village_group(self) -> str:
        return f"{self.village} 第{self.group_no}组" if self.group_no else self.village
