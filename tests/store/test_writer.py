"""The one write path: rows and change-log entries in one transaction, clocks, sequences, tombstones."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fieldapp.domain.hlc import MAX_DRIFT_MS, HybridClock, physical_ms
from fieldapp.domain.ids import natural_id
from fieldapp.store.db import Database
from fieldapp.store.models import Area, ChangeLog, Household, IncomeYear, Measure, Member
from fieldapp.store.writer import Actor, ChangeWriter, RowNotFound, table_of
from tests.helpers.idgen import resident_id
from tests.store.util import ACTOR, DEVICE, StatementLog, count, log_rows, row


def test_insert_writes_row_and_log_in_one_go(db: Database, writer: ChangeWriter, household: str) -> None:
    born = dt.date(1970, 5, 6)
    with writer.transaction() as txn:
        mid = txn.insert(Member, {"household_id": household, "name": "张三", "id_no": resident_id(1, born),
                                  "birth_date": born, "relation": "01", "medical_insurance": True, "work_months": 3})
    stored = row(db, "member", mid)
    assert stored["name"] == "张三" and stored["deleted"] == 0
    assert stored["row_device"] == DEVICE and json.loads(stored["field_clocks"]) == {}
    (entry,) = log_rows(db, row_id=mid)
    assert entry["op"] == "insert" and entry["tbl"] == "member"
    assert entry["household_id"] == household
    assert entry["fields"] == {"household_id": household, "name": "张三", "id_no": resident_id(1, born),
                               "birth_date": "1970-05-06", "relation": "01", "medical_insurance": True,
                               "work_months": 3}
    assert entry["prev"] == {}
    assert entry["hlc"] == stored["row_hlc"]
    assert (entry["origin"], entry["user_id"], entry["user_name"]) == (DEVICE, "user-1", "王伟")


def test_insert_ids_are_time_ordered_uuids_unless_given(writer: ChangeWriter, village: str) -> None:
    with writer.transaction() as txn:
        ids = txn.insert_many(Area, [{"level": "village", "name": f"村{i}"} for i in range(5)])
        given = txn.insert(Area, {"id": "fixed-id", "level": "village", "name": "固定"})
    assert ids == sorted(ids) and len(set(ids)) == 5
    assert all(len(i) == 36 and i[14] == "7" for i in ids)  # UUIDv7
    assert given == "fixed-id"


def test_an_exception_in_the_block_leaves_no_row_and_no_log(db: Database, writer: ChangeWriter,
                                                            household: str) -> None:
    before = (count(db, "member"), count(db, "change_log"), count(db, "household_list"))
    name_before = row(db, "household", household)["hh_no"]
    with pytest.raises(RuntimeError, match="boom"), writer.transaction() as txn:
        txn.insert(Member, {"household_id": household, "name": "李四", "relation": "01"})
        txn.update(Household, household, {"hh_no": "999"})
        raise RuntimeError("boom")
    assert (count(db, "member"), count(db, "change_log"), count(db, "household_list")) == before
    assert row(db, "household", household)["hh_no"] == name_before


def test_update_logs_only_changed_fields_with_the_previous_stamp(db: Database, writer: ChangeWriter,
                                                                 household: str) -> None:
    inserted = row(db, "household", household)
    insert_stamp = [inserted["row_hlc"], DEVICE]
    with writer.transaction() as txn:
        changed = txn.update(Household, household, {"group_no": 2, "hh_no": "611002000009", "phone": "13912345678"})
    assert changed == {"hh_no": "611002000009", "phone": "13912345678"}  # group_no was already 2
    first = log_rows(db, row_id=household, op="update")[-1]
    assert first["fields"] == {"hh_no": "611002000009", "phone": "13912345678"}
    assert first["prev"] == {"hh_no": insert_stamp, "phone": insert_stamp}
    clocks = json.loads(row(db, "household", household)["field_clocks"])
    assert clocks == {"hh_no": [first["hlc"], DEVICE], "phone": [first["hlc"], DEVICE]}

    with writer.transaction() as txn:
        txn.update(Household, household, {"phone": "0914-1234567", "main_cause": "02"})
    second = log_rows(db, row_id=household, op="update")[-1]
    assert second["fields"] == {"phone": "0914-1234567", "main_cause": "02"}
    assert second["prev"] == {"phone": [first["hlc"], DEVICE], "main_cause": insert_stamp}
    assert second["hlc"] > first["hlc"]
    clocks = json.loads(row(db, "household", household)["field_clocks"])
    assert clocks == {"hh_no": [first["hlc"], DEVICE], "phone": [second["hlc"], DEVICE],
                      "main_cause": [second["hlc"], DEVICE]}
    stored = row(db, "household", household)
    assert (stored["phone"], stored["main_cause"], stored["hh_no"]) == ("0914-1234567", "02", "611002000009")
    assert stored["row_hlc"] == inserted["row_hlc"]  # the insert stamp does not move


def test_unchanged_update_writes_nothing(db: Database, writer: ChangeWriter, household: str) -> None:
    before = row(db, "household", household)
    logs = count(db, "change_log")
    with StatementLog(db) as seen, writer.transaction() as txn:
        assert txn.update(Household, household, {"group_no": 2, "main_cause": "01"}) == {}
    assert seen.writes() == []
    assert count(db, "change_log") == logs
    assert row(db, "household", household) == before


def test_update_of_a_date_logs_iso_text(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        txn.update(Household, household, {"identified_on": dt.date(2015, 10, 1), "sanitary_toilet": False})
    entry = log_rows(db, row_id=household)[-1]
    assert entry["fields"] == {"identified_on": "2015-10-01", "sanitary_toilet": False}


def test_unknown_fields_and_missing_rows_are_refused(db: Database, writer: ChangeWriter, household: str) -> None:
    logs = count(db, "change_log")
    with pytest.raises(ValueError, match="unknown fields for household"), writer.transaction() as txn:
        txn.update(Household, household, {"colour": "red"})
    with pytest.raises(ValueError, match="unknown fields"), writer.transaction() as txn:
        txn.insert(Household, {"village_id": "x", "deleted": True})
    with pytest.raises(ValueError, match="unknown fields"), writer.transaction() as txn:
        txn.update(Household, household, {"row_hlc": 1})
    with pytest.raises(RowNotFound), writer.transaction() as txn:
        txn.update(Household, "no-such-id", {"hh_no": "1"})
    with pytest.raises(RowNotFound), writer.transaction() as txn:
        txn.delete(Member, "no-such-id")
    with pytest.raises(ValueError, match="not a synced table"):
        table_of(ChangeLog)
    assert count(db, "change_log") == logs


def test_delete_is_a_tombstone(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        mid = txn.insert(Measure, {"household_id": household, "type": "industry", "content": "养牛", "amount": 100})
    inserted = row(db, "measure", mid)
    with writer.transaction() as txn:
        txn.delete(Measure, mid)
    stored = row(db, "measure", mid)
    assert stored["deleted"] == 1
    assert stored["content"] == "养牛"  # the row stays so the delete can sync
    entry = log_rows(db, row_id=mid)[-1]
    assert entry["op"] == "delete" and entry["fields"] == {"deleted": True}
    # every field's rank as the deleter saw it (edits it had not seen make a delete conflict)
    seen = [inserted["row_hlc"], DEVICE]
    assert entry["prev"]["deleted"] == seen and entry["prev"]["content"] == seen and entry["prev"]["amount"] == seen
    assert entry["household_id"] == household
    assert json.loads(stored["field_clocks"]) == {"deleted": [entry["hlc"], DEVICE]}
    logs = count(db, "change_log")
    with writer.transaction() as txn:
        txn.delete(Measure, mid)  # deleting a tombstone again changes nothing
    assert count(db, "change_log") == logs


def test_put_inserts_updates_and_revives(db: Database, writer: ChangeWriter, household: str) -> None:
    income_id = natural_id("income_year", household, 2023)
    with writer.transaction() as txn:
        txn.put(IncomeYear, income_id, {"household_id": household, "year": 2023, "wage": 1000})
    assert [e["op"] for e in log_rows(db, row_id=income_id)] == ["insert"]
    with writer.transaction() as txn:
        assert txn.put(IncomeYear, income_id, {"household_id": household, "year": 2023, "wage": 1000}) == {}
    assert len(log_rows(db, row_id=income_id)) == 1
    with writer.transaction() as txn:
        assert txn.put(IncomeYear, income_id, {"household_id": household, "year": 2023, "wage": 2000}) == {
            "wage": 2000}
    with writer.transaction() as txn:
        txn.delete(IncomeYear, income_id)
    assert row(db, "income_year", income_id)["deleted"] == 1
    with writer.transaction() as txn:
        txn.put(IncomeYear, income_id, {"household_id": household, "year": 2023, "wage": 3000})
    stored = row(db, "income_year", income_id)
    assert stored["deleted"] == 0 and stored["wage"] == 3000
    entries = log_rows(db, row_id=income_id)
    assert [e["op"] for e in entries] == ["insert", "update", "delete", "update", "update"]
    assert entries[3]["fields"] == {"deleted": False}
    assert entries[4]["fields"] == {"wage": 3000}
    assert count(db, "income_year") == 1


def test_origin_seq_counts_every_change_and_survives_reopen(db_path: Path, village: str) -> None:
    database = Database.open(db_path)
    writer = ChangeWriter(database, ACTOR)
    with writer.transaction() as txn:
        hid = txn.insert(Household, {"village_id": village, "main_cause": "01"})
        txn.update(Household, hid, {"hh_no": "1"})
        txn.update(Household, hid, {"hh_no": "1"})  # no change, no number
    with writer.transaction() as txn:
        txn.update(Household, hid, {"hh_no": "2"})
        txn.delete(Household, hid)
    database.close()
    reopened = Database.open(db_path)
    with ChangeWriter(reopened, ACTOR).transaction() as txn:
        txn.insert(Area, {"level": "village", "name": "北村"})
    other = ChangeWriter(reopened, Actor("another-device"))
    with other.transaction() as txn:
        txn.insert(Area, {"level": "village", "name": "南村"})
    seqs = [e["origin_seq"] for e in log_rows(reopened, origin=DEVICE)]
    assert seqs == list(range(1, len(seqs) + 1))
    # village (fixture) + household insert + 1st update + 2nd update + delete + area after reopen
    assert len(seqs) == 6
    assert [e["origin_seq"] for e in log_rows(reopened, origin="another-device")] == [1]
    reopened.close()


def test_a_far_future_stamp_in_the_log_does_not_drag_the_clock_after_reopen(db_path: Path) -> None:
    """The register once got 2099 stamps (this laptop's clock was wrong, or a received change):
    the next process's clock starts from its own time, within the bound, not from 2099."""
    database = Database.open(db_path)
    future = 4_070_908_800_000  # 2099
    fast = ChangeWriter(database, ACTOR, HybridClock(wall_ms=lambda: future))
    with fast.transaction() as txn:
        aid = txn.insert(Area, {"level": "village", "name": "东村"})
    database.close()

    reopened = Database.open(db_path)
    writer = ChangeWriter(reopened, ACTOR)  # the shared clock of this file: real time
    now_ms = dt.datetime.now(dt.UTC).timestamp() * 1000
    with writer.transaction() as txn:
        other = txn.insert(Area, {"level": "village", "name": "北村"})
        txn.update(Area, aid, {"name": "东村二"})
    stamp = log_rows(reopened, row_id=other)[0]["hlc"]
    assert physical_ms(stamp) <= now_ms + MAX_DRIFT_MS
    # the edit of the 2099 value still replaces it (its rank is lifted above what it replaced)
    clocks = json.loads(row(reopened, "area", aid)["field_clocks"])
    assert physical_ms(clocks["name"][0]) == future
    assert physical_ms(writer.clock.last) <= now_ms + MAX_DRIFT_MS
    reopened.close()


def test_the_clock_still_starts_above_stamps_within_the_bound(db_path: Path) -> None:
    database = Database.open(db_path)
    ahead = int(dt.datetime.now(dt.UTC).timestamp() * 1000) + 3_600_000  # an hour ahead: ordinary drift
    with ChangeWriter(database, ACTOR, HybridClock(wall_ms=lambda: ahead)).transaction() as txn:
        txn.insert(Area, {"level": "village", "name": "东村"})
    high = max(e["hlc"] for e in log_rows(database))
    database.close()
    reopened = Database.open(db_path)
    assert ChangeWriter(reopened, ACTOR).clock.last == high
    reopened.close()


def test_hlc_increases_with_every_change(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        for i in range(20):
            txn.update(Household, household, {"hh_no": str(i)})
    hlcs = [e["hlc"] for e in log_rows(db)]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)


def test_member_changes_carry_their_household(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        mid = txn.insert(Member, {"household_id": household, "name": "甲", "relation": "01"})
    with writer.transaction() as txn:
        txn.update(Member, mid, {"name": "乙"})
        txn.delete(Member, mid)
    assert {e["household_id"] for e in log_rows(db, row_id=mid)} == {household}
    assert [e["household_id"] for e in log_rows(db, tbl="area")] == [None]


def test_a_writer_transaction_is_immediate(db: Database, writer: ChangeWriter) -> None:
    with StatementLog(db) as seen, writer.transaction() as txn:
        txn.insert(Area, {"level": "village", "name": "南村"})
    assert seen.statements[0][0] == "BEGIN IMMEDIATE"
