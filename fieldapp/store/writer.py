"""The one write path: every change to a synced table goes through :class:`WriteTxn`.

Each insert, update or delete is applied to its table and, in the same database
transaction, appended to ``change_log`` with the new values, the hybrid logical
clock, the device, the user and the stamp of each value it replaced. The change
log is both the sync outbox and the audit trail (谁填报谁负责). Per-field clocks
(``row_hlc``/``field_clocks``) are kept on the row for last-writer-wins merges.
Households touched in the transaction get their list projection rebuilt before
commit, so the household list never disagrees with the register. Each logged change
carries the hash of this device's change before it (``chain_prev``/``chain_hash``,
:mod:`fieldapp.domain.audit`), and the commit signs the new head with the device key
when the database has one (``Database.chain_key``; :mod:`fieldapp.store.chain`).
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

from fieldapp.domain import audit, people
from fieldapp.domain.hlc import HybridClock, physical_ms
from fieldapp.domain.ids import new_id
from fieldapp.store import chain, codec, derived, guard, replay
from fieldapp.store.db import Database
from fieldapp.store.models import SYNC_COLUMNS, SYNCED_MODELS, SYNCED_TABLES, ChangeLog, Household

log = logging.getLogger("fieldapp.store.writer")

_CHANGE_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Actor:
    """Who writes: this device and the signed-in account (recorded on every change).

    ``user_id``/``user_name`` are the account's person id and name; ``roles`` decide, through the
    permission table, which writes it may make. ``roles=None`` is the program itself acting before
    any account exists or on the district's behalf (first-start setup, the demo builder, the
    self-test, migrations): only code that is not a front end builds such an actor.
    """

    device_id: str
    user_id: str | None = None
    user_name: str | None = None
    roles: tuple[str, ...] | None = None
    village_ids: tuple[str, ...] = ()
    cadre_id: str | None = None

    @property
    def is_system(self) -> bool:
        return self.roles is None

    def may(self, table: str, op: str, fields: Mapping[str, Any] | None = None,
            changed: Iterable[str] = ()) -> None:
        """Raise :class:`~fieldapp.domain.people.PermissionDenied` unless this actor may make the write
        (``changed``: the fields an update changes)."""
        if self.roles is None:
            return
        rules = people.permission_table()
        needed = rules.needed(table, op, fields, self.cadre_id, frozenset(changed))
        if not rules.allows(self.roles, needed):
            raise rules.denied(needed, self.user_name)


class RowNotFound(LookupError):
    pass


Stamp = tuple[int, str]  # (hlc, device): the clock of one field's current value


@dataclass(frozen=True)
class StaleField:
    """One field a save wanted to change, which changed elsewhere since the editor loaded it.

    ``mine`` is the value being saved, ``theirs`` the value in the register now (python form),
    ``stamp`` the clock of ``theirs`` (save against it to overwrite knowingly; its device is
    ``stamp[1]``), ``by`` the name of who wrote it when known, ``at`` its time in ms since the epoch.
    """

    table: str
    row_id: str
    field: str
    mine: Any
    theirs: Any
    stamp: Stamp
    by: str | None = None
    at: int | None = None
    #: the save deletes the row (``mine`` is then None): the row changed elsewhere since it was loaded
    deleting: bool = False


class StaleWrite(Exception):
    """A save refused because fields it changes were changed elsewhere since they were loaded."""

    def __init__(self, fields: list[StaleField]) -> None:
        super().__init__("; ".join(f"{f.table}.{f.field}" for f in fields))
        self.fields = fields


def stamps_of(row: Mapping[str, Any]) -> dict[str, Stamp]:
    """The stamp of every data field of a synced row (read with its sync columns)."""
    clocks = json.loads(row.get("field_clocks") or "{}")
    base: Stamp = (int(row["row_hlc"]), str(row["row_device"]))
    names = set(row) - (SYNC_COLUMNS - {"deleted"}) - {"id"}
    return {k: (int(clocks[k][0]), str(clocks[k][1])) if k in clocks else base for k in names}


def table_of(model: Any) -> Table:
    table = model if isinstance(model, Table) else model.__table__
    if table.name not in SYNCED_TABLES:
        raise ValueError(f"{table.name} is not a synced table")
    return table


_CLOCKS: dict[object, HybridClock] = {}  # by file (SQLite) or URL (PostgreSQL)
_CLOCKS_LOCK = threading.Lock()


def shared_clock(db: Database) -> HybridClock:
    """One clock per register file and process, so no two writers stamp a change alike.

    It starts above every stamp in the change log that is not far-future for this computer's wall
    clock: a received change stamped 2099 (kept in the log as it came) must not drag this device's
    clock, and so every later edit here, to 2099 (the clock's bound: :mod:`fieldapp.domain.hlc`).
    """
    key: object = db.path.resolve() if db.path is not None else db.where
    with _CLOCKS_LOCK:
        clock = _CLOCKS.get(key)
        if clock is None:
            clock = HybridClock()
            with db.read() as conn:
                last = _last_stamp(conn, clock.ceiling(), sqlite=db.dialect == "sqlite")
            clock = _CLOCKS[key] = HybridClock(last=int(last))
        return clock


#: the greatest stamp at or under :c, found through ix_change_log_user (user_id, hlc): SQLite walks the distinct
#: authors (a recursive skip along the index) and takes each one's greatest stamp (one index seek each), where a
#: plain max(hlc) reads the whole change log (seconds at every login on a district-sized register)
_LAST_STAMP_SQLITE = """
WITH RECURSIVE authors(u) AS (
    SELECT (SELECT min(user_id) FROM change_log)
    UNION ALL SELECT (SELECT min(user_id) FROM change_log WHERE user_id > u) FROM authors WHERE u IS NOT NULL)
SELECT max(m) FROM (
    SELECT (SELECT max(hlc) FROM change_log WHERE user_id = authors.u AND hlc <= :c) AS m FROM authors
        WHERE u IS NOT NULL
    UNION ALL SELECT (SELECT max(hlc) FROM change_log WHERE user_id IS NULL AND hlc <= :c))
"""


def _last_stamp(conn: Connection, ceiling: int, *, sqlite: bool) -> int:
    """The greatest stamp in the change log that is not above ``ceiling`` (0 for an empty log)."""
    if sqlite:
        found = conn.execute(text(_LAST_STAMP_SQLITE), {"c": ceiling}).scalar()
    else:
        found = conn.execute(select(func.max(_CHANGE_LOG.c.hlc)).where(_CHANGE_LOG.c.hlc <= ceiling)).scalar()
    return int(found or 0)


class ChangeWriter:
    """Opens write transactions for one actor with one clock."""

    def __init__(self, db: Database, actor: Actor, clock: HybridClock | None = None) -> None:
        self.db = db
        self.actor = actor
        self.clock = clock or shared_clock(db)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[WriteTxn]:
        with self.db.transaction() as conn, guard.write_path():
            txn = WriteTxn(conn, self.actor, self.clock)
            yield txn
            txn.finish()
            if txn.head is not None and self.db.chain_key is not None:
                chain.sign_following(conn, self.actor.device_id, txn.base, txn.head, self.db.chain_key)


class WriteTxn:
    """The write operations of one transaction. Use through :meth:`ChangeWriter.transaction`."""

    def __init__(self, conn: Connection, actor: Actor, clock: HybridClock) -> None:
        self.conn = conn
        self.actor = actor
        self.clock = clock
        self._seq: int | None = None
        self._link = audit.GENESIS  # chain hash of this device's latest change
        #: (origin_seq, chain_hash) of this device's last change before this transaction
        self.base: tuple[int, bytes] = (0, audit.GENESIS)
        #: (origin_seq, chain_hash) of the last change this transaction logged, None before the first
        self.head: tuple[int, bytes] | None = None
        self._pending: list[tuple[Any, ...]] = []
        self.touched_households: set[str] = set()
        self.stale: list[StaleField] = []
        #: records whose fields have several heads (or that a reviewer settles): replayed before commit,
        #: so their open conflicts follow this edit as they do on the replicas that receive it
        self._replay: set[tuple[str, str]] = set()
        self._open_deletes: set[tuple[str, str]] | None = None
        #: set by a reviewer settling a sync conflict: updates are logged as ``resolve``, which closes
        #: the same conflict on the replicas that receive them (a plain later edit does not)
        self.resolving = False

    # -- public operations -------------------------------------------------------

    def insert(self, model: Any, values: Mapping[str, Any]) -> str:
        """Insert one row; returns its id (a new UUIDv7 unless ``values['id']`` is given)."""
        return self.insert_many(model, [values])[0]

    def insert_many(self, model: Any, rows: Iterable[Mapping[str, Any]]) -> list[str]:
        """Insert rows; returns their ids. Each row is logged (one change each), then all go in one statement.

        On SQLite the rows are written through the driver in their JSON form, which is SQLite's storage
        form of every synced column type (as :func:`apply_remote` writes merged rows): SQLAlchemy's
        per-value processing cost more than the insert itself on bulk writes (imports, the demo).
        """
        table = table_of(model)
        allowed = codec.columns(table) - SYNC_COLUMNS | {"id"}
        to_json = codec.converters(table)
        device = self.actor.device_id
        defaults = _scalar_defaults(table)
        driver = self.conn.dialect.name == "sqlite" and defaults is not None
        stamped: list[dict[str, Any]] = []
        plain: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        ids: list[str] = []
        household = table.name == Household.__tablename__
        for values in rows:
            if not values.keys() <= allowed:
                raise ValueError(f"unknown fields for {table.name}: {sorted(set(values) - allowed)}")
            self.actor.may(table.name, "insert", values)
            row_id = values.get("id") or new_id()
            if "id" in values and (table.name, row_id) in self._delete_conflicts():
                self._replay.add((table.name, row_id))  # re-created after its tombstone was purged
            hlc = self.clock.now()
            fields = {k: None if v is None else to_json[k](v) for k, v in values.items() if k != "id"}
            if driver:
                assert defaults is not None
                row = fields if defaults.keys() <= fields.keys() else {**defaults, **fields}  # as SQLAlchemy fills in
                plain.setdefault(tuple(row), []).append((*row.values(), row_id, False, hlc, device, "{}"))
            else:
                stamped.append({k: v for k, v in values.items() if k != "id"} | {
                    "id": row_id, "deleted": False, "row_hlc": hlc, "row_device": device, "field_clocks": "{}"})
            owner = row_id if household else (str(fields["household_id"]) if fields.get("household_id") else None)
            self._log(table, row_id, owner, "insert", fields=fields, prev={}, hlc=hlc)
            ids.append(row_id)
        if stamped:
            self.conn.execute(table.insert(), stamped)
        for names, params in plain.items():
            cols = (*names, "id", "deleted", "row_hlc", "row_device", "field_clocks")
            self.conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(_quote(c) for c in cols)}) "
                                      f"VALUES ({','.join('?' * len(cols))})", params)
        return ids

    def update(self, model: Any, row_id: str, changes: Mapping[str, Any],
               expect: Mapping[str, Stamp] | None = None) -> dict[str, Any]:
        """Change fields of one row; only values that differ are written and logged.

        ``expect`` holds the stamps the caller's values were based on (what an editor loaded):
        a field in ``changes`` whose stamp moved since (another window, a sync merge, an import)
        is not written but recorded in :attr:`stale`, and :meth:`finish` then refuses the whole
        transaction with :class:`StaleWrite`. Returns the fields that actually changed.
        """
        table = table_of(model)
        allowed = codec.columns(table) - SYNC_COLUMNS
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown fields for {table.name}: {sorted(unknown)}")
        current = self._current(table, row_id)
        if expect:
            changes = self._check_stale(table, row_id, current, changes, expect)
        changed = {k: v for k, v in changes.items() if current[k] != v}
        if not changed:
            return {}
        self.actor.may(table.name, "update", {**current, **changed}, changed)
        hlc = self.clock.now()
        clocks = self._clocks(table, row_id, current)
        prev = {k: clocks.get(k, [current["row_hlc"], current["row_device"]]) for k in changed}
        for k in changed:
            clocks[k] = field_rank(hlc, self.actor.device_id, prev[k])
        self.conn.execute(
            table.update().where(table.c.id == row_id).values(**changed, field_clocks=codec.dumps(clocks))
        )
        fields = {k: codec.to_json(table, k, v) for k, v in changed.items()}
        self._log(table, row_id, _household_of(table, row_id, current), "update", fields=fields, prev=prev, hlc=hlc)
        return changed

    def put(self, model: Any, row_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """Insert with a given (natural) id, or update the existing row (reviving a tombstone)."""
        table = table_of(model)
        exists = self.conn.execute(select(table.c.deleted).where(table.c.id == row_id)).first()
        if exists is None:
            self.insert(model, {**values, "id": row_id})
            return dict(values)
        if exists.deleted:
            self._set_deleted(table, row_id, False)
        return self.update(model, row_id, values)

    def reassert(self, model: Any, row_id: str, names: Iterable[str]) -> None:
        """Record the current values of ``names`` again, with a new stamp, though nothing changed here.

        A reviewer who keeps the value that won a sync conflict: the confirmation travels like any
        edit and, having seen the winner, closes the same conflict on the other replicas.
        """
        table = table_of(model)
        current = self._current(table, row_id)
        wanted = sorted(set(names) & (codec.columns(table) - (SYNC_COLUMNS - {"deleted"})))
        if not wanted:
            return
        self.actor.may(table.name, "delete" if wanted == ["deleted"] and current["deleted"] else "update", current,
                       wanted)
        hlc = self.clock.now()
        clocks = self._clocks(table, row_id, current)
        prev = {k: clocks.get(k, [current["row_hlc"], current["row_device"]]) for k in wanted}
        for k in wanted:
            clocks[k] = field_rank(hlc, self.actor.device_id, prev[k])
        self.conn.execute(table.update().where(table.c.id == row_id).values(field_clocks=codec.dumps(clocks)))
        fields = {k: codec.to_json(table, k, current[k]) for k in wanted}
        op = "delete" if wanted == ["deleted"] and current["deleted"] and not self.resolving else "update"
        self._log(table, row_id, _household_of(table, row_id, current), op, fields=fields, prev=prev, hlc=hlc)

    def delete(self, model: Any, row_id: str, expect: Mapping[str, Stamp] | None = None) -> None:
        """Delete as a tombstone (``deleted = 1``); the row stays so the delete can sync.

        ``expect`` holds the stamps the row was loaded with: if any of its fields changed since,
        the row is not deleted but each such field is recorded in :attr:`stale` (``deleting``),
        and :meth:`finish` refuses the transaction, so nothing is removed without being seen.
        """
        table = table_of(model)
        if expect:
            current = self._current(table, row_id)
            now = stamps_of(current)
            moved = [k for k, loaded in expect.items() if k in now and tuple(loaded) != now[k]]
            if moved:
                for k in moved:
                    self.stale.append(StaleField(table.name, row_id, k, None, current[k], now[k],
                                                 self._author(table, row_id, now[k]), physical_ms(now[k][0]),
                                                 deleting=True))
                return
        self._set_deleted(table, row_id, True)

    # -- internals --------------------------------------------------------------

    def _check_stale(self, table: Table, row_id: str, current: Mapping[str, Any], changes: Mapping[str, Any],
                     expect: Mapping[str, Stamp]) -> dict[str, Any]:
        """``changes`` without the fields changed since ``expect``; those are recorded in :attr:`stale`."""
        now = stamps_of(current)
        kept: dict[str, Any] = {}
        for k, v in changes.items():
            loaded = expect.get(k)
            if loaded is None or tuple(loaded) == now[k] or current[k] == v:
                kept[k] = v
                continue
            self.stale.append(StaleField(table.name, row_id, k, v, current[k], now[k],
                                         self._author(table, row_id, now[k]), physical_ms(now[k][0])))
        return kept

    def _author(self, table: Table, row_id: str, stamp: Stamp) -> str | None:
        """Who wrote the value with ``stamp`` (None when the log does not say)."""
        found = self.conn.execute(
            select(_CHANGE_LOG.c.user_name).where(_CHANGE_LOG.c.tbl == table.name, _CHANGE_LOG.c.row_id == row_id,
                                                  _CHANGE_LOG.c.hlc == stamp[0])).scalar()
        return str(found) if found is not None else None

    def _set_deleted(self, table: Table, row_id: str, deleted: bool) -> None:
        current = self._current(table, row_id)
        if bool(current["deleted"]) == deleted:
            return
        self.actor.may(table.name, "delete" if deleted else "update", current)
        hlc = self.clock.now()
        clocks = self._clocks(table, row_id, current)
        base = [current["row_hlc"], current["row_device"]]
        prev = {"deleted": clocks.get("deleted", base)}
        if deleted:  # what the deleter saw of every field: edits it did not see make a delete conflict (replay)
            prev.update({k: clocks.get(k, base) for k in sorted(current)
                         if k not in SYNC_COLUMNS and k != "id"})
        clocks["deleted"] = field_rank(hlc, self.actor.device_id, prev["deleted"])
        self._replay.add((table.name, row_id))
        self.conn.execute(
            table.update().where(table.c.id == row_id).values(deleted=deleted, field_clocks=codec.dumps(clocks))
        )
        op = "delete" if deleted else "update"
        self._log(table, row_id, _household_of(table, row_id, current), op,
                  fields={"deleted": deleted}, prev=prev, hlc=hlc)

    def _clocks(self, table: Table, row_id: str, current: Mapping[str, Any]) -> dict[str, Any]:
        clocks: dict[str, Any] = json.loads(current["field_clocks"] or "{}")
        if replay.HEADS in clocks or self.resolving:
            self._replay.add((table.name, row_id))
        return clocks

    def _delete_conflicts(self) -> set[tuple[str, str]]:
        """Records with an open delete conflict (loaded once per transaction)."""
        if self._open_deletes is None:
            self._open_deletes = replay.open_deletes(self.conn)
        return self._open_deletes

    def _current(self, table: Table, row_id: str) -> Mapping[str, Any]:
        row = self.conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
        if row is None:
            raise RowNotFound(f"{table.name} {row_id} not found")
        return dict(row)

    def _next_seq(self) -> int:
        if self._seq is None:  # one index seek, whatever the size of the log
            self._seq, self._link = self.base = chain.last_link(self.conn, self.actor.device_id)
        self._seq += 1
        return self._seq

    def _log(self, table: Table, row_id: str, household_id: str | None, op: str, *,
             fields: dict[str, Any], prev: dict[str, Any], hlc: int) -> None:
        if household_id is not None:
            self.touched_households.add(household_id)
        if self.resolving and op != "insert":
            op = "resolve"
        # the table's name as a plain str: SQLAlchemy's quoted_name (a str subclass) sent the chain hash to the
        # standard library's encoder instead of the compiled one (the same text either way)
        entry = (self.actor.device_id, self._next_seq(), hlc, _plain_name(table), row_id, household_id, op,
                 codec.dumps_fields(fields), codec.dumps(prev) if prev else "{}", self.actor.user_id,
                 self.actor.user_name)
        linked = audit.entry_hash(entry, self._link)
        self._pending.append((*entry, self._link, linked))
        self._link = linked
        self.head = (entry[1], linked)
        if len(self._pending) >= 2000:
            self._flush_log()

    def _flush_log(self) -> None:
        # Plain text/int parameters through the driver: SQLAlchemy's per-row parameter
        # processing cost more than the insert itself on bulk writes (demo, imports).
        if self._pending:
            self.conn.exec_driver_sql(_log_insert_sql(self.conn.dialect.paramstyle), self._pending)
            self._pending = []

    def finish(self) -> None:
        """Write the pending change records and rebuild touched projections (before commit).

        Raises :class:`StaleWrite` (the transaction rolls back) if any update was stale.
        """
        if self.stale:
            raise StaleWrite(list(self.stale))
        self._flush_log()
        if self._replay:
            self.touched_households |= replay.replay_rows(self.conn, self._replay).households
            self._replay.clear()
        if self.touched_households:
            derived.refresh_households(self.conn, sorted(self.touched_households))
            self.touched_households.clear()


@functools.cache
def _plain_name(table: Table) -> str:
    return str(table.name)


_LOG_COLUMNS = ("origin", "origin_seq", "hlc", "tbl", "row_id", "household_id", "op", "fields", "prev",
                "user_id", "user_name", "chain_prev", "chain_hash")


@functools.cache
def _log_insert_sql(paramstyle: str) -> str:
    marker = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(paramstyle)
    if marker is None:
        raise NotImplementedError(f"paramstyle {paramstyle}")
    return f"INSERT INTO change_log ({', '.join(_LOG_COLUMNS)}) VALUES ({', '.join([marker] * len(_LOG_COLUMNS))})"


def apply_remote(conn: Connection, *, inserts: Mapping[str, list[tuple[Any, ...]]],
                 updates: Mapping[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]],
                 log_rows: list[tuple[Any, ...]]) -> None:
    """The sync merge's write path (:mod:`fieldapp.sync.merge` decides; this writes), in the caller's transaction.

    ``inserts[table]``: rows of (id, deleted, row_hlc, row_device, field_clocks, *data columns in name order);
    ``updates[(table, columns)]``: rows of (*values of ``columns``, id); values in their JSON form (SQLite's
    storage form). ``log_rows`` are the received changes, appended to ``change_log`` with their ORIGINAL
    origin, origin_seq, hlc and chain hashes (they keep the (origin, origin_seq) identity across replicas).
    """
    with guard.write_path():
        for model in SYNCED_MODELS:  # parents before children: foreign keys are checked per statement
            table: Table = model.__table__  # type: ignore[attr-defined]
            params = inserts.get(table.name)
            if params:
                cols = ("id", "deleted", "row_hlc", "row_device", "field_clocks",
                        *sorted(codec.columns(table) - SYNC_COLUMNS))
                conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(_quote(c) for c in cols)}) "
                                     f"VALUES ({','.join('?' * len(cols))})", params)
        for (name, cols), params in updates.items():
            if name not in SYNCED_TABLES:
                raise ValueError(f"{name} is not a synced table")
            sets = ", ".join(f"{_quote(c)} = ?" for c in cols)
            conn.exec_driver_sql(f"UPDATE {name} SET {sets} WHERE id = ?", params)
        if log_rows:
            conn.exec_driver_sql(_log_insert_sql(conn.dialect.paramstyle), log_rows)


@functools.cache
def _scalar_defaults(table: Table) -> dict[str, Any] | None:
    """The Python-side column defaults of ``table`` in their stored form; None if one is not a plain value."""
    found: dict[str, Any] = {}
    to_json = codec.converters(table)
    for column in table.columns:
        default = column.default
        if default is None or column.name in SYNC_COLUMNS or column.name == "id":
            continue
        if not getattr(default, "is_scalar", False):
            return None
        arg = getattr(default, "arg", None)
        found[column.name] = None if arg is None else to_json[column.name](arg)
    return found


def _quote(name: str) -> str:
    return '"' + name + '"'


def field_rank(hlc: int, device: str, prev: list[Any]) -> list[Any]:
    """The LWW stamp a change gives a field: its own clock, but always above the value it replaced.

    Normally ``hlc`` already exceeds ``prev`` (the clock observed it). After the clock guard clamped
    a far-future stamp it does not; the edit must still win over the value it knowingly replaced,
    on every replica, so the rank is lifted just above ``prev`` (sync merges use the same rule).
    """
    return [max(hlc, int(prev[0]) + 1), device]


def _household_of(table: Table, row_id: str, values: Mapping[str, Any]) -> str | None:
    if table.name == Household.__tablename__:
        return row_id
    household_id = values.get("household_id")
    return str(household_id) if household_id else None
