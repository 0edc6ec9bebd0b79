"""A corpus of correctly signed but malformed packages, fed to the server over real HTTP and to a laptop's import.

Each package is a real one from an enrolled laptop, its decoded header or body changed and sealed
again with the laptop's own key (:mod:`tests.helpers.forged`). The server answers each with a 4xx
``{reason, message}``, records it in its audit log and keeps its data unchanged; its log holds no
traceback and no 500 (checked when the server fixture stops). A laptop's library import refuses each
with a reason, and ``fieldapp sync import`` prints a clear message, no traceback, and exits non-zero.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.services import identity as identity_mod
from fieldapp.services import syncing
from fieldapp.sync import district, service
from fieldapp.sync.package import PackageRefused
from tests.helpers.forged import content_digest, malformed
from tests.server.conftest import ROOT, Laptop, ServerProcess
from tests.server.util import add_household, count, post_signed, server_dump

HOUSEHOLD_COLUMNS = {"text": ("member", "name"), "integer": ("household", "group_no"),
                     "required": ("member", "name"), "date": ("member", "birth_date")}


def test_the_server_refuses_each_malformed_signed_package(server: ServerProcess,
                                                          laptop: Callable[[str], Laptop]) -> None:
    lap = laptop("a")
    east, _west = lap.setup()
    lap.ok("enrol", server.url, server.code("王伟", [east]))
    with lap.ctx() as ctx:
        add_household(ctx, east, "张三")
        add_household(ctx, east, "李四")
        assert ctx.identity is not None
        ident = ctx.identity
        data = service.build_package(syncing.replica_of(ctx), ctx.settings["server_device_id"]).data
    server_ident = identity_mod.load(server.home / "device")
    assert server_ident is not None
    corpus = list(malformed(data, ident, server_ident, **HOUSEHOLD_COLUMNS))
    assert len(corpus) > 45
    before = server_dump(server.home, server.db_url)
    audited = count(server.home, server.db_url, "SELECT count(*) FROM server_audit WHERE outcome = 'refused'")
    for name, body in corpus:
        resp = post_signed(server.url, ident, body)
        assert resp.status_code in (400, 409), f"{name}: {resp.status_code} {resp.text}"
        answer = resp.json()
        assert answer["reason"] in ("format", "version") and answer["message"], name
        assert server_dump(server.home, server.db_url) == before, f"{name} changed the server's data"
        audited += 1
        assert count(server.home, server.db_url,
                     "SELECT count(*) FROM server_audit WHERE outcome = 'refused'") == audited, name
    assert post_signed(server.url, ident, data).status_code == 200  # the real package still applies


@pytest.fixture
def pair(laptop: Callable[[str], Laptop]) -> tuple[Laptop, Laptop, bytes, list[tuple[str, bytes]]]:
    """Laptops A and B of the same villages, peers of each other; A's package for B and its corpus."""
    a, b = laptop("a"), laptop("b")
    east, _west = a.setup()
    b.setup()
    with a.ctx() as ca, b.ctx() as cb:
        assert ca.identity is not None and cb.identity is not None
        district.register_peer(ca.db, district.public_identity(cb.identity, "b"))
        district.register_peer(cb.db, district.public_identity(ca.identity, "a"))
        add_household(ca, east, "赵五")
        data = service.build_package(syncing.replica_of(ca), cb.identity.device_id).data
        # B holds its own villages only: the body is filtered by scope, so a header range beyond the
        # body is not a fault it can see (the server, holding the whole district, refuses it above).
        corpus = [(n, p) for n, p in malformed(data, ca.identity, cb.identity, **HOUSEHOLD_COLUMNS)
                  if n != "top far beyond the body"]
    return a, b, data, corpus


def test_a_laptop_import_refuses_each_malformed_signed_package(
        pair: tuple[Laptop, Laptop, bytes, list[tuple[str, bytes]]]) -> None:
    _a, b, data, corpus = pair
    with b.ctx() as cb:
        rep = syncing.replica_of(cb)
        before = content_digest(cb.db)
        for name, body in corpus:
            with pytest.raises(PackageRefused) as info:
                service.import_package(rep, body)
            assert info.value.reason in ("format", "version") and str(info.value), name
            assert content_digest(cb.db) == before, f"{name} changed the laptop's data"
        assert service.import_package(rep, data).stats.applied > 0


def _cli(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldapp", *argv], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "FIELDAPP_HOME": str(home)}, check=False)


def test_the_cli_refuses_malformed_signed_packages_without_a_traceback(
        pair: tuple[Laptop, Laptop, bytes, list[tuple[str, bytes]]], tmp_path: Path) -> None:
    _a, b, _data, corpus = pair
    folder = tmp_path / "stick"
    folder.mkdir()
    files = []
    for i, (_name, body) in enumerate(corpus):
        files.append(folder / f"forged-{i:02d}.fapk")
        files[-1].write_bytes(body)
    with b.ctx() as cb:
        before = content_digest(cb.db)
    named = dict(corpus)
    for name in ("row id as integer", "sequence 2^63+1", "hlc 10^21"):  # each alone: its own exit code
        path = folder / "one.fapk"
        path.write_bytes(named[name])
        done = _cli(b.home, "sync", "import", str(path))
        assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout, f"{name}: {done.stderr}"
        assert "已拒绝 one.fapk" in done.stderr and "同步包" in done.stderr, done.stderr
    done = _cli(b.home, "sync", "import", *map(str, files))
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout, done.stderr[-3000:]
    assert all(f"已拒绝 {f.name}" in done.stderr for f in files), done.stderr[-3000:]
    with b.ctx() as cb:
        assert content_digest(cb.db) == before
