"""Values of synced columns to and from JSON, driven by the column types.

Used for the change log (and, later, sync packages): dates travel as ISO strings,
booleans and integers as themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Integer, Table

JsonValue = str | int | bool | None


@cache
def _kinds(table: Table) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for column in table.columns:
        if isinstance(column.type, Date):
            kinds[column.name] = "date"
        elif isinstance(column.type, Boolean):
            kinds[column.name] = "bool"
        elif isinstance(column.type, Integer):
            kinds[column.name] = "int"
        else:
            kinds[column.name] = "text"
    return kinds


def kind(table: Table, field: str) -> str:
    """How ``field`` of ``table`` travels: ``date``, ``bool``, ``int`` or ``text``."""
    return _kinds(table)[field]


def to_json(table: Table, field: str, value: Any) -> JsonValue:
    if value is None:
        return None
    kind = _kinds(table)[field]
    if kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    return str(value)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


_TO_JSON: dict[str, Any] = {"date": _iso, "bool": bool, "int": int, "text": str}


@cache
def converters(table: Table) -> dict[str, Any]:
    """Column → the function :func:`to_json` applies to a value that is not None (for bulk writes)."""
    return {name: _TO_JSON[kind] for name, kind in _kinds(table).items()}


def from_json(table: Table, field: str, value: JsonValue) -> Any:
    if value is None:
        return None
    kind = _kinds(table)[field]
    if kind == "date":
        return dt.date.fromisoformat(str(value))
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    return str(value)


# One encoder for every call: json.dumps with these options builds a new encoder each time, a cost
# the change log paid per row on bulk writes.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def dumps(obj: object) -> str:
    return _ENCODE(obj)


def dumps_fields(fields: dict[str, JsonValue]) -> str:
    """:func:`dumps` of a change's ``fields``: column names → values as :func:`to_json` gives them.

    For such a dict (text keys; texts, integers, booleans and nulls) msgspec's compiled encoder with
    sorted keys writes the same text as :func:`dumps` at a fraction of the cost (the write path logs
    every field of every row an import inserts; tests/store/test_codec_fields.py compares them). A
    value it cannot write as ``json`` does (a lone surrogate) takes :func:`dumps`.
    """
    try:
        return _sorted_encoder()(fields).decode("utf-8")
    except (UnicodeError, TypeError, OverflowError, ValueError):
        return _ENCODE(fields)


@cache
def _sorted_encoder() -> Any:
    """msgspec's JSON encoder with sorted keys, imported on first use (the login imports no msgspec)."""
    import msgspec.json

    return msgspec.json.Encoder(order="sorted").encode


def columns(table: Table) -> frozenset[str]:
    return frozenset(_kinds(table))
