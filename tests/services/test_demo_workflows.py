"""The demo's workflows: run through the services as the demo accounts, each reviewer's queue holding something,
every exited household meeting the exit gate, signatures that verify, the same story from the same seed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.domain import workflow as rules
from fieldapp.services import demo
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.people.auth import login, open_for
from fieldapp.services.people.demo import DEMO_PASSWORD, demo_accounts
from fieldapp.services.workflow import gate, notices, objections, queue, store
from fieldapp.services.workflow.deliberation import meetings

TODAY = dt.date(2026, 6, 30)
LEADER, TOWNSHIP, DISTRICT = "张建华", "乡镇审核员", "区县审批员"


def _build(home: Path, households: int = 60) -> paths.DataPaths:
    data = paths.DataPaths(home=home)
    ctx = open_context(data)
    try:
        demo.build_demo(ctx, households=households, today=TODAY)
        demo_accounts(ctx, TODAY)
    finally:
        ctx.close()
    return data


def _as(data: paths.DataPaths, name: str) -> AppContext:
    return open_for(data, login(data, name, DEMO_PASSWORD))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[paths.DataPaths, AppContext]]:
    data = _build(tmp_path_factory.mktemp("demo-workflows"))
    ctx = _as(data, LEADER)
    yield data, ctx
    ctx.close()


def _views(ctx: AppContext) -> list[store.WorkflowView]:
    defs = rules.definitions(ctx.ref)
    with ctx.db.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT DISTINCT household_id FROM workflow")]
    return [v for hid in sorted(ids) for v in store.workflows_of(ctx.db, hid, defs)]


def _where(views: list[store.WorkflowView]) -> list[tuple[str, str]]:
    return sorted((v.kind, v.current.code if v.current else v.state.status) for v in views)


def test_the_demo_runs_the_story_s_workflows(built: tuple[paths.DataPaths, AppContext]) -> None:
    _data, ctx = built
    views = _views(ctx)
    assert _where(views) == sorted([
        ("identification", "02"), ("identification", "04"), ("identification", "05"),
        ("exit", "10"), ("exit", "04"), ("exit", "11"), ("exit", rules.COMPLETED), ("monitoring", "07")])
    assert all(not v.state.problems for v in views)
    done = next(v for v in views if v.state.status == rules.COMPLETED)
    assert [d.decision for d in done.state.history].count(rules.RETURN) == 1  # the district sent it back once
    assert all(d.decided_at < int(dt.datetime.combine(TODAY, dt.time()).timestamp() * 1000)
               for v in views for d in v.state.history)  # every act dated before the demo's today
    monitored = next(v for v in views if v.kind == "monitoring")
    assert (monitored.category, monitored.risk_type) == ("02", "01")  # 边缘易致贫户, 因病
    # the meeting of the household at 评议 is recorded; the one at 第一次公示 has a posted notice and an objection
    at_meeting = next(v for v in views if v.kind == "identification" and v.current and v.current.code == "02")
    assert any(at_meeting.household_id in {h.household_id for h in m.households} for m in meetings(ctx))
    at_notice = next(v for v in views if v.kind == "identification" and v.current and v.current.code == "04")
    posted = [n for n in notices.listed(ctx) if at_notice.household_id in n.household_ids]
    assert len(posted) == 1 and posted[0].posted_on is not None
    assert [o.household_id for o in objections.listed(ctx.db, open_only=True)] == [at_notice.household_id]


def test_every_signature_of_the_story_verifies(built: tuple[paths.DataPaths, AppContext]) -> None:
    _data, ctx = built
    decided = [d for v in _views(ctx) for d in v.state.history]
    signed = [d for d in decided if d.signoff_id]
    assert len(signed) >= 20
    for d in signed:
        record, problems = store.signature(ctx.db, d.signoff_id)
        assert record is not None and problems == [], (d.step, problems)
    assert {d.person_name for d in decided} >= {LEADER, TOWNSHIP, DISTRICT}


def test_the_reviewers_queues_hold_the_households_waiting_for_them(built: tuple[paths.DataPaths, AppContext]) -> None:
    data, leader = built
    assert {(e.workflow.kind, e.step.code) for e in queue.waiting(leader)} >= {("exit", "10"), ("exit", "04"),
                                                                               ("identification", "04")}
    for name, wanted in ((TOWNSHIP, {("identification", "05"), ("exit", "11")}),
                         (DISTRICT, {("monitoring", "07")})):
        ctx = _as(data, name)
        try:
            assert {(e.workflow.kind, e.step.code) for e in queue.waiting(ctx)} == wanted
        finally:
            ctx.close()


def test_every_exited_household_meets_the_gate_and_those_exited_here_have_a_completed_exit(
        built: tuple[paths.DataPaths, AppContext]) -> None:
    _data, ctx = built
    defs = rules.definitions(ctx.ref)
    with ctx.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT id, exit_status FROM household").all()
    exited = 0
    for hid, typed in rows:
        views = store.workflows_of(ctx.db, hid, defs)
        if store.exited(views, typed):
            exited += 1
            assert gate.exit_gate_of(ctx, hid).passed, hid
            if typed not in rules.EXITED_CODES:  # exited in the app: through a completed, signed exit
                assert [v.state.status for v in views if v.kind == "exit"] == [rules.COMPLETED]
    assert exited > 20


def test_the_same_seed_tells_the_same_story(built: tuple[paths.DataPaths, AppContext], tmp_path: Path) -> None:
    _data, ctx = built
    again = _as(_build(tmp_path / "again"), LEADER)
    try:
        def story(c: AppContext) -> list[tuple[str, str, str, str, int]]:
            return sorted((v.household_id, v.kind, d.step, d.decision, d.decided_at)
                          for v in _views(c) for d in v.state.history)
        assert story(again) == story(ctx)
    finally:
        again.close()
