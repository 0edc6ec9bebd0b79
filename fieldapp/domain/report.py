"""汇总上报: the periods of the weekly and monthly summaries, their figures as typed records, the due day
and how a village's summary stands (missing, unsigned, on time, late), and the sums of a roll-up.

Pure rules: no SQL. The figures are computed from a register by ``services.report.figures`` and stored
as canonical JSON in the ``summary`` row (:func:`figures_json`); a township laptop or the district server
reads them back (:func:`figures_from_json`) and adds them up per town and district (:func:`add_up`),
never recomputing them from a register it may not hold in full.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

WEEKLY, MONTHLY = "weekly", "monthly"
KINDS = (WEEKLY, MONTHLY)
KIND_WORDS = {WEEKLY: "周汇总", MONTHLY: "月更新"}
FIGURES_VERSION = 1

# how a village's summary of a period stands
MISSING, UNSIGNED, ON_TIME, LATE = "missing", "unsigned", "on_time", "late"
STATE_WORDS = {MISSING: "未上报", UNSIGNED: "未签字", ON_TIME: "按时", LATE: "迟报"}

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class ReportError(ValueError):
    """A period, kind or summary that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class Period:
    """One week (ISO, Monday to Sunday) or one calendar month."""

    kind: str
    text: str  # 2026-W49 | 2026-12
    first: dt.date
    last: dt.date

    @property
    def words(self) -> str:
        if self.kind == WEEKLY:
            return f"{self.text}（{self.first.isoformat()} 至 {self.last.isoformat()}）"
        return f"{self.first.year}年{self.first.month}月"

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def parse_period(text: str, kind: str | None = None) -> Period:
    """``2026-W49`` (an ISO week) or ``2026-12`` (a month); ``kind`` if given must agree with the text."""
    raw = (text or "").strip().upper()
    week, month = _WEEK.match(raw), _MONTH.match(raw)
    if week is not None:
        year, number = int(week.group(1)), int(week.group(2))
        try:
            first = dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            raise ReportError(f"{year} 年没有第 {number} 周：{text}") from None
        found = Period(WEEKLY, f"{year:04d}-W{number:02d}", first, first + dt.timedelta(days=6))
    elif month is not None:
        year, number = int(month.group(1)), int(month.group(2))
        if not 1 <= number <= 12 or year < 1900:
            raise ReportError(f"月份不对：{text}（应为 YYYY-MM，如 2026-12）")
        first = dt.date(year, number, 1)
        found = Period(MONTHLY, f"{year:04d}-{number:02d}", first, next_month(first) - dt.timedelta(days=1))
    else:
        raise ReportError(f"期间应为 ISO 周（如 2026-W49）或月份（如 2026-12）：{text!r}")
    if kind is not None and kind != found.kind:
        raise ReportError(f"{KIND_WORDS.get(kind, kind)}的期间应为"
                          f"{'ISO 周（如 2026-W49）' if kind == WEEKLY else '月份（如 2026-12）'}：{text}")
    return found


def next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_of(kind: str, day: dt.date) -> Period:
    """The week or month ``day`` falls in."""
    if kind == WEEKLY:
        year, week, _ = day.isocalendar()
        return parse_period(f"{year:04d}-W{week:02d}")
    if kind == MONTHLY:
        return parse_period(f"{day.year:04d}-{day.month:02d}")
    raise ReportError(f"汇总类别应为 weekly 或 monthly：{kind}")


def previous(kind: str, day: dt.date) -> Period:
    """The last whole week or month before ``day`` (what is reported on ``day``)."""
    current = period_of(kind, day)
    return period_of(kind, current.first - dt.timedelta(days=1))


# -- due day and state -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DueRule:
    """When a summary is due: a week's on the ``weekly_days``-th day after its Sunday (1: the Monday),
    a month's by day ``monthly_day`` of the next month. Both inclusive."""

    weekly_days: int = 1
    monthly_day: int = 5

    def __post_init__(self) -> None:
        if not 0 <= self.weekly_days <= 28:
            raise ReportError(f"周汇总上报期限应为周日后 0–28 天：{self.weekly_days}")
        if not 1 <= self.monthly_day <= 28:
            raise ReportError(f"月更新上报期限应为次月 1–28 日：{self.monthly_day}")

    def due(self, period: Period) -> dt.date:
        if period.kind == WEEKLY:
            return period.last + dt.timedelta(days=self.weekly_days)
        return next_month(period.first).replace(day=self.monthly_day)


@dataclass(frozen=True)
class Standing:
    """How one village's summary of one period stands: ``state`` and whether it is overdue today
    (missing or unsigned after its due day)."""

    state: str
    due: dt.date
    signed_on: dt.date | None = None
    overdue: bool = False

    @property
    def flagged(self) -> bool:
        return self.state in (MISSING, LATE) or self.overdue

    @property
    def words(self) -> str:
        text = STATE_WORDS[self.state]
        if self.state == LATE and self.signed_on is not None:
            return f"迟报（{self.signed_on.isoformat()} 签字，应于 {self.due.isoformat()} 前）"
        if self.overdue:
            return f"{text}，已逾期（应于 {self.due.isoformat()} 前）"
        return text


def standing(period: Period, rule: DueRule, *, exists: bool, signed_on: dt.date | None,
             today: dt.date) -> Standing:
    """Missing (no summary), unsigned, on time (signed by the due day) or late (signed after it)."""
    due = rule.due(period)
    if not exists:
        return Standing(MISSING, due, None, today > due)
    if signed_on is None:
        return Standing(UNSIGNED, due, None, today > due)
    return Standing(LATE if signed_on > due else ON_TIME, due, signed_on)


