"""What one household received: its measures with an amount, each with its project and fund channel, and the
totals per year and channel (资金跟着贫困户走). Two SQL statements whatever the register holds.

A measure with an amount but no channel counts under channel ``None`` (未注明渠道), an undated one under year
``None``: nothing received is left out of a total. The household editor shows it; the household file prints it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.services.projects import received
from fieldapp.store.db import Database


@dataclass(frozen=True)
class Benefit:
    """One measure with an amount (fen), its channel and, when it is a project's benefit, the project."""

    measure_id: str
    date: dt.date | None
    type: str  # measure_type code
    content: str
    amount: int
    channel: str | None
    project_id: str | None
    project_name: str | None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass(frozen=True)
class YearChannelTotal:
    year: int | None
    channel: str | None
    amount: int  # fen


@dataclass(frozen=True)
class HouseholdBenefits:
    """The household's benefits by date (undated last) and the totals by year (undated last) and channel
    (in code order, no channel last)."""

    benefits: tuple[Benefit, ...]
    totals: tuple[YearChannelTotal, ...]

    @property
    def total(self) -> int:
        return sum(b.amount for b in self.benefits)

    def year_total(self, year: int | None) -> int:
        return sum(t.amount for t in self.totals if t.year == year)

    @property
    def years(self) -> tuple[int | None, ...]:
        return tuple(dict.fromkeys(t.year for t in self.totals))


def household_benefits(db: Database, household_id: str) -> HouseholdBenefits:
    """The household's benefits and their yearly totals by channel (an unknown household: nothing)."""
    benefits = tuple(Benefit(r.measure_id, r.date, r.type, r.content, r.amount, r.channel, r.project_id,
                             r.project_name) for r in received.received(db, household_id))
    sums: dict[tuple[int | None, str | None], int] = {}
    for b in benefits:
        sums[(b.year, b.channel)] = sums.get((b.year, b.channel), 0) + b.amount
    order = sorted(sums, key=lambda k: (k[0] is None, k[0] or 0, k[1] is None, k[1] or ""))
    return HouseholdBenefits(benefits, tuple(YearChannelTotal(y, c, sums[(y, c)]) for y, c in order))
