"""Saving one edited field costs the same, whatever the size of the register.

The SQL statements are recorded with a ``before_cursor_execute`` listener while one
field is saved in a register of 10 households and again after it has grown to 300:
the statements must be the same, and none of them may scan a whole table.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import Household, Member
from tests.helpers.idgen import resident_id
from tests.store.util import StatementLog

_SCAN = re.compile(r"\bSCAN (\w+)")


def _household(ctx: AppContext, n: int) -> str:
    """Like the shared ``make_household`` (head + one child), with IDs unique beyond 100 households.

    (``make_household`` repeats ID numbers from its 101st household on: its sequence code
    ``n * 10 + 1`` wraps at 1000 while the birth date stays the same.)
    """
    born = dt.date(1960, 1, 1) + dt.timedelta(days=n)
    people = [{"name": f"户主{n}", "relation": "01", "id_no": resident_id(1, born)},
              {"name": f"成员{n}", "relation": "03", "id_no": resident_id(2, born + dt.timedelta(days=9000))}]
    record = register.HouseholdRecord(household={
        "village_id": villages(ctx)[0][0], "group_no": 1 + n % 5, "hh_no": f"611002{n:06d}", "main_cause": "01",
        "attribute": "01", "exit_status": "0", "standard": "01"}, members=people)
    return register.save_record(ctx.writer, ctx.ref, record)


def _save_field(ctx: AppContext, household_id: str, edit: Callable[[register.HouseholdRecord], None]) -> list[Any]:
    original = register.load_record(ctx.db, household_id)
    edited = copy.deepcopy(original)
    edit(edited)
    with StatementLog(ctx.db) as seen:
        register.save_record(ctx.writer, ctx.ref, edited, original)
    return seen.statements


def _update_directly(ctx: AppContext, model: Any, row_id: str, changes: dict[str, Any]) -> list[Any]:
    with StatementLog(ctx.db) as seen, ctx.writer.transaction() as txn:
        assert txn.update(model, row_id, changes)
    return seen.statements


def _full_scans(ctx: AppContext, statements: list[Any]) -> list[str]:
    """Tables a statement reads end to end (EXPLAIN QUERY PLAN ``SCAN <table>``)."""
    tables = {"household", "member", "income_year", "indicator", "measure", "change_log", "household_list", "area"}
    raw = ctx.db.engine.raw_connection()
    try:
        found = []
        for sql, params in statements:
            if sql.split()[0].upper() not in {"SELECT", "UPDATE", "DELETE"}:
                continue
            for plan in raw.cursor().execute("EXPLAIN QUERY PLAN " + sql, params).fetchall():
                m = _SCAN.search(plan[-1])
                if m and m.group(1) in tables:
                    found.append(f"{plan[-1]} ← {sql[:80]}")
        return found
    finally:
        raw.close()


def _phone(record: register.HouseholdRecord, value: str) -> None:
    record.household["phone"] = value


def _member_name(record: register.HouseholdRecord, value: str) -> None:
    record.members[1]["name"] = value


def test_one_saved_field_costs_the_same_for_10_and_300_households(ctx: AppContext) -> None:
    ids = [_household(ctx, i) for i in range(10)]
    target = ids[3]
    small = {
        "phone": _save_field(ctx, target, lambda r: _phone(r, "13900000001")),
        "member": _save_field(ctx, target, lambda r: _member_name(r, "李一")),
        "update": _update_directly(ctx, Household, target, {"address": "一组"}),
        "member_update": _update_directly(ctx, Member, register.load_record(ctx.db, target).members[0]["id"],
                                          {"employer": "甲厂"}),
    }
    for i in range(10, 300):
        _household(ctx, i)
    assert ctx.db.scalar("SELECT count(*) FROM household_list") == 300
    large = {
        "phone": _save_field(ctx, target, lambda r: _phone(r, "13900000002")),
        "member": _save_field(ctx, target, lambda r: _member_name(r, "李二")),
        "update": _update_directly(ctx, Household, target, {"address": "二组"}),
        "member_update": _update_directly(ctx, Member, register.load_record(ctx.db, target).members[0]["id"],
                                          {"employer": "乙厂"}),
    }
    for key, before in small.items():
        assert len(large[key]) == len(before), key
        assert [s for s, _ in large[key]] == [s for s, _ in before], key
        assert _full_scans(ctx, large[key]) == [], key
    # one field edited → one change-log row, one row update, one projection upsert, the signed chain head
    writes = [s.split()[0:3] for s, _ in large["phone"] if s.split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == [["UPDATE", "household", "SET"], ["INSERT", "INTO", "change_log"],
                      ["INSERT", "INTO", "household_list"], ["UPDATE", "local_state", "SET"]]
    assert len(large["phone"]) <= 20
