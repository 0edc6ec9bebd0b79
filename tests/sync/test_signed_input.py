"""Correctly signed packages whose header or body lies are refused whole, with a reason, and change nothing.

The packages come from the sender's real key through the real package writer
(:mod:`tests.helpers.forged`); only their decoded content was changed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Threshold
from fieldapp.sync import service
from fieldapp.sync.package import PackageRefused
from tests.helpers.forged import reseal
from tests.sync.conftest import Node
from tests.sync.model import holdings, snapshot
from tests.sync.test_faults import _edits, _refused


@pytest.fixture
def pair(nodes: Callable[[int], list[Node]]) -> tuple[Node, Node]:
    a, b = nodes(2)
    _edits(a, 5)
    return a, b


def _forge(a: Node, b: Node, **changes: Callable[..., None]) -> bytes:
    return reseal(service.build_package(a.rep, b.device_id).data, a.rep.identity, b.rep.identity, **changes)


def test_a_header_top_beyond_the_body_is_refused_and_later_edits_arrive(pair: tuple[Node, Node]) -> None:
    a, b = pair
    lying = _forge(a, b, header=lambda h: h["top"].__setitem__(a.device_id, 999999))
    err = _refused(b, lying)
    assert err.reason == "format" and "999999" in str(err) and "第 6 条" in str(err)
    assert a.device_id not in holdings(b)
    # The honest package, and the edits after it, all arrive.
    assert service.import_package(b.rep, service.build_package(a.rep, b.device_id).data).stats.applied == 5
    _edits(a, 3, start=100)
    result = service.import_package(b.rep, service.build_package(a.rep, b.device_id).data)
    assert result.stats.applied == 3  # (the first five again, as already held: a has not heard from b)
    assert snapshot(b) == snapshot(a) and holdings(b)[a.device_id] == 8


def test_a_relayed_origin_moves_only_as_far_as_the_body_reaches(nodes: Callable[[int], list[Node]]) -> None:
    a, b, c = nodes(3)
    _edits(c, 5)
    service.import_package(a.rep, service.build_package(c.rep, a.device_id).data)
    relayed = _forge(a, b, header=lambda h: h["top"].__setitem__(c.device_id, 999999))
    assert service.import_package(b.rep, relayed).stats.applied == 5
    assert holdings(b)[c.device_id] == 5
    _edits(c, 3, start=100)
    assert service.import_package(b.rep, service.build_package(c.rep, b.device_id).data).stats.applied == 3
    assert snapshot(b) == snapshot(c)


def test_counts_and_ranges_must_match_the_body(pair: tuple[Node, Node]) -> None:
    a, b = pair
    more = _forge(a, b, header=lambda h: h["counts"].__setitem__("changes", 6))
    assert "6 条修改" in str(_refused(b, more))
    # A change outside the header's range for its origin: the header stops one short.
    short = _forge(a, b, header=lambda h: h["top"].__setitem__(a.device_id, 4))
    assert "不在同步包头声明的范围内" in str(_refused(b, short))
    assert holdings(b) == {}


@pytest.mark.parametrize("schema", [0, 2, 999])
def test_an_incompatible_schema_refuses_the_whole_package(pair: tuple[Node, Node], schema: int) -> None:
    a, b = pair
    data = _forge(a, b, header=lambda h: h.update(schema=schema, schema_needs=schema))
    err = _refused(b, data)
    assert err.reason == "version" and f"数据结构版本 {schema}" in str(err)


def test_a_newer_schema_whose_package_older_versions_can_apply_is_applied(pair: tuple[Node, Node]) -> None:
    a, b = pair
    data = _forge(a, b, header=lambda h: h.update(schema=h["schema"] + 1))  # schema_needs unchanged
    assert service.import_package(b.rep, data).stats.applied == 5


def test_every_malformed_signed_body_is_refused_and_changes_nothing(nodes: Callable[[int], list[Node]]) -> None:
    from tests.helpers.forged import malformed

    a, b = nodes(2)
    _edits(a, 3)
    with a.writer.transaction() as txn:  # a text, an integer and a date column in the package
        txn.update(Threshold, natural_id("t", 0), {"kind": "poverty_line", "year": 2001})
    data = service.build_package(a.rep, b.device_id).data
    seen = 0
    for name, forged in malformed(data, a.rep.identity, b.rep.identity, text=("threshold", "kind"),
                                  integer=("threshold", "year"), required=("threshold", "area_code")):
        try:
            err = _refused(b, forged)
        except BaseException as exc:
            raise AssertionError(f"{name}: {exc!r}") from exc
        assert err.reason in ("format", "version") and str(err), name
        seen += 1
    assert seen > 30
    with pytest.raises(PackageRefused):  # the refusals left no trace: the honest package still applies
        service.import_package(b.rep, data[:-1])
    assert service.import_package(b.rep, data).stats.applied == 4


def test_a_lying_header_cannot_make_a_scoped_laptop_skip_changes(nodes: Callable[[int], list[Node]]) -> None:
    """A laptop holding one village cannot check the sender's range (out-of-scope changes are left out of
    the body): its vector moves only as far as the body reaches, so a header claiming 999999 skips nothing."""
    from fieldapp.store.models import Area, Household
    from fieldapp.sync.district import public_identity, register_peer

    district, laptop = nodes(2)
    east, west = natural_id("area", "east"), natural_id("area", "west")
    register_peer(district.db, public_identity(laptop.rep.identity, laptop.name), scope=[east])
    laptop.rep.scope = [east]
    with district.writer.transaction() as txn:
        txn.put(Area, east, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Area, west, {"level": "village", "name": "西村", "parent_id": None})
        txn.put(Household, natural_id("e1"), {"village_id": east, "hh_no": "E-1"})
        for i in range(3):
            txn.put(Household, natural_id(f"w{i}"), {"village_id": west, "hh_no": f"W-{i}"})
    lying = _forge(district, laptop, header=lambda h: h["top"].__setitem__(district.device_id, 999999))
    assert service.import_package(laptop.rep, lying).stats.applied == 3  # two villages and 东村's household
    assert holdings(laptop)[district.device_id] < 999999
    with district.writer.transaction() as txn:  # the district's next edit in 东村
        txn.update(Household, natural_id("e1"), {"hh_no": "E-1 改"})
    result = service.import_package(laptop.rep, service.build_package(district.rep, laptop.device_id).data)
    assert result.stats.applied == 1
    assert laptop.db.scalar("SELECT hh_no FROM household WHERE id = :h", h=natural_id("e1")) == "E-1 改"
    assert laptop.db.scalar("SELECT count(*) FROM household") == 1  # 西村's households never reached it
