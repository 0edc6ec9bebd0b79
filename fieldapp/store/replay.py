"""Replaying a record's history from ``change_log``: each field's value, rank and open conflicts.

The sync merge decides most changes incrementally (the new change against the row's stored
rank). That is exact while a field has one line of edits. Where it has several *heads* (edits
nobody has edited over yet: two devices wrote it concurrently, a record was created twice), or
where a far-future change was re-stamped, the record is replayed here instead, so that its state
is a function of the set of changes alone, the same on every replica whatever the order:

- **Rank** of a change for a field: an insert ranks ``[hlc, origin]``; an update ranks
  ``[max(hlc, rank it replaced + 1), origin]``. A change *re-stamped* by a far-future
  declaration (a later change carrying ``DECLARE = [origin, origin_seq]``) ranks only just above
  what it replaced (an insert: ``[0, origin]``); the declaring change carries its values at the
  declarer's own time (see ``docs/SYNC.md``). A rank that was lifted over a re-stamped change is
  recomputed the same way, so nothing keeps a 2099 rank through the changes built on it.
- **Winner**: the highest rank. **Heads**: the changes no other change replaced, where a change
  replaces the one whose rank it names as ``prev``, every earlier change of its own device (a
  re-stamp only the change it re-stamps), and, for a reviewer's ``resolve``, every lower-ranked one.
- **Open conflicts** of a field: the heads other than the winner holding another value. They are
  written to ``sync_conflict`` (kind ``field``) exactly: new ones opened, settled ones closed.
  Every declaration is listed once (kind ``clock``) for review.

Fields with several heads are named in the row's ``field_clocks`` under ``HEADS``, so that the
next change to the record (received or written here) replays it again.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table

from fieldapp.store import batch, codec, guard
from fieldapp.store.models import SYNC_COLUMNS, SYNCED_MODELS

DECLARE = "~clock"  # a re-stamping change's field: [origin, origin_seq] of the far-future change it re-stamps
HEADS = "~h"  # key in a row's field_clocks: the fields with several heads
DELETE = "~delete"  # key in a replayed state: the delete conflict (not a field)

_TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNCED_MODELS}  # type: ignore[attr-defined]
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
Rank = tuple[int, str]
Field = tuple[Any, Rank, list[tuple[Any, Rank]]]  # value, rank, the heads' (value, rank), winner first


@functools.cache
def _names(tbl: str) -> tuple[str, ...]:
    return (*sorted(codec.columns(_TABLES[tbl]) - SYNC_COLUMNS), "deleted")


@functools.cache
def _defaults(tbl: str) -> dict[str, Any]:
    table = _TABLES[tbl]
    out: dict[str, Any] = {"deleted": False}
    for name in _names(tbl)[:-1]:
        default = table.c[name].default
        arg = getattr(default, "arg", None) if default is not None and default.is_scalar else None
        out[name] = codec.to_json(table, name, arg)
    return out


@dataclass
class _Change:
    origin: str
    seq: int
    hlc: int
    op: str
    fields: dict[str, Any]
    prev: dict[str, Any]
    declared: bool = False


def declared_target(fields: dict[str, Any]) -> tuple[str, int] | None:
    """The (origin, origin_seq) a re-stamping change names, or None."""
    value = fields.get(DECLARE)
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], int):
        return value[0], value[1]
    return None


def raw_rank(op: str, hlc: int, origin: str, prev: dict[str, Any], name: str) -> list[Any]:
    """The rank the incremental merge gives a change for ``name`` (no re-stamping known)."""
    p = prev.get(name) if op != "insert" else None
    return [max(hlc, int(p[0]) + 1) if p else hlc, origin]


def open_deletes(conn: Connection) -> set[tuple[str, str]]:
    """(table, id) of the records with an open delete conflict: a record re-created after its tombstone was
    purged is replayed, so that the re-creation settles the conflict on every replica."""
    return {(r[0], r[1]) for r in conn.exec_driver_sql(
        "SELECT tbl, row_id FROM sync_conflict WHERE kind = 'delete' AND resolved = ?", (False,))}


@dataclass
class Replayed:
    households: set[str] = field(default_factory=set)  # whose records changed: rebuild their list rows
    opened: int = 0  # field conflicts newly opened


def replay_rows(conn: Connection, keys: Iterable[tuple[str, str]]) -> Replayed:
    """Replay the records ``keys`` ((table, id)) in the caller's write transaction."""
    wanted: dict[str, set[str]] = {}
    for tbl, row_id in keys:
        if tbl in _TABLES:
            wanted.setdefault(tbl, set()).add(row_id)
    out = Replayed()
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with guard.write_path():
        for tbl, ids in wanted.items():
            _replay_table(conn, tbl, ids, now, out)
    return out


