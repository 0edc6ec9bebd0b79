"""A change's ``fields`` text is the same whichever encoder writes it (chain hashes are taken over it).

:func:`fieldapp.store.codec.dumps_fields` writes it with msgspec's compiled encoder; the text must stay
exactly the standard library's ``json.dumps(..., ensure_ascii=False, separators=(",", ":"), sort_keys=True)``.
"""

from __future__ import annotations

import json
import sys

from fieldapp.store import codec
from fieldapp.store.db import Database
from fieldapp.store.models import Member
from fieldapp.store.writer import ChangeWriter
from tests.store.util import log_rows


def _reference(fields: dict[str, object]) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def test_every_code_point_as_key_and_value_is_written_as_the_standard_library_writes_it() -> None:
    points = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    for start in range(0, len(points), 4096):
        chunk = points[start:start + 4096]
        fields = {f"k{c}": c for c in chunk} | {"all": "".join(chunk)}
        assert codec.dumps_fields(fields) == _reference(fields)


def test_keys_are_sorted_and_every_kind_of_value_matches() -> None:
    fields = {"姓名": "张三", "b": True, "a": False, "Z": None, "n": -7, "big": 2**70, "zero": 0, "": "",
              "date": "1970-05-06", "é": "\u2028\"\\\x00\x1f\x7f"}
    assert codec.dumps_fields(fields) == _reference(fields)
    assert codec.dumps_fields({}) == "{}"


def test_a_lone_surrogate_is_written_as_before() -> None:
    fields = {"name": "a\ud800b"}
    assert codec.dumps_fields(fields) == _reference(fields)


def test_the_log_of_an_insert_holds_the_canonical_text(db: Database, writer: ChangeWriter, household: str) -> None:
    with writer.transaction() as txn:
        mid = txn.insert(Member, {"household_id": household, "name": "王\u2028\"五\\", "relation": "01",
                                  "medical_insurance": True, "work_months": 3})
    with db.engine.connect() as conn:
        text = conn.exec_driver_sql("SELECT fields FROM change_log WHERE row_id = ?", (mid,)).scalar()
    (entry,) = log_rows(db, row_id=mid)
    assert text == _reference(entry["fields"])
