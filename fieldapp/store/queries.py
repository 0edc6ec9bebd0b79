"""Read queries that page: the household list (search, filter, sort) and a record's history.

Every query is keyset-paged on an index, so a page costs the same on page 1 and
page 500 and does not grow with the size of the register.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Select,
    Table,
    and_,
    bindparam,
    func,
    or_,
    select,
    text,
    tuple_,
    union_all,
)

from fieldapp.domain import audit
from fieldapp.domain.resident_id import normalize
from fieldapp.domain.search import classify_query
from fieldapp.store import limits
from fieldapp.store.models import SYNCED_MODELS, ChangeLog, HouseholdListRow, Member

_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_C: Table = ChangeLog.__table__  # type: ignore[assignment]

# Sortable list columns (each has an index ending in household_id).
SORT_COLUMNS = ("head_name", "head_pinyin", "hh_no", "group_no", "member_count", "attribute", "exit_status",
                "main_cause", "cadre_id", "per_person_income", "wf_kind")
FILTER_COLUMNS = ("village_id", "group_no", "exit_status", "attribute", "main_cause", "cadre_id",
                  "wf_kind", "wf_step")  # wf_*: the open workflow and its current step (ix_hl_workflow: the kind)
_HIGH = "\U0010ffff"


@dataclass(frozen=True)
class HouseholdQuery:
    """What the household list shows: search text, equality filters, sort."""

    text: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = "head_name"
    descending: bool = False

    def with_(self, **changes: Any) -> HouseholdQuery:
        return replace(self, **changes)


def _prefix(column: Any) -> Any:
    """``column`` starts with the bound ``lo`` (``hi`` is ``lo`` + the highest code point): an index range."""
    return and_(column >= bindparam("lo"), column < bindparam("hi"))


# An ID-number prefix held by more members than this is "dense" (e.g. the region code that
# everyone shares): it is then matched row by row while walking the sort index, which stops
# after one page, instead of materialising every matching member first.
DENSE_ID_PREFIX = 5000

# A search runs on every keystroke, where building and compiling SQLAlchemy statements costs
# several times the SQL itself. Each statement is therefore built once per *shape* (kind of search,
# filters used, sort, paging) with bind parameters for the values, compiled once per dialect, and
# on SQLite run as that SQL string on the connection's own driver cursor (the same transaction).


@dataclass(frozen=True)
class _Compiled:
    stmt: Select[Any]
    sql: str
    positions: tuple[str, ...]  # bind parameter names in ``?`` order (qmark dialects), else ()
    defaults: dict[str, Any]  # values the statement binds itself (SQLite's ``OFFSET ?`` after a bound limit)


_STATEMENTS: dict[tuple[Any, ...], _Compiled] = {}


def _statement(conn: Connection, shape: tuple[Any, ...], build: Callable[[], Select[Any]]) -> _Compiled:
    key = (conn.dialect.name, *shape)
    found = _STATEMENTS.get(key)
    if found is None:
        stmt = build()
        compiled = stmt.compile(dialect=conn.dialect)
        found = _Compiled(stmt, str(compiled), tuple(compiled.positiontup or ()), dict(compiled.params))
        _STATEMENTS[key] = found
    return found


def _fetch(conn: Connection, statement: _Compiled, params: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """(column names, rows as tuples) of a compiled statement run with ``params``."""
    if conn.dialect.name == "sqlite" and statement.positions:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            values = {**statement.defaults, **params}
            cursor.execute(statement.sql, [values[name] for name in statement.positions])
            return [d[0] for d in cursor.description], cursor.fetchall()
        finally:
            cursor.close()
    result = conn.execute(statement.stmt, params)
    return list(result.keys()), [tuple(r) for r in result]


# What SQLAlchemy's result processing would make of the list's stored values on SQLite.
def _to_date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


_CONVERT: dict[str, Callable[[Any], Any]] = {
    c.name: (bool if isinstance(c.type, Boolean) else _to_date) for c in _L.c if isinstance(c.type, Boolean | Date)}


@dataclass(frozen=True)
class _Where:
    """A query's WHERE: its shape (what the statement looks like) and the values bound into it."""

    shape: tuple[Any, ...]
    params: dict[str, Any]
    kind: str

    @property
    def capped(self) -> bool:
        return self.kind == "digits"


