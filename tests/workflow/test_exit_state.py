"""A household's exited state and exit date from its workflows: the one function (``exit_state``) that the
workflow page, the 贫困发生率 and the 挂图作战 charts all ask — checked here against households whose state
is worked out by hand, and the three capabilities checked to agree with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fieldapp.domain import workflow as rules
from fieldapp.services.charts import sources
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.targets.standing import poor_in_year
from fieldapp.services.workflow import store
from fieldapp.services.workflow.standing import ExitState, exit_state
from fieldapp.store.models import Workflow
from tests.targets.helpers import finished_workflow


def _typed(ctx: AppContext, household_id: str) -> tuple[str | None, int | None]:
    with ctx.db.read() as conn:
        row = conn.exec_driver_sql("SELECT exit_status, exit_year FROM household WHERE id = ?", (household_id,)).one()
    return row[0], row[1]


def _state(ctx: AppContext, household_id: str, year: int | None = None) -> ExitState:
    views = store.workflows_of(ctx.db, household_id, rules.definitions(ctx.ref))
    return exit_state(views, *_typed(ctx, household_id), year=year)


def _households(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, str]:
    h = {
        "typed": make_household("甲一", legacy=True, exit_status="1", exit_year=2024),
        "flow": make_household("甲二", legacy=True, exit_status="0"),
        "back": make_household("甲三", legacy=True, exit_status="0"),
        "imported": make_household("甲四", legacy=True, exit_status="1", exit_year=2025),
        "poor": make_household("甲五", legacy=True, exit_status="0"),
    }
    finished_workflow(ctx, h["flow"], "exit", dt.datetime(2025, 3, 10, 15, 0))
    finished_workflow(ctx, h["back"], "exit", dt.datetime(2024, 5, 6, 9, 0))
    finished_workflow(ctx, h["back"], "return", dt.datetime(2025, 8, 1, 9, 0))
    with ctx.writer.transaction() as txn:  # a state migration's exit: dated by the typed 脱贫年度 only
        txn.insert(Workflow, {"household_id": h["imported"], "kind": "exit", "started_at": 0, "origin": "imported",
                              "imported_value": "1"})
    return h


def test_exited_state_and_exit_date_now_and_at_the_end_of_a_year(ctx: AppContext,
                                                                 make_household: Callable[..., str]) -> None:
    h = _households(ctx, make_household)
    assert _state(ctx, h["typed"]) == ExitState(True, 2024, None)  # typed, no workflow: its year only
    assert _state(ctx, h["typed"], 2023) == ExitState(False)  # typed for a later year: not yet then
    assert _state(ctx, h["flow"]) == ExitState(True, 2025, dt.date(2025, 3, 10))  # the last decision's day
    assert _state(ctx, h["flow"], 2024) == ExitState(False)
    assert _state(ctx, h["back"]) == ExitState(False)  # returned to poverty after the exit
    assert _state(ctx, h["back"], 2024) == ExitState(True, 2024, dt.date(2024, 5, 6))
    assert _state(ctx, h["imported"]) == ExitState(True, 2025, None)
    assert _state(ctx, h["imported"], 2024) == ExitState(False)
    assert _state(ctx, h["poor"]) == ExitState(False)


def test_the_workflow_page_the_incidence_and_the_charts_agree(ctx: AppContext,
                                                              make_household: Callable[..., str]) -> None:
    h = _households(ctx, make_household)
    defs = rules.definitions(ctx.ref)
    east = villages(ctx)[0][0]
    typed = {hid: _typed(ctx, hid) for hid in h.values()}
    with ctx.db.read() as conn:
        charts = sources.household_states(conn, defs, typed)
        standing = {s.household_id: s for s in poor_in_year(conn, ctx.ref, [east], 2026)}
        standing_2024 = {s.household_id: s for s in poor_in_year(conn, ctx.ref, [east], 2024)}
    for name, hid in h.items():
        now = _state(ctx, hid)
        page = store.exited(store.workflows_of(ctx.db, hid, defs), typed[hid][0])
        assert page == charts[hid].exited == standing[hid].exited == now.exited, name
        assert standing_2024[hid].exited == _state(ctx, hid, 2024).exited, name
        exits = [m for m in charts[hid].movements if m.kind == "exit"]
        if now.exited:  # the charts' exit movement carries the same date
            assert (exits[-1].year, exits[-1].on) == (now.exit_year, now.exit_on), name
