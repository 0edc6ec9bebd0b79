"""The area tree (district → towns → villages) as the targets and incidence need it: levels, names,
the villages under an area, an area named by its code or by its name path ("北宽坪镇/东村")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import select

from fieldapp.store.db import Database
from fieldapp.store.models import Area

_A = Area.__table__
LEVELS = ("district", "town", "village")
LEVEL_WORDS = {"district": "区县", "town": "乡镇", "village": "村"}


@dataclass(frozen=True)
class AreaInfo:
    id: str
    level: str
    name: str
    parent_id: str | None
    code: str | None


@dataclass(frozen=True)
class AreaTree:
    """Every live area of the register (a small table: read whole)."""

    areas: dict[str, AreaInfo] = field(default_factory=dict)

    @cached_property
    def children(self) -> dict[str | None, list[AreaInfo]]:
        found: dict[str | None, list[AreaInfo]] = {}
        for a in sorted(self.areas.values(), key=lambda a: (a.code or "", a.name)):
            found.setdefault(a.parent_id, []).append(a)
        return found

    def get(self, area_id: str) -> AreaInfo | None:
        return self.areas.get(area_id)

    def name(self, area_id: str) -> str:
        found = self.areas.get(area_id)
        return found.name if found else area_id

    def path(self, area_id: str) -> str:
        """District/town/village names joined by '/', as a spreadsheet writes an area."""
        names: list[str] = []
        current = self.areas.get(area_id)
        while current is not None and len(names) < 8:
            names.append(current.name)
            current = self.areas.get(current.parent_id) if current.parent_id else None
        return "/".join(reversed(names))

    def villages_under(self, area_id: str) -> list[str]:
        """The villages of an area (a village: itself), in tree order."""
        found = self.areas.get(area_id)
        if found is None:
            return []
        if found.level == "village":
            return [area_id]
        out: list[str] = []
        for child in self.children.get(area_id, []):
            out.extend(self.villages_under(child.id))
        return out

    def ordered(self) -> list[AreaInfo]:
        """Depth first: the district, its first town, that town's villages, the next town…"""
        out: list[AreaInfo] = []

        def walk(parent: str | None, depth: int) -> None:
            if depth > 8:
                return
            for a in self.children.get(parent, []):
                out.append(a)
                walk(a.id, depth + 1)

        walk(None, 0)
        seen = {a.id for a in out}  # areas whose parent is not held here (a laptop's copy of part of a tree)
        out.extend(a for a in self.areas.values() if a.id not in seen)
        return out

    def county_code(self, area_id: str) -> str:
        """The 6-digit county code of the area: the first code up its chain (a 12-digit code's first six)."""
        current = self.areas.get(area_id)
        depth = 0
        while current is not None and depth < 8:
            if current.code and current.code[:6].isdigit() and len(current.code) >= 6:
                return current.code[:6]
            current = self.areas.get(current.parent_id) if current.parent_id else None
            depth += 1
        return ""

    def find(self, text: str) -> tuple[str | None, str | None]:
        """The area a spreadsheet cell names: an id, a code, a name, or a name path ("镇/村", "区/镇/村").

        Returns (area id, None) or (None, why not) — unknown, or a bare name two areas share."""
        text = str(text).strip().replace("／", "/").replace("\\", "/")
        if not text:
            return None, "区域为空"
        if text in self.areas:
            return text, None
        by_code = [a.id for a in self.areas.values() if a.code and a.code == text]
        if len(by_code) == 1:
            return by_code[0], None
        parts = [p.strip() for p in text.split("/") if p.strip()]
        hits = [a.id for a in self.areas.values() if self._ends_with(a.id, parts)]
        if len(hits) == 1:
            return hits[0], None
        if not hits:
            return None, f"没有区域“{text}”（写区划代码，或名称，如“乡镇/村”）"
        return None, f"有 {len(hits)} 个区域名为“{text}”，请写明上级，如“乡镇/村”"

    def _ends_with(self, area_id: str, parts: list[str]) -> bool:
        current = self.areas.get(area_id)
        for name in reversed(parts):
            if current is None or current.name != name:
                return False
            current = self.areas.get(current.parent_id) if current.parent_id else None
        return True


def area_tree(db: Database) -> AreaTree:
    with db.read() as conn:
        rows = conn.execute(select(_A.c.id, _A.c.level, _A.c.name, _A.c.parent_id, _A.c.code)
                            .where(_A.c.deleted.is_(False))).all()
    return AreaTree({r.id: AreaInfo(r.id, r.level, r.name, r.parent_id, r.code) for r in rows})
