"""What a package to a peer holds: the changes it lacks, and for a scoped peer only its villages'.

The peer's villages are applied in SQL (the change log joined to the households, visits and
check-ins it concerns), so a district server answering a laptop for a few villages reads only
their changes, not the whole district's. A change is in a peer's scope when

- it concerns a household (``household_id``) now in one of the peer's villages;
- it is a visit or check-in without a household, held by one of the peer's villages;
- or it concerns no village at all (areas, cadres, thresholds, photos, the parts of a visit).

A household that moved out of the peer's villages leaves it through a scope-exit marker: its
``village_id`` change is not sent, the marker is.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Connection, Table, and_, exists, not_, or_, select

from fieldapp.store.models import ChangeLog, CheckIn, Household, Visit
from fieldapp.sync.body import ScopeExit

_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_V: Table = Visit.__table__  # type: ignore[assignment]
_K: Table = CheckIn.__table__  # type: ignore[assignment]
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
    exits: dict[str, ScopeExit] = {}
    joined = _LOG.outerjoin(_H, _H.c.id == _LOG.c.household_id)
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
        rows += conn.execute(select(_LOG).where(above, _LOG.c.household_id.is_(None), _unhoused(villages))).all()
        for r in conn.execute(select(_LOG, _H.c.village_id.label("now_in")).select_from(joined).where(
                above, _LOG.c.tbl == "household", _LOG.c.op != "insert", _LOG.c.fields.contains('"village_id"'),
                or_(_H.c.village_id.is_(None), not_(_H.c.village_id.in_(villages))))).all():
            known = exits.get(r.household_id)
            if "village_id" in json.loads(r.fields) and (known is None or int(r.hlc) > known.hlc):
                exits[r.household_id] = ScopeExit(r.household_id, r.now_in, int(r.hlc))
    rows.sort(key=lambda r: r.seq)
    return rows, sorted(exits.values(), key=lambda e: e.hlc)


def _unhoused(villages: list[str]) -> Any:
    """Of the changes without a household: the ones in the peer's scope."""
    return or_(
        _LOG.c.tbl.not_in(["visit", "checkin"]),
        and_(_LOG.c.tbl == "visit", exists().where(_V.c.id == _LOG.c.row_id, _V.c.village_id.in_(villages))),
        and_(_LOG.c.tbl == "checkin", exists().where(_K.c.id == _LOG.c.row_id, _K.c.village_id.in_(villages))),
    )


def _in(villages: list[str]) -> Any:
    """A change-log row (joined to its household, if any) in the villages' scope: the two statements in one."""
    return or_(
        and_(_LOG.c.household_id.is_not(None), _H.c.village_id.in_(villages)),
        and_(_LOG.c.household_id.is_(None), _unhoused(villages)),
    )
