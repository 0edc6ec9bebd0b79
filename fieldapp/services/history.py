"""A household's change history (变更记录) in words: who changed what, when, from what to what.

The change log (:func:`fieldapp.store.queries.history_page`) holds table names, column names,
codes, fen and ids. Here each field change becomes a :class:`HistoryLine` a cadre can read:
the record kind in words (后续事项, not ``follow_up``), which record (成员 张三, 走访 2025-03-01
入户走访), the field's label from the field catalogue, old and new value as words (code labels,
money in 元, ids of cadres, members, villages and visits as names, a household as its 户编号),
who made the change, when (local time) and on which device.

:func:`describe` is a pure function over typed records (change entries and the names they
refer to); :func:`lookup_names` reads those names; :func:`household_history` does both for
one page. The editor's 变更记录 tab, the printed household file and ``fieldapp history`` use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from fieldapp.domain import hlc
from fieldapp.domain.fields import DEFAULT_LANGUAGE, FieldCatalogue, list_value
from fieldapp.domain.refdata import RefData
from fieldapp.store import batch
from fieldapp.store.db import Database
from fieldapp.store.queries import HistoryEntry, history_page

# Bookkeeping, never shown: keys, and the copies link rows keep of their visit's household and date.
SKIP_ALWAYS = frozenset({"household_id", "id"})
# Shown in the line's record already when a row is created (the year of an income row, the visit of a link).
SKIP_ON_INSERT: Mapping[str, frozenset[str]] = {
    "income_year": frozenset({"year"}), "indicator": frozenset({"code"}),
    "visit_cadre": frozenset({"visit_id", "date"}), "visit_measure": frozenset({"visit_id"}),
    "visit_photo": frozenset({"visit_id", "position"}), "follow_up": frozenset({"visit_id"}),
    # a sign-off reads as who (the line's user), which role and its code; the signed content is in the sign-off
    "signoff": frozenset({"subject_id", "period", "person_id", "key_id", "signed_at", "snapshot", "snapshot_hash",
                          "signature"}),
    # a checklist item's snapshot and sources are the record itself, already in the history above it
    "spotcheck_item": frozenset({"draw_id", "position", "shown", "sources", "ref_id", "entered_by"}),
    "rectification": frozenset({"item_id", "draw_id", "opened_by"}),
    "rectification_report": frozenset({"rectification_id", "reported_by"}),
}
# Who and when of a spot check or a rectification: every history line already says who wrote it and when.
SKIP_IN_TABLE: Mapping[str, frozenset[str]] = {
    "spotcheck_item": frozenset({"checked_by", "checked_by_name", "checked_at"}),
    "rectification": frozenset({"opened_by_name", "confirmed_by", "confirmed_by_name"}),
    "rectification_report": frozenset({"reported_by_name"}),
}
# Records described by the visit they belong to.
VISIT_PARTS = frozenset({"visit_cadre", "visit_measure", "visit_photo", "follow_up"})


@dataclass(frozen=True)
class HistoryLine:
    """One field change in words."""

    seq: int  # the change record (a new record's fields share it)
    hlc: int
    op: str  # insert | update | delete
    when: str  # local time, YYYY-MM-DD HH:MM:SS
    record: str  # record kind in words: 成员, 后续事项
    target: str  # which record: 成员 张三, 走访 2025-03-01 入户走访
    field: str  # the field's label
    old: str
    new: str
    user: str  # 填报人
    device: str  # 本机, or the end of the device id
    origin: str  # the full device id
    row_id: str = ""  # the record changed
    household_id: str | None = None
    table: str = ""  # its table
    intact: bool = True  # False: the change failed the tamper check (``user`` then says so)


@dataclass(frozen=True)
class HistoryNames:
    """What the changes refer to: row id → the record described, and id → a referenced record's name."""

    targets: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class HistoryPage:
    lines: list[HistoryLine]
    more: bool  # older changes remain
    before: tuple[int, int] | None  # (hlc, seq) to page on from


