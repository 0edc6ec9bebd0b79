"""Structural faults refuse the whole package with a reason and leave the database file untouched;
a SIGKILL during apply leaves the database as before, and the retry completes."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Threshold
from fieldapp.sync import service
from fieldapp.sync.package import PackageRefused
from tests.sync.conftest import Node
from tests.sync.model import holdings, snapshot

ROOT = Path(__file__).resolve().parents[2]


def _edits(node: Node, n: int, start: int = 0) -> None:
    with node.writer.transaction() as txn:
        txn.insert_many(Threshold, [{"id": natural_id("t", i), "kind": "poverty_line", "year": 2000 + i % 30,
                                     "area_code": "611002", "amount": i} for i in range(start, start + n)])


def _file_hash(node: Node) -> str:
    node.db.engine.dispose()  # last connection closed: WAL checkpointed, nothing pending beside the file
    wal = node.db.path.with_name(node.db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return hashlib.sha256(node.db.path.read_bytes()).hexdigest()


def _refused(node: Node, data: bytes) -> PackageRefused:
    before = _file_hash(node)
    with pytest.raises(PackageRefused) as info:
        service.import_package(node.rep, data)
    assert _file_hash(node) == before, "a refused package changed the database file"
    return info.value


@pytest.fixture
def pair(nodes: Callable[[int], list[Node]]) -> list[Node]:
    a, b, c = nodes(3)
    _edits(a, 50)
    return [a, b, c]


def test_truncated_package_is_refused(pair: list[Node]) -> None:
    a, b, _ = pair
    data = service.build_package(a.rep, b.device_id).data
    for cut in (10, len(data) // 2, len(data) - 1):
        assert _refused(b, data[:cut]).reason in ("format", "signature")


def test_bit_flipped_package_is_refused(pair: list[Node]) -> None:
    a, b, _ = pair
    data = bytearray(service.build_package(a.rep, b.device_id).data)
    for pos in (len(data) // 2, len(data) - 80, len(data) - 3):
        flipped = bytearray(data)
        flipped[pos] ^= 0x04
        assert _refused(b, bytes(flipped)).reason == "signature"


def test_replayed_package_is_refused_the_second_time(pair: list[Node]) -> None:
    a, b, _ = pair
    data = service.build_package(a.rep, b.device_id).data
    assert service.import_package(b.rep, data).stats.applied == 50
    assert _refused(b, data).reason == "replay"


def test_package_for_another_device_is_refused(pair: list[Node]) -> None:
    a, b, c = pair
    data = service.build_package(a.rep, c.device_id).data
    err = _refused(b, data)
    assert err.reason == "recipient" and c.device_id in str(err)


def test_incompatible_major_version_names_both_versions(pair: list[Node]) -> None:
    a, b, _ = pair
    data = service.build_package(a.rep, b.device_id, fmt="2.0").data
    err = _refused(b, data)
    assert err.reason == "version" and "2.0" in str(err) and "1.0" in str(err)


def test_package_from_an_unknown_sender_is_refused(pair: list[Node], nodes: Callable[[int], list[Node]]) -> None:
    _, b, _ = pair
    (stranger,) = nodes(1)  # connected to nobody of the pair
    from fieldapp.sync.district import public_identity, register_peer

    register_peer(stranger.db, public_identity(b.rep.identity, "b"))
    _edits(stranger, 3)
    assert _refused(b, service.build_package(stranger.rep, b.device_id).data).reason == "sender"


def test_forged_sender_fails_the_signature(pair: list[Node], nodes: Callable[[int], list[Node]]) -> None:
    """A device that knows b's public key but signs as a (with its own key) is refused."""
    a, b, _ = pair
    (forger,) = nodes(1)
    from fieldapp.services.identity import DeviceIdentity
    from fieldapp.sync.district import public_identity, register_peer

    register_peer(forger.db, public_identity(b.rep.identity, "b"))
    _edits(forger, 2)
    fake = DeviceIdentity(a.device_id, forger.rep.identity.signing_key, forger.rep.identity.agreement_key)
    forger.rep.identity = fake
    assert _refused(b, service.build_package(forger.rep, b.device_id).data).reason == "signature"


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from fieldapp.services import identity
    from fieldapp.store.db import Database
    from fieldapp.sync import merge, service

    folder, package = Path(sys.argv[1]), Path(sys.argv[2])
    db = Database.open(folder / "register.sqlite3")
    rep = service.Replica(db, identity.load(folder / "device"), None)
    original = merge.Merger.apply
    def apply(self, changes):
        original(self, changes)
        print("batch", flush=True)  # the parent kills us here, inside the open transaction
    merge.Merger.apply = apply
    service.import_file(rep, package)
    print("done", flush=True)
""")


def test_sigkill_during_apply_leaves_the_database_as_before(pair: list[Node], tmp_path: Path) -> None:
    a, b, _ = pair
    _edits(a, 20_000, start=100)
    package = tmp_path / "big.fapk"
    package.write_bytes(service.build_package(a.rep, b.device_id).data)
    before, held = snapshot(b), holdings(b)
    b.db.engine.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(b.db.path.parent), str(package)],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip() == "batch", first
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    with b.db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert snapshot(b) == before and holdings(b) == held
    result = service.import_file(b.rep, package)
    assert result.stats.applied == 20_050
    assert snapshot(b) == snapshot(a)
