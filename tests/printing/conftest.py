"""Fixtures for the printing tests: a register with one household of each door-plate kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.queries import HouseholdQuery
from tests.helpers.idgen import resident_id

HEALTH_MEASURE = "住院医疗救助4321元"
BANK_ACCOUNT = "6217000011112222333"


@pytest.fixture
def add_household(ctx: AppContext) -> Callable[..., str]:
    """Save a household with full control over its parts; returns its id."""
    counter = iter(range(1, 100000))

    def add(head: str = "李春生", *, members: list[dict[str, Any]] | None = None,
            measures: list[dict[str, Any]] | None = None, incomes: list[dict[str, Any]] | None = None,
            village: int = 0, **household: Any) -> str:
        n = next(counter)
        born = dt.date(1961, 1, 1) + dt.timedelta(days=n)
        base = {"village_id": villages(ctx)[village][0], "group_no": 3, "hh_no": f"6110021050{n:06d}",
                "main_cause": "01", "attribute": "01", "exit_status": "0", "standard": "01",
                "cadre_id": ctx.settings["cadre_id"]}
        base.update(household)
        people = [{"name": head, "relation": "01", "id_no": resident_id(1, born)}]
        for i, extra in enumerate(members or [], start=1):
            person = {"name": f"家人{n}-{i}", "relation": "03",
                      "id_no": resident_id(100 + i, born + dt.timedelta(days=9000 + i))}
            person.update(extra)
            people.append(person)
        record = register.HouseholdRecord(household=base, members=people, measures=measures or [],
                                          incomes=incomes or [])
        return register.save_record(ctx.writer, ctx.ref, record)

    return add


@pytest.fixture
def two_kinds(add_household: Callable[..., str]) -> dict[str, str]:
    """A 兜底户 (低保, 因残, a disabled member, a health measure, a bank account) and a 脱贫户."""
    safety = add_household(
        "周桂兰", attribute="04", main_cause="02", cause2="01", group_no=2, bank_name="邮储银行",
        bank_account=BANK_ACCOUNT, exit_deadline=2027,
        members=[{"name": "周小军", "health": "04", "disability_grade": "2"}],
        measures=[{"type": "social_security", "content": "纳入农村低保，每人每月260元", "amount": 624000},
                  {"type": "health", "content": HEALTH_MEASURE, "amount": 432100}],
    )
    development = add_household(
        "王德福", attribute="05", main_cause="07", exit_status="1", exit_year=2019, group_no=5,
        identified_on=dt.date(2015, 3, 1),
        members=[{"name": "王小梅", "health": "02"}, {"name": "王小军"}],
        measures=[{"type": "industry", "content": "养殖中蜂10箱，发放蜂箱补助", "amount": 300000},
                  {"type": "employment", "content": "推荐到区扶贫车间务工"}],
        incomes=[{"year": 2024, "persons": 3, "wage": 1500000, "production": 600000, "production_cost": 120000}],
    )
    return {"safety_net": safety, "development": development}


@pytest.fixture
def all_households() -> HouseholdQuery:
    return HouseholdQuery(sort="hh_no")
