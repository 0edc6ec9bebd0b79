"""What a household received: each measure with an amount, its project and fund channel, and per year the
totals by channel (a household's measures tab shows both).

A measure is a benefit when it carries an amount; one that is a project's benefit names its project
(``measure.project_id``). A benefit without a channel is totalled under channel ``None`` (未注明渠道), one
without a date under year ``None``: nothing received is left out of a total. Two fixed statements, the
totals summed by the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from fieldapp.store.db import Database
from fieldapp.store.models import Measure, Project

_M, _P = Measure.__table__, Project.__table__


@dataclass(frozen=True)
class Benefit:
    """One measure with an amount (fen), with its project's name when it is a project's benefit."""

    measure_id: str
    date: dt.date | None
    type: str
    content: str
    amount: int
    channel: str | None
    project_id: str | None
    project_name: str | None


@dataclass(frozen=True)
class YearChannelTotal:
    """What the household received in ``year`` (None: undated) through ``channel`` (None: not recorded)."""

    year: int | None
    channel: str | None
    amount: int


@dataclass(frozen=True)
class HouseholdBenefits:
    benefits: tuple[Benefit, ...]
    totals: tuple[YearChannelTotal, ...]


_BENEFITS = (
    select(_M.c.id, _M.c.date, _M.c.type, _M.c.content, _M.c.amount, _M.c.fund_channel, _M.c.project_id,
           _P.c.name.label("project_name"))
    .select_from(_M.outerjoin(_P, (_P.c.id == _M.c.project_id) & _P.c.deleted.is_(False)))
    .where(_M.c.deleted.is_(False), _M.c.amount.is_not(None))
    .order_by(_M.c.date.is_(None), _M.c.date, _M.c.id))


def _totals_statement(dialect: str):  # type: ignore[no-untyped-def]
    year = func.extract("year", _M.c.date) if dialect == "postgresql" else func.strftime("%Y", _M.c.date)
    return (select(year.label("year"), _M.c.fund_channel, func.sum(_M.c.amount).label("amount"))
            .where(_M.c.deleted.is_(False), _M.c.amount.is_not(None))
            .group_by(year, _M.c.fund_channel))


def household_benefits(db: Database, household_id: str) -> HouseholdBenefits:
    """The household's benefits by date (undated last) and its totals by year (undated last) and channel."""
    with db.read() as conn:
        rows = conn.execute(_BENEFITS.where(_M.c.household_id == household_id)).all()
        sums = conn.execute(_totals_statement(conn.dialect.name).where(_M.c.household_id == household_id)).all()
    benefits = tuple(Benefit(r.id, r.date, r.type, r.content or "", int(r.amount), r.fund_channel, r.project_id,
                             r.project_name) for r in rows)
    totals = sorted((YearChannelTotal(None if r.year is None else int(r.year), r.fund_channel, int(r.amount))
                     for r in sums), key=lambda t: (t.year is None, t.year or 0, t.channel is None, t.channel or ""))
    return HouseholdBenefits(benefits, tuple(totals))
