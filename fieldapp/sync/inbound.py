"""What a correctly signed package may carry: its header and every decoded value, checked before SQL.

A signature proves who sent a package, not that its content is sound: a buggy or compromised
peer signs whatever it produced. So an import checks, before anything reaches the database:

- the header: every field has its type and range (sequence numbers and clocks fit a signed
  64-bit integer, ids fit their columns), ``base <= top`` for every origin, and the schema is one
  this version can apply (:func:`check_schema`);
- every change against the header: its origin is in the header's range and its sequence number
  within ``(base, top]``, no (origin, seq) twice, and the counts match the body;
- every change against the register's columns: a known table's known field has the column's type,
  length and nullability; table and field names are plain identifiers.

Any fault refuses the whole package (:class:`PackageRefused`, reason ``format`` or ``version``)
while its transaction is still open, so nothing is applied. The version vector moves only by what
the body holds (:meth:`BodyCheck.advance`): at a replica of the whole district, the sender's own
entry (such a package carries all of the sender's changes) must be backed change for change, and a
relayed origin's entry moves no further than the body's highest change of that origin.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Boolean, Date, Integer, SmallInteger, String, Table

from fieldapp.domain.ids import short_id
from fieldapp.store.db import SCHEMA_VERSION
from fieldapp.store.models import SYNC_COLUMNS, SYNCED_MODELS
from fieldapp.store.replay import DECLARE
from fieldapp.sync.body import Blob, Change, ScopeExit
from fieldapp.sync.package import PackageRefused
from fieldapp.sync.seqs import Seqs

MAX_INT64 = (1 << 63) - 1
MAX_INT32 = (1 << 31) - 1
# The oldest register schema whose packages this version applies (0003 added sync), and the one
# this version's packages need: bump NEEDS_SCHEMA when a migration makes changes older versions
# cannot apply (new fields and tables alone do not: a receiver keeps them pending).
OLDEST_SCHEMA = 3
NEEDS_SCHEMA = 7  # 0007: changes carry their chain hash tags
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_DEVICE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,35}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNCED_MODELS}  # type: ignore[attr-defined]


def _refuse(message: str) -> PackageRefused:
    return PackageRefused("format", message)


def _is_int(value: Any, low: int = 0, high: int = MAX_INT64) -> bool:
    return type(value) is int and low <= value <= high


def _is_id(value: Any) -> bool:
    """A row id as the id columns hold it (String(36)): printable, no control characters."""
    return type(value) is str and 0 < len(value) <= 36 and value.isprintable() and value.strip() == value


def _vector(header: Mapping[str, Any], key: str) -> dict[str, int]:
    value = header.get(key)
    if type(value) is not dict:
        raise _refuse(f"同步包头的 {key} 不是版本向量")
    for origin, seq in value.items():
        if not _DEVICE.match(origin) or not _is_int(seq):
            raise _refuse(f"同步包头的 {key} 含无效条目：{str(origin)[:40]} = {str(seq)[:40]}")
    return dict(value)


def check_schema(header: Mapping[str, Any]) -> None:
    """The sender's register schema (and the one its package needs) must be one this version can apply."""
    schema: Any = header.get("schema")
    needs: Any = header.get("schema_needs", schema)
    if not _is_int(schema, 0, MAX_INT32) or not _is_int(needs, 0, MAX_INT32):
        raise _refuse("同步包头的 schema 不是数据结构版本号")
    if schema < OLDEST_SCHEMA or needs > SCHEMA_VERSION:
        raise PackageRefused(
            "version", f"同步包的数据结构版本 {schema} 与本程序（版本 {SCHEMA_VERSION}，"
                       f"可读 {OLDEST_SCHEMA} 起）不兼容，整个同步包未应用：请把两端升级到同一版本的 FieldApp"
                       f"（package schema {schema}, this FieldApp applies {OLDEST_SCHEMA}..{SCHEMA_VERSION}）")


