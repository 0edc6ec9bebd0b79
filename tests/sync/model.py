"""Helpers shared by the sync tests: snapshot of the synced tables, exchange, random edits."""

from __future__ import annotations

import json
from typing import Any

from fieldapp.store.models import SYNCED_MODELS
from fieldapp.sync import service
from fieldapp.sync.package import PackageRefused
from tests.sync.conftest import Node


def snapshot(node: Node) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table's live content (ids, data columns), sync stamps excluded.

    Tombstones are left out: a replica purges one once every peer it knows holds the delete,
    so at a given moment one replica may still have a tombstone that another has purged.
    """
    out = {}
    with node.db.engine.connect() as conn:
        for model in SYNCED_MODELS:
            table = model.__table__  # type: ignore[attr-defined]
            cols = [c.name for c in table.columns if c.name not in ("row_hlc", "row_device", "field_clocks")]
            names = ", ".join(chr(34) + c + chr(34) for c in cols)
            sql = f"SELECT {names} FROM {table.name} WHERE deleted = 0 ORDER BY id"
            out[table.name] = [tuple(r) for r in conn.exec_driver_sql(sql)]
    return out


def send(a: Node, b: Node) -> bytes:
    return service.build_package(a.rep, b.device_id).data


def deliver(b: Node, data: bytes) -> str | None:
    """Import; returns the refusal reason, or None when applied."""
    try:
        service.import_package(b.rep, data)
    except PackageRefused as exc:
        return exc.reason
    return None


def holdings(node: Node) -> dict[str, int]:
    with node.db.read() as conn:
        return service.state.holdings(conn, node.device_id)


def converge(nodes: list[Node], rounds: int = 6) -> None:
    for _ in range(rounds):
        for a in nodes:
            for b in nodes:
                if a is not b:
                    assert deliver(b, send(a, b)) is None
        held = [json.dumps(holdings(n), sort_keys=True) for n in nodes]
        if len(set(held)) == 1:
            return
    raise AssertionError("replicas did not converge")
