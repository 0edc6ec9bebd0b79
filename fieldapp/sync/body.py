"""The compact body of a sync package: lzma-compressed JSON lines, grouped by record.

Line 1 holds the dictionaries: tables, field names per table, origin devices, users.
Each further line is one record with all its changes, in the sender's log order::

    [table#, row id (32 hex), household id (hex, null, or 0 = the row itself), [change, …]]
    change = [origin#, seq delta, hlc delta, op (0 insert, 1 update, 2 delete, 3 resolve),
              [field#, value, …], [field#, hlc - prev hlc, prev device#, …], user#, tag(, link)]

``tag`` is the first hex digits of the change's chain hash (:mod:`fieldapp.domain.audit`): the
receiver recomputes every hash and names the first change whose tag differs. ``link`` (the hash
of the origin's change before, hex) is sent only when that change is not earlier in the body:
the receiver can always chain a change as it reads it. Bodies written before the chain
(7-element changes) still decode.

Sequence numbers are deltas per origin, clocks deltas from the previous change, so a
single-field change costs a few bytes after compression. Records appear in the order of
their first change, which keeps causal order (a household before its members; each
field's changes in sequence). Field names travel as names, so a receiver keeps fields
it does not know yet. A line ``["x", household, village, hlc]`` is a scope-exit marker;
``["p", sha256, base64]`` is a photo file sent with its new ``photo`` row.
Decoding is a stream: memory stays proportional to one batch, not to the package. The compressor's
window (the decompressed text a receiver keeps to expand back-references) is 1 MiB, not preset 6's
8 MiB: the records' repeats are near each other, so the body is within 1 % of the size, and a receiver
no longer holds 8 MiB for every package (more than six times a 100,000-change package). Any xz decoder
reads both; a body from an older sender still takes its 8 MiB.

A record line is parsed and its shape checked by msgspec's compiled decoder (:class:`_Record`),
which leaves the indices and ids to look up; a line that does not fit that shape, or fails a
look-up, is read again by the plain reader (:meth:`_Reader.slow`), which names what is wrong exactly
as it always did. Both give the same changes for any line the compiled one accepts
(tests/sync/test_body_decode.py); a merge decodes every change it receives, and this is the larger
part of that cost.
"""

from __future__ import annotations

import base64
import io
import json
import lzma
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import msgspec
import msgspec.json

from fieldapp.domain.audit import TAG_LEN

#: preset 6 with a 1 MiB window (see the module docstring)
_FILTERS = ({"id": lzma.FILTER_LZMA2, "preset": 6, "dict_size": 1 << 20},)
OPS = ("insert", "update", "delete", "resolve")  # resolve: an update that settles a conflict
_OP_CODE = {name: i for i, name in enumerate(OPS)}


@dataclass(slots=True)
class Change:
    origin: str
    seq: int
    hlc: int
    tbl: str
    row_id: str
    household_id: str | None
    op: str
    fields: dict[str, Any]
    prev: dict[str, list[Any]]
    user_id: str | None = None
    user_name: str | None = None
    #: the hash of the origin's change before this one: set when read from the log; from a body only
    #: when that change is not earlier in the body
    chain_prev: bytes | None = None
    #: this change's hash as its origin recorded it (from the log), or its tag (from a body)
    chain_hash: bytes | None = None
    tag: str | None = None


@dataclass
class Blob:
    """A photo file (content-addressed by its SHA-256) travelling with its ``photo`` row."""

    sha256: str
    data: bytes


@dataclass
class ScopeExit:
    household_id: str
    village_id: str | None
    hlc: int


@dataclass
class _Dict:
    items: list[Any] = field(default_factory=list)
    index: dict[Any, int] = field(default_factory=dict)

    def __call__(self, key: Any) -> int:
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.items)
            self.items.append(key)
        return found


def _pack_id(value: str) -> str:
    h = value.replace("-", "")
    if len(h) == 32 and _unpack_id(h) == value:
        return h
    return "~" + value