def check_header(header: Mapping[str, Any]) -> None:
    """Every header field has its type and range (the read-time checks already passed)."""
    for key in ("id", "sender", "recipient"):
        if type(header.get(key)) is not str or not _DEVICE.match(header[key]):
            raise _refuse(f"同步包头的 {key} 格式错误")
    if type(header.get("created")) is not str or len(header["created"]) > 40:
        raise _refuse("同步包头的 created 格式错误")
    check_schema(header)
    base, top = _vector(header, "base"), _vector(header, "top")
    _vector(header, "held")
    for origin, seq in base.items():
        if seq > top.get(origin, 0):
            raise _refuse(f"同步包头的范围错误：{short_id(origin)} 从 {seq} 开始，却只到 {top.get(origin, 0)}")
    counts = header.get("counts")
    if type(counts) is not dict or not _is_int(counts.get("changes")) or not _is_int(counts.get("exits", 0)):
        raise _refuse("同步包头的 counts 格式错误")
    scope = header.get("scope")
    if scope is not None and (type(scope) is not list or not all(_is_id(v) for v in scope)):
        raise _refuse("同步包头的 scope 格式错误")


@functools.cache
def _column_rules(tbl: str) -> dict[str, tuple[str, int | None, bool]]:
    """Per data column: (kind, maximum length or integer bound, nullable); ``deleted`` included."""
    table = _TABLES[tbl]
    rules: dict[str, tuple[str, int | None, bool]] = {"deleted": ("bool", None, False)}
    for column in table.columns:
        if column.name in SYNC_COLUMNS:
            continue
        kind = column.type
        nullable = bool(column.nullable)
        if isinstance(kind, Date):
            rules[column.name] = ("date", None, nullable)
        elif isinstance(kind, Boolean):
            rules[column.name] = ("bool", None, nullable)
        elif isinstance(kind, Integer):
            small = isinstance(kind, SmallInteger) or type(kind) is Integer
            rules[column.name] = ("int", MAX_INT32 if small else MAX_INT64, nullable)
        else:
            length = kind.length if isinstance(kind, String) else None
            rules[column.name] = ("text", length, nullable)
    return rules


@functools.cache
def _required(tbl: str) -> frozenset[str]:
    """Columns an insert must name: NOT NULL and without a default."""
    table = _TABLES[tbl]
    return frozenset(c.name for c in table.columns if c.name not in SYNC_COLUMNS and not c.nullable
                     and (c.default is None or not c.default.is_scalar))


def _value_fault(kind: str, bound: int | None, nullable: bool, value: Any) -> str | None:  # noqa: PLR0911
    """Why ``value`` does not fit a column of this rule (:func:`_column_rules`), or None: the one place a
    received value is checked against its column."""
    if value is None:
        return None if nullable else "不能为空"
    if kind == "bool":
        return None if type(value) is bool else "应为是/否"
    if kind == "int":
        assert bound is not None
        return None if type(value) is int and -bound - 1 <= value <= bound else "应为范围内的整数"
    if type(value) is not str:
        return "应为文本"
    if "\x00" in value:
        return "含空字符"
    if kind == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return "应为日期（YYYY-MM-DD）"
        return None if len(value) == 10 else "应为日期（YYYY-MM-DD）"
    if bound is not None and len(value) > bound:
        return f"超过 {bound} 个字符"
    return None


def _is_declaration(value: Any) -> bool:
    """A re-stamp names the far-future change it re-stamps: ``[origin, origin_seq]``."""
    return (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
            and bool(_DEVICE.match(value[0])) and _is_int(value[1], 1))


