"""Household list queries: keyset paging equals a full sort, search, filters and counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Connection

from fieldapp import paths
from fieldapp.domain.search import full_pinyin, initials
from fieldapp.services import register
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.setup import SetupInfo, run_setup, villages
from fieldapp.store import queries
from fieldapp.store.models import Cadre
from fieldapp.store.queries import SORT_COLUMNS, HouseholdQuery
from tests.helpers.fixtures import write_unchecked
from tests.helpers.idgen import resident_id

HEADS = ["张三明", "张三", "张三", "李美", "王伟", "欧阳娜娜", "赵六", "钱七", "孙八", None, "周九", "吴十",
         "郑一", "李美", "张小三", None, "冯二", "陈四", "褚五", "卫六", "蒋七", "沈八", "韩九", "杨十"]


@dataclass
class Register:
    ctx: AppContext
    ids: list[str]  # by position in HEADS
    heads: dict[str, str | None]
    hh_no: dict[str, str]
    member_ids: dict[str, list[str]]
    deleted: str
    second_village: set[str]


@pytest.fixture(scope="module")
def module_ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """One set-up data folder for the whole module (the queries only read)."""
    ctx = open_context(paths.DataPaths(home=tmp_path_factory.mktemp("queries")))
    run_setup(ctx, SetupInfo(district="商州区", town="北宽坪镇", villages=["东村", "西村"], cadre_name="王伟"))
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def reg(module_ctx: AppContext) -> Register:
    ctx = module_ctx
    village_ids = [v for v, _ in villages(ctx)]
    with ctx.writer.transaction() as txn:
        other_cadre = txn.insert(Cadre, {"name": "李干部", "role": "member"})
    cadres = [None, ctx.settings["cadre_id"], other_cadre]
    ids: list[str] = []
    heads: dict[str, str | None] = {}
    hh_no: dict[str, str] = {}
    member_ids: dict[str, list[str]] = {}
    second: set[str] = set()
    for n, head in enumerate(HEADS):
        born = dt.date(1950, 1, 1) + dt.timedelta(days=40 * n)
        people = []
        if head is not None:
            people.append({"name": head, "relation": "01", "id_no": resident_id(1, born)})
            for j in range(n % 4):
                people.append({"name": f"成员{n}-{j}", "relation": "03",
                               "id_no": resident_id(2 + j, born + dt.timedelta(days=9000))})
        incomes = []
        if n % 3:  # every third household has no income: NULL per-person income
            incomes.append({"year": 2023, "wage": 1000_00 * (n % 7), "production": 50_00 * n,
                            "persons": (n % 5) or None})
        record = register.HouseholdRecord(
            household={"village_id": village_ids[n % 2], "group_no": None if n % 4 == 0 else n % 4,
                       "hh_no": None if n == 7 else f"88{3 if n == 20 else n:04d}",  # n == 20 repeats n == 3
                       "main_cause": ["01", "02", "08", "99"][n % 4],
                       "attribute": [None, "01", "04", "05", "02"][n % 5], "exit_status": ["0", "1", "3"][n % 3],
                       "cadre_id": cadres[n % 3]},
            members=people, incomes=incomes)
        if record.household["hh_no"] and head is not None:
            hid = register.save_record(ctx.writer, ctx.ref, record)
        else:  # rows the register's rules refuse today, as an old register still holds them
            hid = write_unchecked(ctx, record)
        ids.append(hid)
        heads[hid] = head
        hh_no[hid] = record.household["hh_no"]
        member_ids[hid] = [m["id_no"] for m in people]
        if n % 2:
            second.add(hid)
    deleted = ids[4]  # 王伟 is deleted: never listed, never found
    register.delete_household(ctx.writer, deleted)
    return Register(ctx, ids, heads, hh_no, member_ids, deleted, second)


@pytest.fixture
def conn(reg: Register) -> Iterator[Connection]:
    with reg.ctx.db.read() as c:
        yield c


def all_rows(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.exec_driver_sql("SELECT * FROM household_list").mappings()]


def python_sorted(rows: list[dict[str, Any]], column: str, descending: bool) -> list[str]:
    """The reference order: NULLs first ascending (SQLite's order), ties broken by household id."""
    ordered = sorted(rows, key=lambda r: (r[column] is not None, r[column] if r[column] is not None else 0,
                                          r["household_id"]))
    ids = [r["household_id"] for r in ordered]
    return ids[::-1] if descending else ids


def page_through(conn: Connection, q: HouseholdQuery, size: int) -> list[str]:
    seen: list[str] = []
    after = None
    for _ in range(1000):
        page = queries.household_page(conn, q, after, limit=size)
        assert len(page) <= size
        seen += [r["household_id"] for r in page]
        if len(page) < size:
            return seen
        after = queries.sort_key(page[-1], q)
    raise AssertionError("paging does not end")


def test_the_data_has_nulls_and_ties(conn: Connection, reg: Register) -> None:
    rows = all_rows(conn)
    assert len(rows) == len(HEADS) - 1
    for column in ("head_name", "hh_no", "group_no", "attribute", "cadre_id", "per_person_income"):
        values = [r[column] for r in rows]
        assert None in values, column
        assert len({v for v in values if v is not None}) >= 2, column
        assert len(values) - values.count(None) > len({v for v in values if v is not None}), f"no ties in {column}"


@pytest.mark.parametrize("column", SORT_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_paging_equals_a_full_sort(conn: Connection, column: str, descending: bool) -> None:
    expected = python_sorted(all_rows(conn), column, descending)
    q = HouseholdQuery(sort=column, descending=descending)
    assert [r["household_id"] for r in queries.household_page(conn, q, limit=1000)] == expected
    for size in (1, 3, 7):
        assert page_through(conn, q, size) == expected, (column, descending, size)


@pytest.mark.parametrize("column", ["head_name", "per_person_income", "group_no"])
def test_paging_with_a_filter_and_search(conn: Connection, reg: Register, column: str) -> None:
    q = HouseholdQuery(text="z", filters={"village_id": villages(reg.ctx)[0][0]}, sort=column, descending=True)
    rows = [r for r in all_rows(conn) if r["village_id"] == q.filters["village_id"]
            and ((r["head_initials"] or "").startswith("z") or (r["head_pinyin"] or "").startswith("z"))]
    assert len(rows) >= 3
    assert page_through(conn, q, 2) == python_sorted(rows, column, True)


def _found(conn: Connection, text: str, **filters: Any) -> set[str]:
    q = HouseholdQuery(text=text, filters=filters)
    ids = {r["household_id"] for r in queries.household_page(conn, q, limit=1000)}
    assert queries.count_households(conn, q) == len(ids)
    return ids


def _heads_where(reg: Register, test: Any) -> set[str]:
    return {hid for hid, head in reg.heads.items() if head and hid != reg.deleted and test(head)}


def test_search_by_name_prefix(conn: Connection, reg: Register) -> None:
    assert _found(conn, "张三") == _heads_where(reg, lambda h: h.startswith("张三"))
    assert len(_found(conn, "张三")) == 3
    assert _found(conn, "李美") == _heads_where(reg, lambda h: h == "李美")
    assert _found(conn, " 欧阳 ") == _heads_where(reg, lambda h: h == "欧阳娜娜")
    assert _found(conn, "王伟") == set()  # deleted
    assert _found(conn, "三") == set()  # prefix, not substring


def test_search_by_pinyin_initials_and_full_pinyin(conn: Connection, reg: Register) -> None:
    assert _found(conn, "zs") == _heads_where(reg, lambda h: initials(h).startswith("zs"))
    assert _found(conn, "zsm") == _heads_where(reg, lambda h: h == "张三明")
    assert _found(conn, "ZSM") == _found(conn, "zsm")
    assert _found(conn, "zhangsan") == _heads_where(reg, lambda h: h.startswith("张三"))
    assert _found(conn, "zhang san") == _found(conn, "zhangsan")
    assert _found(conn, "oyn") == _found(conn, "ouyang") == _heads_where(reg, lambda h: h == "欧阳娜娜")
    z = _found(conn, "z")
    assert z == _heads_where(reg, lambda h: initials(h).startswith("z") or full_pinyin(h).startswith("z"))
    assert len(z) >= 5
    assert _found(conn, "ww") == set()  # 王伟 is deleted


def test_search_by_id_prefix_finds_any_member(conn: Connection, reg: Register) -> None:
    for n in (1, 3, 10, 23):
        hid = reg.ids[n]
        for number in reg.member_ids[hid]:
            assert hid in _found(conn, number)
            assert hid in _found(conn, number[:14])
        assert _found(conn, reg.member_ids[hid][-1]) == {hid}
    child = reg.member_ids[reg.ids[3]][2]  # not the head
    assert _found(conn, child) == {reg.ids[3]}
    assert _found(conn, reg.member_ids[reg.deleted][0]) == set()


def test_search_by_id_with_lower_case_x(ctx: AppContext) -> None:
    number = next(n for n in (resident_id(s, dt.date(1988, 8, 8)) for s in range(1000)) if n.endswith("X"))
    hid = register.save_record(ctx.writer, ctx.ref, register.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "main_cause": "01", "hh_no": "770001"},
        members=[{"name": "马九", "relation": "01", "id_no": number.lower()}]))
    with ctx.db.read() as c:
        assert {r["household_id"] for r in queries.household_page(c, HouseholdQuery(text=number.lower()))} == {hid}