def _resolve(q: HouseholdQuery, conn: Connection | None) -> _Where:
    """The WHERE of ``q``; for an ID number, whether its prefix is dense is looked up (once) on ``conn``."""
    filters: list[str] = []
    params: dict[str, Any] = {}
    for name, value in q.filters.items():
        if name not in FILTER_COLUMNS:
            raise ValueError(f"unknown filter {name}")
        if value is not None and value != "":
            filters.append(name)
            params[f"f_{name}"] = value
    text = q.text.strip()
    kind = classify_query(text)
    key: str | None = None
    if kind == "digits":
        key = normalize(text)
        dense = conn is not None and _id_prefix_is_dense(conn, key)
        kind = "digits-dense" if dense else "digits"
    elif kind == "latin":
        key = text.lower().replace(" ", "")
    elif kind == "name":
        key = text
    if key is not None:
        params["lo"], params["hi"] = key, key + _HIGH
    return _Where((tuple(filters), kind), params, "digits" if kind.startswith("digits") else kind)


def _clauses(shape: tuple[Any, ...]) -> list[Any]:
    """The WHERE clauses of a shape, with bind parameters ``f_<filter>``, ``lo`` and ``hi``."""
    filters, kind = shape
    clauses: list[Any] = [_L.c[name] == bindparam(f"f_{name}") for name in filters]
    if kind == "digits-dense":
        held = select(_M.c.id).where(_M.c.household_id == _L.c.household_id, _prefix(_M.c.id_no),
                                     _M.c.deleted.is_(False)).exists()
        clauses.append(or_(_prefix(_L.c.hh_no), held))
    elif kind == "digits":
        # An uncorrelated IN lets SQLite drive both branches from their indexes (member.id_no, hh_no).
        holders = select(_M.c.household_id).where(_prefix(_M.c.id_no), _M.c.deleted.is_(False))
        clauses.append(or_(_prefix(_L.c.hh_no), _L.c.household_id.in_(holders)))
    elif kind == "latin":
        clauses.append(or_(_prefix(_L.c.head_initials), _prefix(_L.c.head_pinyin)))
    elif kind == "name":
        clauses.append(_prefix(_L.c.head_name))
    return clauses


def _id_prefix_is_dense(conn: Connection, number: str) -> bool:
    def build() -> Select[Any]:
        sample = select(_M.c.id).where(_prefix(_M.c.id_no)).limit(limits.fixed(DENSE_ID_PREFIX + 1)).subquery()
        return select(func.count()).select_from(sample)

    _names, rows = _fetch(conn, _statement(conn, ("dense",), build), {"lo": number, "hi": number + _HIGH})
    return int(rows[0][0] or 0) > DENSE_ID_PREFIX


def count_households(conn: Connection, q: HouseholdQuery) -> int:
    return _count(conn, _resolve(q, conn), None)[0]


def _count(conn: Connection, where: _Where, cap: int | None) -> tuple[int, bool]:
    def build() -> Select[Any]:
        if cap is None:
            return select(func.count()).select_from(_L).where(*_clauses(where.shape))
        matching = select(_L.c.household_id).where(*_clauses(where.shape)).limit(limits.fixed(cap + 1)).subquery()
        return select(func.count()).select_from(matching)

    _names, rows = _fetch(conn, _statement(conn, ("count", cap, *where.shape), build), where.params)
    found = int(rows[0][0] or 0)
    return (cap, False) if cap is not None and found > cap else (found, True)


def count_households_capped(conn: Connection, q: HouseholdQuery, cap: int) -> tuple[int, bool]:
    """(count, exact): stops counting past ``cap`` so a keystroke never counts the whole register.

    Only ID-number searches are capped: a short ID prefix (the region code) matches everyone
    and can only be checked household by household; other searches count through an index.
    """
    where = _resolve(q, conn)
    return _count(conn, where, cap if where.capped else None)


