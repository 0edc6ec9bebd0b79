"""Correctly signed packages with a doctored header or body: what a buggy or compromised peer sends.

:func:`reseal` opens a real package (the test holds the recipient's key), lets the caller change
the decoded header and the body's JSON lines, and seals the result again with the sender's real
key through :func:`fieldapp.sync.package.seal`: the signature and encryption are valid, only the
content lies. :func:`malformed_bodies` is a corpus of such mutations, each with its name.
"""

from __future__ import annotations

import copy
import hashlib
import json
import lzma
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import inspect, select

from fieldapp.services.identity import DeviceIdentity
from fieldapp.store.db import Database
from fieldapp.store.models import Base
from fieldapp.sync import package
from fieldapp.sync.district import public_identity
from fieldapp.sync.package import PeerKeys

Lines = list[Any]  # [meta, record, record, …] as decoded JSON


def keys_of(identity: DeviceIdentity) -> PeerKeys:
    public = public_identity(identity, "")
    return PeerKeys(identity.device_id, public["signing"], public["agreement"])


def unseal(data: bytes, sender: DeviceIdentity, recipient: DeviceIdentity) -> tuple[dict[str, Any], Lines]:
    opened = package.open_package(data, recipient, keys_of(sender))
    text = lzma.decompress(opened.body).decode("utf-8")
    return dict(opened.header), [json.loads(line) for line in text.split("\n")]


def reseal(data: bytes, sender: DeviceIdentity, recipient: DeviceIdentity, *,
           header: Callable[[dict[str, Any]], None] | None = None,
           body: Callable[[Lines], None] | None = None) -> bytes:
    """``data`` re-signed by ``sender`` after ``header`` and ``body`` changed its decoded parts in place."""
    head, lines = unseal(data, sender, recipient)
    for key in ("sender", "recipient", "epk"):
        head.pop(key)
    if header:
        header(head)
    if body:
        body(lines)
    text = "\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in lines)
    return package.seal(sender, keys_of(recipient), head, lzma.compress(text.encode("utf-8")))


def _records(lines: Lines) -> list[Any]:
    return [r for r in lines[1:] if r and r[0] not in ("x", "p")]


def _first_change(lines: Lines) -> list[Any]:
    return _records(lines)[0][3][0]


def _field_of(lines: Lines, table: str, name: str) -> tuple[list[Any], int]:
    """The first change of ``table`` naming field ``name`` and the position of its value."""
    meta = lines[0]
    ti, fi = meta["t"].index(table), meta["f"][table].index(name)
    for rec in _records(lines):
        if rec[0] != ti:
            continue
        for ch in rec[3]:
            flat = ch[4]
            for i in range(0, len(flat), 2):
                if flat[i] == fi:
                    return flat, i + 1
    raise LookupError(f"no {table}.{name} in the package")


def _set_value(table: str, name: str, value: Any) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        flat, pos = _field_of(lines, table, name)
        flat[pos] = value
    return mutate


def _drop_field(table: str, name: str) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        flat, pos = _field_of(lines, table, name)
        del flat[pos - 1:pos + 1]
    return mutate


def _set_change(index: int, value: Any) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        _first_change(lines)[index] = value
    return mutate


def _set_record(index: int, value: Any) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        _records(lines)[0][index] = value
    return mutate


def _set_meta(key: str, value: Any) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        lines[0][key] = value
    return mutate


def _add_line(line: Any) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        lines.append(line)
    return mutate


def _rename_table(name: str) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        lines[0]["t"][0] = name
        lines[0]["f"][name] = lines[0]["f"].get(name, [])
    return mutate


def _rename_field(table: str, name: str) -> Callable[[Lines], None]:
    def mutate(lines: Lines) -> None:
        lines[0]["f"][table][0] = name
    return mutate


def _duplicate_change(lines: Lines) -> None:
    rec = _records(lines)[0]
    rec[3].append([rec[3][0][0], 0, 0, *copy.deepcopy(rec[3][0][3:])])


Column = tuple[str, str]  # (table, field) present in the package


