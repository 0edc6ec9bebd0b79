"""The compiled body reader gives exactly what the plain reader gives: the same changes, the same refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Area, Household, Threshold
from fieldapp.sync import body, package, service
from tests.helpers.forged import keys_of, malformed
from tests.sync.conftest import Node
from tests.sync.test_faults import _edits


def _read(raw: bytes, compiled: bool) -> tuple[str, Any]:
    try:
        return "ok", list(body.decode(raw, batch=3, compiled=compiled))
    except body.BodyError as exc:
        return "refused", str(exc)


def _body(data: bytes, a: Node, b: Node) -> bytes:
    return package.open_package(data, b.rep.identity, keys_of(a.rep.identity)).body


def _varied(a: Node) -> None:
    """Inserts, updates of one and several fields, a delete, changes made by a user and by none."""
    _edits(a, 4)
    with a.writer.transaction() as txn:
        txn.update(Threshold, natural_id("t", 0), {"kind": "income_line", "year": 2001})
        txn.update(Threshold, natural_id("t", 1), {"amount": 7})
        txn.put(Area, natural_id("area", "east"), {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Household, natural_id("h1"), {"village_id": natural_id("area", "east"), "hh_no": "H-1",
                                              "phone": "139 0000 0000"})
        txn.update(Household, natural_id("h1"), {"address": "王\u2028\"引号\\", "phone": "\x7f"})
        txn.delete(Threshold, natural_id("t", 2))


def test_both_readers_decode_a_real_package_alike(nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    _varied(a)
    raw = _body(service.build_package(a.rep, b.device_id).data, a, b)
    fast, slow = _read(raw, True), _read(raw, False)
    assert fast[0] == "ok" and fast == slow
    changes = [ch for item in fast[1] if isinstance(item, list) for ch in item]
    assert len(changes) >= 9 and {ch.op for ch in changes} >= {"insert", "update", "delete"}
    assert all(ch.tag is not None for ch in changes)
    assert any(len(ch.fields) > 1 for ch in changes)


def test_every_malformed_body_is_refused_with_the_plain_readers_words(nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    _varied(a)
    data = service.build_package(a.rep, b.device_id).data
    refused = 0
    for name, forged in malformed(data, a.rep.identity, b.rep.identity, text=("threshold", "kind"),
                                  integer=("threshold", "year"), required=("threshold", "area_code"), header=False):
        raw = _body(forged, a, b)
        fast, slow = _read(raw, True), _read(raw, False)
        assert fast == slow, name
        refused += fast[0] == "refused"
    assert refused >= 15  # the rest are refused later, by the column and header checks (test_signed_input)