def shown(e: HistoryEntry) -> bool:
    """Whether a change entry is something a person reads (not a key, not an empty value of a new row)."""
    if e.field in SKIP_ALWAYS or e.field in SKIP_IN_TABLE.get(e.tbl, ()):
        return False
    if e.op == "insert":
        return e.new is not None and e.new != "" and e.field not in SKIP_ON_INSERT.get(e.tbl, ())
    return True


def local_time(value: int) -> str:
    """A hybrid-logical-clock value as local wall-clock time."""
    return dt.datetime.fromtimestamp(hlc.physical_ms(value) / 1000).strftime("%Y-%m-%d %H:%M:%S")


def describe(entries: Iterable[HistoryEntry], names: HistoryNames, catalogue: FieldCatalogue, *,
             lang: str = DEFAULT_LANGUAGE, own_device: str = "", masked: bool = False,
             bank: bool = False) -> list[HistoryLine]:
    """The shown entries as lines in words, in the order given; ``masked`` hides sensitive values."""
    lines = []
    for e in entries:
        if not shown(e):
            continue
        old = "" if e.op == "insert" else catalogue.format_value(e.tbl, e.field, e.old, lang, names=names.names,
                                                                   masked=masked, bank=bank)
        new = catalogue.format_value(e.tbl, e.field, e.new, lang, names=names.names, masked=masked, bank=bank)
        record = catalogue.table_label(e.tbl, lang)
        device = (catalogue.word("this_device", lang) if e.origin == own_device
                  else catalogue.word("device", lang).format(e.origin[-8:]))
        lines.append(HistoryLine(
            seq=e.seq, hlc=e.hlc, op=e.op, when=local_time(e.hlc), record=record,
            target=names.targets.get(e.row_id, record), field=catalogue.label(e.tbl, e.field, lang),
            old=old, new=new, device=device, origin=e.origin, intact=e.intact, row_id=e.row_id,
            household_id=e.household_id, table=e.tbl,
            user=(e.user_name or "—") if e.intact
            else catalogue.word("chain_broken", lang).format(e.user_name or "—")))
    return lines


def lookup_names(conn: Connection, entries: Sequence[HistoryEntry], ref: RefData,
                 lang: str = DEFAULT_LANGUAGE) -> HistoryNames:
    """The records the entries were made to, and the names of the records their values refer to."""
    catalogue = ref.fields
    rows: dict[str, set[str]] = {}
    for e in entries:
        rows.setdefault(e.tbl, set()).add(e.row_id)
    wanted: dict[str, set[str]] = {}
    for e in entries:
        kind = catalogue.references.get((e.tbl, e.field))
        if kind:
            for v in (e.old, e.new):
                value = list_value(v, kind)
                wanted.setdefault(kind, set()).update(str(i) for i in (value if isinstance(value, list) else [value])
                                                      if i)
    for part in VISIT_PARTS & rows.keys():  # a visit's parts are described by their visit
        for r in batch.rows_in(conn, f"SELECT id, visit_id FROM {part} WHERE id IN ({{marks}})", rows[part]):
            wanted.setdefault("visit", set()).add(r.visit_id)
    wanted.setdefault("visit", set()).update(rows.get("visit", ()))
    names = _names(conn, wanted, ref, lang)

    targets: dict[str, str] = {}

    def target(table: str, row_id: str, text: str) -> None:
        targets[row_id] = f"{catalogue.table_label(table, lang)} {text}".strip()

    for row_id in rows.get("household", ()):
        target("household", row_id, "")
    describers: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
        ("member", "SELECT id, name FROM member WHERE id IN ({marks})", lambda r: r.name or ""),
        ("person", "SELECT id, name FROM person WHERE id IN ({marks})", lambda r: r.name or ""),
        ("income_year", "SELECT id, year FROM income_year WHERE id IN ({marks})",
         lambda r: catalogue.word("year", lang).format(r.year)),
        ("indicator", "SELECT id, code FROM indicator WHERE id IN ({marks})",
         lambda r: ref["indicator"].label(r.code, lang)),
        ("measure", "SELECT id, type FROM measure WHERE id IN ({marks})",
         lambda r: ref["measure_type"].label(r.type, lang)),
        ("visit", "SELECT id FROM visit WHERE id IN ({marks})", lambda r: names.get(r.id, "")),
        *((part, f"SELECT id, visit_id FROM {part} WHERE id IN ({{marks}})",
           lambda r: names.get(r.visit_id, "")) for part in sorted(VISIT_PARTS)),
    )
    for table, sql, text in describers:
        if rows.get(table):
            for r in batch.rows_in(conn, sql, rows[table]):
                target(table, r.id, text(r))
    return HistoryNames(targets=targets, names=names)


