"""The household list projection follows every change that the list shows."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.ids import natural_id
from fieldapp.store import derived
from fieldapp.store.db import Database
from fieldapp.store.models import Household, IncomeYear, Member
from fieldapp.store.writer import ChangeWriter
from tests.helpers.idgen import resident_id


def listed(db: Database, household_id: str) -> dict[str, Any] | None:
    with db.read() as conn:
        found = conn.exec_driver_sql("SELECT * FROM household_list WHERE household_id = ?",
                                     (household_id,)).mappings().first()
    return dict(found) if found else None


def add_members(writer: ChangeWriter, household: str, *people: tuple[str, str]) -> list[str]:
    with writer.transaction() as txn:
        return [txn.insert(Member, {"household_id": household, "name": name, "relation": relation,
                                    "id_no": resident_id(i + 1)})
                for i, (name, relation) in enumerate(people)]


def test_new_household_is_listed_without_a_head(db: Database, household: str) -> None:
    row = listed(db, household)
    assert row is not None
    assert row["hh_no"] == "611002000001" and row["group_no"] == 2 and row["main_cause"] == "01"
    assert row["head_name"] is None and row["member_count"] == 0 and row["per_person_income"] is None


def test_members_and_head(db: Database, writer: ChangeWriter, household: str) -> None:
    add_members(writer, household, ("张三明", "01"), ("李美", "02"), ("张小明", "03"))
    row = listed(db, household)
    assert row is not None
    assert (row["head_name"], row["head_initials"], row["head_pinyin"]) == ("张三明", "zsm", "zhangsanming")
    assert row["head_id_no"] == resident_id(1)
    assert row["member_count"] == 3


def test_follows_a_rename_of_the_head(db: Database, writer: ChangeWriter, household: str) -> None:
    head, spouse = add_members(writer, household, ("张三明", "01"), ("李美", "02"))
    with writer.transaction() as txn:
        txn.update(Member, head, {"name": "王大力"})
    row = listed(db, household)
    assert row is not None
    assert (row["head_name"], row["head_initials"], row["head_pinyin"]) == ("王大力", "wdl", "wangdali")
    with writer.transaction() as txn:
        txn.update(Member, spouse, {"name": "赵美"})  # not the head: list unchanged
    assert listed(db, household)["head_name"] == "王大力"  # type: ignore[index]


def test_follows_a_change_of_head(db: Database, writer: ChangeWriter, household: str) -> None:
    head, spouse = add_members(writer, household, ("张三明", "01"), ("李美", "02"))
    with writer.transaction() as txn:
        txn.update(Member, head, {"relation": "02"})
        txn.update(Member, spouse, {"relation": "01"})
    row = listed(db, household)
    assert row is not None
    assert (row["head_name"], row["head_initials"], row["head_id_no"]) == ("李美", "lm", resident_id(2))


def test_follows_member_deletion(db: Database, writer: ChangeWriter, household: str) -> None:
    head, _spouse, child = add_members(writer, household, ("张三明", "01"), ("李美", "02"), ("张小明", "03"))
    with writer.transaction() as txn:
        txn.delete(Member, child)
    assert listed(db, household)["member_count"] == 2  # type: ignore[index]
    with writer.transaction() as txn:
        txn.delete(Member, head)
    row = listed(db, household)
    assert row is not None
    assert row["member_count"] == 1 and row["head_name"] is None and row["head_initials"] is None


def test_follows_household_fields(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        txn.update(Household, household, {"exit_status": "1", "group_no": 7, "attribute": "04", "hh_no": "X9"})
    row = listed(db, household)
    assert row is not None
    assert (row["exit_status"], row["group_no"], row["attribute"], row["hh_no"]) == ("1", 7, "04", "X9")


def test_follows_income_changes(db: Database, writer: ChangeWriter, household: str) -> None:
    add_members(writer, household, ("张三明", "01"), ("李美", "02"), ("张小明", "03"))
    y2022 = natural_id("income_year", household, 2022)
    y2023 = natural_id("income_year", household, 2023)
    with writer.transaction() as txn:
        txn.put(IncomeYear, y2022, {"household_id": household, "year": 2022, "wage": 900_00, "persons": 2})
    row = listed(db, household)
    assert row is not None and (row["income_year"], row["per_person_income"]) == (2022, 450_00)

    with writer.transaction() as txn:  # no persons: the member count (3) is used; 1000.00/3 → 333.33
        txn.put(IncomeYear, y2023, {"household_id": household, "year": 2023, "wage": 800_00, "production": 400_00,
                                    "production_cost": 200_00})
    row = listed(db, household)
    assert row is not None and (row["income_year"], row["per_person_income"]) == (2023, 333_33)

    with writer.transaction() as txn:
        txn.update(IncomeYear, y2023, {"persons": 4, "transfer_dibao": 1_00})
    assert listed(db, household)["per_person_income"] == 250_25  # type: ignore[index]  # 1001.00 / 4

    with writer.transaction() as txn:
        txn.delete(IncomeYear, y2023)  # back to the latest remaining year
    row = listed(db, household)
    assert row is not None and (row["income_year"], row["per_person_income"]) == (2022, 450_00)

    with writer.transaction() as txn:
        txn.delete(IncomeYear, y2022)
    row = listed(db, household)
    assert row is not None and (row["income_year"], row["per_person_income"]) == (None, None)


def test_household_deletion_removes_it_from_the_list(db: Database, writer: ChangeWriter, household: str) -> None:
    add_members(writer, household, ("张三明", "01"))
    with writer.transaction() as txn:
        txn.delete(Household, household)
    assert listed(db, household) is None
    with writer.transaction() as txn:  # revived (e.g. an undo or a sync): listed again
        txn.put(Household, household, {})
    assert listed(db, household)["head_name"] == "张三明"  # type: ignore[index]


def test_incremental_projection_equals_a_full_rebuild(db: Database, writer: ChangeWriter, village: str) -> None:
    ids = []
    with writer.transaction() as txn:
        for i in range(12):
            hid = txn.insert(Household, {"village_id": village, "group_no": i % 4 or None, "hh_no": f"H{i:03d}",
                                         "main_cause": "01"})
            ids.append(hid)
            for j in range(i % 3 + 1):
                txn.insert(Member, {"household_id": hid, "name": f"户{i}员{j}", "relation": "01" if j == 0 else "03"})
            if i % 2:
                txn.put(IncomeYear, natural_id("income_year", hid, 2023),
                        {"household_id": hid, "year": 2023, "wage": 1000 * i})
    with writer.transaction() as txn:
        txn.delete(Household, ids[5])
    with db.read() as conn:
        incremental = [dict(r) for r in conn.exec_driver_sql(
            "SELECT * FROM household_list ORDER BY household_id").mappings()]
    with db.transaction() as conn:  # the projection is local: rebuilt outside the writer
        conn.exec_driver_sql("DELETE FROM household_list")
        derived.refresh_households(conn, ids)
    with db.read() as conn:
        rebuilt = [dict(r) for r in conn.exec_driver_sql(
            "SELECT * FROM household_list ORDER BY household_id").mappings()]
    assert rebuilt == incremental
    assert len(rebuilt) == 11
