"""Replicas for sync tests: a migrated database file (copied from one template), an identity, a writer.

Every replica knows every other as a peer. ``wall`` shifts a replica's wall clock (skewed clocks).
"""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fieldapp.domain.hlc import HybridClock
from fieldapp.services import identity as identity_mod
from fieldapp.store.db import Database
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import service
from fieldapp.sync.district import public_identity, register_peer

_ids = itertools.count(1)


@dataclass
class Node:
    name: str
    db: Database
    rep: service.Replica
    writer: ChangeWriter
    skew_ms: list[int] = field(default_factory=lambda: [0])

    @property
    def device_id(self) -> str:
        return self.rep.device_id


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "register.sqlite3"
    Database.open(path).close()
    return path


def make_node(folder: Path, template: Path, name: str) -> Node:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "register.sqlite3"
    shutil.copyfile(template, path)
    db = Database.open(path)
    ident = identity_mod.create(folder / "device", device_id=f"{next(_ids):08d}-0000-4000-8000-{name:0>12}")
    db.chain_key = ident.signing_key  # as the app does: every commit signs the device's chain head
    skew = [0]
    clock = HybridClock(wall_ms=lambda: time.time_ns() // 1_000_000 + skew[0])
    rep = service.Replica(db, ident, None, clock)
    return Node(name, db, rep, ChangeWriter(db, Actor(ident.device_id, None, name), clock), skew)


def connect(nodes: list[Node]) -> None:
    for a in nodes:
        for b in nodes:
            if a is not b:
                register_peer(a.db, public_identity(b.rep.identity, b.name))


@pytest.fixture
def nodes(tmp_path: Path, template_db: Path) -> Iterator[Callable[[int], list[Node]]]:
    made: list[Node] = []

    def make(n: int) -> list[Node]:
        batch = [make_node(tmp_path / f"n{len(made) + i}", template_db, f"n{len(made) + i}") for i in range(n)]
        made.extend(batch)
        connect(batch)
        return batch

    yield make
    for node in made:
        node.db.close()
