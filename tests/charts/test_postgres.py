"""The chart figures read from the district server's PostgreSQL database (what the server dashboard uses)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from fieldapp.domain import charts as ch
from fieldapp.domain import refdata
from fieldapp.domain.hlc import HybridClock
from fieldapp.services import identity as identity_mod
from fieldapp.services.charts import figures, posters
from fieldapp.store.db import Database
from fieldapp.store.models import Household, Measure, Member
from fieldapp.store.writer import Actor, ChangeWriter
from tests.helpers.charts import add_area, finish_workflow, set_target
from tests.printing import pdftools

AS_OF = dt.datetime(2026, 6, 15, 9, 30)


@pytest.fixture
def server(postgres_url: str, tmp_path: Path) -> Iterator[Any]:
    db = Database.open_url(postgres_url)
    ident = identity_mod.create(tmp_path / "district-device")
    clock = HybridClock(wall_ms=lambda: time.time_ns() // 1_000_000)
    yield SimpleNamespace(db=db, ref=refdata.default(), writer=ChangeWriter(db, Actor(ident.device_id, None, "区县"),
                                                                            clock))
    db.close()


def _household(server: Any, village: str, group: int, attribute: str, people: int) -> str:
    with server.writer.transaction() as txn:
        hid = str(txn.insert(Household, {"village_id": village, "group_no": group, "attribute": attribute,
                                         "exit_status": "0", "hh_no": f"6110021{group}{people}{attribute}"}))
        for i in range(people):
            txn.insert(Member, {"household_id": hid, "name": f"成员{i}", "relation": "01" if i == 0 else "03"})
    return hid


def test_the_four_charts_of_a_district_on_postgresql(server: Any, tmp_path: Path) -> None:
    district = add_area(server, "district", "商州区", None, "611002")
    town1 = add_area(server, "town", "北宽坪镇", district, "611002100")
    town2 = add_area(server, "town", "杨峪河镇", district, "611002200")
    east = add_area(server, "village", "东村", town1, "611002100001")
    south = add_area(server, "village", "南村", town2, "611002200001")
    a = _household(server, east, 1, "01", 3)
    b = _household(server, east, 2, "04", 2)
    c = _household(server, south, 1, "06", 4)
    finish_workflow(server, b, "exit", dt.date(2026, 3, 10))
    with server.writer.transaction() as txn:
        txn.insert(Measure, {"household_id": a, "type": "industry", "content": "种植核桃", "industry": "fruit",
                             "amount": 300_000, "date": dt.date(2026, 2, 1)})
    set_target(server, town1, 2026, ch.TARGET_HOUSEHOLDS, 2)
    set_target(server, east, 2026, "industry_fruit", 3)

    charts = figures.all_charts(server.db, server.ref, district, 2026, AS_OF)
    town_rows = charts.distribution.rows
    assert [(r.unit.name, r.households.value, r.people.value) for r in town_rows] == [("北宽坪镇", 2, 5),
                                                                                        ("杨峪河镇", 1, 4)]
    assert town_rows[0].exited.households == (b,) and town_rows[1].tekun.households == (c,)
    assert charts.progress.months[2].households.households == (b,)
    assert (charts.progress.households.done, charts.progress.households.target) == (1, 2)
    fruit = next(r for r in charts.industries.rows if r.industry == "fruit")
    assert (fruit.total.households.households, fruit.total.plan) == ((a,), 3)
    assert charts.data_time is not None
    assert [r.head_name for r in figures.drill(server.db, town_rows[0].households.households)] == ["成员0", "成员0"]
    out = posters.write_poster(charts, server.ref, tmp_path / "server.pdf", size="A1")
    assert pdftools.pages(out) == 4
