"""What the 目标 page shows for a village and a year, read in one go on the database thread: the
village's exit view and the year's targets as display lines (area path, kind label, value, unit)."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain import targets as rules
from fieldapp.services import setup
from fieldapp.services.context import AppContext
from fieldapp.services.targets import records
from fieldapp.services.targets.areas import AreaInfo, area_tree
from fieldapp.services.targets.incidence import VillageExitView, village_exit


@dataclass(frozen=True)
class TargetLine:
    id: str
    area_id: str
    area: str  # the name path
    level: str
    kind: str
    kind_label: str
    value: int
    unit: str


@dataclass(frozen=True)
class Overview:
    year: int
    village: VillageExitView | None
    targets: tuple[TargetLine, ...]
    areas: tuple[AreaInfo, ...]  # every area, tree order (the district's target form)


def villages_of(ctx: AppContext) -> list[tuple[str, str]]:
    """The villages the page offers: the laptop's own, or every village held here when it has none set."""
    own = setup.villages(ctx)
    if own:
        return own
    return [(a.id, a.name) for a in area_tree(ctx.db).ordered() if a.level == "village"]


def target_lines(ctx: AppContext, year: int, lang: str = "zh-Hans") -> list[TargetLine]:
    tree = area_tree(ctx.db)
    kinds = ctx.ref["target_kind"]
    order = {a.id: i for i, a in enumerate(tree.ordered())}
    industries = ctx.ref["industry"]
    kind_order = {code: i for i, (code, _label) in enumerate(rules.kind_choices(kinds, industries))}
    found = sorted(records.targets_of(ctx.db, year=year),
                   key=lambda t: (order.get(t.area_id, len(order)), kind_order.get(t.kind, len(kind_order)), t.kind))
    lines = []
    for t in found:
        area = tree.get(t.area_id)
        lines.append(TargetLine(t.id, t.area_id, tree.path(t.area_id), area.level if area else "", t.kind,
                                rules.kind_label(t.kind, kinds, lang, industries), t.value,
                                rules.kind_unit(t.kind, kinds, lang)))
    return lines


def overview(ctx: AppContext, village_id: str | None, year: int, lang: str = "zh-Hans") -> Overview:
    view = village_exit(ctx.db, ctx.ref, village_id, year, district_code=str(ctx.settings["district_code"] or "")) \
        if village_id else None
    return Overview(year, view, tuple(target_lines(ctx, year, lang)), tuple(area_tree(ctx.db).ordered()))
