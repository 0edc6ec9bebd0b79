"""A small register whose 贫困发生率 is computed by hand in the tests (see :func:`small_register`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fieldapp.domain import workflow as wf
from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import Household, Member, Workflow, WorkflowStep


def ms(when: dt.datetime) -> int:
    return int(when.timestamp() * 1000)


def finished_workflow(ctx: AppContext, household_id: str, kind: str, done: dt.datetime | None) -> str:
    """A workflow of ``kind`` whose every step passed, the last at ``done`` (None: started, nothing decided)."""
    definition = wf.definitions(ctx.ref).workflows[kind]
    start = (done or dt.datetime(2024, 6, 1)) - dt.timedelta(days=len(definition.steps) + 1)
    with ctx.writer.transaction() as txn:
        wid = txn.insert(Workflow, {"household_id": household_id, "kind": kind, "started_by_name": "测试",
                                    "started_at": ms(start), "origin": "app"})
        prev = ""
        if done is not None:
            for i, step in enumerate(definition.steps):
                at = done - dt.timedelta(days=len(definition.steps) - 1 - i)
                prev = txn.insert(WorkflowStep, {
                    "workflow_id": wid, "household_id": household_id, "step": step.code, "prev_id": prev,
                    "decision": "pass", "person_id": new_id(), "person_name": "测试", "role": step.role,
                    "decided_as": step.role, "decided_at": ms(at)})
    return str(wid)


def small_register(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, str]:
    """东村 (village 0) and 西村 (village 1) with households whose standing the tests work out by hand."""
    h = {
        "H1": make_household("甲一", members=4, legacy=True, exit_status="0"),  # one member deleted below: 3
        "H2": make_household("甲二", members=2, legacy=True, exit_status="1", exit_year=2024),
        "H3": make_household("甲三", members=4, legacy=True, exit_status="4"),
        "H4": make_household("甲四", members=1, legacy=True, exit_status="3"),
        "H5": make_household("甲五", members=2, legacy=True, exit_status="0", identified_on=dt.date(2025, 3, 1)),
        "H6": make_household("甲六", members=2, legacy=True, exit_status="0"),  # deleted below
        "H7": make_household("甲七", members=5, legacy=True, exit_status="0"),
        "H8": make_household("甲八", members=3, legacy=True, exit_status="0"),
        "H9": make_household("甲九", members=2, legacy=True, exit_status=None),
        "W1": make_household("乙一", members=1, legacy=True, exit_status="0", village=1),
    }
    with ctx.writer.transaction() as txn:
        member = txn.conn.exec_driver_sql("SELECT id FROM member WHERE household_id = ? AND relation = '03' LIMIT 1",
                                          (h["H1"],)).scalar()
        txn.delete(Member, member)
        txn.delete(Household, h["H6"])
    finished_workflow(ctx, h["H7"], "exit", dt.datetime(2024, 12, 31, 12, 0))
    finished_workflow(ctx, h["H8"], "exit", dt.datetime(2025, 1, 1, 10, 0))
    finished_workflow(ctx, h["H9"], "identification", None)  # an applicant: not in the register
    east, west = (v for v, _name in villages(ctx))
    h["east"], h["west"] = east, west
    return h
