"""The demo's year of visits: deterministic, valid by the visit rules, and realistic enough to look at."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from fieldapp import paths
from fieldapp.domain import visits as rules
from fieldapp.services import demo
from fieldapp.services.context import AppContext, open_context
from fieldapp.store.models import SYNC_COLUMNS

VISIT_TABLES = ("visit", "visit_cadre", "visit_measure", "follow_up", "checkin", "cadre")


def _build(home: Path, households: int = 60, seed: int = 7) -> AppContext:
    ctx = open_context(paths.DataPaths(home=home))
    demo.build_demo(ctx, households=households, seed=seed)
    return ctx


def _rows(ctx: AppContext, sql: str) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        return [dict(r) for r in conn.execute(text(sql)).mappings()]


def _content(ctx: AppContext) -> dict[str, list[tuple[Any, ...]]]:
    content = {}
    with ctx.db.read() as conn:
        for table in VISIT_TABLES:
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
            keep = ["id", *(c for c in columns if c not in SYNC_COLUMNS)]
            rows = conn.exec_driver_sql(f"SELECT {', '.join(keep)} FROM {table} ORDER BY id")
            content[table] = [tuple(r) for r in rows]
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Any:
    ctx = _build(tmp_path_factory.mktemp("demo"))
    yield ctx
    ctx.close()


def test_the_visits_repeat_with_the_seed(built: AppContext, tmp_path: Path) -> None:
    again = _build(tmp_path / "again")
    try:
        first, second = _content(built), _content(again)
        for table in VISIT_TABLES:
            assert first[table] and first[table] == second[table], table
    finally:
        again.close()


def test_every_visit_passes_the_visit_rules(built: AppContext) -> None:
    today = demo.reference_date()
    households = {h["id"]: h for h in _rows(built, "SELECT id, village_id, identified_on FROM household")}
    cadres = collections.defaultdict(list)
    for r in _rows(built, "SELECT * FROM visit_cadre"):
        cadres[r["visit_id"]].append(r)
    follow = collections.defaultdict(list)
    for r in _rows(built, "SELECT * FROM follow_up"):
        follow[r["visit_id"]].append({"text": r["text"], "due_date": dt.date.fromisoformat(r["due_date"]),
                                      "done_on": dt.date.fromisoformat(r["done_on"]) if r["done_on"] else None})
    visits = _rows(built, "SELECT * FROM visit")
    for v in visits:
        day = dt.date.fromisoformat(v["date"])
        house = households.get(v["household_id"])
        registered = dt.date.fromisoformat(house["identified_on"]) if house else None
        values = {**v, "date": day}
        problems = rules.visit_problems(values, built.ref, today=today, registered=registered,
                                        village_ids=built.settings["village_ids"],
                                        cadre_ids=[c["cadre_id"] for c in cadres[v["id"]]],
                                        follow_ups=follow[v["id"]], photo_count=0)
        assert problems == {}, (v, problems)
        assert all(c["household_id"] == v["household_id"] and c["date"] == v["date"] for c in cadres[v["id"]])
        if house:
            assert v["village_id"] == house["village_id"]
    days = [dt.date.fromisoformat(v["date"]) for v in visits]
    assert max(days) <= today and (today - min(days)).days < 366
    assert len(visits) > 9 * 60  # about monthly per household
    links = _rows(built, "SELECT vm.household_id AS a, m.household_id AS b FROM visit_measure vm "
                         "JOIN measure m ON m.id = vm.measure_id")
    assert links and all(r["a"] == r["b"] for r in links)


def test_activities_follow_ups_check_ins_and_unit_leaders(built: AppContext) -> None:
    today = demo.reference_date()
    activities = _rows(built, "SELECT v.id, v.type, v.title, count(vc.id) AS n FROM visit v "
                              "JOIN visit_cadre vc ON vc.visit_id = v.id WHERE v.household_id IS NULL GROUP BY v.id")
    assert {"07", "02"} & {a["type"] for a in activities} and all(a["title"] for a in activities)
    assert max(a["n"] for a in activities) >= 3  # several cadres together
    follow_ups = _rows(built, "SELECT due_date, done_on FROM follow_up")
    done = [f for f in follow_ups if f["done_on"]]
    overdue = [f for f in follow_ups if not f["done_on"] and f["due_date"] < today.isoformat()]
    assert done and overdue and len(overdue) < 0.15 * len(follow_ups)
    clash = _rows(built, "SELECT count(*) AS n FROM checkin k JOIN visit_cadre vc "
                         "ON vc.cadre_id = k.cadre_id AND vc.date = k.date")
    assert clash[0]["n"] == 0  # check-ins are for days without a visit
    leaders = _rows(built, "SELECT c.id, (SELECT count(*) FROM visit_cadre vc WHERE vc.cadre_id = c.id) AS n "
                           "FROM cadre c WHERE c.role = 'unit_leader'")
    assert len(leaders) == 3 and all(1 <= r["n"] <= 5 for r in leaders)
    from fieldapp.services import attendance

    with built.db.read() as conn:
        rows = attendance.compliance_table(conn, today.year, today=today)
    statuses = collections.Counter(c.status for r in rows for c in r.months if c.month.month < today.month)
    assert statuses["met"] > statuses["short"] > 0  # most cadre-months reach 15 days, some do not