def _replay_table(conn: Connection, tbl: str, ids: set[str], now: str, out: Replayed) -> None:
    table = _TABLES[tbl]
    names = _names(tbl)
    cols = ", ".join('"' + n + '"' for n in names)
    current = {r[0]: r for r in batch.rows_in(
        conn, f"SELECT id, row_hlc, row_device, field_clocks, {cols} FROM {tbl} WHERE id IN ({{marks}})", ids)}
    held_back = {(r[0], int(r[1]), r[2]) for r in batch.rows_in(
        conn, "SELECT origin, origin_seq, row_id FROM sync_quarantine WHERE tbl = ? AND row_id IN ({marks})",
        current, (tbl,))}
    history: dict[str, list[_Change]] = {}
    household_of: dict[str, str | None] = {}
    log = batch.rows_in(conn, "SELECT origin, origin_seq, hlc, op, fields, prev, row_id, household_id, seq "
                              "FROM change_log WHERE tbl = ? AND row_id IN ({marks})", current, (tbl,))
    for origin, seq, hlc, op, fields, prev, row_id, hid, _seq in sorted(log, key=lambda r: r[8]):
        if (origin, int(seq), row_id) in held_back:
            continue
        history.setdefault(row_id, []).append(
            _Change(origin, int(seq), int(hlc), op, json.loads(fields), json.loads(prev or "{}")))
        household_of.setdefault(row_id, hid)
    for row_id, row in current.items():
        changes = history.get(row_id)
        if not changes:
            continue
        stored = {n: codec.to_json(table, n, row[4 + i]) if n != "deleted" else bool(row[4 + i])
                  for i, n in enumerate(names)}
        clocks = json.loads(row[3] or "{}")
        base = [int(row[1]), row[2]]
        state = _replay(tbl, changes)
        lost = state.pop(DELETE, None)
        changed = {n: v for n, (v, _rank, _heads) in state.items() if stored.get(n) != v}
        new_clocks = {k: v for k, v in clocks.items() if k != HEADS and k not in state}
        for n, (_v, rank, _heads) in state.items():
            if list(rank) != base:
                new_clocks[n] = list(rank)
        multi = sorted(n for n, (_v, _r, heads) in state.items() if len(heads) > 1)
        if multi:
            new_clocks[HEADS] = multi
        sets = {**changed}
        if new_clocks != clocks:
            sets["field_clocks"] = _encode(new_clocks)
        if sets:
            assign = ", ".join(f'"{n}" = ?' for n in sets)
            conn.exec_driver_sql(f"UPDATE {tbl} SET {assign} WHERE id = ?", (*sets.values(), row_id))
            if changed:
                hid = household_of.get(row_id) or (row_id if tbl == "household" else None)
                if hid:
                    out.households.add(hid)
        out.opened += _write_conflicts(conn, tbl, row_id, household_of.get(row_id), state=state, changes=changes,
                                       now=now, lost=lost)