def check_change(ch: Change) -> str | None:  # noqa: PLR0911 - one return per kind of fault
    """Why ``ch`` cannot be applied by any replica (its values do not fit the register), or None."""
    if not _name_ok(ch.tbl):
        return f"表名 {ch.tbl[:40]!r} 无效"
    if not _is_id(ch.row_id) or not (ch.household_id is None or _is_id(ch.household_id)):
        return f"{_where(ch)}：记录编号格式错误"
    if not _device_ok(ch.origin) or not _is_int(ch.seq, 1) or not _is_int(ch.hlc):
        return f"{_where(ch)}：来源、序号或时钟超出范围（{ch.origin[:40]} #{ch.seq} @{ch.hlc}）"
    if not (ch.user_id is None or _is_id(ch.user_id)) or not (ch.user_name is None or len(ch.user_name) <= 32):
        return f"{_where(ch)}：用户格式错误"
    for name, (phlc, pdev) in ch.prev.items():
        if not _name_ok(name) or not _is_int(phlc, 0, MAX_INT64 - 1) or not _device_ok(pdev):  # ranked +1
            return f"{_where(ch)}：字段时钟 {name[:40]} 格式错误"
    if ch.op == "insert" and ch.tbl in _TABLES:
        missing = sorted(_required(ch.tbl) - ch.fields.keys())
        if missing:
            return f"{_where(ch)}：新建记录缺少必填字段 {', '.join(missing)}"
    fault = _fields_fault(ch.tbl, ch.fields)
    return f"{_where(ch)}：{fault}" if fault else None


def _fields_fault(tbl: str, fields: Mapping[str, Any]) -> str | None:
    """The first field whose value its rule (:func:`_field_rule`) refuses, and why; or None."""
    for name, value in fields.items():
        rule = _field_rule(tbl, name)
        if rule is None:
            continue
        if rule is _BY_NAME:
            fault = _name_fault(name, value)
            if fault:
                return fault
        else:
            fault = _value_fault(*rule, value)
            if fault:
                return f"字段 {name} 的值 {str(value)[:40]!r} {fault}"
    return None


def _where(ch: Change) -> str:
    return f"{ch.tbl[:32]} {str(ch.row_id)[:40]}"


# Names and devices repeat across a package: each distinct one is matched once (the caches are bounded).
@functools.lru_cache(maxsize=4096)
def _name_ok(name: str) -> bool:
    return bool(_NAME.match(name))


@functools.lru_cache(maxsize=4096)
def _device_ok(device: str) -> bool:
    return bool(_DEVICE.match(device))


_RESERVED = SYNC_COLUMNS - {"deleted"}


_BY_NAME = ("name", None, False)  # a re-stamp or a name to refuse: :func:`_name_fault` looks at it


@functools.lru_cache(maxsize=4096)
def _field_rule(tbl: str, name: str) -> tuple[str, int | None, bool] | None:
    """What a value of ``tbl.name`` is checked by: the column's rule, :data:`_BY_NAME`, or None (a
    well-formed name no rule covers: any value, kept pending)."""
    if name == DECLARE or not _NAME.match(name) or name in _RESERVED:
        return _BY_NAME
    return _column_rules(tbl).get(name) if tbl in _TABLES else None


def _name_fault(name: str, value: Any) -> str | None:
    """A field :func:`_field_rule` judges by its name: a re-stamp's declaration, or a name to refuse."""
    if name == DECLARE:
        return None if _is_declaration(value) else f"字段 {DECLARE} 的值 {str(value)[:40]!r} 格式错误"
    return f"字段名 {name[:40]!r} 无效"


def check_exit(ex: ScopeExit) -> str | None:
    if not _is_id(ex.household_id) or not (ex.village_id is None or _is_id(ex.village_id)) or not _is_int(ex.hlc):
        return f"迁出标记格式错误（{str(ex.household_id)[:40]}）"
    return None


def check_blob(blob: Blob) -> str | None:
    return None if _SHA256.match(blob.sha256) else f"照片摘要 {blob.sha256[:70]!r} 格式错误"


