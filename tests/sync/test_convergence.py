"""Property test: 3–5 replicas edit offline and exchange packages in any order; all end identical.

Random puts (natural ids, so concurrent creation merges), edits of the same fields on several
replicas, deletes against edits, re-inserts (put on a tombstone), skewed clocks (a replica may run
days ahead, or decades ahead or behind: far-future changes are flagged and re-stamped), and
packages delivered late, out of order and twice. Throughout, no replica's clock moves beyond its
own wall clock plus the bound because of what it received. Afterwards every replica holds the same
synced data and the same open conflicts and clock flags; every value overwritten by a concurrent
change (not superseded by its own side, and a value the overwriting author never saw) is listed;
and no field keeps a rank beyond real time plus the bound (a far-future change cannot win forever).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain.hlc import ceiling_at
from fieldapp.domain.ids import natural_id
from fieldapp.store import codec
from fieldapp.store.models import Cadre, Threshold
from fieldapp.sync import review
from tests.sync.conftest import Node, connect, make_node
from tests.sync.model import converge, deliver, holdings, send, snapshot

YEAR_MS = 365 * 86_400_000
MODELS = {"threshold": Threshold, "cadre": Cadre}
FIELDS = {"threshold": {"amount": st.integers(0, 3), "note": st.sampled_from([None, "a", "b"])},
          "cadre": {"name": st.sampled_from(["王", "李", "张"]), "phone": st.sampled_from([None, "1", "2"])}}
BASE = {"threshold": {"kind": "poverty_line", "year": 2025, "area_code": "611002"}, "cadre": {}}

tables = st.sampled_from(sorted(MODELS))
op = st.one_of(
    st.tuples(st.just("put"), st.integers(0, 4), tables, st.integers(0, 2), st.data()),
    st.tuples(st.just("edit"), st.integers(0, 4), tables, st.integers(0, 2), st.data()),
    st.tuples(st.just("delete"), st.integers(0, 4), tables, st.integers(0, 2)),
    st.tuples(st.just("send"), st.integers(0, 4), st.integers(0, 4)),
    st.tuples(st.just("recv"), st.integers(0, 4), st.integers(0, 50), st.booleans()),
    st.tuples(st.just("skew"), st.integers(0, 4), st.sampled_from([-3_600_000, 0, 60_000, 3 * 86_400_000,
                                                                   -30 * YEAR_MS, 73 * YEAR_MS])),
)


def _values(tbl: str, data: st.DataObject, full: bool) -> dict[str, Any]:
    names = sorted(FIELDS[tbl])
    chosen = names if full else [data.draw(st.sampled_from(names))]
    return {n: data.draw(FIELDS[tbl][n]) for n in chosen}


def _write(node: Node, log: list[dict[str, Any]], action: str, tbl: str, key: int, *,
           values: dict[str, Any]) -> None:
    model, row_id = MODELS[tbl], natural_id(tbl, key)
    before = holdings(node)
    with node.db.read() as conn:
        row = conn.exec_driver_sql(f"SELECT deleted FROM {tbl} WHERE id = ?", (row_id,)).first()
    with node.writer.transaction() as txn:
        if action == "put":
            base = BASE[tbl] | ({"name": "王"} if tbl == "cadre" else {"amount": 0})
            txn.put(model, row_id, {**base, **values} if row is None else values)
        elif action == "edit" and row is not None and not row[0]:
            txn.update(model, row_id, values)
        elif action == "delete" and row is not None:
            txn.delete(model, row_id)
    log.append({"vec": before, "origin": node.device_id, "after": holdings(node).get(node.device_id, 0)})


def _authors_vector(log: list[dict[str, Any]], origin: str, seq: int) -> dict[str, int]:
    for w in log:
        if w["origin"] == origin and w["vec"].get(origin, 0) < seq <= w["after"]:
            return w["vec"]
    raise AssertionError("change without a recorded write")


def _rank(ch: dict[str, Any], name: str) -> tuple[int, str]:
    if ch["op"] == "insert":
        return ch["hlc"], ch["origin"]
    prev = ch["prev"].get(name, [ch["hlc"], ch["origin"]])
    return max(ch["hlc"], prev[0] + 1), ch["origin"]


def check_conflicts_listed(nodes: list[Node], log: list[dict[str, Any]]) -> None:
    with nodes[0].db.read() as conn:
        changes = [dict(r._mapping) | {"fields": json.loads(r.fields), "prev": json.loads(r.prev)}
                   for r in conn.exec_driver_sql("SELECT origin, origin_seq, hlc, tbl, row_id, op, fields, prev "
                                                 "FROM change_log")]
    changes = [ch for ch in changes if "~clock" not in ch["fields"]]  # re-stamps carry values already written
    for ch in changes:
        ch["vec"] = _authors_vector(log, ch["origin"], ch["origin_seq"])
    def seen(a: dict[str, Any], c: dict[str, Any]) -> bool:  # c's author had a when writing
        return a["origin_seq"] <= c["vec"].get(a["origin"], 0) or (
            a["origin"] == c["origin"] and a["origin_seq"] < c["origin_seq"])

    def superseded(a: dict[str, Any], name: str) -> bool:
        return any(c is not a and (c["tbl"], c["row_id"]) == (a["tbl"], a["row_id"]) and name in c["fields"]
                   and seen(a, c) for c in changes)

    expected = set()
    for i, a in enumerate(changes):
        for b in changes[i + 1:]:
            if (a["tbl"], a["row_id"]) != (b["tbl"], b["row_id"]) or a["origin"] == b["origin"]:
                continue
            concurrent = a["origin_seq"] > b["vec"].get(a["origin"], 0) and b["origin_seq"] > a["vec"].get(
                b["origin"], 0)
            if not concurrent:
                continue
            for name in set(a["fields"]) & set(b["fields"]):
                if a["fields"][name] != b["fields"][name] and not superseded(a, name) and not superseded(b, name):
                    loser, winner = sorted((a, b), key=lambda c: _rank(c, name))
                    value = loser["fields"][name]
                    if any(c["fields"].get(name, object()) == value and seen(c, winner) for c in changes
                           if (c["tbl"], c["row_id"]) == (a["tbl"], a["row_id"])):
                        continue  # the winner's author had seen this value (from an agreeing change)
                    expected.add((a["tbl"], a["row_id"], name, codec.dumps(loser["fields"][name])))
    for node in nodes:
        listed = {(c["tbl"], c["row_id"], f, v) for c in review.conflicts(node.rep) if c["kind"] == "field"
                  for f in [c["field"]] for v in (c["loser_value"], c["winner_value"])}
        missing = expected - listed
        assert not missing, f"{node.name}: concurrent overwrites not listed as conflicts: {missing}"


def open_conflicts(node: Node) -> set[tuple[Any, ...]]:
    """The open field conflicts and clock flags of live records (a deleted record's are moot), and every open
    delete-against-edit conflict (a delete crossing edits, whichever arrived first)."""
    with node.db.read() as conn:
        live = {(t, r[0]) for t in MODELS for r in conn.exec_driver_sql(f"SELECT id FROM {t} WHERE deleted = 0")}
    return {(c["kind"], c["tbl"], c["row_id"], c["field"], c["winner_value"], c["winner_hlc"], c["winner_device"],
             c["loser_value"], c["loser_hlc"], c["loser_device"])
            for c in review.conflicts(node.rep)
            if c["kind"] == "delete" or ((c["tbl"], c["row_id"]) in live and c["kind"] in ("field", "clock"))}


def check_ranks_bounded(node: Node) -> None:
    """Every field's rank is within real time plus the bound: nothing stamped 2099 keeps winning."""
    ceiling = ceiling_at(time.time_ns() // 1_000_000)
    with node.db.read() as conn:
        for tbl, model in MODELS.items():
            cols = [c.name for c in model.__table__.columns  # type: ignore[attr-defined]
                    if c.name not in ("id", "row_hlc", "row_device", "field_clocks")]
            for row_id, row_hlc, row_device, clocks in conn.exec_driver_sql(
                    f"SELECT id, row_hlc, row_device, field_clocks FROM {tbl}"):
                ranks = {k: v for k, v in json.loads(clocks).items() if not k.startswith("~")}
                for name in cols:
                    rank = ranks.get(name, [row_hlc, row_device])
                    assert rank[0] <= ceiling, f"{node.name}: {tbl}.{name} of {row_id} ranks {rank}"


def check_conflicts_converge(nodes: list[Node]) -> None:
    first = open_conflicts(nodes[0])
    for node in nodes[1:]:
        assert open_conflicts(node) == first, f"{node.name}'s open conflicts differ from n0's"
    for node in nodes:
        check_ranks_bounded(node)


EXAMPLES = int(os.environ.get("FIELDAPP_SYNC_EXAMPLES", "40"))  # the soak (bench_sync --soak) raises it


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(count=st.integers(3, 5), ops=st.lists(op, min_size=5, max_size=40))
def test_replicas_converge_and_list_every_concurrent_overwrite(template_db: Path, count: int,
                                                               ops: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        nodes = [make_node(Path(tmp) / f"n{i}", template_db, f"n{i}") for i in range(count)]
        try:
            connect(nodes)
            inbox: list[list[bytes]] = [[] for _ in nodes]
            log: list[dict[str, Any]] = []
            for step in ops:
                kind, i = step[0], step[1] % count
                if kind in ("put", "edit"):
                    _write(nodes[i], log, kind, step[2], step[3], values=_values(step[2], step[4], kind == "put"))
                elif kind == "delete":
                    _write(nodes[i], log, kind, step[2], step[3], values={})
                elif kind == "send" and step[2] % count != i:
                    inbox[step[2] % count].append(send(nodes[i], nodes[step[2] % count]))
                elif kind == "recv" and inbox[i]:
                    k = step[2] % len(inbox[i])
                    data = inbox[i][k] if step[3] else inbox[i].pop(k)
                    before = nodes[i].rep.clock.last  # type: ignore[union-attr]
                    assert deliver(nodes[i], data) in (None, "replay")
                    bound = max(before, nodes[i].rep.clock.ceiling())  # type: ignore[union-attr]
                    assert nodes[i].rep.clock.last <= bound, "a received stamp dragged the clock"  # type: ignore[union-attr]
                elif kind == "skew":
                    nodes[i].skew_ms[0] = step[2]
            for i, box in enumerate(inbox):  # late, stale and duplicated packages
                for data in reversed(box):
                    assert deliver(nodes[i], data) in (None, "replay")
            for node in nodes:
                node.skew_ms[0] = 0
            converge(nodes)
            first = snapshot(nodes[0])
            for node in nodes[1:]:
                assert snapshot(node) == first, f"{node.name} differs from {nodes[0].name}"
            check_conflicts_listed(nodes, log)
            check_conflicts_converge(nodes)
        finally:
            for node in nodes:
                node.db.close()
