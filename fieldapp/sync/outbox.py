"""What a package to a peer holds: the changes it lacks, and for a scoped peer only its villages'.

The peer's villages are applied in SQL (the change log joined to the households, visits and
check-ins it concerns), so a district server answering a laptop for a few villages reads only
their changes, not the whole district's. A change is in a peer's scope when

- it concerns a household (``household_id``) now in one of the peer's villages;
- it is a village's row (a visit, check-in, notice, project, asset, summary …: every table
  :mod:`fieldapp.sync.authority` gives to the village) of one of the peer's villages, or of the town
  they lie in (a town's project);
- it is an objection without household, to a notice of those villages or that town;
- or it concerns no village at all (areas, cadres, thresholds, photos, the parts of a visit).

A household that moved out of the peer's villages leaves it through a scope-exit marker: its
``village_id`` change is not sent, the marker is. The moves are found through a partial index of
their own (migration 0023), since every sync of a scoped peer looks for them in every origin's range.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Connection, Table, and_, exists, func, not_, or_, select, text

from fieldapp.store.models import VILLAGE_MOVES, Area, Base, ChangeLog, Household, Notice, Objection
from fieldapp.sync import authority
from fieldapp.sync.authority import Owner
from fieldapp.sync.body import ScopeExit

_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_AREA: Table = Area.__table__  # type: ignore[assignment]
_NOTICE: Table = Notice.__table__  # type: ignore[assignment]
_OBJECTION: Table = Objection.__table__  # type: ignore[assignment]
#: the tables whose rows carry their own ``village_id`` (a visit, a notice, a project …)
_VILLAGE_ROWS: dict[str, Table] = {t: Base.metadata.tables[t] for t in sorted(authority.tables(Owner.VILLAGE))}
_ORIGINS_PER_QUERY = 100


def lacking(conn: Connection, vec: Mapping[str, int], base: Mapping[str, int],
            scope: Collection[str] | None) -> tuple[list[Any], list[ScopeExit]]:
    """The change-log rows above ``base`` (in log order) and, for a scoped peer, the exit markers."""
    ranges = [(origin, base.get(origin, 0)) for origin, top in vec.items() if top > base.get(origin, 0)]
    rows: list[Any] = []
    if scope is None:
        for origin, after in ranges:
            rows += conn.execute(select(_LOG).where(_LOG.c.origin == origin, _LOG.c.origin_seq > after)).all()
        rows.sort(key=lambda r: r.seq)
        return rows, []
    villages = sorted(scope)
    places = villages + _towns_of(conn, villages)
    exits: dict[str, ScopeExit] = {}
    for start in range(0, len(ranges), _ORIGINS_PER_QUERY):
        # One query for many origins: the households are joined once, not once per origin.
        above = or_(*(and_(_LOG.c.origin == origin, _LOG.c.origin_seq > after)
                      for origin, after in ranges[start:start + _ORIGINS_PER_QUERY]))
        # Two statements, each with an index to start from: the villages' households' changes (by
        # village, then by household: a new device's first reply reads its villages' history, not the
        # whole log) and the changes of no household (household_id IS NULL, same index). For a few new
        # changes the planner starts from (origin, origin_seq) in both.
        rows += conn.execute(select(_LOG).select_from(_LOG.join(_H, _H.c.id == _LOG.c.household_id)).where(
            above, _H.c.village_id.in_(villages))).all()
        rows += conn.execute(select(_LOG).where(above, _LOG.c.household_id.is_(None), _unhoused(places))).all()
        for r in conn.execute(exits_query(above, villages)).all():
            known = exits.get(r.household_id)
            if "village_id" in json.loads(r.fields) and (known is None or int(r.hlc) > known.hlc):
                exits[r.household_id] = ScopeExit(r.household_id, r.now_in, int(r.hlc))
    rows.sort(key=lambda r: r.seq)
    return rows, sorted(exits.values(), key=lambda e: e.hlc)


def exits_query(above: Any, villages: list[str]) -> Any:
    """The household moves among the changes ``above`` whose household is now outside ``villages``
    (or gone), with the village it is now in: the candidates for exit markers. The moves are named
    by :data:`VILLAGE_MOVES` as literal SQL, the predicate of the partial index
    ``ix_change_log_village_moves``: a bound parameter in its place would hide the index from the planner."""
    return select(_LOG, _H.c.village_id.label("now_in")).select_from(
        _LOG.outerjoin(_H, _H.c.id == _LOG.c.household_id)).where(
        above, text(VILLAGE_MOVES), or_(_H.c.village_id.is_(None), not_(_H.c.village_id.in_(villages))))


def count_lacking(conn: Connection, vec: Mapping[str, int], base: Mapping[str, int],
                  scope: Collection[str] | None) -> int:
    """How many changes :func:`lacking` would return (counted in SQL, nothing read): a peer's backlog."""
    ranges = [(origin, base.get(origin, 0)) for origin, top in vec.items() if top > base.get(origin, 0)]
    villages = sorted(scope) if scope is not None else []
    where_scope = _in(villages, villages + _towns_of(conn, villages)) if scope is not None else None
    joined = _LOG.outerjoin(_H, _H.c.id == _LOG.c.household_id)
    total = 0
    for start in range(0, len(ranges), _ORIGINS_PER_QUERY):
        above = or_(*(and_(_LOG.c.origin == origin, _LOG.c.origin_seq > after)
                      for origin, after in ranges[start:start + _ORIGINS_PER_QUERY]))
        query = select(func.count()).select_from(_LOG).where(above) if where_scope is None else \
            select(func.count()).select_from(joined).where(above, where_scope)
        total += int(conn.execute(query).scalar() or 0)
    return total


def _towns_of(conn: Connection, villages: list[str]) -> list[str]:
    """The towns the villages lie in (their projects and notices reach the villages' devices)."""
    found = conn.execute(select(_AREA.c.parent_id).where(_AREA.c.id.in_(villages), _AREA.c.parent_id.is_not(None)))
    return sorted({str(t) for t in found.scalars()} - set(villages))


def _unhoused(places: list[str]) -> Any:
    """Of the changes without a household, the ones in the peer's scope: no village's at all, or a village
    row (an objection to a notice: the notice's) of ``places`` (the peer's villages and their towns)."""
    village_rows = [and_(_LOG.c.tbl == name, exists().where(table.c.id == _LOG.c.row_id,
                                                            table.c.village_id.in_(places)))
                    for name, table in _VILLAGE_ROWS.items()]
    objection = and_(_LOG.c.tbl == "objection", exists().where(
        _OBJECTION.c.id == _LOG.c.row_id, _NOTICE.c.id == _OBJECTION.c.notice_id, _NOTICE.c.village_id.in_(places)))
    return or_(_LOG.c.tbl.not_in([*_VILLAGE_ROWS, "objection"]), *village_rows, objection)


def _in(villages: list[str], places: list[str]) -> Any:
    """A change-log row (joined to its household, if any) in the villages' scope: the two statements in one."""
    return or_(
        and_(_LOG.c.household_id.is_not(None), _H.c.village_id.in_(villages)),
        and_(_LOG.c.household_id.is_(None), _unhoused(places)),
    )
