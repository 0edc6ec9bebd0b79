"""The spot-check summary: per village and per cadre, items checked, error rate, rectified on time.

Counts every checked item and every live rectification held here (optionally of some draws), grouped
by the household's village and by the responsible cadre; the arithmetic is
:func:`fieldapp.domain.spotcheck.summarise`. The district holds every laptop's findings, so its
summary covers the whole district; a reviewer's laptop covers its own villages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Table, select

from fieldapp.domain import spotcheck as sc
from fieldapp.services.spotcheck.rectify import rectifications
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Cadre, Household, HouseholdListRow, SpotcheckItem

_I: Table = SpotcheckItem.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_A: Table = Area.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]

NO_CADRE = ""


@dataclass(frozen=True)
class Line:
    key: str
    name: str
    tally: sc.Tally


@dataclass(frozen=True)
class Summary:
    today: dt.date
    draw_ids: tuple[str, ...]  # empty: every draw
    by_village: tuple[Line, ...]
    by_cadre: tuple[Line, ...]
    total: sc.Tally


def summary(db: Database, draw_ids: Sequence[str] = (), *, today: dt.date | None = None) -> Summary:
    today = today or dt.date.today()
    stmt = (select(_I.c.result, _I.c.cadre_id, _H.c.village_id)
            .select_from(_I.join(_H, _H.c.id == _I.c.household_id))
            .where(_I.c.deleted.is_(False), _I.c.result.is_not(None)))
    if draw_ids:
        stmt = stmt.where(_I.c.draw_id.in_(list(draw_ids)))
    with db.read() as conn:
        items = conn.execute(stmt).all()
        villages = {str(r.id): str(r.name) for r in conn.execute(select(_A.c.id, _A.c.name))}
        cadres = {str(r.id): str(r.name) for r in conn.execute(select(_C.c.id, _C.c.name))}
        village_of = {str(r.id): str(r.village_id) for r in conn.execute(select(_H.c.id, _H.c.village_id))}
    rects = [r for r in rectifications(db, today=today) if not draw_ids or r.draw_id in draw_ids]
    by_village = sc.summarise(((str(r.village_id), r.result) for r in items),
                              ((village_of.get(r.household_id, ""), r.facts) for r in rects), today)
    by_cadre = sc.summarise(((r.cadre_id or NO_CADRE, r.result) for r in items),
                            ((r.cadre_id or NO_CADRE, r.facts) for r in rects), today)
    total = sc.summarise(((("", r.result)) for r in items), (("", r.facts) for r in rects), today).get(
        "", sc.Tally(""))

    def lines(tallies: dict[str, sc.Tally], names: dict[str, str], unknown: str) -> tuple[Line, ...]:
        made = [Line(k, names.get(k) or (unknown if not k else k[:8]), t) for k, t in tallies.items()]
        return tuple(sorted(made, key=lambda line: (line.name, line.key)))

    return Summary(today, tuple(draw_ids), lines(by_village, villages, "未知村"),
                   lines(by_cadre, cadres, "（未定责任人）"), total)
