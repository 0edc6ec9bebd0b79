"""A village's project for the service tests: 东村's 核桃园 (60万: 50万 上级 + 10万 本级财政) and two of its
households; ``approved_project`` is the same approved at 55万 on 2026-03-01."""

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