def _body_mutations(text: Column, integer: Column, required: Column,
                    date: Column | None) -> Iterator[tuple[str, Callable[[Lines], None]]]:
    """Mutations of a package whose changes name the given columns."""
    yield "row id as integer", _set_record(1, 12345)
    yield "row id as list", _set_record(1, ["x"])
    yield "row id malformed hex", _set_record(1, "zz" * 16)
    yield "row id too long", _set_record(1, "~" + "9" * 80)
    yield "household id as integer", _set_record(2, 7)
    yield "table index out of range", _set_record(0, 99)
    yield "table index as text", _set_record(0, "0")
    yield "changes not a list", _set_record(3, {"a": 1})
    yield "change too short", _trim_change
    yield "sequence 2^63+1", _set_change(1, 2**63 + 1)
    yield "sequence negative", _set_change(1, -5)
    yield "sequence as float", _set_change(1, 1.5)
    yield "hlc 10^21", _set_change(2, 10**21)
    yield "hlc negative", _set_change(2, -(10**12))
    yield "hlc as text", _set_change(2, "soon")
    yield "op out of range", _set_change(3, 9)
    yield "origin index out of range", _set_change(0, 42)
    yield "user index out of range", _set_change(6, 17)
    yield "fields odd length", lambda lines: _first_change(lines)[4].append(0)
    yield "field index out of range", lambda lines: _first_change(lines)[4].__setitem__(0, 999)
    yield "prev hlc as text", lambda lines: _first_change(lines).__setitem__(5, [0, "x", 0])
    yield "text field as integer", _set_value(*text, 12345)
    yield "text field too long", _set_value(*text, "长" * 500)
    yield "text field with NUL", _set_value(*text, "a\x00b")
    yield "text field as object", _set_value(*text, {"a": [1, 2]})
    yield "integer field as text", _set_value(*integer, "three")
    yield "integer field 2^63+1", _set_value(*integer, 2**63 + 1)
    yield "integer field as bool", _set_value(*integer, True)
    yield "required field null", _set_value(*required, None)
    yield "required field missing from an insert", _drop_field(*required)
    if date:
        yield "date field malformed", _set_value(*date, "1970-13-45")
    yield "table name with SQL", _rename_table("area; DROP TABLE household; --")
    yield "table name too long", _rename_table("t" * 200)
    yield "field name with quote", _rename_field(text[0], 'x" = 1; --')
    yield "field name a sync column", _rename_field(text[0], "row_hlc")
    yield "origins not strings", _set_meta("o", [1, 2])
    yield "users malformed", _set_meta("u", [[1, 2, 3]])
    yield "meta not a dict", lambda lines: lines.__setitem__(0, [1, 2, 3])
    yield "duplicate change", _duplicate_change
    yield "exit marker with integer id", _add_line(["x", 5, None, 1])
    yield "exit marker hlc 10^21", _add_line(["x", "0190d0b5-0000-7000-8000-000000000001", None, 10**21])
    yield "photo with bad digest", _add_line(["p", "../../etc/passwd", "AAAA"])
    yield "photo not base64", _add_line(["p", "a" * 64, "***"])
    yield "record not a list", _add_line({"t": 1})
    yield "line not JSON", _add_line(float("nan"))


def _trim_change(lines: Lines) -> None:
    del _first_change(lines)[6]


def _header_mutations(sender: str) -> Iterator[tuple[str, Callable[[dict[str, Any]], None]]]:
    yield "top far beyond the body", lambda h: h["top"].__setitem__(sender, 999999)
    yield "top 2^63+1", lambda h: h["top"].__setitem__(sender, 2**63 + 1)
    yield "top as text", lambda h: h["top"].__setitem__(sender, "many")
    yield "base above top", lambda h: h["base"].__setitem__(sender, h["top"][sender] + 5)
    yield "counts wrong", lambda h: h["counts"].__setitem__("changes", h["counts"]["changes"] + 3)
    yield "counts as text", lambda h: h["counts"].__setitem__("changes", "3")
    yield "held as list", lambda h: h.__setitem__("held", [1])
    yield "schema 999", lambda h: h.update(schema=999, schema_needs=999)
    yield "schema 0", lambda h: h.update(schema=0, schema_needs=0)
    yield "schema as text", lambda h: h.update(schema="5")
    yield "scope as text", lambda h: h.__setitem__("scope", "all")
    yield "top drops an origin", lambda h: h["top"].pop(sender)


def malformed(data: bytes, sender: DeviceIdentity, recipient: DeviceIdentity, *, text: Column, integer: Column,
              required: Column, date: Column | None = None, header: bool = True) -> Iterator[tuple[str, bytes]]:
    """The corpus: ``(name, package)`` for each mutation, every package correctly signed by ``sender``.

    ``text``, ``integer``, ``required`` (a NOT NULL column) and ``date``: columns the package's changes
    name, whose values are replaced by ones of the wrong type, length or range. ``header``: also the
    header mutations (for a replica of the whole district, where the body must back the header's range).
    """
    for name, mutate_body in _body_mutations(text, integer, required, date):
        yield name, reseal(data, sender, recipient, body=mutate_body)
    for name, mutate_header in _header_mutations(sender.device_id) if header else ():
        yield name, reseal(data, sender, recipient, header=mutate_header)


def content_digest(db: Database, skip: frozenset[str] = frozenset()) -> str:
    """A hash of every table's rows (but ``skip``): what a refused package must leave unchanged."""
    digest = hashlib.sha256()
    with db.read() as conn:
        names = set(inspect(conn).get_table_names())
        for table in Base.metadata.sorted_tables:
            if table.name in skip or table.name not in names:
                continue
            key = list(table.primary_key.columns) or list(table.c)
            for row in conn.execute(select(table).order_by(*key)):
                digest.update(json.dumps([table.name, *row], default=str, ensure_ascii=False).encode())
    return digest.hexdigest()
