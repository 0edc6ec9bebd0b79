"""Read queries that page: the household list (search, filter, sort) and a record's history.

Every query is keyset-paged on an index, so a page costs the same on page 1 and
page 500 and does not grow with the size of the register.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Select, Table, and_, func, or_, select, text, tuple_

from fieldapp.domain import audit
from fieldapp.domain.resident_id import normalize
from fieldapp.domain.search import classify_query
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


def _prefix(column: Any, text: str) -> Any:
    return and_(column >= text, column < text + _HIGH)


# An ID-number prefix held by more members than this is "dense" (e.g. the region code that
# everyone shares): it is then matched row by row while walking the sort index, which stops
# after one page, instead of materialising every matching member first.
DENSE_ID_PREFIX = 5000


def _id_prefix_is_dense(conn: Connection, number: str) -> bool:
    sample = select(_M.c.id).where(_prefix(_M.c.id_no, number)).limit(DENSE_ID_PREFIX + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(sample)).scalar() or 0) > DENSE_ID_PREFIX


def _where(q: HouseholdQuery, conn: Connection | None = None) -> list[Any]:
    clauses: list[Any] = []
    for name, value in q.filters.items():
        if name not in FILTER_COLUMNS:
            raise ValueError(f"unknown filter {name}")
        if value is not None and value != "":
            clauses.append(_L.c[name] == value)
    text = q.text.strip()
    kind = classify_query(text)
    if kind == "digits":
        number = normalize(text)
        if conn is not None and _id_prefix_is_dense(conn, number):
            held = select(_M.c.id).where(_M.c.household_id == _L.c.household_id, _prefix(_M.c.id_no, number),
                                         _M.c.deleted.is_(False)).exists()
            clauses.append(or_(_prefix(_L.c.hh_no, number), held))
        else:
            # An uncorrelated IN lets SQLite drive both branches from their indexes (member.id_no, hh_no).
            holders = select(_M.c.household_id).where(_prefix(_M.c.id_no, number), _M.c.deleted.is_(False))
            clauses.append(or_(_prefix(_L.c.hh_no, number), _L.c.household_id.in_(holders)))
    elif kind == "latin":
        key = text.lower().replace(" ", "")
        clauses.append(or_(_prefix(_L.c.head_initials, key), _prefix(_L.c.head_pinyin, key)))
    elif kind == "name":
        clauses.append(_prefix(_L.c.head_name, text))
    return clauses


def count_households(conn: Connection, q: HouseholdQuery) -> int:
    return int(conn.execute(select(func.count()).select_from(_L).where(*_where(q, conn))).scalar() or 0)


def count_households_capped(conn: Connection, q: HouseholdQuery, cap: int) -> tuple[int, bool]:
    """(count, exact): stops counting past ``cap`` so a keystroke never counts the whole register.

    Only ID-number searches are capped: a short ID prefix (the region code) matches everyone
    and can only be checked household by household; other searches count through an index.
    """
    if classify_query(q.text) != "digits":
        return count_households(conn, q), True
    matching = select(_L.c.household_id).where(*_where(q, conn)).limit(cap + 1).subquery()
    found = int(conn.execute(select(func.count()).select_from(matching)).scalar() or 0)
    return (cap, False) if found > cap else (found, True)


def household_page(conn: Connection, q: HouseholdQuery, after: tuple[Any, str] | None = None,
                   limit: int = 200) -> list[dict[str, Any]]:
    """One page of list rows, sorted by ``q.sort`` then household id; ``after`` is the last row's key."""
    if q.sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {q.sort}")
    sort_col = _L.c[q.sort]
    stmt: Select[Any] = select(_L).where(*_where(q, conn))
    if after is not None:
        key, hid = after
        if q.descending:
            stmt = stmt.where(_after_desc(sort_col, key, hid))
        else:
            stmt = stmt.where(_after_asc(sort_col, key, hid))
    if q.descending:
        stmt = stmt.order_by(sort_col.desc(), _L.c.household_id.desc())
    else:
        stmt = stmt.order_by(sort_col.asc(), _L.c.household_id.asc())
    return [dict(r) for r in conn.execute(stmt.limit(limit)).mappings()]


# NULLs sort first in SQLite ascending order; keyset comparisons must respect that.
def _after_asc(col: Any, key: Any, hid: str) -> Any:
    if key is None:
        return or_(and_(col.is_(None), _L.c.household_id > hid), col.is_not(None))
    return or_(col > key, and_(col == key, _L.c.household_id > hid))


def _after_desc(col: Any, key: Any, hid: str) -> Any:
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
    rows = conn.execute(stmt.order_by(_C.c.hlc.desc(), _C.c.seq.desc()).limit(limit)).mappings().all()
    return _entries(conn, rows)


def person_changes(conn: Connection, user_id: str, start_hlc: int, end_hlc: int, *,
                   after: tuple[int, int] | None = None, limit: int = 500) -> list[HistoryEntry]:
    """What one account wrote with clocks in [start_hlc, end_hlc), oldest first, one entry per field
    (through ``ix_change_log_user``). Page on with the last entry's ``(hlc, seq)`` as ``after``."""
    stmt = select(_C).where(_C.c.user_id == user_id, _C.c.hlc >= start_hlc, _C.c.hlc < end_hlc)
    if after is not None:
        stmt = stmt.where(or_(_C.c.hlc > after[0], and_(_C.c.hlc == after[0], _C.c.seq > after[1])))
    rows = conn.execute(stmt.order_by(_C.c.hlc, _C.c.seq).limit(limit)).mappings().all()
    return _entries(conn, rows)


def _entries(conn: Connection, rows: Sequence[Any]) -> list[HistoryEntry]:
    """Change-log rows as one entry per field, each with the value it replaced."""
    wanted: set[tuple[str, int, str]] = set()
    for r in rows:
        for stamp in json.loads(r["prev"]).values():
            wanted.add((r["row_id"], int(stamp[0]), str(stamp[1])))
    previous = _values_at(conn, wanted)
    entries = []
    for r in rows:
        intact = chain_intact(conn, r)
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


def chain_intact(conn: Connection, r: Any) -> bool:
    """Whether a change-log row (a mapping) still hashes to its chain hash and its successor links to it.

    Two index seeks at most; a row without a hash (received from a sender that kept none) counts as intact.
    """
    if r["chain_hash"] is None or r["chain_prev"] is None:
        return True
    entry = tuple(r[k] for k in ("origin", "origin_seq", "hlc", "tbl", "row_id", "household_id", "op", "fields",
                                 "prev", "user_id", "user_name"))
    if audit.entry_hash(entry, bytes(r["chain_prev"])) != bytes(r["chain_hash"]):
        return False
    following = conn.execute(select(_C.c.chain_prev).where(_C.c.origin == r["origin"],
                                                            _C.c.origin_seq == r["origin_seq"] + 1)).first()
    return following is None or following[0] is None or bytes(following[0]) == bytes(r["chain_hash"])


_PART_TABLES: list[Table] = [m.__table__ for m in SYNCED_MODELS  # type: ignore[attr-defined]
                             if "household_id" in m.__table__.c]  # type: ignore[attr-defined]


def household_rows(conn: Connection, household_id: str) -> list[str]:
    """The household's own id and the ids of its parts (members, incomes, indicators, measures, visits…).

    History is read row by row through ``ix_change_log_row_hlc``: the change log keeps no
    index by household, so that appending a received change stays cheap (migration 0005).
    """
    ids = [household_id]
    for table in _PART_TABLES:
        ids += conn.execute(select(table.c.id).where(table.c.household_id == household_id)).scalars().all()
    return ids


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