def _unpack_id(value: str) -> str:
    if value.startswith("~"):
        return value[1:]
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def encode(changes: Iterable[Change], exits: Iterable[ScopeExit] = (), blobs: Iterable[Blob] = ()) -> tuple[bytes, int]:
    """Compressed body and the number of changes (``changes`` in the sender's log order)."""
    tables, origins, users = _Dict(), _Dict(), _Dict()
    fields: dict[str, _Dict] = {}
    groups: dict[tuple[str, str], list[Change]] = {}
    count = 0
    for ch in changes:
        groups.setdefault((ch.tbl, ch.row_id), []).append(ch)
        count += 1
    lines: list[list[Any]] = []
    last_seq: dict[int, int] = {}
    last_hlc = 0
    sent: set[tuple[str, int]] = set()  # (origin, seq) already in the body: the next change's link is known
    for (tbl, row_id), group in groups.items():
        ti = tables(tbl)
        fd = fields.setdefault(tbl, _Dict())
        hid = group[0].household_id
        packed_hid: Any = 0 if hid == row_id else (_pack_id(hid) if hid else None)
        out = []
        for ch in group:
            oi = origins(ch.origin)
            flat_fields: list[Any] = []
            for name, value in ch.fields.items():
                flat_fields += [fd(name), value]
            flat_prev: list[Any] = []
            for name, (phlc, pdev) in ch.prev.items():
                flat_prev += [fd(name), ch.hlc - int(phlc), origins(pdev)]
            ui = users((ch.user_id, ch.user_name)) if ch.user_id or ch.user_name else -1
            entry = [oi, ch.seq - last_seq.get(oi, 0), ch.hlc - last_hlc, _OP_CODE[ch.op], flat_fields, flat_prev, ui]
            if ch.chain_hash is not None:
                entry.append(ch.chain_hash.hex()[:TAG_LEN])
                if ch.seq > 1 and (ch.origin, ch.seq - 1) not in sent and ch.chain_prev is not None:
                    entry.append(ch.chain_prev.hex())
                sent.add((ch.origin, ch.seq))
            out.append(entry)
            last_seq[oi] = ch.seq
            last_hlc = ch.hlc
        lines.append([ti, _pack_id(row_id), packed_hid, out])
    for ex in exits:
        lines.append(["x", ex.household_id, ex.village_id, ex.hlc])
    for blob in blobs:
        lines.append(["p", blob.sha256, base64.b64encode(blob.data).decode("ascii")])
    meta = {"t": tables.items, "f": {t: d.items for t, d in fields.items()}, "o": origins.items,
            "u": [list(u) for u in users.items], "n": count}
    text = "\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in [meta, *lines])
    return lzma.compress(text.encode("utf-8"), format=lzma.FORMAT_XZ, filters=_FILTERS), count


class BodyError(ValueError):
    pass


def _int(value: Any, what: str) -> int:
    if type(value) is not int:  # bool is an int subclass: refused too
        raise BodyError(f"同步包内容损坏：{what} 应为整数，收到 {type(value).__name__}")
    return value


def _str(value: Any, what: str) -> str:
    if type(value) is not str:
        raise BodyError(f"同步包内容损坏：{what} 应为文本，收到 {type(value).__name__}")
    return value


def _list(value: Any, what: str, length: int | None = None) -> list[Any]:
    if type(value) is not list or (length is not None and len(value) != length):
        raise BodyError(f"同步包内容损坏：{what} 结构错误")
    return value


def _hex(value: Any, what: str, length: int) -> str:
    text = _str(value, what)
    if len(text) != length or not all(c in "0123456789abcdef" for c in text):
        raise BodyError(f"同步包内容损坏：{what} 格式错误")
    return text


def _pick(items: list[Any], index: Any, what: str) -> Any:
    i = _int(index, what)
    if not 0 <= i < len(items):
        raise BodyError(f"同步包内容损坏：{what} 编号 {i} 超出范围")
    return items[i]


def _id(value: Any, what: str) -> str:
    text = _str(value, what)
    if text.startswith("~"):
        return text[1:]
    if len(text) != 32 or not all(c in "0123456789abcdef" for c in text):
        raise BodyError(f"同步包内容损坏：{what} 格式错误")
    return _unpack_id(text)


def _meta(line: str) -> tuple[list[str], dict[str, list[str]], list[str], list[tuple[Any, Any]]]:
    meta = json.loads(line)
    if type(meta) is not dict:
        raise BodyError("同步包内容损坏：首行不是字典")
    tables = [_str(t, "表名") for t in _list(meta["t"], "表名")]
    fields_in = meta["f"]
    if type(fields_in) is not dict:
        raise BodyError("同步包内容损坏：字段名结构错误")
    fields = {t: [_str(n, "字段名") for n in _list(names, "字段名")] for t, names in fields_in.items()}
    origins = [_str(o, "来源设备") for o in _list(meta["o"], "来源设备")]
    users = []
    for u in _list(meta["u"], "用户"):
        uid, uname = _list(u, "用户", 2)
        if not (uid is None or type(uid) is str) or not (uname is None or type(uname) is str):
            raise BodyError("同步包内容损坏：用户应为文本")
        users.append((uid, uname))
    return tables, fields, origins, users


