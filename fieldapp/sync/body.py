"""The compact body of a sync package: lzma-compressed JSON lines, grouped by record.

Line 1 holds the dictionaries: tables, field names per table, origin devices, users.
Each further line is one record with all its changes, in the sender's log order::

    [table#, row id (32 hex), household id (hex, null, or 0 = the row itself), [change, …]]
    change = [origin#, seq delta, hlc delta, op (0 insert, 1 update, 2 delete, 3 resolve),
              [field#, value, …], [field#, hlc - prev hlc, prev device#, …], user#]

Sequence numbers are deltas per origin, clocks deltas from the previous change, so a
single-field change costs a few bytes after compression. Records appear in the order of
their first change, which keeps causal order (a household before its members; each
field's changes in sequence). Field names travel as names, so a receiver keeps fields
it does not know yet. A line ``["x", household, village, hlc]`` is a scope-exit marker;
``["p", sha256, base64]`` is a photo file sent with its new ``photo`` row.
Decoding is a stream: memory stays proportional to one batch, not to the package.
"""

from __future__ import annotations

import base64
import io
import json
import lzma
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

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
            out.append([oi, ch.seq - last_seq.get(oi, 0), ch.hlc - last_hlc, _OP_CODE[ch.op], flat_fields,
                        flat_prev, ui])
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
    return lzma.compress(text.encode("utf-8"), preset=6), count


class BodyError(ValueError):
    pass


def decode(body: bytes, batch: int = 500) -> Iterator[list[Change] | ScopeExit | Blob]:
    """Yield lists of changes (whole records, about ``batch`` changes each), scope exits and photo files."""
    with lzma.LZMAFile(io.BytesIO(body)) as raw, io.TextIOWrapper(raw, encoding="utf-8") as stream:
        try:
            meta = json.loads(stream.readline())
            tables, fields, origins = meta["t"], meta["f"], meta["o"]
            users = [tuple(u) for u in meta["u"]]
        except (lzma.LZMAError, EOFError, ValueError, KeyError, TypeError) as exc:
            raise BodyError(f"同步包内容无法读取：{exc}") from exc
        try:
            yield from _records(stream, tables, fields, origins, users=users, batch=batch)
        except (lzma.LZMAError, EOFError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise BodyError(f"同步包内容损坏：{exc}") from exc


def _records(stream: Iterable[str], tables: list[str], fields: dict[str, list[str]], origins: list[str], *,
             users: list[tuple[Any, ...]], batch: int) -> Iterator[list[Change] | ScopeExit | Blob]:
    last_seq: dict[int, int] = {}
    last_hlc = 0
    pending: list[Change] = []
    for line in stream:
        rec = json.loads(line)
        if rec[0] == "x":
            yield ScopeExit(str(rec[1]), rec[2], int(rec[3]))
            continue
        if rec[0] == "p":
            yield Blob(str(rec[1]), base64.b64decode(rec[2], validate=True))
            continue
        tbl = tables[rec[0]]
        names = fields.get(tbl, [])
        row_id = _unpack_id(rec[1])
        hid = row_id if rec[2] == 0 else (_unpack_id(rec[2]) if rec[2] else None)
        for oi, dseq, dhlc, opc, flat_fields, flat_prev, ui in rec[3]:
            seq = last_seq.get(oi, 0) + dseq
            last_seq[oi] = seq
            hlc = last_hlc + dhlc
            last_hlc = hlc
            values = {names[flat_fields[i]]: flat_fields[i + 1] for i in range(0, len(flat_fields), 2)}
            prev = {names[flat_prev[i]]: [hlc - flat_prev[i + 1], origins[flat_prev[i + 2]]]
                    for i in range(0, len(flat_prev), 3)}
            uid, uname = users[ui] if ui >= 0 else (None, None)
            pending.append(Change(origins[oi], seq, hlc, tbl, row_id, hid, OPS[opc], values, prev, uid, uname))
        if len(pending) >= batch:
            yield pending
            pending = []
    if pending:
        yield pending
