"""Building chart data in tests: areas, finished workflows (decision rows as the service writes them),
targets and village years, all through the one write path."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import natural_id
from fieldapp.services.context import AppContext
from fieldapp.store.models import Area, Target, VillageYear, Workflow, WorkflowStep


def add_area(ctx: AppContext, level: str, name: str, parent_id: str | None, code: str | None = None) -> str:
    with ctx.writer.transaction() as txn:
        return str(txn.insert(Area, {"level": level, "name": name, "parent_id": parent_id, "code": code}))


def ms(day: dt.date) -> int:
    """Noon of the day, local time (the charts date a decision by the local day)."""
    return int(dt.datetime(day.year, day.month, day.day, 12, 0).timestamp() * 1000)


def finish_workflow(ctx: AppContext, household_id: str, kind: str, on: dt.date, *, category: str | None = None,
                    risk_type: str | None = None) -> str:
    """A ``kind`` workflow of the household whose every step passed, the last on ``on``."""
    definition = rules.definitions(ctx.ref).get(kind)
    start = ms(on) - len(definition.steps) * 60_000
    with ctx.writer.transaction() as txn:
        wid = str(txn.insert(Workflow, {"household_id": household_id, "kind": kind, "started_at": start,
                                        "origin": "app", "started_by_name": "吴书记", "category": category,
                                        "risk_type": risk_type}))
        prev = ""
        for i, step in enumerate(definition.steps, start=1):
            at = ms(on) if i == len(definition.steps) else start + i * 60_000
            prev = str(txn.insert(WorkflowStep, {
                "workflow_id": wid, "household_id": household_id, "step": step.code, "prev_id": prev,
                "decision": rules.PASS, "reason": "", "override": False, "person_id": "p-test",
                "person_name": "吴书记", "role": step.role, "decided_as": step.role, "decided_at": at}))
    return wid


def set_target(ctx: AppContext, area_id: str, year: int, kind: str, value: int) -> None:
    with ctx.writer.transaction() as txn:
        txn.put(Target, natural_id("target", area_id, year, kind),
                {"area_id": area_id, "year": year, "kind": kind, "value": value})


def set_village_year(ctx: AppContext, village_id: str, year: int, *, poor_village: bool = True,
                     out_year: int | None = None) -> None:
    with ctx.writer.transaction() as txn:
        txn.put(VillageYear, natural_id("village_year", village_id, year),
                {"village_id": village_id, "year": year, "poor_village": poor_village, "out_year": out_year})
