"""Building chart data in tests: areas, finished workflows (decision rows as the service writes them),
targets and village years, all through the one write path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import text

from fieldapp.domain import charts as ch
from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import natural_id
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import Area, Measure, Target, VillageYear, Workflow, WorkflowStep


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


def add_measure(ctx: AppContext, hid: str, kind: str, *, industry: str | None = None, amount: int | None = None,
             on: dt.date | None = None) -> None:
    with ctx.writer.transaction() as txn:
        txn.insert(Measure, {"household_id": hid, "type": kind, "content": "测试措施", "industry": industry,
                             "amount": amount, "date": on})


def two_town_district(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, str]:
    """商州区: 北宽坪镇 (东村, 西村) and 杨峪河镇 (南村), six households, their workflows, measures and targets."""
    (east, _), (west, _) = villages(ctx)
    with ctx.db.read() as conn:
        town1, district_id = conn.execute(text("SELECT id, parent_id FROM area WHERE level='town'")).one()
    town2 = add_area(ctx, "town", "杨峪河镇", district_id, "611002200")
    south = add_area(ctx, "village", "南村", town2, "611002200001")
    ids = {"district": district_id, "town1": town1, "town2": town2, "east": east, "west": west, "south": south}
    ids["A"] = make_household("甲一", members=3, village_id=east, group_no=1, attribute="01", legacy=True)
    ids["B"] = make_household("乙二", members=2, village_id=east, group_no=2, attribute="04", legacy=True)
    ids["C"] = make_household("丙三", members=1, village_id=east, group_no=1, attribute="06", legacy=True)
    ids["D"] = make_household("丁四", members=4, village_id=west, group_no=1, attribute="05", exit_status="1",
                              exit_year=2026, legacy=True)
    ids["E"] = make_household("戊五", members=2, village_id=south, group_no=3, attribute="07", legacy=True)
    ids["F"] = make_household("己六", members=5, village_id=south, group_no=3, attribute="01", legacy=True)
    finish_workflow(ctx, ids["B"], "exit", dt.date(2026, 3, 10))
    finish_workflow(ctx, ids["C"], "monitoring", dt.date(2026, 4, 2), category="01", risk_type="01")
    finish_workflow(ctx, ids["F"], "exit", dt.date(2026, 5, 20))
    finish_workflow(ctx, ids["E"], "identification", dt.date(2026, 1, 8))
    add_measure(ctx, ids["A"], "industry", industry="fruit", amount=300_000, on=dt.date(2026, 2, 1))
    add_measure(ctx, ids["F"], "industry", industry="livestock", amount=500_000)
    add_measure(ctx, ids["B"], "social_security", amount=480_000, on=dt.date(2025, 1, 1))
    set_target(ctx, town1, 2026, ch.TARGET_HOUSEHOLDS, 3)
    set_target(ctx, town2, 2026, ch.TARGET_HOUSEHOLDS, 1)
    set_target(ctx, district_id, 2026, ch.TARGET_PEOPLE, 12)
    set_target(ctx, east, 2026, "industry_fruit", 2)
    set_village_year(ctx, east, 2026, out_year=2026)
    return ids