def test_search_by_household_number_prefix(conn: Connection, reg: Register) -> None:
    expected = {hid for hid, no in reg.hh_no.items() if no and no.startswith("88001") and hid != reg.deleted}
    assert len(expected) == 10
    assert _found(conn, "88001") == expected
    assert _found(conn, "880012") == {reg.ids[12]}
    assert _found(conn, "880003") == {reg.ids[3], reg.ids[20]}  # the same number twice (a data error) finds both
    assert _found(conn, "99") == set()


def test_empty_search_lists_everything(conn: Connection, reg: Register) -> None:
    assert _found(conn, "") == set(reg.ids) - {reg.deleted}
    assert _found(conn, "   ") == set(reg.ids) - {reg.deleted}


def test_filters(conn: Connection, reg: Register) -> None:
    rows = all_rows(conn)
    for name, value in (("group_no", 2), ("exit_status", "1"), ("attribute", "04"), ("main_cause", "08"),
                        ("cadre_id", reg.ctx.settings["cadre_id"]), ("village_id", villages(reg.ctx)[1][0])):
        expected = {r["household_id"] for r in rows if r[name] == value}
        assert expected, name
        assert _found(conn, "", **{name: value}) == expected, name
    assert _found(conn, "", village_id=villages(reg.ctx)[1][0]) == reg.second_village
    both = _found(conn, "", group_no=1, exit_status="1")
    assert both == {r["household_id"] for r in rows if r["group_no"] == 1 and r["exit_status"] == "1"}
    assert _found(conn, "", group_no=None, exit_status="") == set(reg.ids) - {reg.deleted}  # blank filters ignored
    assert _found(conn, "z", group_no=2) == {
        r["household_id"] for r in rows if r["group_no"] == 2 and (r["head_initials"] or "").startswith("z")}


