"""Fixtures shared by the visit tests (service and GUI): the signed-in cadre, cadres, a paired household."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import Cadre

REGISTERED = dt.date(2020, 1, 1)


@pytest.fixture
def me(ctx: AppContext) -> str:
    """The signed-in cadre (王伟)."""
    return str(ctx.settings["cadre_id"])


@pytest.fixture
def make_cadre(ctx: AppContext) -> Callable[..., str]:
    def make(name: str, role: str = "member", unit: str | None = None) -> str:
        with ctx.writer.transaction() as txn:
            return txn.insert(Cadre, {"name": name, "role": role, "unit": unit})
    return make


@pytest.fixture
def household(make_household: Callable[..., str], me: str) -> str:
    """A household of 东村 paired with the signed-in cadre, identified on 2020-01-01."""
    return make_household("李大山", identified_on=REGISTERED, cadre_id=me)


@pytest.fixture
def village_ids(ctx: AppContext) -> list[str]:
    return [v for v, _ in villages(ctx)]