def _names(conn: Connection, wanted: Mapping[str, set[str]], ref: RefData, lang: str) -> dict[str, str]:
    """Id → how a person names the record: a name, a 户编号, a visit's date and type."""
    names: dict[str, str] = {}
    for table in ("area", "cadre", "member"):
        for r in batch.rows_in(conn, f"SELECT id, name FROM {table} WHERE id IN ({{marks}})", wanted.get(table, ())):
            names[r.id] = r.name
    for r in batch.rows_in(conn, "SELECT id, hh_no FROM household WHERE id IN ({marks})", wanted.get("household", ())):
        names[r.id] = r.hh_no or ""
    for r in batch.rows_in(conn, "SELECT id, date, type FROM visit WHERE id IN ({marks})", wanted.get("visit", ())):
        names[r.id] = f"{_date(r.date)} {ref['visit_type'].label(r.type, lang)}"
    for r in batch.rows_in(conn, "SELECT id, type, content FROM measure WHERE id IN ({marks})",
                           wanted.get("measure", ())):
        names[r.id] = f"{ref['measure_type'].label(r.type, lang)} {r.content or ''}".strip()
    for r in batch.rows_in(conn, "SELECT id, taken_on FROM photo WHERE id IN ({marks})", wanted.get("photo", ())):
        names[r.id] = _date(r.taken_on) or ref.fields.table_label("photo", lang)
    return {k: v for k, v in names.items() if v}


def _date(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")


def household_history(conn: Connection, ref: RefData, household_id: str, *, lang: str = DEFAULT_LANGUAGE,
                      own_device: str = "", before: tuple[int, int] | None = None, limit: int = 200,
                      masked: bool = False, bank: bool = False) -> HistoryPage:
    """One page of a household's history in words, newest first: ``limit`` change records before ``before``."""
    entries = history_page(conn, household_id, before_hlc=before[0] if before else None,
                           before_seq=before[1] if before else None, limit=limit)
    more = len({e.seq for e in entries}) >= limit
    last = (entries[-1].hlc, entries[-1].seq) if entries else before
    visible = [e for e in entries if shown(e)]
    lines = describe(visible, lookup_names(conn, visible, ref, lang), ref.fields, lang=lang,
                     own_device=own_device, masked=masked, bank=bank)
    return HistoryPage(lines=lines, more=more, before=last)


def read_household_history(db: Database, ref: RefData, household_id: str, *, lang: str = DEFAULT_LANGUAGE,
                           own_device: str = "", before: tuple[int, int] | None = None, limit: int = 200,
                           masked: bool = False, bank: bool = False) -> HistoryPage:
    """:func:`household_history` in one read snapshot of ``db`` (for front ends, which hold no connection)."""
    with db.read() as conn:
        return household_history(conn, ref, household_id, lang=lang, own_device=own_device, before=before,
                                 limit=limit, masked=masked, bank=bank)


def full_household_history(conn: Connection, ref: RefData, household_id: str, *, lang: str = DEFAULT_LANGUAGE,
                           own_device: str = "", masked: bool = False, bank: bool = False,
                           page: int = 500) -> list[HistoryLine]:
    """Every change of a household in words, newest first."""
    lines: list[HistoryLine] = []
    before = None
    while True:
        found = household_history(conn, ref, household_id, lang=lang, own_device=own_device, before=before,
                                  limit=page, masked=masked, bank=bank)
        lines += found.lines
        if not found.more:
            return lines
        before = found.before
