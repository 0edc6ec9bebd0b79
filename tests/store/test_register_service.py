"""The register service: whole-record save (all or nothing), load, delete."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from tests.helpers.idgen import resident_id
from tests.store.util import count, log_rows

TABLES = ("household", "member", "income_year", "indicator", "measure", "change_log", "household_list")


def snapshot(ctx: AppContext) -> dict[str, Any]:
    state: dict[str, Any] = {}
    with ctx.db.read() as conn:
        for table in TABLES:
            state[table] = [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1")]
    return state


def full_record(ctx: AppContext, head: str = "张三明", seq: int = 1) -> register.HouseholdRecord:
    born = dt.date(1970, 1, 1) + dt.timedelta(days=seq)
    return register.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "group_no": 3, "hh_no": f"6110020{seq:05d}",
                   "main_cause": "01", "cause2": "08", "attribute": "04", "exit_status": "0", "standard": "01",
                   "phone": "0914-1234567", "identified_on": dt.date(2014, 10, 1), "farmland_mu": "2.5"},
        members=[
            {"name": f" {head} ", "relation": "01", "id_no": resident_id(seq * 2 + 1, born)},
            {"name": "李美", "relation": "02", "id_no": resident_id(seq * 2 + 2, born), "health": "04",
             "disability_grade": "2", "disability_cert": resident_id(seq * 2 + 2, born) + "12"},
        ],
        incomes=[{"year": 2022, "wage": 500_00, "persons": 2}, {"year": 2023, "wage": 800_00, "production": 100_00,
                                                                "production_cost": 40_00}],
        indicators=[{"code": "food", "met": True, "checked_on": dt.date(2024, 1, 5)}],
        measures=[{"type": "industry", "content": "发展养牛", "amount": 3000_00, "industry": "livestock",
                   "date": dt.date(2023, 4, 1)}],
    )


def test_save_and_load_round_trip(ctx: AppContext) -> None:
    record = full_record(ctx)
    hid = register.save_record(ctx.writer, ctx.ref, record)
    loaded = register.load_record(ctx.db, hid)
    assert loaded.id == hid
    assert loaded.household["phone"] == "0914-1234567"
    assert loaded.household["identified_on"] == dt.date(2014, 10, 1)
    assert [m["name"] for m in loaded.members] == ["张三明", "李美"]  # trimmed, ordered by relation
    head = loaded.members[0]
    assert head["birth_date"] == dt.date(1970, 1, 2) and head["gender"] == "1"  # derived from the ID
    assert [i["year"] for i in loaded.incomes] == [2022, 2023]
    assert loaded.incomes[0]["id"] == natural_id("income_year", hid, 2022)
    assert loaded.indicators[0]["id"] == natural_id("indicator", hid, "food")
    assert loaded.measures[0]["content"] == "发展养牛"
    assert not any(k in loaded.household for k in ("deleted", "row_hlc", "field_clocks"))
    listed = ctx.db.scalar("SELECT per_person_income FROM household_list WHERE household_id = :h", h=hid)
    assert listed == 430_00  # (800 + 100 − 40) / 2 members


def test_member_ids_are_normalized_before_saving(ctx: AppContext) -> None:
    number = next(n for n in (resident_id(s, dt.date(1988, 8, 8)) for s in range(1000)) if n.endswith("X"))
    record = register.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "main_cause": "01", "hh_no": "611002000901"},
        members=[{"name": "马九", "relation": "01", "id_no": " " + number.lower().replace("1", "１")}])
    hid = register.save_record(ctx.writer, ctx.ref, record)
    assert register.load_record(ctx.db, hid).members[0]["id_no"] == number


def test_invalid_record_raises_with_field_keys_and_writes_nothing(ctx: AppContext) -> None:
    before = snapshot(ctx)
    record = full_record(ctx)
    record.household["main_cause"] = None
    record.members[1]["relation"] = "01"
    record.incomes[1]["wage"] = -5
    record.incomes.append({"year": 2022})
    record.measures[0]["content"] = ""
    with pytest.raises(ValidationError) as info:
        register.save_record(ctx.writer, ctx.ref, record)
    assert set(info.value.problems) == {"household.main_cause", "members", "income[1].wage", "income[2].year",
                                        "measure[0].content"}
    assert snapshot(ctx) == before


def test_duplicate_id_across_households_leaves_everything_unchanged(ctx: AppContext) -> None:
    first = full_record(ctx, "张三明", seq=1)
    hid = register.save_record(ctx.writer, ctx.ref, first)
    before = snapshot(ctx)
    second = full_record(ctx, "赵六", seq=2)
    second.members[1]["id_no"] = first.members[0]["id_no"]
    second.members[1]["disability_cert"] = None
    with pytest.raises(ValidationError) as info:
        register.save_record(ctx.writer, ctx.ref, second)
    assert list(info.value.problems) == ["member[1].id_no"]
    message = info.value.problems["member[1].id_no"]
    assert "户编号 611002000001" in message and "户主 张三明" in message and "张三明" in message
    assert snapshot(ctx) == before
    assert ctx.db.scalar("SELECT count(*) FROM household WHERE id != :h", h=hid) == 0


def test_failed_edit_is_all_or_nothing(ctx: AppContext, make_household: Callable[..., str]) -> None:
    other = make_household("赵六")
    taken = register.load_record(ctx.db, other).members[0]["id_no"]
    hid = register.save_record(ctx.writer, ctx.ref, full_record(ctx))
    original = register.load_record(ctx.db, hid)
    before = snapshot(ctx)
    edited = copy.deepcopy(original)
    edited.household["phone"] = "13900000000"  # would be written first…
    edited.members[0]["name"] = "张大明"
    edited.incomes[0]["wage"] = 1
    edited.members.append({"name": "外人", "relation": "03", "id_no": taken})  # …but this is refused
    with pytest.raises(ValidationError, match="已登记"):
        register.save_record(ctx.writer, ctx.ref, edited, original)
    assert snapshot(ctx) == before


def test_edit_writes_only_the_difference(ctx: AppContext) -> None:
    hid = register.save_record(ctx.writer, ctx.ref, full_record(ctx))
    original = register.load_record(ctx.db, hid)
    logs = count(ctx.db, "change_log")
    same = copy.deepcopy(original)
    register.save_record(ctx.writer, ctx.ref, same, original)
    assert count(ctx.db, "change_log") == logs  # saving an unchanged record writes nothing

    edited = copy.deepcopy(original)
    edited.members[1]["name"] = "李梅"
    register.save_record(ctx.writer, ctx.ref, edited, original)
    (entry,) = log_rows(ctx.db)[logs:]
    assert (entry["tbl"], entry["op"], entry["fields"]) == ("member", "update", {"name": "李梅"})


def test_removed_children_are_tombstoned_and_income_years_revive(ctx: AppContext) -> None:
    hid = register.save_record(ctx.writer, ctx.ref, full_record(ctx))
    original = register.load_record(ctx.db, hid)
    edited = copy.deepcopy(original)
    removed_member = edited.members.pop(1)
    edited.incomes = [i for i in edited.incomes if i["year"] != 2023]
    edited.measures = []
    register.save_record(ctx.writer, ctx.ref, edited, original)
    loaded = register.load_record(ctx.db, hid)
    assert len(loaded.members) == 1 and [i["year"] for i in loaded.incomes] == [2022] and loaded.measures == []
    assert ctx.db.scalar("SELECT deleted FROM member WHERE id = :i", i=removed_member["id"]) == 1
    assert ctx.db.scalar("SELECT member_count FROM household_list WHERE household_id = :h", h=hid) == 1

    again = copy.deepcopy(loaded)
    again.incomes.append({"year": 2023, "wage": 900_00})
    register.save_record(ctx.writer, ctx.ref, again, loaded)
    income_id = natural_id("income_year", hid, 2023)
    assert ctx.db.scalar("SELECT count(*) FROM income_year WHERE id = :i", i=income_id) == 1
    assert ctx.db.scalar("SELECT deleted FROM income_year WHERE id = :i", i=income_id) == 0
    assert ctx.db.scalar("SELECT wage FROM income_year WHERE id = :i", i=income_id) == 900_00


def test_delete_household_tombstones_everything(ctx: AppContext) -> None:
    record = full_record(ctx)
    hid = register.save_record(ctx.writer, ctx.ref, record)
    register.delete_household(ctx.writer, hid)
    for table in ("member", "income_year", "indicator", "measure"):
        assert ctx.db.scalar(f"SELECT count(*) FROM {table} WHERE household_id = :h AND deleted = 0", h=hid) == 0
        assert ctx.db.scalar(f"SELECT count(*) FROM {table} WHERE household_id = :h", h=hid) > 0
    assert ctx.db.scalar("SELECT deleted FROM household WHERE id = :h", h=hid) == 1
    assert ctx.db.scalar("SELECT count(*) FROM household_list WHERE household_id = :h", h=hid) == 0
    with pytest.raises(LookupError):
        register.load_record(ctx.db, hid)
    deletes = [e for e in log_rows(ctx.db, household_id=hid) if e["op"] == "delete"]
    assert len(deletes) == 1 + 2 + 2 + 1 + 1
    assert all(json.dumps(e["fields"]) == '{"deleted": true}' for e in deletes)
    # the people are free to be registered again
    register.save_record(ctx.writer, ctx.ref, full_record(ctx, "张三明", seq=1))


def test_duplicate_check_ignores_the_household_itself(ctx: AppContext) -> None:
    hid = register.save_record(ctx.writer, ctx.ref, full_record(ctx))
    original = register.load_record(ctx.db, hid)
    edited = copy.deepcopy(original)
    edited.members.reverse()  # same people, other order
    edited.household["note"] = "复核"
    register.save_record(ctx.writer, ctx.ref, edited, original)
    assert register.load_record(ctx.db, hid).household["note"] == "复核"