def decode(body: bytes, batch: int = 500, *, compiled: bool = True) -> Iterator[list[Change] | ScopeExit | Blob]:
    """Yield lists of changes (whole records, about ``batch`` changes each), scope exits and photo files.

    Every decoded value has the type and shape the format gives it (ids, indices, integers),
    or :class:`BodyError` names what is wrong: a malformed body never raises anything else.
    Ranges and column types are checked by :mod:`fieldapp.sync.inbound`. ``compiled=False`` reads every
    line with the plain reader (the same result, slower: tests compare the two).
    """
    with lzma.LZMAFile(io.BytesIO(body)) as raw, io.TextIOWrapper(raw, encoding="utf-8") as stream:
        try:
            tables, fields, origins, users = _meta(stream.readline())
        except BodyError:
            raise
        except (lzma.LZMAError, EOFError, ValueError, KeyError, TypeError) as exc:
            raise BodyError(f"同步包内容无法读取：{exc}") from exc
        try:
            yield from _records(stream, tables, fields, origins, users=users, batch=batch, compiled=compiled)
        except BodyError:
            raise
        except (lzma.LZMAError, EOFError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise BodyError(f"同步包内容损坏：{exc}") from exc


class _Entry(msgspec.Struct, array_like=True, forbid_unknown_fields=True):
    """One change of a record line, as the format lays it out (7 to 9 elements)."""

    oi: int
    dseq: int
    dhlc: int
    opc: int
    fields: list[Any]
    prev: list[Any]
    ui: int
    tag: str | msgspec.UnsetType = msgspec.UNSET
    link: str | msgspec.UnsetType = msgspec.UNSET


class _Record(msgspec.Struct, array_like=True, forbid_unknown_fields=True):
    """A record line: table index, packed row id, packed household id, its changes."""

    ti: int
    row: str
    hid: int | str | None
    group: list[_Entry]


_RECORD = msgspec.json.Decoder(_Record)
_HEX = "0123456789abcdef"


class _Slow(Exception):
    """The compiled reader leaves this line to the plain one (which words what is wrong)."""


def _records(stream: Iterable[str], tables: list[str], fields: dict[str, list[str]], origins: list[str], *,
             users: list[tuple[Any, Any]], batch: int, compiled: bool) -> Iterator[list[Change] | ScopeExit | Blob]:
    reader = _Reader(tables, fields, origins, users)
    pending: list[Change] = []
    for line in stream:
        if compiled and not line.startswith('["') and reader.fast(line, pending):  # exits, photos: ["x" / ["p"
            if len(pending) >= batch:
                yield pending
                pending = []
            continue
        rec = _list(json.loads(line), "记录")
        if rec and rec[0] == "x":
            _tag, hid, village, hlc = _list(rec, "迁出标记", 4)
            if not (village is None or type(village) is str):
                raise BodyError("同步包内容损坏：迁出标记的村应为文本")
            yield ScopeExit(_str(hid, "迁出户编号"), village, _int(hlc, "迁出时钟"))
            continue
        if rec and rec[0] == "p":
            _tag, sha, data = _list(rec, "照片", 3)
            yield Blob(_str(sha, "照片摘要"), base64.b64decode(_str(data, "照片内容"), validate=True))
            continue
        reader.slow(rec, pending)
        if len(pending) >= batch:
            yield pending
            pending = []
    if pending:
        yield pending


def _fast_id(packed: str) -> str:
    """:func:`_id` for a text msgspec already checked is one; :class:`_Slow` where it would refuse."""
    if not packed.startswith("~") and (len(packed) != 32 or packed.strip(_HEX)):
        raise _Slow
    return _unpack_id(packed)


def _fast_chain(e: _Entry) -> tuple[str | None, bytes | None]:
    """(tag, link) of a change whose tag and link msgspec found to be texts (or absent)."""
    tag, link = e.tag, e.link
    if tag is msgspec.UNSET:
        return None, None
    if len(tag) != TAG_LEN or tag.strip(_HEX):
        raise _Slow
    if link is msgspec.UNSET:
        return tag, None
    if len(link) != 64 or link.strip(_HEX):
        raise _Slow
    return tag, bytes.fromhex(link)


class _Reader:
    """The record lines of one body, read in order: the dictionaries, and per origin the last sequence number
    and the last clock (deltas are taken from them)."""

    def __init__(self, tables: list[str], fields: dict[str, list[str]], origins: list[str],
                 users: list[tuple[Any, Any]]) -> None:
        self.tables, self.fields, self.origins, self.users = tables, fields, origins, users
        self.last_seq: dict[int, int] = {}
        self.last_hlc = 0

    def fast(self, line: str, out: list[Change]) -> bool:
        """Decode a record line with msgspec and append its changes to ``out``; False (nothing appended, nothing
        moved) where the plain reader must look: a shape msgspec refuses, an index out of range, an id or hash
        that is not hex, a list of the wrong length."""
        before_seq, before_hlc = self.last_seq.copy(), self.last_hlc
        try:
            out += self._changes(_RECORD.decode(line))
        except (msgspec.MsgspecError, _Slow):
            self.last_seq, self.last_hlc = before_seq, before_hlc
            return False
        return True

    def _changes(self, rec: _Record) -> list[Change]:
        tables, origins, users, last_seq = self.tables, self.origins, self.users, self.last_seq
        if not 0 <= rec.ti < len(tables):
            raise _Slow
        tbl = tables[rec.ti]
        names = self.fields.get(tbl, [])
        n_names, n_origins = len(names), len(origins)
        row_id = _fast_id(rec.row)
        packed_hid = rec.hid  # msgspec gives an int, never a bool, for ``int``
        if packed_hid is None:
            hid = None
        elif isinstance(packed_hid, str):
            hid = _fast_id(packed_hid)
        elif packed_hid == 0:
            hid = row_id
        else:
            raise _Slow
        made = []
        for e in rec.group:
            oi, opc, ui, flat_fields, flat_prev = e.oi, e.opc, e.ui, e.fields, e.prev
            if not (0 <= oi < n_origins and 0 <= opc < len(OPS) and ui < len(users)) \
                    or len(flat_fields) % 2 or len(flat_prev) % 3:
                raise _Slow
            tag, link = _fast_chain(e)
            seq = last_seq[oi] = last_seq.get(oi, 0) + e.dseq
            hlc = self.last_hlc = self.last_hlc + e.dhlc
            values = {}
            for i in range(0, len(flat_fields), 2):
                fi = flat_fields[i]
                if type(fi) is not int or not 0 <= fi < n_names:
                    raise _Slow
                values[names[fi]] = flat_fields[i + 1]
            prev = {}
            for i in range(0, len(flat_prev), 3):
                fi, delta, di = flat_prev[i], flat_prev[i + 1], flat_prev[i + 2]
                if type(fi) is not int or type(delta) is not int or type(di) is not int \
                        or not (0 <= fi < n_names and 0 <= di < n_origins):
                    raise _Slow
                prev[names[fi]] = [hlc - delta, origins[di]]
            uid, uname = users[ui] if ui >= 0 else (None, None)
            made.append(Change(origins[oi], seq, hlc, tbl, row_id, hid, OPS[opc], values, prev, uid, uname,
                               chain_prev=link, tag=tag))
        return made

    def slow(self, rec: list[Any], out: list[Change]) -> None:
        """The plain reader of a record line: every value checked in Python, every fault named."""
        ti, packed_row, packed_hid, group = _list(rec, "记录", 4)
        tbl = _pick(self.tables, ti, "表")
        names = self.fields.get(tbl, [])
        row_id = _id(packed_row, "记录编号")
        hid = row_id if packed_hid == 0 and type(packed_hid) is int else (
            _id(packed_hid, "户编号") if packed_hid is not None else None)
        for change in _list(group, "修改"):
            _list(change, "修改")
            if not 7 <= len(change) <= 9:
                raise BodyError("同步包内容损坏：修改 结构错误")
            oi, dseq, dhlc, opc, flat_fields, flat_prev, ui = change[:7]
            tag = _hex(change[7], "链哈希", TAG_LEN) if len(change) > 7 else None
            link = bytes.fromhex(_hex(change[8], "前一条的链哈希", 64)) if len(change) > 8 else None
            origin = _pick(self.origins, oi, "来源设备")
            seq = self.last_seq.get(oi, 0) + _int(dseq, "序号")
            self.last_seq[oi] = seq
            hlc = self.last_hlc + _int(dhlc, "时钟")
            self.last_hlc = hlc
            op = _pick(list(OPS), opc, "操作")
            _list(flat_fields, "字段")
            _list(flat_prev, "字段时钟")
            if len(flat_fields) % 2 or len(flat_prev) % 3:
                raise BodyError("同步包内容损坏：字段列表长度错误")
            values = {_pick(names, flat_fields[i], "字段"): flat_fields[i + 1] for i in range(0, len(flat_fields), 2)}
            prev = {_pick(names, flat_prev[i], "字段"): [hlc - _int(flat_prev[i + 1], "字段时钟"),
                                                          _pick(self.origins, flat_prev[i + 2], "来源设备")]
                    for i in range(0, len(flat_prev), 3)}
            uid, uname = _pick(self.users, ui, "用户") if _int(ui, "用户") >= 0 else (None, None)
            out.append(Change(origin, seq, hlc, tbl, row_id, hid, op, values, prev, uid, uname,
                              chain_prev=link, tag=tag))
