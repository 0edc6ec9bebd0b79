"""An accepted project for the asset tests: 东村's 光伏电站 (approved 50万, two beneficiary households), carried
through approval, work and a signed acceptance by the township; ``completed_project`` stops before acceptance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from fieldapp.services.context import AppContext
from fieldapp.services.projects import service as projects
from fieldapp.services.setup import villages
from tests.sync.conftest import nodes, template_db  # noqa: F401  (the sync tests' replicas, for test_sync)

WAN = 1_000_000  # 1万元 in fen
D = dt.date


@dataclass(frozen=True)
class World:
    east: str
    town: str
    a: str  # beneficiary households of 东村
    b: str
    c: str  # a household of 东村 that is no beneficiary
    west: str  # a household of 西村


@pytest.fixture
def world(ctx: AppContext, make_household: Callable[..., str]) -> World:
    east = villages(ctx)[0][0]
    town = ctx.db.scalar("SELECT id FROM area WHERE level = 'town'")
    return World(east, town, make_household("张大山"), make_household("李二河"), make_household("赵四海"),
                 make_household("王三水", village=1))


@pytest.fixture
def completed_project(ctx: AppContext, world: World) -> str:
    pid = projects.create(ctx, projects.ProjectDraft(
        area_id=world.east, name="村级光伏电站", type="industry", unit="北宽坪镇农业综合服务站",
        budget={"superior": 40 * WAN, "local_finance": 10 * WAN}, planned_start=D(2025, 3, 1),
        planned_end=D(2025, 8, 31)))
    projects.approve(ctx, pid, 50 * WAN, D(2025, 2, 20))
    projects.set_beneficiary(ctx, pid, world.a, 3 * WAN)
    projects.set_beneficiary(ctx, pid, world.b, 3 * WAN)
    projects.change_status(ctx, pid, "in_progress", actual_start=D(2025, 3, 5))
    projects.disburse(ctx, pid, day=D(2025, 4, 1), amount=40 * WAN, channel="superior", payee="施工方",
                      voucher_no="记-001")
    projects.change_status(ctx, pid, "completed", actual_end=D(2025, 8, 20))
    return pid


@pytest.fixture
def accepted_project(completed_project: str, signed_in: Callable[..., AppContext]) -> str:
    township = signed_in("township", name="乡镇验收员")
    projects.accept(township, completed_project, day=D(2025, 9, 1), members=["赵镇长", "村监委刘"],
                    findings="并网发电正常，同意验收", passed=True)
    return completed_project
