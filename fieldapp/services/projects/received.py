"""What a household received, from which project and fund channel, and the totals per year and channel.

The source is the household's measures (帮扶措施) with an amount: a measure that is a project's benefit names
its project (``measure.project_id``), its channel is the measure's ``fund_channel``. A measure with an amount
but no channel counts under channel ``None`` (未注明渠道), one without a date under year ``None``: nothing
received is left out of a total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.store.db import Database
from fieldapp.store.models import Measure, Project

_M, _P = Measure.__table__, Project.__table__


@dataclass(frozen=True)
class Received:
    """One measure with an amount: the household's line in its measures tab."""

    measure_id: str
    date: dt.date | None
    type: str
    content: str
    amount: int  # fen
    channel: str | None
    project_id: str | None
    project_name: str | None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass(frozen=True)
class YearTotals:
    """A household's year: the total by channel (``None``: no channel recorded) and altogether."""

    year: int | None
    by_channel: dict[str | None, int]

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


def received(db: Database, household_id: str) -> list[Received]:
    """The household's measures with an amount, by date (undated last), with their project's name."""
    with db.read() as conn:
        rows = conn.execute(
            select(_M.c.id, _M.c.date, _M.c.type, _M.c.content, _M.c.amount, _M.c.fund_channel, _M.c.project_id,
                   _P.c.name.label("project_name"))
            .select_from(_M.outerjoin(_P, (_P.c.id == _M.c.project_id) & _P.c.deleted.is_(False)))
            .where(_M.c.household_id == household_id, _M.c.deleted.is_(False), _M.c.amount.is_not(None))).all()
    found = [Received(r.id, r.date, r.type, r.content, int(r.amount), r.fund_channel, r.project_id, r.project_name)
             for r in rows]
    return sorted(found, key=lambda r: (r.date is None, r.date or dt.date.min, r.measure_id))


def totals_by_year(db: Database, household_id: str) -> list[YearTotals]:
    """Per year (undated last) the amounts received by channel."""
    years: dict[int | None, dict[str | None, int]] = {}
    for r in received(db, household_id):
        per = years.setdefault(r.year, {})
        per[r.channel] = per.get(r.channel, 0) + r.amount
    return [YearTotals(y, years[y]) for y in sorted(years, key=lambda y: (y is None, y or 0))]