def _replay(tbl: str, changes: list[_Change]) -> dict[str, Field]:
    """Each field's (value, rank, heads) from the record's changes (in this replica's log order).

    Under the key ``DELETE`` (not a field): the delete conflict, if any (see :func:`_delete_conflict`)."""
    known = set(_names(tbl))
    declared = {t for c in changes for t in [declared_target(c.fields)] if t}
    for c in changes:
        c.declared = (c.origin, c.seq) in declared
    full = {id(c): {**_defaults(tbl), **{k: v for k, v in c.fields.items() if k in known}}
            for c in changes if c.op == "insert"}
    out: dict[str, Field] = {}
    winners: dict[str, tuple[_Change, dict[int, Rank], dict[Rank, _Change]]] = {}
    for name in _names(tbl):
        cands = [c for c in changes if c.op == "insert" or name in c.fields]
        if cands:
            out[name], winners[name] = _field(name, cands, full)
    lost = _delete_conflict(out, winners)
    if lost is not None:
        out[DELETE] = lost
    return out


def _delete_conflict(state: dict[str, Field],
                     winners: dict[str, tuple[_Change, dict[int, Rank], dict[Rank, _Change]]]) -> Field | None:
    """The values a winning delete did not see, as (that dict, the delete's rank, [(dict, their top rank)]).

    A record whose ``deleted`` is won by a delete ``D`` (or a reviewer's ``resolve`` keeping it) is in
    conflict with each field whose winning change ``D``'s author had not seen: not ``D``'s own device's
    earlier change, not the change (or below the rank) that ``D`` names for that field as ``prev`` (a
    delete names every field's rank as its author saw it; an older delete only ``deleted``'s, so any later
    edit by another device counts; a ``resolve`` saw everything ranked below it). A function of the set of
    changes, like the fields: whichever arrived first, every replica lists the same delete conflicts.
    """
    if DELETE in state or "deleted" not in state or state["deleted"][0] is not True:
        return None
    d, d_eff, _ = winners["deleted"]
    d_rank = d_eff[id(d)]
    lost: dict[str, Any] = {}
    top: Rank | None = None
    for name, (value, rank, _heads) in state.items():
        if name == "deleted":
            continue
        w, eff, by_rank = winners[name]
        if w.origin == d.origin and w.seq < d.seq:
            continue
        p = d.prev.get(name)
        if d.op == "resolve":
            seen = eff[id(w)] < d_rank
        elif p:
            named = by_rank.get((int(p[0]), str(p[1])))
            seen = named is w or eff[id(w)] <= (eff[id(named)] if named is not None else (int(p[0]), str(p[1])))
        else:
            replaced = d.prev.get("deleted")
            seen = replaced is not None and eff[id(w)] <= (int(replaced[0]), str(replaced[1]))
        if not seen:
            lost[name] = value
            top = max(top, rank) if top is not None else rank
    if not lost or top is None:
        return None
    return lost, d_rank, [(lost, top)]


def _ranks(name: str, cands: list[_Change]) -> tuple[dict[int, Rank], dict[Rank, _Change]]:
    """Effective ranks (by ``id``) and every rank a change was known by (raw or effective) → change."""
    by_rank: dict[Rank, _Change] = {}
    eff: dict[int, Rank] = {}
    for c in cands:  # log order: what a change names as prev came before it
        p = c.prev.get(name) if c.op != "insert" else None
        replaced: Rank | None = None
        if p:
            target = by_rank.get((int(p[0]), str(p[1])))
            replaced = eff[id(target)] if target is not None else (int(p[0]), str(p[1]))
        if c.declared:
            rank = (replaced[0] + 1 if replaced else 0, c.origin)
        else:
            rank = (max(c.hlc, replaced[0] + 1) if replaced else c.hlc, c.origin)
        eff[id(c)] = rank
        raw = raw_rank(c.op, c.hlc, c.origin, c.prev, name)
        by_rank[(int(raw[0]), str(raw[1]))] = c
        by_rank.setdefault(rank, c)
    return eff, by_rank


