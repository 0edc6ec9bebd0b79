"""The figures of a summary against the week of ``conftest`` counted by hand; periods and due days."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import report as rules
from fieldapp.services.context import AppContext
from fieldapp.services.report import service
from fieldapp.store.models import CheckIn
from tests.report.conftest import WEEK, Week


def test_the_weeks_figures_are_the_ones_counted_by_hand(ctx: AppContext, week: Week) -> None:
    f = service.preview(ctx, week.east, rules.parse_period(WEEK))
    assert (f.visits, f.households_visited, f.activities) == (3, 2, 1)
    days = {c.name: (c.days, c.met) for c in f.cadre_days}
    # 王伟: visits 12-01, 12-02 (activity; and 西村, the same day), 12-03, 12-05 and the check-in of 12-04
    assert days == {"王伟": (5, None), "赵帮扶": (2, None)}
    assert (f.measures, f.measure_amount) == (1, 150000)
    assert [(s.kind, s.step, s.decision, s.count) for s in f.steps] == [
        ("exit", "05", "pass", 1), ("identification", "01", "pass", 1), ("identification", "02", "pass", 1),
        ("identification", "03", "return", 1)]
    assert (f.identified, f.exited) == (0, 1)
    assert (f.spot_checked, f.spot_incorrect) == (3, 1)
    assert (f.rectified_reported, f.rectified_confirmed, f.rectifications_open) == (1, 1, 1)
    assert (f.problems_raised, f.problems_resolved, f.problems_open, f.problems_overdue) == (2, 1, 2, 1)
    assert f.attendance_minimum == 0
    west = service.preview(ctx, week.west, rules.parse_period(WEEK))
    assert (west.visits, west.measures, west.measure_amount, west.exited) == (1, 1, 77, 1)


def test_a_months_attendance_compliance(ctx: AppContext, week: Week) -> None:
    with ctx.writer.transaction() as txn:
        for day in range(8, 23):  # 15 more days of 王伟 in December
            txn.insert(CheckIn, {"cadre_id": week.me, "village_id": week.east, "date": dt.date(2026, 12, day),
                                 "entered_on": dt.date(2026, 12, day)})
    f = service.preview(ctx, week.east, rules.parse_period("2026-12"))
    assert {c.name: (c.days, c.met, c.closed) for c in f.cadre_days} == {"王伟": (20, True, False),
                                                                         "赵帮扶": (2, False, False)}
    assert (f.cadres_met, f.cadres_short, f.cadre_day_total, f.attendance_minimum) == (1, 1, 22, 15)
    assert rules.figures_from_json(rules.figures_json(f)) == f


def test_periods_due_days_and_standing() -> None:
    week = rules.parse_period("2026-w49")
    assert (week.kind, week.text, week.first, week.last) == ("weekly", "2026-W49", dt.date(2026, 11, 30),
                                                             dt.date(2026, 12, 6))
    month = rules.parse_period("2026-02", "monthly")
    assert (month.first, month.last) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    for bad, words in [("2026-W54", "没有第 54 周"), ("2026-13", "月份不对"), ("十二月", "ISO 周"),
                       ("2026-12", "周汇总的期间应为ISO 周")]:
        with pytest.raises(rules.ReportError, match=words):
            rules.parse_period(bad, "weekly" if bad == "2026-12" else None)
    rule = rules.DueRule()
    assert rule.due(week) == dt.date(2026, 12, 7) and rule.due(month) == dt.date(2026, 3, 5)
    on_time = rules.standing(week, rule, exists=True, signed_on=dt.date(2026, 12, 7), today=dt.date(2026, 12, 9))
    late = rules.standing(week, rule, exists=True, signed_on=dt.date(2026, 12, 8), today=dt.date(2026, 12, 9))
    missing = rules.standing(week, rule, exists=False, signed_on=None, today=dt.date(2026, 12, 9))
    waiting = rules.standing(week, rule, exists=False, signed_on=None, today=dt.date(2026, 12, 7))
    assert [s.state for s in (on_time, late, missing, waiting)] == ["on_time", "late", "missing", "missing"]
    assert [s.flagged for s in (on_time, late, missing, waiting)] == [False, True, True, True]
    assert (missing.overdue, waiting.overdue) == (True, False)
    assert "迟报（2026-12-08 签字" in late.words
    with pytest.raises(rules.ReportError, match="次月 1–28 日"):
        rules.DueRule(monthly_day=31)
    with pytest.raises(rules.ReportError, match="未知的项"):
        rules.figures_from_json('{"visits": 1, "bogus": 2}')
