"""Who counts as poor in a year: the numerator of the 贫困发生率 and what progress is measured against.

A household of the register counts as poor in year Y when, at the end of Y,

- it was in the register: identified (首次识别时间) no later than Y, and not an applicant whose
  identification workflow had not been approved by then;
- and it had not exited by the end of Y: :func:`fieldapp.services.workflow.standing.exit_state`, the one
  function every capability asks (the last identification, exit or return workflow finished by then
  decides; without one, the typed 脱贫状态, where a household typed as exited in a later 脱贫年度 was
  still poor in Y).

Its people are its live members. Deleted households (销号 or removed) never count.

:func:`poor_in_year` decides "registered" and counts people; whether a household had exited is
:func:`~fieldapp.services.workflow.standing.exit_state`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from fieldapp.domain import workflow as rules
from fieldapp.domain.refdata import RefData
from fieldapp.services.workflow import store as wstore
from fieldapp.services.workflow.standing import exit_state, finished_by
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
    out = []
    for h in households:
        mine = views.get(h.id, [])
        applicant = h.exit_status is None and not any(finished_by(v, h.exit_year, year) for v in mine) and any(
            v.kind == "identification" and v.origin == rules.ORIGIN_APP for v in mine)
        registered = not applicant and (h.identified_on is None or h.identified_on.year <= year)
        exited = exit_state(mine, h.exit_status, h.exit_year, year=year).exited
        out.append(Standing(h.id, h.village_id, int(people.get(h.id, 0)), registered, exited))
    return out