class BodyCheck:
    """Checks a package's decoded items against its header while they stream past."""

    def __init__(self, header: Mapping[str, Any]) -> None:
        check_header(header)
        self.header = header
        self.base: dict[str, int] = dict(header["base"])
        self.top: dict[str, int] = dict(header["top"])
        #: per origin, the sequence numbers the body held (as runs: memory does not grow with the package)
        self.seen: dict[str, Seqs] = {}
        self.changes = 0
        self.exits = 0

    def stream(self, items: Iterator[list[Change] | ScopeExit | Blob]) -> Iterator[list[Change] | ScopeExit | Blob]:
        """``items`` (a decoded body), each checked before it is passed on."""
        for item in items:
            if isinstance(item, list):
                self.changes_batch(item)
            else:
                self.item(item)
            yield item

    def changes_batch(self, changes: list[Change]) -> None:
        for ch in changes:
            fault = check_change(ch)
            if fault is None:
                after, upto = self.base.get(ch.origin, 0), self.top.get(ch.origin)
                if upto is None or not after < ch.seq <= upto:
                    fault = (f"{short_id(ch.origin)} 的第 {ch.seq} 条修改不在同步包头声明的范围内"
                             f"（{after}–{upto or 0}）")
                elif not self.seen.setdefault(ch.origin, Seqs()).add(ch.seq):
                    fault = f"{short_id(ch.origin)} 的第 {ch.seq} 条修改在同步包中出现了两次"
            if fault:
                raise _refuse(f"同步包内容错误，整个同步包未应用：{fault}")
            self.changes += 1

    def item(self, item: ScopeExit | Blob) -> None:
        fault = check_exit(item) if isinstance(item, ScopeExit) else check_blob(item)
        if fault:
            raise _refuse(f"同步包内容错误，整个同步包未应用：{fault}")
        self.exits += isinstance(item, ScopeExit)

    def advance(self, held: Mapping[str, int], *, complete: bool, whole: bool) -> dict[str, int]:
        """The vector entries this package moves (after the body was read), or refuse.

        ``complete``: the sender holds everything the receiver is meant to hold (as before, only the
        sender's own entry moves otherwise). ``whole``: the receiver holds the whole district, so the
        package was not filtered by scope and the sender's own changes in ``(base, top]`` must all be
        there: a header claiming more than the body holds would make the receiver skip real changes.
        Other origins' entries then move no further than the body reaches. A receiver holding some
        villages cannot tell left-out changes from missing ones: there no entry moves beyond the body's
        highest change of its origin (see ``docs/SYNC.md``, "Scoped receivers").
        """
        changes, exits = self.header["counts"]["changes"], self.header["counts"].get("exits", 0)
        if changes != self.changes or exits != self.exits:
            raise _refuse(f"同步包头声明 {changes} 条修改、{exits} 个迁出标记，"
                          f"内容却有 {self.changes} 条、{self.exits} 个：整个同步包未应用")
        sender = str(self.header["sender"])
        if whole and self.top.get(sender, 0) > held.get(sender, 0):
            after, upto = max(self.base.get(sender, 0), 0), self.top[sender]
            have = self.seen.get(sender, Seqs())
            missing = have.first_missing(after, upto)
            if missing is not None:
                raise _refuse(f"同步包头说发送方 {short_id(sender)} 的修改到第 {upto} 条，"
                              f"内容却缺第 {missing} 条起的修改：整个同步包未应用（发送方的程序有误或包被伪造）")
        if not whole:
            # Filtered by the receiver's scope: the changes left out are not in the body, so a range the
            # header claims cannot be told from changes a buggy or forged header skips. Every entry moves
            # only as far as the body reaches (its highest change of that origin), the sender's own too;
            # the out-of-scope rest is looked at again, and filtered again, on the next exchange.
            reach = {o: got.top() for o, got in self.seen.items() if got}
            origins = self.top if complete else {sender: self.top.get(sender, 0)}
            return {o: min(upto, reach[o]) for o, upto in origins.items() if o in reach}
        if not complete:
            return {sender: self.top.get(sender, 0)}
        # Relayed origins: no further than the highest change the body holds. (Not contiguous: the
        # server keeps no change it refused as out of a laptop's scope, so its log has gaps.)
        moves: dict[str, int] = {}
        for origin, upto in self.top.items():
            got = self.seen.get(origin)
            reached = got.top() if got is not None else 0
            moves[origin] = upto if origin == sender or upto <= held.get(origin, 0) else min(upto, reached)
        return moves
