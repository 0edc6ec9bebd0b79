"""Shared fixtures (loaded as a pytest plugin via ``-p tests.helpers.fixtures``).

- ``data_home``: an empty data folder; FIELDAPP_HOME points at it.
- ``bare_ctx``: that folder opened, its register a copy of a migrated empty one (:mod:`tests.helpers.templates`:
  the migrations run once per process, not once per test; the tests about migrations make their own).
- ``ctx``: an AppContext already set up (district 商州区, town 北宽坪镇, villages 东村/西村,
  cadre 王伟) with a device identity.
- ``signed_in``: ``signed_in("member")`` → a context logged in as an account with those roles
  (see :mod:`tests.helpers.people`; logins run scrypt at a test cost).
- ``make_household``: saves a valid household through the register service (``legacy=True``:
  writes it unchecked, as an old register may hold it).
- every test that ran with a QApplication ends with it settled (:mod:`tests.helpers.qt_state`): closed windows
  are deleted, windows still shown then fail the test, keyboard modifiers QTest left held are released.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldapp import paths
from fieldapp.domain.ids import natural_id
from fieldapp.services import register
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.setup import SetupInfo, run_setup, villages
from fieldapp.store.models import Household, IncomeYear, Member
from tests.helpers import people as people_helpers
from tests.helpers.idgen import resident_id
from tests.helpers.postgres import postgres_databases, postgres_url  # noqa: F401  (fixtures, shared here)
from tests.helpers.templates import place_register


@pytest.fixture(autouse=True)
def _qt_settled() -> Iterator[None]:
    """The next test in this process (an xdist worker runs any mix) finds the QApplication as a fresh one."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:  # no Qt in this process: nothing to settle, nothing to import
        return
    from tests.helpers import qt_state

    left = qt_state.settle()
    if left:
        pytest.fail("windows still shown after the test's widgets were deleted (close or end them in the test): "
                    + ", ".join(left))


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Logins at a test cost (the keystore's slots record their own scrypt cost); the CLI logs in as the
    demo's team leader (who exists once a test ran ``fieldapp demo``; a laptop without accounts asks nobody)."""
    people_helpers.fast_scrypt(monkeypatch)
    people_helpers.cli_user(monkeypatch, people_helpers.DEMO_LEADER, people_helpers.DEMO_PASSWORD)


@pytest.fixture
def signed_in(ctx: AppContext) -> Iterator[Callable[..., AppContext]]:
    """``signed_in(*roles, cadre_id=None)``: a context logged in as a new account with ``roles``."""
    opened: list[AppContext] = []

    def make(*roles: str, name: str | None = None, cadre_id: str | None = None) -> AppContext:
        opened.append(people_helpers.as_role(ctx, *roles, name=name, cadre_id=cadre_id))
        return opened[-1]

    yield make
    for c in opened:
        c.close()


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv(paths.ENV_HOME, str(home))
    return home


@pytest.fixture
def bare_ctx(data_home: Path) -> Iterator[AppContext]:
    """An opened data folder that has not been through the setup wizard."""
    data = paths.resolve()
    place_register(data.database)
    ctx = open_context(data)
    yield ctx
    ctx.close()


@pytest.fixture
def ctx(bare_ctx: AppContext) -> AppContext:
    run_setup(bare_ctx, SetupInfo(
        district="商州区", town="北宽坪镇", villages=["东村", "西村"], cadre_name="王伟",
        cadre_unit="区国土资源局", cadre_phone="13912345678", district_code="611002",
    ))
    return bare_ctx


def write_unchecked(ctx: AppContext, record: register.HouseholdRecord) -> str:
    """Write a record through the store without the register's rules (rows from an old register)."""
    with ctx.writer.transaction() as txn:
        household_id = txn.insert(Household, dict(record.household))
        for member in record.members:
            txn.insert(Member, {**member, "household_id": household_id})
        for income in record.incomes:
            txn.put(IncomeYear, natural_id("income_year", household_id, income["year"]),
                    {**income, "household_id": household_id})
    return str(household_id)


@pytest.fixture
def make_household(ctx: AppContext) -> Callable[..., str]:
    counter = iter(range(1, 100000))

    def make(head: str = "张三明", *, members: int = 2, village: int = 0, legacy: bool = False,
             **household: Any) -> str:
        """A household saved by the register service; ``legacy``: written as is, unchecked, the way an
        old register or another laptop may hold it (e.g. without 户编号)."""
        n = next(counter)
        base = {"village_id": villages(ctx)[village][0], "group_no": 1 + n % 5, "hh_no": f"61100200{n:04d}",
                "main_cause": "01", "attribute": "01", "exit_status": "0", "standard": "01"}
        base.update(household)
        # The birth day varies with n so ids never repeat, however many households a test makes.
        born = dt.date(1960, 1, 1) + dt.timedelta(days=n)
        people = [{"name": head, "relation": "01", "id_no": resident_id(1, born)}]
        for i in range(1, members):
            people.append({"name": f"成员{n}-{i}", "relation": "03",
                           "id_no": resident_id(1 + i, born + dt.timedelta(days=365 * 25))})
        record = register.HouseholdRecord(household=base, members=people)
        if legacy:
            return write_unchecked(ctx, record)
        return register.save_record(ctx.writer, ctx.ref, record)

    return make
