"""A record's history: who changed which field from what to what, newest first, paged by clock."""

from __future__ import annotations

from sqlalchemy import event

from fieldapp.domain import audit
from fieldapp.store import queries
from fieldapp.store.db import Database
from fieldapp.store.models import Household, Member
from fieldapp.store.writer import Actor, ChangeWriter
from tests.store.util import DEVICE


def _history(db: Database, household: str, **kw: object) -> list[queries.HistoryEntry]:
    with db.read() as conn:
        return queries.history_page(conn, household, **kw)  # type: ignore[arg-type]


def test_three_edits_show_old_and_new_values(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        mid = txn.insert(Member, {"household_id": household, "name": "张三", "relation": "01"})
    for name in ("张三丰", "张三明", "张山明"):
        with writer.transaction() as txn:
            txn.update(Member, mid, {"name": name})
    names = [(e.op, e.old, e.new) for e in _history(db, household) if e.row_id == mid and e.field == "name"]
    assert names == [("update", "张三明", "张山明"), ("update", "张三丰", "张三明"), ("update", "张三", "张三丰"),
                     ("insert", None, "张三")]
    entries = _history(db, household)
    assert [e.hlc for e in entries] == sorted((e.hlc for e in entries), reverse=True)
    assert all(e.user_name == "王伟" and e.origin == DEVICE for e in entries)
    assert {e.tbl for e in entries} == {"household", "member"}


def test_old_values_follow_each_field_separately(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        txn.update(Household, household, {"phone": "13900000001"})
    with writer.transaction() as txn:
        txn.update(Household, household, {"hh_no": "H2"})
    with writer.transaction() as txn:
        txn.update(Household, household, {"phone": "13900000002", "hh_no": "H3"})
    latest = [e for e in _history(db, household)][:2]
    assert {(e.field, e.old, e.new) for e in latest} == {("phone", "13900000001", "13900000002"),
                                                         ("hh_no", "H2", "H3")}
    first_phone = [e for e in _history(db, household) if e.field == "phone"][-1]
    assert (first_phone.op, first_phone.old, first_phone.new) == ("update", None, "13900000001")  # was never set


def test_delete_shows_up(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        mid = txn.insert(Member, {"household_id": household, "name": "李四", "relation": "03"})
    with writer.transaction() as txn:
        txn.delete(Member, mid)
    newest = _history(db, household)[0]
    assert (newest.op, newest.tbl, newest.row_id, newest.field, newest.new) == ("delete", "member", mid, "deleted",
                                                                                True)
    with writer.transaction() as txn:
        txn.delete(Household, household)
    newest = _history(db, household)[0]
    assert (newest.op, newest.tbl, newest.row_id) == ("delete", "household", household)


def test_paging_with_before_hlc(db: Database, writer: ChangeWriter, household: str) -> None:
    for i in range(10):
        with writer.transaction() as txn:
            txn.update(Household, household, {"hh_no": f"H{i}"})
    everything = _history(db, household)
    assert len(everything) == 10 + 5  # ten edits, five fields at insert
    pages: list[queries.HistoryEntry] = []
    before = None
    while True:
        page = _history(db, household, before_hlc=before, limit=4)
        if not page:
            break
        pages += page
        before = page[-1].hlc
    assert pages == everything
    first_four = _history(db, household, limit=4)
    assert [e.new for e in first_four] == ["H9", "H8", "H7", "H6"]
    assert [e.old for e in first_four] == ["H8", "H7", "H6", "H5"]


def test_history_is_per_household(db: Database, writer: ChangeWriter, household: str, village: str) -> None:
    with writer.transaction() as txn:
        other = txn.insert(Household, {"village_id": village, "main_cause": "02"})
        txn.insert(Member, {"household_id": other, "name": "外人", "relation": "01"})
    assert {e.row_id for e in _history(db, household)} == {household}
    assert len({e.row_id for e in _history(db, other)}) == 2


def test_changes_by_another_cadre_name_them(db: Database, household: str) -> None:
    other = ChangeWriter(db, Actor("device-b", "user-2", "李干部"))
    with other.transaction() as txn:
        txn.update(Household, household, {"hh_no": "B1"})
    newest = _history(db, household)[0]
    assert (newest.user_name, newest.origin, newest.new, newest.old) == ("李干部", "device-b", "B1", "611002000001")


def _statements(db: Database, household: str) -> tuple[int, list[queries.HistoryEntry]]:
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *rest: object) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        entries = _history(db, household)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen), entries


def test_a_page_of_history_costs_the_same_statements_for_5_changes_as_for_120(
        db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        mid = txn.insert(Member, {"household_id": household, "name": "张三", "relation": "01"})
    for n in range(4):
        with writer.transaction() as txn:
            txn.update(Member, mid, {"name": f"张三{n}"})
    few, entries = _statements(db, household)
    assert len({e.seq for e in entries}) == 6  # the household, the member, four edits
    for n in range(115):
        with writer.transaction() as txn:
            txn.update(Household, household, {"phone": f"139{n:08d}"})
    many, entries = _statements(db, household)
    assert len({e.seq for e in entries}) == 121
    assert all(e.intact for e in entries)
    assert many == few  # a statement per page, not per change (each row's successor is looked up in bulk)


def test_an_entry_rehashed_by_a_forger_is_marked_by_its_successor(
        db: Database, writer: ChangeWriter, household: str) -> None:
    for phone in ("13900000001", "13900000002", "13900000003"):
        with writer.transaction() as txn:
            txn.update(Household, household, {"phone": phone})
    with db.engine.begin() as conn:
        row = conn.exec_driver_sql(
            "SELECT origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev, user_id, user_name, "
            "chain_prev FROM change_log WHERE fields LIKE '%13900000002%'").one()
        forged = row.fields.replace("13900000002", "13911111111")
        entry = (*row[:7], forged, *row[8:11])
        # the forger recomputes this entry's own hash; the next entry still links to the old one
        conn.exec_driver_sql("UPDATE change_log SET fields = ?, chain_hash = ? WHERE origin = ? AND origin_seq = ?",
                             (forged, audit.entry_hash(entry, bytes(row.chain_prev)), row.origin, row.origin_seq))
    entries = [e for e in _history(db, household) if e.field == "phone"]
    assert [(e.new, e.intact) for e in entries] == [("13900000003", True), ("13911111111", False),
                                                    ("13900000001", True)]
