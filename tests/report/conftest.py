"""A week of a village's work, written row by row so that every figure of its summary can be counted by hand.

The week is 2026-W49 (Monday 2026-11-30 to Sunday 2026-12-06) in 东村; 西村 and the week before hold rows
that must not count. What each figure should be is written beside the rows that make it (``EXPECTED``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import (
    CheckIn,
    FollowUp,
    Measure,
    Rectification,
    RectificationReport,
    SpotcheckDraw,
    SpotcheckItem,
    Visit,
    VisitCadre,
    Workflow,
    WorkflowStep,
)

WEEK = "2026-W49"
D = dt.date
AFTER = D(2026, 12, 8)  # the day the summary is generated


def ms(day: dt.date, hour: int = 10) -> int:
    return int(dt.datetime.combine(day, dt.time(hour)).timestamp() * 1000)


@dataclass(frozen=True)
class Week:
    east: str
    west: str
    me: str
    helper: str
    a: str
    b: str
    c: str


def visit(ctx: AppContext, village: str, day: dt.date, cadres: list[str], household: str | None = None, *,
          follow_ups: tuple[tuple[dt.date, dt.date | None], ...] = ()) -> str:
    with ctx.writer.transaction() as txn:
        vid = txn.insert(Visit, {"village_id": village, "household_id": household, "date": day,
                                 "type": "01" if household else "03", "title": None if household else "村民大会"})
        for c in cadres:
            txn.insert(VisitCadre, {"visit_id": vid, "cadre_id": c, "household_id": household, "date": day})
        for due, done in follow_ups:
            txn.insert(FollowUp, {"visit_id": vid, "household_id": household, "text": "问题", "due_date": due,
                                  "done_on": done})
    return str(vid)


def step(ctx: AppContext, workflow: str, household: str, code: str, decision: str, *, day: dt.date) -> None:
    with ctx.writer.transaction() as txn:
        txn.insert(WorkflowStep, {"workflow_id": workflow, "household_id": household, "step": code,
                                  "decision": decision, "person_id": new_id(), "person_name": "某人",
                                  "role": "leader", "decided_as": "leader", "decided_at": ms(day)})


def workflow(ctx: AppContext, household: str, kind: str) -> str:
    with ctx.writer.transaction() as txn:
        return str(txn.insert(Workflow, {"household_id": household, "kind": kind, "started_at": ms(D(2026, 11, 1))}))


@pytest.fixture
def week(ctx: AppContext, make_household: Callable[..., str]) -> Week:
    east, west = (v for v, _ in villages(ctx))
    me = str(ctx.settings["cadre_id"])
    from fieldapp.store.models import Cadre
    with ctx.writer.transaction() as txn:
        helper = str(txn.insert(Cadre, {"name": "赵帮扶", "role": "member"}))
    a = make_household("甲户主", village=0)
    b = make_household("乙户主", village=0)
    c = make_household("丙户主", village=1)
    # visits: 3 household visits of 2 households and 1 activity in the week in 东村
    visit(ctx, east, D(2026, 12, 1), [me, helper], a, follow_ups=((D(2026, 12, 4), None),  # open, overdue
                                                                  (D(2026, 12, 20), D(2026, 12, 5))))  # resolved
    visit(ctx, east, D(2026, 12, 3), [me], a)
    visit(ctx, east, D(2026, 12, 5), [me], b)
    visit(ctx, east, D(2026, 12, 2), [me, helper])  # activity
    visit(ctx, east, D(2026, 11, 28), [me], a, follow_ups=((D(2026, 12, 10), None),))  # last week; open at the end
    visit(ctx, west, D(2026, 12, 2), [me], c)  # 西村: not this village's visit (but 王伟's day)
    with ctx.writer.transaction() as txn:
        txn.insert(CheckIn, {"cadre_id": me, "village_id": east, "date": D(2026, 12, 4), "entered_on": D(2026, 12, 4)})
        # measures: one in the week (1,500 元); one earlier; one of 西村
        txn.insert(Measure, {"household_id": a, "type": "industry", "content": "养殖补助", "amount": 150000,
                             "date": D(2026, 12, 2)})
        for home, words, fen, day in ((b, "早先的", 99, D(2026, 11, 20)), (c, "西村的", 77, D(2026, 12, 3))):
            txn.insert(Measure, {"household_id": home, "type": "industry", "content": words, "amount": fen,
                                 "date": day})
    ident, leave, west_flow = workflow(ctx, a, "identification"), workflow(ctx, b, "exit"), workflow(ctx, c, "exit")
    step(ctx, ident, a, "01", "pass", day=D(2026, 12, 1))
    step(ctx, ident, a, "02", "pass", day=D(2026, 12, 2))
    step(ctx, ident, a, "03", "return", day=D(2026, 12, 3))
    step(ctx, leave, b, "05", "pass", day=D(2026, 12, 4))  # the exit's last step: one household exited
    step(ctx, leave, b, "04", "pass", day=D(2026, 11, 29))  # last week
    step(ctx, west_flow, c, "05", "pass", day=D(2026, 12, 4))  # 西村
    with ctx.writer.transaction() as txn:
        draw = txn.insert(SpotcheckDraw, {"level": "village", "area_id": east, "percent": 20, "role": "township",
                                          "seed": "s", "frame_hash": "0" * 64, "frame": "[]", "sample": "[]",
                                          "drawn_at": ms(D(2026, 11, 20))})
        items = []
        for n, (day, result) in enumerate([(D(2026, 12, 2), "correct"), (D(2026, 12, 2), "correct"),
                                           (D(2026, 12, 2), "incorrect"), (D(2026, 11, 25), "incorrect")]):
            items.append(txn.insert(SpotcheckItem, {"draw_id": draw, "household_id": a, "position": n,
                                                    "kind": "member", "shown": "{}", "sources": "[]",
                                                    "result": result, "checked_at": ms(day)}))
        txn.insert(SpotcheckItem, {"draw_id": draw, "household_id": a, "position": 9, "kind": "member",
                                   "shown": "{}", "sources": "[]"})  # not checked yet
        open_one = txn.insert(Rectification, {"item_id": items[2], "draw_id": draw, "household_id": a,
                                              "due_date": D(2027, 1, 1)})
        old = txn.insert(Rectification, {"item_id": items[3], "draw_id": draw, "household_id": a,
                                         "due_date": D(2026, 12, 25), "confirmed_at": ms(D(2026, 12, 3))})
        txn.insert(RectificationReport, {"rectification_id": old, "household_id": a, "round": 1,
                                         "done_on": D(2026, 12, 2), "note": "已改"})
        assert open_one
    return Week(east, west, me, helper, a, b, c)