def household_page(conn: Connection, q: HouseholdQuery, after: tuple[Any, str] | None = None,
                   limit: int = 200) -> list[dict[str, Any]]:
    """One page of list rows, sorted by ``q.sort`` then household id; ``after`` is the last row's key."""
    return _page(conn, q, _resolve(q, conn), after, limit)


def search_page(conn: Connection, q: HouseholdQuery, *, after: tuple[Any, str] | None = None, limit: int = 200,
                count_cap: int | None = None) -> tuple[list[dict[str, Any]], int | None, bool]:
    """A page of list rows and, with ``count_cap``, the (capped) count: what one keystroke reads.

    As :func:`household_page` and :func:`count_households_capped` together, with the search
    resolved once (an ID prefix's density is looked up once, not twice).
    """
    where = _resolve(q, conn)
    total, exact = _count(conn, where, count_cap if where.capped else None) if count_cap is not None \
        else (None, True)
    return _page(conn, q, where, after, limit), total, exact


def _page(conn: Connection, q: HouseholdQuery, where: _Where, after: tuple[Any, str] | None,
          limit: int) -> list[dict[str, Any]]:
    if q.sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {q.sort}")
    # the keyset condition's shape: none, after a NULL key, after a key
    paging = None if after is None else ("null" if after[0] is None else "key")

    def build() -> Select[Any]:
        sort_col = _L.c[q.sort]
        stmt: Select[Any] = select(_L).where(*_clauses(where.shape))
        if paging is not None:
            key: Any = None if paging == "null" else bindparam("after_key")
            hid: Any = bindparam("after_id")
            stmt = stmt.where(_after_desc(sort_col, key, hid) if q.descending else _after_asc(sort_col, key, hid))
        if q.descending:
            stmt = stmt.order_by(sort_col.desc(), _L.c.household_id.desc())
        else:
            stmt = stmt.order_by(sort_col.asc(), _L.c.household_id.asc())
        return stmt.limit(limits.fixed(limit))

    params = dict(where.params)
    if after is not None:
        params["after_key"], params["after_id"] = after
    names, rows = _fetch(conn, _statement(conn, ("page", q.sort, q.descending, paging, limit, *where.shape), build),
                         params)
    out = [dict(zip(names, r, strict=True)) for r in rows]
    for name in _CONVERT.keys() & set(names):
        convert = _CONVERT[name]
        for row in out:
            if row[name] is not None:
                row[name] = convert(row[name])
    return out


def cadre_names(conn: Connection, cadre_ids: Sequence[str]) -> dict[str, str]:
    """Names of the given cadres (one query)."""
    if not cadre_ids:
        return {}
    sql = f"SELECT id, name FROM cadre WHERE id IN ({', '.join('?' * len(cadre_ids))})"
    if conn.dialect.name == "sqlite":
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            return dict(cursor.execute(sql, list(cadre_ids)).fetchall())
        finally:
            cursor.close()
    return {str(r[0]): str(r[1]) for r in conn.exec_driver_sql(sql, tuple(cadre_ids))}


# NULLs sort first in SQLite ascending order; keyset comparisons must respect that.
def _after_asc(col: Any, key: Any, hid: Any) -> Any:
    if key is None:
        return or_(and_(col.is_(None), _L.c.household_id > hid), col.is_not(None))
    return or_(col > key, and_(col == key, _L.c.household_id > hid))


def _after_desc(col: Any, key: Any, hid: Any) -> Any:
    if key is None:
        return and_(col.is_(None), _L.c.household_id < hid)
    return or_(col < key, col.is_(None), and_(col == key, _L.c.household_id < hid))


def sort_key(row: dict[str, Any], q: HouseholdQuery) -> tuple[Any, str]:
    return row[q.sort], row["household_id"]