def _field(name: str, cands: list[_Change], full: dict[int, dict[str, Any]]
           ) -> tuple[Field, tuple[_Change, dict[int, Rank], dict[Rank, _Change]]]:
    eff, by_rank = _ranks(name, cands)
    killed: set[int] = set()
    for c in cands:
        p = c.prev.get(name) if c.op != "insert" else None
        victim = by_rank.get((int(p[0]), str(p[1]))) if p else None
        if victim is not None and victim is not c:
            killed.add(id(victim))
        if declared_target(c.fields) is None:  # an edit replaces its device's earlier changes (a re-stamp does not)
            killed |= {id(o) for o in cands if o.origin == c.origin and o.seq < c.seq}
        if c.op == "resolve":
            killed |= {id(o) for o in cands if eff[id(o)] < eff[id(c)]}
    winner = max(cands, key=lambda c: (eff[id(c)], c.seq))
    heads = [winner, *(c for c in cands if id(c) not in killed and c is not winner)]
    values = [(full[id(c)][name] if c.op == "insert" else c.fields[name], eff[id(c)]) for c in heads]
    return (values[0][0], values[0][1], values), (winner, eff, by_rank)


def _write_conflicts(conn: Connection, tbl: str, row_id: str, household_id: str | None, *,
                     state: dict[str, Field], changes: list[_Change], now: str, lost: Field | None) -> int:
    """Open and close the record's field and delete conflicts; flag its declarations. Returns how many opened."""
    desired: dict[tuple[str, str, str, int, str], tuple[str, int, str]] = {}
    if lost is not None:
        values, d_rank, [(_v, top)] = lost
        desired[("delete", ",".join(sorted(values)), _encode(values), int(top[0]), str(top[1]))] = (
            _encode(True), int(d_rank[0]), str(d_rank[1]))
    for name, (value, rank, heads) in state.items():
        if name == "deleted":  # a delete crossing edits is its own kind (``lost``)
            continue
        for h_value, h_rank in heads[1:]:
            if h_value != value:
                desired[("field", name, _encode(h_value), int(h_rank[0]), str(h_rank[1]))] = (
                    _encode(value), int(rank[0]), str(rank[1]))
    existing = conn.exec_driver_sql(
        "SELECT id, kind, field, loser_value, loser_hlc, loser_device, winner_value, winner_hlc, winner_device "
        "FROM sync_conflict WHERE kind IN ('field', 'delete') AND resolved = ? AND tbl = ? AND row_id = ?",
        (False, tbl, row_id)).all()
    for cid, kind, name, l_value, l_hlc, l_dev, w_value, w_hlc, w_dev in existing:
        key = (kind, name, l_value, int(l_hlc), l_dev)
        want = desired.pop(key, None)
        if want is None:
            conn.exec_driver_sql("UPDATE sync_conflict SET resolved = ? WHERE id = ?", (True, cid))
        elif want != (w_value, int(w_hlc), w_dev):
            conn.exec_driver_sql("UPDATE sync_conflict SET winner_value = ?, winner_hlc = ?, winner_device = ? "
                                 "WHERE id = ?", (*want, cid))
    opened = len(desired)
    rows = [(kind, tbl, row_id, household_id, name, w_value, w_hlc, w_dev, l_value, l_hlc, l_dev, now, False)
            for (kind, name, l_value, l_hlc, l_dev), (w_value, w_hlc, w_dev) in desired.items()]
    flagged = {(int(r[0]), r[1], r[2]) for r in conn.exec_driver_sql(
        "SELECT winner_hlc, winner_device, loser_device FROM sync_conflict WHERE kind = 'clock' AND tbl = ? "
        "AND row_id = ?", (tbl, row_id))}
    by_id = {(c.origin, c.seq): c for c in changes}
    for k in changes:
        target = declared_target(k.fields)
        f = by_id.get(target) if target else None
        if f is not None and (f.hlc, f.origin, k.origin) not in flagged:
            flagged.add((f.hlc, f.origin, k.origin))
            rows.append(("clock", tbl, row_id, household_id, "*", "null", f.hlc, f.origin, "null", k.hlc, k.origin,
                         now, False))
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (kind, tbl, row_id, household_id, field, winner_value, winner_hlc, "
            "winner_device, loser_value, loser_hlc, loser_device, detected_at, resolved) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return opened
