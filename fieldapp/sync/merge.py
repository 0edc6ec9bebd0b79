"""Applying received changes: per-field last-writer-wins, conflicts, quarantine, pending fields.

Every field's value is decided by its *rank* ``[hlc, device]``, compared as a tuple; the
highest rank wins, so the result does not depend on the order changes arrive in. A change's
rank for a field is its own stamp, lifted just above the stamp it replaced
(:func:`fieldapp.store.writer.field_rank`): an edit always beats the value its author saw,
even a far-future one that the clock guard clamped. An insert ranks all of the record's
fields (missing ones at their defaults), so two devices creating the same natural-id row
merge field by field.

A change is *concurrent* with the value it meets when its ``prev`` stamp is not that value's
rank (the author had not seen it). Such a record, one created twice, one whose fields already
have several heads, and one a re-stamping change touches, is replayed from ``change_log`` after
the batch (:mod:`fieldapp.store.replay`): its values and its open field conflicts are then a
function of the set of changes, the same on every replica. A record a delete or restore touches, or
whose tombstone an edit meets, is replayed too: a delete that had not seen a field's winning edit is a
``delete`` conflict, whichever arrived first.

A change stamped more than a day ahead of this computer's clock is *far-future*: it is applied,
this device's clock does not move, and this device issues a re-stamping change (its own change
carrying the same values at its own time, naming the far-future one under ``replay.DECLARE``).
Every replica that holds such a declaration ranks the far-future change only just above what it
replaced, so it cannot win against later real edits; the declaration is listed as a ``clock``
entry for review (see ``docs/SYNC.md``). Rows are read and written in batches with driver-level SQL
(values travel in their JSON form, which is also SQLite's storage form).
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, UniqueConstraint

from fieldapp.domain import audit, people
from fieldapp.domain.hlc import HybridClock
from fieldapp.store import batch, chain, codec, derived, lww, replay
from fieldapp.store.models import SYNC_COLUMNS, SYNCED_MODELS
from fieldapp.store.writer import apply_remote
from fieldapp.sync import authority
from fieldapp.sync.authority import Owner
from fieldapp.sync.body import Change
from fieldapp.sync.chaincheck import ChainCheck
from fieldapp.sync.scope import ScopeCheck
from fieldapp.sync.state import insert_local, now_iso

log = logging.getLogger("fieldapp.sync.merge")

# codec.dumps' format with one reusable encoder (json.dumps builds an encoder per call).
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
_string = json.encoder.encode_basestring  # C speed-up, ensure_ascii=False


def _dumps(obj: Any) -> str:
    """``codec.dumps(obj)``; one-field dicts (most received changes) built directly, same text."""
    if type(obj) is dict and len(obj) == 1:
        ((key, value),) = obj.items()
        kind = type(value)
        if kind is str:
            return "{" + _string(key) + ":" + _string(value) + "}"
        if kind is int:
            return "{" + _string(key) + ":" + str(value) + "}"
        if kind is list and len(value) == 2 and type(value[0]) is int and type(value[1]) is str:
            return "{" + _string(key) + ":[" + str(value[0]) + "," + _string(value[1]) + "]}"
    return _encode(obj)

TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNCED_MODELS}  # type: ignore[attr-defined]


@functools.cache
def data_columns(tbl: str) -> tuple[str, ...]:
    return tuple(sorted(codec.columns(TABLES[tbl]) - SYNC_COLUMNS))


@functools.cache
def parents(tbl: str) -> dict[str, str]:
    """Foreign-key columns of ``tbl`` and the table each points at."""
    return {fk.parent.name: fk.column.table.name for fk in TABLES[tbl].foreign_keys}


@functools.cache
def unique_keys(tbl: str) -> tuple[tuple[str, ...], ...]:
    """Column sets that must be unique among the rows of ``tbl`` (besides the id)."""
    table = TABLES[tbl]
    keys = [tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, UniqueConstraint)]
    keys += [(c.name,) for c in table.columns if c.unique]
    return tuple(k for k in keys if k != ("id",))


@functools.cache
def _known(tbl: str) -> frozenset[str]:
    return frozenset(data_columns(tbl)) | {"deleted"}


#: fields a plain update never carries: a member's ID number (unique across households), the row's household
#: or village (a move: scope and projection follow it), the tombstone
RULED_FIELDS = frozenset({"id_no", "household_id", "village_id", "deleted"})

HOUSEHOLD_TABLES = frozenset(t for t, table in TABLES.items() if "household_id" in table.c)


@functools.cache
def defaults(tbl: str) -> dict[str, Any]:
    """What an insert gives the fields it does not name (JSON form), ``deleted`` included."""
    table = TABLES[tbl]
    out: dict[str, Any] = {"deleted": False}
    for name in data_columns(tbl):
        default = table.c[name].default
        arg = getattr(default, "arg", None) if default is not None and default.is_scalar else None
        out[name] = codec.to_json(table, name, arg)
    return out


_Author = tuple[tuple[str, ...], str | None, str]  # (roles, cadre id, name) of a change's author


def _author_of(values: dict[str, Any]) -> _Author | None:
    """(roles, cadre id, name) of a person row's values; an inactive person holds no role."""
    if "roles" not in values:
        return None
    try:
        roles = json.loads(values["roles"]) if isinstance(values["roles"], str) else values["roles"]
    except ValueError:
        roles = []
    if not isinstance(roles, list) or values.get("deleted") or values.get("active") in (False, 0):
        roles = []
    return tuple(str(r) for r in roles), values.get("cadre_id"), str(values.get("name") or "")