def test_bad_filter_and_sort_are_refused(conn: Connection) -> None:
    with pytest.raises(ValueError, match="unknown filter"):
        queries.household_page(conn, HouseholdQuery(filters={"head_id_no": "1"}))
    with pytest.raises(ValueError, match="cannot sort"):
        queries.household_page(conn, HouseholdQuery(sort="household_id; DROP TABLE member"))


def test_counts_and_groups(conn: Connection, reg: Register) -> None:
    assert queries.count_households(conn, HouseholdQuery()) == len(HEADS) - 1
    assert queries.distinct_groups(conn) == [1, 2, 3]
    first_village = villages(reg.ctx)[0][0]
    assert queries.distinct_groups(conn, first_village) == sorted(
        {r["group_no"] for r in all_rows(conn) if r["village_id"] == first_village and r["group_no"]})
    # found along the index (a seek per village and group), the same as every row's groups
    rows = all_rows(conn)
    for village_id, _name in villages(reg.ctx):
        assert queries.distinct_groups(conn, village_id) == sorted(
            {r["group_no"] for r in rows if r["village_id"] == village_id and r["group_no"] is not None})
    assert queries.distinct_groups(conn) == sorted({r["group_no"] for r in rows if r["group_no"] is not None})
    assert queries.distinct_groups(conn, "no-such-village") == []