# -- figures ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CadreDays:
    """One cadre's days in the village in the period; monthly only: ``met`` at ≥ the monthly minimum and
    ``closed`` whether the team leader closed the month's attendance (signed and not reopened)."""

    cadre_id: str
    name: str
    days: int
    met: bool | None = None
    closed: bool | None = None


@dataclass(frozen=True)
class StepCount:
    """Workflow decisions in the period: ``count`` decisions of ``decision`` at ``step`` of ``kind``."""

    kind: str
    step: str
    decision: str
    count: int


@dataclass(frozen=True)
class Figures:
    """What a summary reports of one village and one period, every number hand-checkable from the register.

    ``identified``/``exited``: workflows whose last step passed in the period (纳入, 退出).
    ``attendance_minimum``: the monthly rule (0 for a week: no compliance is judged)."""

    visits: int = 0  # household visits (入户走访)
    households_visited: int = 0
    activities: int = 0  # village activities (visits without a household)
    cadre_days: tuple[CadreDays, ...] = ()
    measures: int = 0  # 帮扶措施 dated in the period
    measure_amount: int = 0  # their amounts, fen
    steps: tuple[StepCount, ...] = ()
    identified: int = 0
    exited: int = 0
    spot_checked: int = 0  # checklist items checked in the period
    spot_incorrect: int = 0  # of them found wrong (findings)
    rectified_reported: int = 0  # 整改 reported done in the period
    rectified_confirmed: int = 0  # confirmed by the reviewer in the period
    rectifications_open: int = 0  # open at the period's end
    problems_raised: int = 0  # follow-ups raised on visits of the period
    problems_resolved: int = 0  # done in the period
    problems_open: int = 0  # open at the period's end
    problems_overdue: int = 0  # of them past their due date
    attendance_minimum: int = 0

    @property
    def cadres_met(self) -> int:
        return sum(1 for c in self.cadre_days if c.met)

    @property
    def cadres_short(self) -> int:
        return sum(1 for c in self.cadre_days if c.met is False)

    @property
    def cadre_day_total(self) -> int:
        return sum(c.days for c in self.cadre_days)


def figures_json(figures: Figures) -> str:
    """The canonical JSON stored in ``summary.figures`` (sorted keys, no spaces: the same bytes everywhere)."""
    body = dataclasses.asdict(figures)
    body["v"] = FIGURES_VERSION
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def figures_from_json(text: str) -> Figures:
    """The figures stored in a summary; raises ``ReportError`` naming what is wrong."""
    try:
        raw = json.loads(text or "{}")
        if not isinstance(raw, dict):
            raise TypeError("not an object")
        version = raw.pop("v", FIGURES_VERSION)
        if version != FIGURES_VERSION:
            raise ReportError(f"汇总数据的版本 {version} 本程序不认识（支持 {FIGURES_VERSION}）")
        cadres = tuple(CadreDays(**c) for c in raw.pop("cadre_days", []))
        steps = tuple(StepCount(**s) for s in raw.pop("steps", []))
        known = {f.name for f in dataclasses.fields(Figures)}
        unknown = set(raw) - known
        if unknown:
            raise ReportError(f"汇总数据有未知的项：{', '.join(sorted(unknown))}")
        return Figures(cadre_days=cadres, steps=steps, **{k: int(v) for k, v in raw.items()})
    except (TypeError, ValueError) as exc:
        if isinstance(exc, ReportError):
            raise
        raise ReportError(f"汇总数据格式错误：{exc}") from None


@dataclass(frozen=True)
class Totals:
    """The sum of the villages' figures (those that reported), for a town or the district."""

    villages: int = 0
    reported: int = 0
    visits: int = 0
    households_visited: int = 0
    activities: int = 0
    cadres: int = 0
    cadre_days: int = 0
    cadres_met: int = 0
    cadres_short: int = 0
    measures: int = 0
    measure_amount: int = 0
    identified: int = 0
    exited: int = 0
    spot_checked: int = 0
    spot_incorrect: int = 0
    rectified_reported: int = 0
    rectified_confirmed: int = 0
    rectifications_open: int = 0
    problems_raised: int = 0
    problems_resolved: int = 0
    problems_open: int = 0
    problems_overdue: int = 0
    steps: tuple[StepCount, ...] = field(default=())


_SUMMED = ("visits", "households_visited", "activities", "measures", "measure_amount", "identified", "exited",
           "spot_checked", "spot_incorrect", "rectified_reported", "rectified_confirmed", "rectifications_open",
           "problems_raised", "problems_resolved", "problems_open", "problems_overdue")


def add_up(villages: int, reported: Iterable[Figures]) -> Totals:
    """The totals of ``villages`` villages from the figures of those that reported."""
    sums: dict[str, int] = dict.fromkeys(_SUMMED, 0)
    steps: dict[tuple[str, str, str], int] = {}
    count = cadres = days = met = short = 0
    for f in reported:
        count += 1
        for name in _SUMMED:
            sums[name] += getattr(f, name)
        cadres += len(f.cadre_days)
        days += f.cadre_day_total
        met += f.cadres_met
        short += f.cadres_short
        for s in f.steps:
            steps[(s.kind, s.step, s.decision)] = steps.get((s.kind, s.step, s.decision), 0) + s.count
    merged = tuple(StepCount(k, st, d, n) for (k, st, d), n in sorted(steps.items()))
    return Totals(villages, count, cadres=cadres, cadre_days=days, cadres_met=met, cadres_short=short,
                  steps=merged, **sums)


def fen_text(fen: int) -> str:
    """Money in yuan for a print: 12,345.60 元."""
    return f"{fen / 100:,.2f} 元"


def as_mapping(figures: Figures | Totals) -> Mapping[str, Any]:
    return dataclasses.asdict(figures)