def _rank(ch: Change, name: str) -> list[Any]:
    if ch.op == "insert":
        return [ch.hlc, ch.origin]
    prev = ch.prev.get(name) or [ch.hlc, ch.origin]
    return [max(ch.hlc, int(prev[0]) + 1), ch.origin]


def _names(fields: dict[str, Any]) -> tuple[str, ...]:
    """A change's field names in one order (a plain update's statements are per table and set of fields)."""
    return (*fields,) if len(fields) == 1 else tuple(sorted(fields))


def _q(name: str) -> str:
    return '"' + name + '"'


@dataclass
class _Row:
    values: dict[str, Any]
    clocks: dict[str, list[Any]]
    row_hlc: int
    row_device: str
    new: bool = False
    dirty: set[str] = field(default_factory=set)

    def rank(self, name: str) -> list[Any]:
        return self.clocks.get(name) or [self.row_hlc, self.row_device]


@dataclass
class MergeStats:
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    quarantined: int = 0
    pending: int = 0
    clock_flags: int = 0
    refused: int = 0
    bulk: int = 0  # of the applied, the plain updates decided and written in SQL
    households: set[str] = field(default_factory=set)
    refusals: list[dict[str, Any]] = field(default_factory=list)


class Merger:
    """Applies batches of changes inside one open write transaction (``conn``)."""

    def __init__(self, conn: Connection, clock: HybridClock, held: dict[str, int], *,
                 scope: Collection[str] | None = None, cadre: str | None = None,
                 grant: authority.Grant | None = None, child_level: str | None = None,
                 device_id: str | None = None, chain_check: ChainCheck | None = None, bulk: bool = True) -> None:
        """``scope``: the sender's villages; changes outside them, and to district-wide tables, are refused
        (the district server; see :mod:`fieldapp.sync.authority`). ``cadre``: the sender's enrolled cadre;
        ``grant``: the sender with the person and role its enrolment code named; ``child_level``: the sender
        is a child server of that level (it writes the district-owned rows inside its scope).

        ``device_id``: this replica, which re-stamps the far-future changes it receives (without it,
        they are applied and wait for another replica's declaration). ``chain_check``: links each received
        change into its origin's hash chain (and refuses a broken one); without it, changes are logged
        unchained (a reviewer's re-check). ``bulk``: decide and write plain updates in SQL (see
        :meth:`_plain_updates`); off, every change takes the careful path (the same outcome, change by change).
        """
        self.bulk = bulk
        self.chain = chain_check
        #: (origin_seq, chain_hash) of this device's own last change logged here (a re-stamping), if any,
        #: and of its change before the first of them
        self.own_head: tuple[int, bytes] | None = None
        self.own_base: tuple[int, bytes] | None = None
        self.conn = conn
        self.device_id = device_id
        self._replay: set[tuple[str, str]] = set()  # records to replay after the batch
        self._far: list[Change] = []  # far-future changes applied in this batch
        self._declared: set[tuple[str, int]] = set()  # far-future changes re-stamped in this batch
        self._scope = ScopeCheck(conn, scope, HOUSEHOLD_TABLES, cadre=cadre, grant=grant,
                                 child_level=child_level) if scope is not None else None
        self._clamping = False
        self._present: set[tuple[str, str]] = set()  # (table, id) known to exist: foreign-key checks
        self._keys: dict[tuple[str, tuple[str, ...], tuple[Any, ...]], str] = {}  # unique keys seen
        self.clock = clock
        self.held = held
        self.stats = MergeStats()
        self._partial: dict[str, bool] = {}
        self._log: list[tuple[Any, ...]] = []
        self._now = now_iso()
        self._authors: dict[str, _Author | None] = {}
        self._has_people = conn.exec_driver_sql("SELECT 1 FROM person LIMIT 1").first() is not None
        # origin → the first of its changes (origin seq) made by a known person: from then on the device
        # had accounts, and a change of it with no known author is refused (see docs/SYNC.md, "Authors").
        # Held ones are looked up when needed; the ones of this merge are noted as they pass.
        self._accounts_held: dict[str, int | None] = {}
        self._accounts_seen: dict[str, int] = {}
        self._batch_people: dict[str, dict[str, Any]] = {}  # people created or changed in the batch at hand
        self._open_deletes: set[tuple[str, str]] | None = None
        self._plain_names: dict[str, frozenset[str]] = {}  # per table: the fields a plain update may carry

    # -- batches -------------------------------------------------------------------------

    def apply(self, changes: list[Change]) -> None:
        fresh = [ch for ch in changes if not self._held(ch)]
        self.stats.skipped += len(changes) - len(fresh)
        if self._scope is not None:
            self._scope.prefetch(fresh)
        # One look at the clock per batch; each change is looked at only if the batch holds a far-future one.
        self._clamping = bool(fresh) and self.clock.observe(max(ch.hlc for ch in fresh))[1]
        plain = self._plain_updates(fresh)
        rows = self._load([ch for i, ch in enumerate(fresh) if i not in plain] if plain else fresh)
        self._know_authors(fresh, rows)
        unplain: list[int] = []  # plain updates refused after all (scope, author): not written
        for i, ch in enumerate(fresh):
            fields_text, prev_text = _dumps(ch.fields), _dumps(ch.prev) if ch.prev else "{}"
            linked = self.chain.link(ch, fields_text, prev_text) if self.chain is not None else (None, None)
            if self._refused(ch, rows, linked):
                unplain += [i] if i in plain else []
                continue
            quarantined = self.stats.quarantined
            if i in plain:  # decided in SQL: it wins over the value it replaced; written by _flush
                self._touch(ch, ch.fields, insert=False)
                self.stats.applied += 1
                self.stats.bulk += 1
            else:
                self._one(ch, rows)
            if ch.tbl == "person":  # a person received now authors the changes after it
                self._authors.pop(ch.row_id, None)
                self._has_people = True
            if self._scope is not None and self.stats.quarantined == quarantined:
                self._scope.applied(ch)
            self._log.append((ch.origin, ch.seq, ch.hlc, ch.tbl, ch.row_id, ch.household_id, ch.op,
                              fields_text, prev_text, ch.user_id, ch.user_name, *linked))
        for i in unplain:
            del plain[i]
        self._flush(rows, plain.values())
        if self.chain is not None:
            self.chain.batch_done()
        self._restamp()
        if self._replay:
            replayed = replay.replay_rows(self.conn, self._replay)
            self.stats.households |= replayed.households
            self.stats.conflicts += replayed.opened
            self._replay.clear()

    def _refused(self, ch: Change, rows: dict[tuple[str, str], _Row],
                 linked: tuple[bytes | None, bytes | None]) -> bool:
        """Out of the sender's scope, or its author may not make it: refused (or skipped, a district row as held)."""
        if self._scope is not None:
            row = rows.get((ch.tbl, ch.row_id))
            if authority.owner(ch.tbl) is Owner.DISTRICT and row is not None \
                    and authority.changes_nothing(ch, row.values):
                self.stats.skipped += 1  # the district's row as the district holds it: nothing to refuse
                return True
            refusal = self._scope.refusal(ch, stored=row is not None and not row.new)
            if refusal:
                self._refuse(ch, refusal, linked)
                return True  # never applied, never logged: nobody else receives it from us
        refusal = self._author_refusal(ch, rows)
        if refusal:
            self._refuse(ch, refusal, linked)
            return True
        return False

    def _plain_updates(self, batch: list[Change]) -> dict[int, Change]:
        """The changes of ``batch`` (by position) that are plain updates, decided in SQL (written by :meth:`_flush`).

        A candidate, by its content alone: an update of fields that no rule looks at (no unique key, no
        reference, no permission that depends on the stored row), each naming the rank it replaced, the only
        change of its record in the batch; not in a batch that holds a person (authors change) or a far-future
        stamp (re-stamped). :func:`fieldapp.store.lww.plain` keeps those that meet a live row whose fields'
        ranks are the ones named, with one head each: the careful path would apply them as they are. Every
        other change takes the careful path.
        """
        if not self.bulk or self._clamping or any(ch.tbl == "person" for ch in batch):
            return {}
        records: dict[tuple[str, str], int] = {}
        for ch in batch:
            key = (ch.tbl, ch.row_id)
            records[key] = records.get(key, 0) + 1
        # per (table, its fields): the candidates, and the rank each field replaced
        groups: dict[tuple[str, tuple[str, ...]], tuple[list[int], list[tuple[str, list[Any]]]]] = {}
        for i, ch in enumerate(batch):
            if ch.op != "update" or not ch.fields or records[(ch.tbl, ch.row_id)] != 1:
                continue
            allowed = self._plain_fields(ch.tbl)
            if not allowed or not allowed.issuperset(ch.fields):
                continue
            names = _names(ch.fields)
            prevs: list[Any] = []
            for name in names:
                prev = ch.prev.get(name)
                if not prev:
                    break
                prevs.append([int(prev[0]), str(prev[1])])
            else:
                found = groups.get((ch.tbl, names))
                if found is None:
                    found = groups[(ch.tbl, names)] = ([], [])
                found[0].append(i)
                found[1].append((ch.row_id, prevs))
        plain: dict[int, Change] = {}
        for (tbl, names), (idxs, changes) in sorted(groups.items()):
            for k in sorted(lww.plain(self.conn, tbl, names, changes)):
                plain[idxs[k]] = batch[idxs[k]]
        return plain

    def _plain_fields(self, tbl: str) -> frozenset[str]:
        """The fields of ``tbl`` a plain update may carry (empty: none, the table's changes take the careful path)."""
        found = self._plain_names.get(tbl)
        if found is None:
            if tbl not in TABLES or tbl == "person" or people.permission_table().fields_read(tbl) or (
                    self._scope is not None and authority.owner(tbl) is Owner.DISTRICT):
                found = frozenset()
            else:  # a unique key or a reference is checked change by change; a move changes the scope
                ruled = {n for key in unique_keys(tbl) for n in key} | set(parents(tbl)) | RULED_FIELDS
                found = frozenset(data_columns(tbl)) - ruled
            self._plain_names[tbl] = found
        return found

    def check(self, ch: Change) -> str | None:
        """Why ``ch`` would be quarantined if it arrived now, or None (a reviewer's re-check before release)."""
        if ch.tbl not in TABLES:
            return f"未知的表 {ch.tbl}"
        rows = self._load([ch])
        values = {k: v for k, v in ch.fields.items() if k in _known(ch.tbl)}
        row = rows.get((ch.tbl, ch.row_id))
        if row is None and ch.op != "insert":
            return "记录不存在：收到修改但没有该记录的创建（record missing）"
        return self._rule_breach(ch, values, row) or self._orphan(ch, values, rows)

    def finish(self) -> MergeStats:
        if self.stats.households:
            derived.refresh_households(self.conn, sorted(self.stats.households))
        return self.stats

    # -- one change ----------------------------------------------------------------------

    def _held(self, ch: Change) -> bool:
        if ch.seq <= self.held.get(ch.origin, 0):
            return True
        partial = self._partial.get(ch.origin)
        if partial is None:  # holds changes of this origin above its vector entry (relayed by a scoped peer)?
            top = self.conn.exec_driver_sql("SELECT max(origin_seq) FROM change_log WHERE origin = ?",
                                            (ch.origin,)).scalar()
            partial = self._partial[ch.origin] = int(top or 0) > self.held.get(ch.origin, 0)
        if partial:
            return self.conn.exec_driver_sql(
                "SELECT 1 FROM change_log WHERE origin = ? AND origin_seq = ?", (ch.origin, ch.seq)).first() is not None
        return False

    def _one(self, ch: Change, rows: dict[tuple[str, str], _Row]) -> None:
        _accepted, clamped = self.clock.observe(ch.hlc) if self._clamping else (ch.hlc, False)
        if ch.tbl not in TABLES:
            self._pend(ch, ch.fields)
            return
        target = replay.declared_target(ch.fields)
        if target is not None:  # another replica re-stamped a far-future change of this record
            self._declared.add(target)
            self._replay.add((ch.tbl, ch.row_id))
        known = _known(ch.tbl)
        unknown = {k: v for k, v in ch.fields.items() if k not in known and k != replay.DECLARE}
        if unknown:
            self._pend(ch, unknown)
        values = {k: v for k, v in ch.fields.items() if k in known}
        row = rows.get((ch.tbl, ch.row_id))
        reason = self._rule_breach(ch, values, row) or self._orphan(ch, values, rows)
        if reason:
            self._quarantine(ch, reason)
            return
        if row is None:
            if ch.op != "insert":
                if self._purged(ch):
                    self.stats.skipped += 1
                    return
                self._quarantine(ch, "记录不存在：收到修改但没有该记录的创建（record missing）")
                return
            row = rows[(ch.tbl, ch.row_id)] = _Row({**defaults(ch.tbl), **values}, {}, ch.hlc, ch.origin, new=True)
            self._recreated(ch)
            self._touch(ch, values, insert=True)
            self.stats.applied += 1
            if clamped:
                self._far.append(ch)
            return
        if replay.HEADS in row.clocks:
            self._replay.add((ch.tbl, ch.row_id))
        if ch.op == "insert":
            self._insert_existing(ch, row, values)
        else:
            self._update(ch, row, values)
        self._touch(ch, values, insert=False)
        self.stats.applied += 1
        if clamped:
            self._far.append(ch)

    def _recreated(self, ch: Change) -> None:
        """A record created again after its tombstone was purged is replayed if a delete conflict is open on it."""
        if self._open_deletes is None:
            self._open_deletes = replay.open_deletes(self.conn)
        if (ch.tbl, ch.row_id) in self._open_deletes:
            self._replay.add((ch.tbl, ch.row_id))

    def _insert_existing(self, ch: Change, row: _Row, values: dict[str, Any]) -> None:
        """Two devices created the same (natural-id) record: merge field by field."""
        full = {**defaults(ch.tbl), **values}
        for name in full:  # every field gets an explicit stamp; the row stamp becomes the earliest
            row.clocks.setdefault(name, row.rank(name))
        row.dirty.add("field_clocks")
        self._replay.add((ch.tbl, ch.row_id))
        if [ch.hlc, ch.origin] < [row.row_hlc, row.row_device]:
            row.row_hlc, row.row_device = ch.hlc, ch.origin
            row.dirty |= {"row_hlc", "row_device"}
        for name, value in full.items():
            self._field(ch, row, name, value, [ch.hlc, ch.origin], concurrent=True)

    def _update(self, ch: Change, row: _Row, values: dict[str, Any]) -> None:
        if row.values.get("deleted") or "deleted" in values:
            # A delete, a restore, or an edit meeting a tombstone: the record's delete conflicts are decided by
            # its replay, from the set of changes (what each delete had seen), not by arrival order.
            self._replay.add((ch.tbl, ch.row_id))
        for name, value in values.items():
            prev = ch.prev.get(name) or [ch.hlc, ch.origin]
            self._field(ch, row, name, value, _rank(ch, name), concurrent=list(prev) != row.rank(name))

    def _field(self, ch: Change, row: _Row, name: str, value: Any, rank: list[Any], *, concurrent: bool) -> None:
        current = row.rank(name)
        if concurrent or ch.op == "resolve":  # several heads, or a reviewer's choice: replay the record
            self._replay.add((ch.tbl, ch.row_id))
        if rank > current:
            row.values[name] = value
            row.clocks[name] = rank
            row.dirty.add(name)
            row.dirty.add("field_clocks")

    # -- far-future changes --------------------------------------------------------------

    def _restamp(self) -> None:
        """Re-stamp the far-future changes of this batch that no replica has re-stamped yet.

        The declaration is this device's own change: the far-future change's values at this
        device's clock (which the far-future stamp did not move), each field's ``prev`` the rank the
        far-future change had, and ``replay.DECLARE`` naming it. It syncs like any change.
        """
        far, self._far = self._far, []
        if self.device_id is None or not far:
            return
        held = {(r[0], int(r[1])) for r in batch.rows_in(
            self.conn, "SELECT origin, origin_seq FROM sync_quarantine WHERE row_id IN ({marks})",
            {ch.row_id for ch in far})}
        declared = set(self._declared)
        for fields, in batch.rows_in(self.conn, "SELECT fields FROM change_log WHERE row_id IN ({marks}) "
                                                "AND fields LIKE '%\"~clock\"%'", {ch.row_id for ch in far}):
            target = replay.declared_target(json.loads(fields))
            if target:
                declared.add(target)
        seq, link = chain.last_link(self.conn, self.device_id)
        if self.own_base is None:
            self.own_base = (seq, link)
        log_rows = []
        for ch in far:
            if (ch.origin, ch.seq) in declared or (ch.origin, ch.seq) in held:
                continue
            values = {k: v for k, v in ch.fields.items() if k in _known(ch.tbl)}
            if ch.op == "delete":
                values["deleted"] = True
            seq += 1
            prev = {k: replay.raw_rank(ch.op, ch.hlc, ch.origin, ch.prev, k) for k in values}
            entry = (self.device_id, seq, self.clock.now(), ch.tbl, ch.row_id, ch.household_id, "update",
                     _dumps({**values, replay.DECLARE: [ch.origin, ch.seq]}), _dumps(prev), None, None)
            digest = audit.entry_hash(entry, link)
            log_rows.append((*entry, link, digest))
            link, self.own_head = digest, (seq, digest)
            declared.add((ch.origin, ch.seq))
            self._replay.add((ch.tbl, ch.row_id))
            self.stats.clock_flags += 1
        if log_rows:
            apply_remote(self.conn, inserts={}, updates={}, log_rows=log_rows)

    # -- rules, records ------------------------------------------------------------------

    def _rule_breach(self, ch: Change, values: dict[str, Any], row: _Row | None) -> str | None:
        if ch.tbl == "member" and values.get("id_no"):
            hid = values.get("household_id") or (row.values.get("household_id") if row else ch.household_id)
            other = self.conn.exec_driver_sql(
                "SELECT household_id FROM member WHERE id_no = ? AND deleted = ? AND id != ? AND household_id != ? "
                "LIMIT 1", (values["id_no"], False, ch.row_id, hid)).first()
            if other is not None:
                return f"证件号码 {values['id_no']} 已属于另一户（{other[0]}）"
        for key in unique_keys(ch.tbl):
            if not any(name in values for name in key):
                continue
            current = row.values if row is not None else {}
            combined = tuple(values.get(n, current.get(n)) for n in key)
            if None in combined:
                continue
            seen = self._keys.get((ch.tbl, key, combined))
            if seen is None:
                where = " AND ".join(f"{_q(n)} = ?" for n in key)
                found = self.conn.exec_driver_sql(f"SELECT id FROM {ch.tbl} WHERE {where} AND id != ? LIMIT 1",
                                                  (*combined, ch.row_id)).first()
                seen = found[0] if found else ch.row_id
            if seen != ch.row_id:
                return f"{ch.tbl} 中已有另一条记录（{seen}）的 {'+'.join(key)} 为 {combined}（unique）"
            self._keys[(ch.tbl, key, combined)] = ch.row_id
        return None

    def _orphan(self, ch: Change, values: dict[str, Any], rows: dict[tuple[str, str], _Row]) -> str | None:
        """A reference to a record this replica does not have (its creation was quarantined or never sent)."""
        links = parents(ch.tbl)
        if links.keys().isdisjoint(values):
            return None
        for name, parent in links.items():
            ref = values.get(name)
            if not ref or (parent, ref) in self._present:
                continue
            if (parent, ref) not in rows and self.conn.exec_driver_sql(
                    f"SELECT 1 FROM {parent} WHERE id = ?", (ref,)).first() is None:
                return f"引用的{parent}记录 {ref} 不存在（orphan）"
            self._present.add((parent, ref))
        return None

    def _purged(self, ch: Change) -> bool:
        """The row was deleted here and its tombstone purged (every known replica held the delete)."""
        return self.conn.exec_driver_sql(
            "SELECT 1 FROM change_log WHERE tbl = ? AND row_id = ? AND op = 'delete' LIMIT 1",
            (ch.tbl, ch.row_id)).first() is not None

    def _author_refusal(self, ch: Change, rows: dict[tuple[str, str], _Row]) -> str | None:
        """Why the change's author (its ``user_id``: a person of the registry) may not make it, or None.

        The author's roles are the ones this replica holds now (a role revoked at the district and
        received earlier refuses the person's later changes). A change whose author is no person known
        here passes only if its device had no account yet when it made it (:meth:`_authorless_refusal`).
        """
        if ch.tbl not in TABLES:
            return None
        author = self._author(ch.user_id, rows) if ch.user_id else None
        if author is None:
            return self._authorless_refusal(ch)
        seen = self._accounts_seen.get(ch.origin)
        if seen is None or ch.seq < seen:  # the device has accounts from this change on (at least)
            self._accounts_seen[ch.origin] = ch.seq
        roles, cadre_id, name = author
        op = ch.op if ch.op in ("insert", "delete") else "update"
        if op == "update" and ch.fields.get("deleted") is True:
            op = "delete"
        # the row as the change would leave it, as the write path judges a local write: a rule that looks at
        # a field the change does not carry (whose check-in, which subject) sees the stored value
        row = rows.get((ch.tbl, ch.row_id))
        fields = {**row.values, **ch.fields} if row is not None else dict(ch.fields)
        table = people.permission_table()
        needed = table.needed(ch.tbl, op, fields, cadre_id, frozenset(ch.fields) if op == "update" else ())
        if table.allows(roles, needed):
            return None
        return f"{table.denied(needed, name or ch.user_name)!s}（permission {needed}）"

    def _authorless_refusal(self, ch: Change) -> str | None:
        """A change with no author or one who is no person here: the program's own writes (the district
        server's, setup, the demo, the enrolment's first account) and changes made before the device had
        accounts (they name the set-up cadre) pass; once a known person has written from that device (an
        earlier origin seq), such a change is refused, naming who it claims to be."""
        since = self._first_account_change(ch.origin)
        if since is None or ch.seq < since:
            return None
        who = f"“{ch.user_name}”（{ch.user_id}）" if ch.user_id else "（没有署名）"
        return (f"作者不明：修改署名{who}不是在册人员，而该设备自修改 #{since} 起已由账户登录使用"
                f"（unknown author {ch.user_id or '-'}）")

    def _first_account_change(self, origin: str) -> int | None:
        """The origin seq of ``origin``'s first change held here (or seen in this merge) made by a known person."""
        if origin not in self._accounts_held:
            found = self.conn.exec_driver_sql(
                "SELECT origin_seq FROM change_log WHERE origin = ? AND user_id IN (SELECT id FROM person) "
                "ORDER BY origin_seq LIMIT 1", (origin,)).first() if self._has_people else None
            self._accounts_held[origin] = int(found[0]) if found is not None else None
        known = [s for s in (self._accounts_held[origin], self._accounts_seen.get(origin)) if s is not None]
        return min(known) if known else None

    def _know_authors(self, batch: list[Change], rows: dict[tuple[str, str], _Row]) -> None:
        """Before applying ``batch``: its people (a body groups changes by record, so a person's first change
        may follow changes they made) and, per origin, the first change made by a known person."""
        self._batch_people = {}
        for ch in batch:
            if ch.tbl == "person":
                self._batch_people.setdefault(ch.row_id, {}).update(ch.fields)
        for ch in batch:
            if ch.tbl in TABLES and ch.user_id and self._author(ch.user_id, rows) is not None:
                seen = self._accounts_seen.get(ch.origin)
                if seen is None or ch.seq < seen:
                    self._accounts_seen[ch.origin] = ch.seq

    def _author(self, user_id: str, rows: dict[tuple[str, str], _Row]) -> _Author | None:
        row = rows.get(("person", user_id))
        # received in this batch (or loaded for it): its current values; made in this batch, not applied yet
        values = row.values if row is not None else self._batch_people.get(user_id)
        if values is not None:
            if "roles" not in values or "name" not in values:
                found = self.conn.exec_driver_sql(
                    "SELECT roles, cadre_id, name, active FROM person WHERE id = ?", (user_id,)).first()
                if found is not None:
                    values = {"roles": found[0], "cadre_id": found[1], "name": found[2], "active": found[3],
                              **values}
            return _author_of(values)
        if user_id in self._authors:
            return self._authors[user_id]
        found = self.conn.exec_driver_sql(
            "SELECT roles, cadre_id, name, active FROM person WHERE id = ?", (user_id,)).first() \
            if self._has_people else None
        author = self._authors[user_id] = _author_of(
            {"roles": found[0], "cadre_id": found[1], "name": found[2], "active": found[3]}) if found else None
        return author

    def _refuse(self, ch: Change, reason: str, linked: tuple[bytes | None, bytes | None] = (None, None)) -> None:
        if self.chain is not None:
            self.chain.refused(ch, linked)
        self.stats.refused += 1
        entry = {"origin": ch.origin, "seq": ch.seq, "tbl": ch.tbl, "row_id": ch.row_id, "reason": reason}
        if len(self.stats.refusals) < 1000:
            self.stats.refusals.append(entry)
        self._quarantine(ch, reason, status="refused")

    def _quarantine(self, ch: Change, reason: str, *, status: str = "open") -> None:
        """Keep the change for review (``open``), or on record only (``refused``: out of the sender's scope)."""
        self.stats.quarantined += status == "open"
        insert_local(self.conn, "sync_quarantine", {
            "origin": ch.origin, "origin_seq": ch.seq, "tbl": ch.tbl, "row_id": ch.row_id, "reason": reason,
            "received_at": self._now, "status": status,
            "change": _dumps({"op": ch.op, "hlc": ch.hlc, "fields": ch.fields, "prev": ch.prev,
                                   "household_id": ch.household_id, "user": ch.user_name})})

    def _pend(self, ch: Change, values: dict[str, Any]) -> None:
        self.stats.pending += len(values)
        insert_local(self.conn, "sync_pending", [
            {"origin": ch.origin, "origin_seq": ch.seq, "tbl": ch.tbl, "row_id": ch.row_id, "field": k,
             "value": json.dumps(v, ensure_ascii=False), "hlc": _rank(ch, k)[0], "device": ch.origin}
            for k, v in values.items()
        ])

    def _touch(self, ch: Change, values: dict[str, Any], *, insert: bool) -> None:
        if ch.tbl not in derived.LIST_INPUTS or not ch.household_id:
            return
        inputs = derived.LIST_INPUTS[ch.tbl]
        if insert or inputs is None or not inputs.isdisjoint(values):
            self.stats.households.add(ch.household_id)

    # -- storage -------------------------------------------------------------------------

    def _load(self, changes: Iterable[Change]) -> dict[tuple[str, str], _Row]:
        """Current rows of the batch, with only the columns the batch touches (all for inserts and deletes)."""
        wanted: dict[str, set[str]] = {}
        touched: dict[str, set[str]] = {}
        for ch in changes:
            if ch.tbl in TABLES:
                wanted.setdefault(ch.tbl, set()).add(ch.row_id)
                names = touched.setdefault(ch.tbl, set())
                names.update(data_columns(ch.tbl) if ch.op in ("insert", "delete") else ch.fields)
        rows: dict[tuple[str, str], _Row] = {}
        for tbl, ids in wanted.items():
            to_json = functools.partial(codec.to_json, TABLES[tbl])
            loads = json.loads
            # and what the permission table judges a change by (whose check-in, which subject)
            extra = ({"household_id"} if tbl == "member" else set()) | people.permission_table().fields_read(tbl)
            cols = [c for c in data_columns(tbl) if c in touched[tbl] or c in extra]
            head = "SELECT id, deleted, row_hlc, row_device, field_clocks"
            select = f"{head}{''.join(', ' + _q(c) for c in cols)} FROM {tbl}"
            for r in batch.rows_in(self.conn, f"{select} WHERE id IN ({{marks}})", ids):
                values = {name: to_json(name, r[5 + i]) for i, name in enumerate(cols)}
                values["deleted"] = bool(r[1])
                rows[(tbl, r[0])] = _Row(values, loads(r[4]) if r[4] else {}, int(r[2]), r[3])
        return rows

    def _flush(self, rows: dict[tuple[str, str], _Row], plain: Iterable[Change] = ()) -> None:
        """Write the batch: the careful path's rows, the plain updates decided in SQL (``plain``), and the
        change log."""
        inserts: dict[str, list[tuple[Any, ...]]] = {}
        updates: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        for (tbl, row_id), row in rows.items():
            if row.new:
                cols = data_columns(tbl)
                inserts.setdefault(tbl, []).append(
                    (row_id, row.values["deleted"], row.row_hlc, row.row_device, _dumps(row.clocks),
                     *(row.values[c] for c in cols)))
            elif row.dirty:
                names = tuple(sorted(row.dirty))
                extra = {"field_clocks": _dumps(row.clocks), "row_hlc": row.row_hlc,
                         "row_device": row.row_device}
                updates.setdefault((tbl, names), []).append(
                    (*(extra[n] if n in extra else row.values[n] for n in names), row_id))
        written: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        for ch in plain:  # each field ranked as the careful path ranks it
            names = _names(ch.fields)
            ranks = [x for name in names for x in _rank(ch, name)]
            written.setdefault((ch.tbl, names), []).append((*(ch.fields[name] for name in names), *ranks, ch.row_id))
        for tbl, names in sorted(written):
            lww.write(self.conn, tbl, names, written[(tbl, names)])
        apply_remote(self.conn, inserts=inserts, updates=updates, log_rows=self._log)
        self._log = []
