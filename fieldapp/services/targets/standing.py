"""Who counts as poor in a year: the numerator of the 贫困发生率 and what progress is measured against.

A household of the register counts as poor in year Y when, at the end of Y,

- it was in the register: identified (首次识别时间) no later than Y, and not an applicant whose
  identification workflow had not been approved by then;
- and it had not exited: the last identification, exit or return workflow finished by the end of Y
  decides (``domain.workflow.has_exited``, as ``services.workflow.store.exited`` does for today);
  without one, the typed 脱贫状态, where a household typed as exited in a later 脱贫年度 was still poor in Y.

Its people are its live members. Deleted households (销号 or removed) never count.

:func:`poor_in_year` is the one place this is decided: when the derived exit status moves into the
``household_list`` projection, the current year can read it there and this module is what changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from fieldapp.domain import workflow as rules
from fieldapp.domain.refdata import RefData
from fieldapp.services.workflow import store as wstore
from fieldapp.store.models import Household, Member

_H, _M = Household.__table__, Member.__table__


@dataclass(frozen=True)
class Standing:
    """One household at the end of a year."""

    household_id: str
    village_id: str
    people: int
    registered: bool  # in the register by then
    exited: bool  # exited by then

    @property
    def poor(self) -> bool:
        return self.registered and not self.exited


def year_end_ms(year: int) -> int:
    """The first instant of the next year (local time, as decisions are dated), in ms."""
    return int(dt.datetime(year + 1, 1, 1).timestamp() * 1000)


def _typed_at(exit_status: str | None, exit_year: int | None, year: int) -> str | None:
    """The typed 脱贫状态 as it stood at the end of ``year``: an exit typed for a later year had not happened."""
    if exit_status in rules.EXITED_CODES and exit_year is not None and exit_year > year:
        return "0"
    return exit_status


def poor_in_year(conn: Connection, ref: RefData, village_ids: Sequence[str], year: int) -> list[Standing]:
    """Every live household of ``village_ids`` with its standing at the end of ``year`` (see the module)."""
    if not village_ids:
        return []
    households = conn.execute(
        select(_H.c.id, _H.c.village_id, _H.c.identified_on, _H.c.exit_status, _H.c.exit_year)
        .where(_H.c.village_id.in_(list(village_ids)), _H.c.deleted.is_(False))).all()
    ids = [h.id for h in households]
    people: dict[str, int] = {}
    for chunk in range(0, len(ids), 500):
        people.update(conn.execute(
            select(_M.c.household_id, func.count()).where(_M.c.household_id.in_(ids[chunk:chunk + 500]),
                                                          _M.c.deleted.is_(False))
            .group_by(_M.c.household_id)).all())
    views = wstore.views_of_households(conn, ids, rules.definitions(ref))
    end = year_end_ms(year)
    out = []
    for h in households:
        mine = views.get(h.id, [])
        finished = []
        for v in mine:
            done_by_then = v.state.since < end if v.state.status == rules.COMPLETED else (
                # a state migration's exit is dated by the typed 脱贫年度, not by the migration
                v.state.status == rules.IMPORTED and not (v.kind == "exit" and (h.exit_year or 0) > year))
            if done_by_then:
                finished.append((v.kind, v.imported_value))
        applicant = not finished and h.exit_status is None and any(
            v.kind == "identification" and v.origin == rules.ORIGIN_APP for v in mine)
        registered = not applicant and (h.identified_on is None or h.identified_on.year <= year)
        exited = rules.has_exited(finished, _typed_at(h.exit_status, h.exit_year, year))
        out.append(Standing(h.id, h.village_id, int(people.get(h.id, 0)), registered, exited))
    return out
