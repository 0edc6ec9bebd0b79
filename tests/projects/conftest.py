"""A village's project for the service tests: 东村's 核桃园 (60万: 50万 上级 + 10万 本级财政) and two of its
households; ``approved_project`` is the same approved at 55万 on 2026-03-01. ``library``: the ledgers' projects
(two in 东村, one in 西村, one of the town's own), with odd fen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from fieldapp.services.context import AppContext
from fieldapp.services.projects import service
from fieldapp.services.setup import villages
from tests.sync.conftest import nodes, template_db  # noqa: F401  (the sync tests' replicas, for test_sync)

WAN = 1_000_000  # 1万元 in fen
D = dt.date


@dataclass(frozen=True)
class World:
    east: str
    west: str
    town: str
    a: str  # households of 东村
    b: str
    c_west: str  # a household of 西村


@pytest.fixture
def world(ctx: AppContext, make_household: Callable[..., str]) -> World:
    east, west = (v[0] for v in villages(ctx)[:2])
    town = ctx.db.scalar("SELECT id FROM area WHERE level = 'town'")
    return World(east, west, town, make_household("张大山"), make_household("李二河"),
                 make_household("王三水", village=1))


def draft(area_id: str, **changes: object) -> service.ProjectDraft:
    values: dict[str, object] = {
        "area_id": area_id, "name": "核桃园提质增效", "type": "industry", "industry": "fruit",
        "unit": "北宽坪镇农业综合服务站", "budget": {"superior": 50 * WAN, "local_finance": 10 * WAN},
        "planned_start": D(2026, 3, 10), "planned_end": D(2026, 9, 30)}
    values.update(changes)
    return service.ProjectDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def project(ctx: AppContext, world: World) -> str:
    return service.create(ctx, draft(world.east))


@pytest.fixture
def approved_project(ctx: AppContext, project: str) -> str:
    service.approve(ctx, project, 55 * WAN, D(2026, 3, 1))
    return project


@pytest.fixture
def library(ctx: AppContext, world: World) -> dict[str, str]:
    """东村: a walnut project (approved, paid in 2026 and 2027) and a planned path; 西村: a road with odd fen;
    the town: a sewage station of its own."""
    walnut = service.create(ctx, draft(world.east))
    service.approve(ctx, walnut, 55 * WAN, D(2026, 3, 1))
    service.set_beneficiary(ctx, walnut, world.a, 30_000_01)
    service.set_beneficiary(ctx, walnut, world.b, 20_000_00)
    service.change_status(ctx, walnut, "in_progress", actual_start=D(2026, 3, 15))
    service.record_progress(ctx, walnut, D(2026, 5, 1), 40)
    service.record_progress(ctx, walnut, D(2026, 8, 1), 75)
    for day, amount, channel, voucher in ((D(2026, 4, 1), 20 * WAN, "superior", "记-001"),
                                          (D(2026, 5, 2), 9_999_999, "local_finance", "记-002"),
                                          (D(2027, 1, 10), 15 * WAN + 1, "superior", "记-003")):
        service.disburse(ctx, walnut, day=day, amount=amount, channel=channel, payee="镇财政所", voucher_no=voucher)
    path = service.create(ctx, draft(world.east, name="一组人行路改造", type="infrastructure", industry=None,
                                     budget={"social": 8 * WAN}, planned_start=D(2026, 10, 1),
                                     planned_end=D(2026, 12, 1)))
    road = service.create(ctx, draft(world.west, name="西大站标准化建设", type="infrastructure", industry=None,
                                     budget={"superior": 12_345_678, "financial": 3_333_333}))
    service.approve(ctx, road, 15 * WAN, D(2026, 2, 1))
    for i in range(3):
        service.disburse(ctx, road, day=D(2026, 6, 1 + i), amount=3_333_333, channel="superior", payee="施工队",
                         voucher_no=f"西-{i}")
    service.disburse(ctx, road, day=D(2026, 7, 1), amount=3_333_333, channel="financial", payee="信用社",
                     voucher_no="西-9")
    sewage = service.create(ctx, draft(world.town, name="镇污水处理站", type="ecology", industry=None,
                                       budget={"superior": 7_777_777}))
    service.approve(ctx, sewage, 7_777_777, D(2026, 4, 1))
    service.disburse(ctx, sewage, day=D(2026, 9, 9), amount=7_777_777, channel="superior", payee="镇建管站",
                     voucher_no="镇-1")
    return {"walnut": walnut, "path": path, "road": road, "sewage": sewage}