#: the groups of every village (or of :v), one index seek per village and group along ix_hl_group (village_id,
#: group_no, …), where SELECT DISTINCT walks every household's entry (0.1 s on 100,000 households, on the GUI
#: thread when the household list opens)
_GROUPS_SQLITE = """
WITH RECURSIVE villages(v) AS ({villages}),
groups(v, g) AS (
    SELECT v, (SELECT min(group_no) FROM household_list WHERE village_id = villages.v AND group_no IS NOT NULL)
        FROM villages WHERE v IS NOT NULL
    UNION ALL SELECT v, (SELECT min(group_no) FROM household_list WHERE village_id = groups.v AND group_no > groups.g)
        FROM groups WHERE g IS NOT NULL)
SELECT DISTINCT g FROM groups WHERE g IS NOT NULL ORDER BY g
"""
_EVERY_VILLAGE = """SELECT (SELECT min(village_id) FROM household_list)
    UNION ALL SELECT (SELECT min(village_id) FROM household_list WHERE village_id > v)
        FROM villages WHERE v IS NOT NULL"""


def distinct_groups(conn: Connection, village_id: str | None = None) -> list[int]:
    if conn.dialect.name == "sqlite":
        sql = _GROUPS_SQLITE.format(villages="SELECT :v" if village_id else _EVERY_VILLAGE)
        return [int(r[0]) for r in conn.execute(text(sql), {"v": village_id} if village_id else {})]
    stmt = select(_L.c.group_no).distinct().where(_L.c.group_no.is_not(None)).order_by(_L.c.group_no)
    if village_id:
        stmt = stmt.where(_L.c.village_id == village_id)
    return [int(r[0]) for r in conn.execute(stmt)]


@dataclass(frozen=True)
class HistoryEntry:
    """One field change: 谁 (user) 在何时 (hlc) 在哪台设备 (origin) 改了什么."""

    seq: int
    hlc: int
    origin: str
    user_name: str | None
    tbl: str
    row_id: str
    op: str
    field: str
    new: Any
    old: Any
    #: False: the change no longer hashes to its chain hash, or the next change of its device no longer
    #: links to it (edited behind the app's back: its author and values cannot be trusted)
    intact: bool = True
    household_id: str | None = None


def history_page(conn: Connection, household_id: str, before_hlc: int | None = None,
                 limit: int = 200, before_seq: int | None = None) -> list[HistoryEntry]:
    """Changes to a household and all its parts, newest first, one entry per field.

    ``old`` is the value the field held before, read from the change that set it
    (via the stamp recorded in ``prev``). Page on with the last entry's ``hlc`` and
    ``seq`` (``before_hlc``/``before_seq``); changes from two devices may share a clock.
    """
    stmt = select(_C).where(_C.c.row_id.in_(household_rows(conn, household_id)))
    if before_hlc is not None:
        if before_seq is None:
            stmt = stmt.where(_C.c.hlc < before_hlc)
        else:
            stmt = stmt.where(or_(_C.c.hlc < before_hlc, and_(_C.c.hlc == before_hlc, _C.c.seq < before_seq)))
    rows = conn.execute(stmt.order_by(_C.c.hlc.desc(), _C.c.seq.desc()).limit(limits.fixed(limit))).mappings().all()
    return _entries(conn, rows)


def person_changes(conn: Connection, user_id: str, start_hlc: int, end_hlc: int, *,
                   after: tuple[int, int] | None = None, limit: int = 500) -> list[HistoryEntry]:
    """What one account wrote with clocks in [start_hlc, end_hlc), oldest first, one entry per field
    (through ``ix_change_log_user``). Page on with the last entry's ``(hlc, seq)`` as ``after``."""
    stmt = select(_C).where(_C.c.user_id == user_id, _C.c.hlc >= start_hlc, _C.c.hlc < end_hlc)
    if after is not None:
        stmt = stmt.where(or_(_C.c.hlc > after[0], and_(_C.c.hlc == after[0], _C.c.seq > after[1])))
    rows = conn.execute(stmt.order_by(_C.c.hlc, _C.c.seq).limit(limits.fixed(limit))).mappings().all()
    return _entries(conn, rows)


