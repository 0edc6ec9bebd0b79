"""The roll-up of the villages' summaries per town and district, with each village's standing.

It reads only the stored ``summary`` rows (synced up from the villages), never the register: a township
laptop or the district server may not hold every household, visit or check-in, but it holds every
village's summary. Signed summaries are summed; each village is flagged missing (no summary for the
period), unsigned, or late (signed after the due day of :class:`fieldapp.domain.report.DueRule`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain import report as rules
from fieldapp.services.report import service
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Summary

_S, _A = Summary.__table__, Area.__table__


@dataclass(frozen=True)
class VillageLine:
    village_id: str
    name: str
    town_id: str | None
    town_name: str
    standing: rules.Standing
    summary: service.SummaryView | None


@dataclass(frozen=True)
class AreaTotal:
    """A town's or the district's totals and how many of its villages are missing, unsigned or late."""

    area_id: str
    name: str
    level: str
    totals: rules.Totals
    missing: int
    unsigned: int
    late: int


@dataclass(frozen=True)
class Rollup:
    period: rules.Period
    due: dt.date
    today: dt.date
    villages: tuple[VillageLine, ...]
    towns: tuple[AreaTotal, ...]
    districts: tuple[AreaTotal, ...]

    @property
    def flagged(self) -> tuple[VillageLine, ...]:
        return tuple(v for v in self.villages if v.standing.flagged)


def rollup(db: Database, period: rules.Period, *, rule: rules.DueRule | None = None,
           today: dt.date | None = None, village_ids: Collection[str] | None = None) -> Rollup:
    """Every village's standing for ``period`` (of ``village_ids``, or every village the database holds)
    and the totals per town and district."""
    rule = rule or rules.DueRule()
    today = today or dt.date.today()
    with db.read() as conn:
        areas = {r.id: r for r in conn.execute(select(_A.c.id, _A.c.parent_id, _A.c.level, _A.c.name, _A.c.code)
                                               .where(_A.c.deleted.is_(False)))}
        rows = conn.execute(select(_S, _A.c.name.label("village_name")).join(_A, _A.c.id == _S.c.village_id,
                                                                            isouter=True)
                            .where(_S.c.kind == period.kind, _S.c.period == period.text, _S.c.deleted.is_(False))).all()
    stored = {r.village_id: service.view_of(r) for r in rows}
    wanted = [a for a in areas.values() if a.level == "village" and (village_ids is None or a.id in village_ids)]
    lines = []
    for v in sorted(wanted, key=lambda a: (_town_key(areas, a.parent_id), a.code or "", a.name)):
        found = stored.get(v.id)
        standing = rules.standing(period, rule, exists=found is not None,
                                  signed_on=found.signed_on if found else None, today=today)
        town = areas.get(v.parent_id) if v.parent_id else None
        lines.append(VillageLine(v.id, v.name, town.id if town else None, town.name if town else "（未知乡镇）",
                                 standing, found))
    towns = _totals(lines, areas, "town", lambda line: line.town_id)
    districts = _totals(lines, areas, "district",
                        lambda line: areas[line.town_id].parent_id if line.town_id in areas else None)
    return Rollup(period, rule.due(period), today, tuple(lines), towns, districts)


def _town_key(areas: dict[str, object], town_id: str | None) -> str:
    town = areas.get(town_id) if town_id else None
    return f"{getattr(town, 'code', '') or ''}{getattr(town, 'name', '')}"


def _totals(lines: list[VillageLine], areas: dict[str, object], level: str, key: object) -> tuple[AreaTotal, ...]:
    groups: dict[str | None, list[VillageLine]] = {}
    for line in lines:
        groups.setdefault(key(line), []).append(line)  # type: ignore[operator]
    found = []
    for area_id, members in groups.items():
        area = areas.get(area_id) if area_id else None
        signed = [m.summary.figures for m in members if m.summary is not None and m.summary.signed]
        states = [m.standing.state for m in members]
        found.append(AreaTotal(area_id or "", getattr(area, "name", "（未知）"), level,
                               rules.add_up(len(members), signed), states.count(rules.MISSING),
                               states.count(rules.UNSIGNED), states.count(rules.LATE)))
    return tuple(sorted(found, key=lambda t: t.name))