def test_query_with_changes_a_copy() -> None:
    q = HouseholdQuery(text="a")
    q2 = q.with_(sort="hh_no", descending=True)
    assert (q.sort, q.descending, q2.text, q2.sort, q2.descending) == ("head_name", False, "a", "hh_no", True)


def test_list_rows_are_typed_as_sqlalchemy_reads_them(conn: Connection) -> None:
    """The list is read as plain SQL on the driver's cursor: dates and flags come back as SQLAlchemy gives them."""
    from sqlalchemy import select

    from fieldapp.store.models import HouseholdListRow

    conn.exec_driver_sql("SAVEPOINT typed")
    try:  # a visit date and a conflict flag to read back (rolled back: the module's data stays as it was)
        conn.exec_driver_sql("UPDATE household_list SET last_visit = '2024-03-05', wf_conflict = 1 "
                             "WHERE household_id = (SELECT min(household_id) FROM household_list)")
        expected = {r["household_id"]: dict(r) for r in conn.execute(select(HouseholdListRow.__table__)).mappings()}
        rows = queries.household_page(conn, HouseholdQuery(), limit=1000)
    finally:
        conn.exec_driver_sql("ROLLBACK TO typed")
    assert {r["household_id"]: r for r in rows} == expected
    assert any(r["last_visit"] == dt.date(2024, 3, 5) and r["wf_conflict"] is True for r in rows)
    assert all(type(r["wf_conflict"]) is bool for r in rows)


def test_a_dense_id_prefix_is_counted_up_to_the_cap_and_pages_as_a_sparse_one(
        conn: Connection, reg: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ID-prefix strategies (row by row along the sort index, or the holders first) find the same."""
    prefix = next(m for ms in reg.member_ids.values() for m in ms)[:6]  # the region code: everyone
    sparse = queries.search_page(conn, HouseholdQuery(text=prefix), limit=1000, count_cap=5)
    monkeypatch.setattr(queries, "DENSE_ID_PREFIX", 2)
    dense = queries.search_page(conn, HouseholdQuery(text=prefix), limit=1000, count_cap=5)
    assert [r["household_id"] for r in dense[0]] == [r["household_id"] for r in sparse[0]]
    assert len(dense[0]) > 5
    assert dense[1:] == sparse[1:] == (5, False)
    assert queries.search_page(conn, HouseholdQuery(text=prefix), limit=1000, count_cap=1000)[1:] == \
        (len(dense[0]), True)


def test_a_keystroke_binds_no_limit(conn: Connection, reg: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    """Newer SQLite (sqlcipher3's) prepares a statement again whenever its ``LIMIT ?`` is bound: the list's
    statements write their limits into the SQL, and each limit is its own statement (the right rows come back)."""
    monkeypatch.setattr(queries, "_STATEMENTS", {})
    prefix = next(m for ms in reg.member_ids.values() for m in ms)[:6]
    for text in ("张", "zs", prefix, prefix + "0"):
        for limit in (2, 3):
            rows, _total, _exact = queries.search_page(conn, HouseholdQuery(text=text), limit=limit, count_cap=5)
            assert len(rows) <= limit
    monkeypatch.setattr(queries, "DENSE_ID_PREFIX", 2)
    queries.search_page(conn, HouseholdQuery(text=prefix), limit=2, count_cap=5)
    sqls = [s.sql for s in queries._STATEMENTS.values()]
    assert sum("LIMIT" in s for s in sqls) >= 6
    assert not [s for s in sqls if "LIMIT ?" in s]
    assert queries.household_page(conn, HouseholdQuery(text="张"), limit=2) != \
        queries.household_page(conn, HouseholdQuery(text="张"), limit=3)