def _entries(conn: Connection, rows: Sequence[Any]) -> list[HistoryEntry]:
    """Change-log rows as one entry per field, each with the value it replaced."""
    wanted: set[tuple[str, int, str]] = set()
    for r in rows:
        for stamp in json.loads(r["prev"]).values():
            wanted.add((r["row_id"], int(stamp[0]), str(stamp[1])))
    previous = _values_at(conn, wanted)
    following = _successors(conn, rows)
    entries = []
    for r in rows:
        intact = _intact(r, following)
        fields = json.loads(r["fields"])
        prev = json.loads(r["prev"])
        for name, value in sorted(fields.items()):
            if name.startswith("~"):  # sync bookkeeping (a re-stamp names the change it re-stamps), not a field
                continue
            old = None
            if name in prev:
                old = previous.get((r["row_id"], int(prev[name][0]), str(prev[name][1])), {}).get(name)
            entries.append(HistoryEntry(r["seq"], r["hlc"], r["origin"], r["user_name"], r["tbl"],
                                        r["row_id"], r["op"], name, value, old, intact, r["household_id"]))
    return entries


def _hashed(r: Any) -> bool:
    return r["chain_hash"] is not None and r["chain_prev"] is not None


def _successors(conn: Connection, rows: Sequence[Any]) -> dict[tuple[str, int], bytes | None]:
    """(origin, origin_seq) → the ``chain_prev`` of that origin's next entry, for every hashed row, in one
    statement per 300 rows rather than one per row (a page of history is hundreds of rows)."""
    keys = sorted({(r["origin"], int(r["origin_seq"]) + 1) for r in rows if _hashed(r)})
    found: dict[tuple[str, int], bytes | None] = {}
    for start in range(0, len(keys), 300):
        stmt = select(_C.c.origin, _C.c.origin_seq, _C.c.chain_prev).where(
            tuple_(_C.c.origin, _C.c.origin_seq).in_(keys[start:start + 300]))
        for origin, origin_seq, chain_prev in conn.execute(stmt):
            found[(origin, int(origin_seq))] = None if chain_prev is None else bytes(chain_prev)
    return found


def _intact(r: Any, following: Mapping[tuple[str, int], bytes | None]) -> bool:
    """Whether a change-log row (a mapping) still hashes to its chain hash and its successor (looked up in
    ``following``, see :func:`_successors`) links to it. A row without a hash (received from a sender that
    kept none) counts as intact."""
    if not _hashed(r):
        return True
    entry = tuple(r[k] for k in ("origin", "origin_seq", "hlc", "tbl", "row_id", "household_id", "op", "fields",
                                 "prev", "user_id", "user_name"))
    if audit.entry_hash(entry, bytes(r["chain_prev"])) != bytes(r["chain_hash"]):
        return False
    successor = following.get((r["origin"], int(r["origin_seq"]) + 1))
    return successor is None or successor == bytes(r["chain_hash"])


_PART_TABLES: list[Table] = [m.__table__ for m in SYNCED_MODELS  # type: ignore[attr-defined]
                             if "household_id" in m.__table__.c]  # type: ignore[attr-defined]


def household_rows(conn: Connection, household_id: str) -> list[str]:
    """The household's own id and the ids of its parts (members, incomes, indicators, measures, visits…).

    History is read row by row through ``ix_change_log_row_hlc``: the change log keeps no
    index by household, so that appending a received change stays cheap (migration 0005).
    """
    parts = union_all(*(select(table.c.id).where(table.c.household_id == household_id) for table in _PART_TABLES))
    return [household_id, *conn.execute(parts).scalars()]


def _values_at(conn: Connection, stamps: set[tuple[str, int, str]]) -> dict[tuple[str, int, str], dict[str, Any]]:
    if not stamps:
        return {}
    found: dict[tuple[str, int, str], dict[str, Any]] = {}
    keys: Sequence[tuple[str, int, str]] = sorted(stamps)
    for start in range(0, len(keys), 300):
        chunk = keys[start:start + 300]
        stmt = select(_C.c.row_id, _C.c.hlc, _C.c.origin, _C.c.fields).where(
            tuple_(_C.c.row_id, _C.c.hlc, _C.c.origin).in_(chunk)
        )
        for r in conn.execute(stmt):
            found[(r.row_id, int(r.hlc), r.origin)] = json.loads(r.fields)
    return found
