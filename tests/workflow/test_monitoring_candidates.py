"""The workbench's monitoring candidates (建议纳入监测): income at or below the year's monitoring line, not
monitored already, no workflow running; read in bulk (the statements do not grow with the households)."""

from __future__ import annotations

import copy
from collections.abc import Callable

from fieldapp.domain import workflow as rules
from fieldapp.services import register, workbench
from fieldapp.services.context import AppContext
from fieldapp.services.workbench import Scope
from fieldapp.services.workflow import service, store
from tests.store.util import StatementLog
from tests.workflow.conftest import DAY, T0, hold_meeting, post_notice

HOUR = 3_600_000
LINE_2020 = 600_000  # fen: the shipped national monitoring line of 2020 (6000 元)


def _income(ctx: AppContext, hid: str, yuan_a_head: int) -> None:
    """A 2020 income of ``yuan_a_head`` per person (two persons, wages only)."""
    original = register.load_record(ctx.db, hid)
    record = copy.deepcopy(original)
    record.incomes = [{"year": 2020, "persons": 2, "wage": yuan_a_head * 2 * 100}]
    register.save_record(ctx.writer, ctx.ref, record, original)


def _run(team: dict[str, AppContext], hid: str, kind: str, t: int) -> int:
    """Start and pass every step of a ``kind`` workflow (a category and risk type for monitoring)."""
    extra = {"category": "02", "risk_type": "01"} if kind == "monitoring" else {}
    view = service.start(team["leader"], hid, kind, at_ms=t, **extra)
    for step in view.definition.steps:
        if step.notice:
            post_notice(team[step.role], hid, t)
        t += step.min_days * DAY + HOUR
        meeting = hold_meeting(team["committee"], [hid], t) if step.deliberation else None
        service.decide(team[step.role], hid, step.code, rules.PASS, meeting_id=meeting, at_ms=t)
    assert store.workflows_of(team["leader"].db, hid, rules.definitions())[-1].state.status == rules.COMPLETED
    return t


def test_candidates_are_at_or_below_the_line_not_monitored_and_not_in_a_workflow(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    names = ("正好在线", "低于线", "高于线", "在流程中", "已监测", "风险已消除", "没有收入")
    hid = {n: make_household(n) for n in names}
    for name, a_head in (("正好在线", 6000), ("低于线", 3000), ("高于线", 6001), ("在流程中", 2000),
                         ("已监测", 2500), ("风险已消除", 4000)):
        _income(ctx, hid[name], a_head)
    service.start(team["member"], hid["在流程中"], "exit", at_ms=T0)
    t = _run(team, hid["已监测"], "monitoring", T0)
    t = _run(team, hid["风险已消除"], "monitoring", t)
    _run(team, hid["风险已消除"], "risk_elimination", t)
    villages = tuple(ctx.settings["village_ids"])
    found = workbench.monitoring_candidates(ctx, Scope(None, villages), {2020: LINE_2020})
    assert [c.household_id for c in found.items] == [hid["低于线"], hid["风险已消除"], hid["正好在线"]]
    first = found.items[0]
    assert (first.head_name, first.year, first.per_person_income, first.line) == ("低于线", 2020, 300_000, LINE_2020)
    assert not found.more
    limited = workbench.monitoring_candidates(ctx, Scope(None, villages), {2020: LINE_2020}, limit=2)
    assert len(limited.items) == 2 and limited.more
    assert workbench.monitoring_candidates(ctx, Scope(None, villages), {}).items == ()
    # through the workbench of the laptop's villages (no cadre), with the shipped line of 2020
    board = workbench.load_workbench(team["committee"])
    assert [c.household_id for c in board.monitoring.items] == [hid["低于线"], hid["风险已消除"], hid["正好在线"]]
    # started from the workbench: no longer proposed
    service.start(team["leader"], hid["低于线"], "monitoring", category="02", risk_type="01")
    again = workbench.monitoring_candidates(ctx, Scope(None, villages), {2020: LINE_2020})
    assert hid["低于线"] not in [c.household_id for c in again.items]


def test_candidates_are_read_in_bulk(ctx: AppContext, make_household: Callable[..., str],
                                     team: dict[str, AppContext]) -> None:
    villages = tuple(ctx.settings["village_ids"])

    def statements() -> int:
        with StatementLog(ctx.db) as log:
            workbench.monitoring_candidates(ctx, Scope(None, villages), {2020: LINE_2020})
        return len(log.statements)

    few = [make_household(f"户{i}") for i in range(2)]
    for h in few:
        _income(ctx, h, 1000)
    service.start(team["member"], few[0], "identification", at_ms=T0)
    before = statements()
    more = [make_household(f"另户{i}") for i in range(12)]
    for h in more:
        _income(ctx, h, 1000)
        service.start(team["member"], h, "identification", at_ms=T0)
    assert statements() == before
