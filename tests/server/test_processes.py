"""More than one process on one server database: replay protection that reaches every process, and the
USB desk (``fieldapp-server ingest``) running beside the network server on the same SQLite file.

Everything runs as real processes: uvicorn servers started by ``python -m fieldapp.server.main``, the
desk as ``python -m fieldapp.server.main ingest``, laptops syncing as ``python -m fieldapp sync now``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from fieldapp import paths
from fieldapp.services import identity as identity_mod
from fieldapp.services import syncing
from fieldapp.sync import service
from fieldapp.sync.http_client import HEADER_RESULT, SYNC_PATH, sign_request
from tests.server.conftest import ROOT, Backend, Laptop, ServerProcess
from tests.server.util import add_household, count, edit_household, post_signed


def _package(lap: Laptop, village: str, head: str) -> tuple[bytes, identity_mod.DeviceIdentity]:
    """The laptop's next package for the server (after one more household), and its identity."""
    with lap.ctx() as c:
        add_household(c, village, head)
        built = service.build_package(syncing.replica_of(c), c.settings["server_device_id"])
        assert c.identity is not None
        return built.data, c.identity


@pytest.fixture
def second(server: ServerProcess, tmp_path: Path) -> Iterator[ServerProcess]:
    """Another server process on the same database and identity (a second instance behind nginx)."""
    home = tmp_path / "server-home-b"
    shutil.copytree(server.home, home, ignore=shutil.ignore_patterns("process.log", "logs"))
    proc = ServerProcess(home, server.db_url).start()
    yield proc
    proc.stop()


def test_a_request_replayed_to_another_process_is_refused(server: ServerProcess, second: ServerProcess,
                                                          laptop: Callable[[str], Laptop]) -> None:
    a = laptop("a")
    east, _west = a.setup()
    a.ok("enrol", server.url, server.code("王伟", [east]))
    data, ident = _package(a, east, "李大山")
    headers = sign_request(ident, "POST", SYNC_PATH, data)
    first = httpx.post(server.url + SYNC_PATH, content=data, headers=headers, timeout=60)
    assert first.status_code == 200, first.text
    again = httpx.post(second.url + SYNC_PATH, content=data, headers=headers, timeout=60)
    assert again.status_code == 401 and again.json()["reason"] == "replay"

    # The same signed request sent to both processes at once: exactly one of them takes it.
    for n in range(4):
        data, ident = _package(a, east, f"同时户{n}")
        headers = sign_request(ident, "POST", SYNC_PATH, data)
        barrier = threading.Barrier(2)

        def send(url: str, data: bytes = data, headers: dict[str, str] = headers,
                 barrier: threading.Barrier = barrier) -> httpx.Response:
            barrier.wait()
            return httpx.post(url + SYNC_PATH, content=data, headers=headers, timeout=60)

        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(send, [server.url, second.url]))
        assert sorted(r.status_code for r in answers) == [200, 401], [r.text for r in answers]
        assert next(r for r in answers if r.status_code == 401).json()["reason"] == "replay"
    assert count(server.home, server.db_url, "SELECT count(*) FROM household") == 5
    # a fresh request to the second process is accepted: the processes share the nonces, not a lock-out
    data, ident = _package(a, east, "第二进程户")
    assert post_signed(second.url, ident, data).status_code == 200
    assert count(server.home, server.db_url, "SELECT count(*) FROM server_nonce") >= 6


def test_one_package_sent_to_two_processes_at_once_is_applied_once(server: ServerProcess, second: ServerProcess,
                                                                   laptop: Callable[[str], Laptop]) -> None:
    """A laptop's retry reaching another process while the first is still merging: applied once, both answered."""
    a = laptop("a")
    east, _west = a.setup()
    a.ok("enrol", server.url, server.code("王伟", [east]))
    for n in range(4):
        data, ident = _package(a, east, f"重发户{n}")
        barrier = threading.Barrier(2)

        def send(url: str, data: bytes = data, ident: identity_mod.DeviceIdentity = ident,
                 barrier: threading.Barrier = barrier) -> httpx.Response:
            headers = sign_request(ident, "POST", SYNC_PATH, data)  # each its own nonce: a retry, not a replay
            barrier.wait()
            return httpx.post(url + SYNC_PATH, content=data, headers=headers, timeout=60)

        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(send, [server.url, second.url]))
        assert [r.status_code for r in answers] == [200, 200], [r.text[:300] for r in answers]
        results = [json.loads(r.headers[HEADER_RESULT]) for r in answers]
        assert sum(int(r["applied"]) for r in results) >= 1
        assert sorted(bool(r["replay"]) for r in results) == [False, True]
    assert count(server.home, server.db_url, "SELECT count(*) FROM household") == 4


# -- the USB desk beside the network server, on one SQLite file ------------------------------------------

def _desk(server: ServerProcess, stick: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "fieldapp.server.main", "--home", str(server.home),
                             "--db", server.db_url, "ingest", str(stick), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _sync_now(lap: Laptop) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldapp", "sync", "now"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False, env={**os.environ, paths.ENV_HOME: str(lap.home)})


def _sqlite_only(server: ServerProcess) -> None:
    if "://" in server.db_url:
        pytest.skip("one SQLite file shared by two processes")


def _phone(n: int) -> str:
    return f"139{n:08d}"


def _edit_and_sync(net: list[Laptop], homes: list[list[str]], phone: str) -> list[subprocess.CompletedProcess[str]]:
    """Each network laptop edits five of its households, then all sync at once."""
    for lap, ids in zip(net, homes, strict=True):
        with lap.ctx() as c:
            for hid in ids[:5]:
                edit_household(c, hid, phone=phone)
    with ThreadPoolExecutor(len(net)) as pool:
        return list(pool.map(_sync_now, net))


def test_usb_desk_runs_beside_the_network_server(server: ServerProcess, laptop: Callable[[str], Laptop],
                                                tmp_path: Path) -> None:
    _sqlite_only(server)
    a = laptop("a")
    east, west = a.setup()
    a.ok("enrol", server.url, server.code("王伟", [east, west]))
    a.ok("sync", "now")  # the server learns the villages
    desk = [laptop(f"usb{i}") for i in range(2)]
    net = [laptop(f"net{i}") for i in range(2)]
    for i, lap in enumerate(desk + net):
        lap.ok("enrol", server.url, server.code(f"干部{i}", [east if i % 2 else west]))
        lap.ok("sync", "now")
    sticks = [tmp_path / "stick1", tmp_path / "stick2"]  # two visits to the desk
    expected = 0
    for i, lap in enumerate(desk):  # two packages each: 2 × 2 × 15 households
        for stick in sticks:
            with lap.ctx() as c:
                for n in range(15):
                    add_household(c, east if i % 2 else west, f"优盘{i}户{stick.name}{n}")
            expected += 15
            lap.ok("sync", "export", "--to", str(stick), "--for", lap.setting("server_device_id"))
    homes: list[list[str]] = []
    for i, lap in enumerate(net):
        with lap.ctx() as c:
            homes.append([add_household(c, east if i % 2 else west, f"网络{i}户{n}") for n in range(15)])
        expected += 15

    queue = list(sticks)
    ingest = _desk(server, queue.pop(0))
    desk_runs: list[tuple[int, str, str]] = []
    rounds = 0
    outcomes: list[subprocess.CompletedProcess[str]] = []
    while ingest.poll() is None or queue or rounds < 3:  # the laptops keep syncing while the desk merges
        if ingest.poll() is not None and queue:
            desk_runs.append((ingest.returncode, *ingest.communicate()))
            ingest = _desk(server, queue.pop(0))
        rounds += 1
        outcomes += _edit_and_sync(net, homes, _phone(rounds))
    desk_runs.append((ingest.wait(timeout=300), *ingest.communicate(timeout=300)))
    for code, out, err in desk_runs:
        assert code == 0, f"ingest failed:\n{out}\n{err}"
        assert "已拒绝" not in err and out.count("回复：") == len(desk)
    failed = [o for o in outcomes if o.returncode != 0]
    assert not failed, failed[0].stderr + failed[0].stdout
    assert count(server.home, server.db_url, "SELECT count(*) FROM household") == expected
    for ids in homes:  # every laptop's last edit is on the server
        for hid in ids[:5]:
            assert count(server.home, server.db_url, "SELECT count(*) FROM household WHERE id = :i AND phone = :p",
                         i=hid, p=_phone(rounds)) == 1
    for lap in desk:  # the desk's replies complete the exchange
        for stick in sticks:
            lap.ok("sync", "import", str(stick))
    # (the fixture's stop() asserts that the server logged no traceback and answered no 500)


def _hold_write_lock(db_path: str, seconds: float, held: threading.Event) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(seconds)
        conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.fixture
def impatient(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server on SQLite that waits one second for another process's write lock."""
    proc = ServerProcess(tmp_path / "server-home", str(tmp_path / "server.sqlite3"), extra=("--busy-wait-s", "1"))
    proc.start()
    yield proc
    proc.stop()


def test_a_write_lock_held_too_long_is_a_503_the_laptop_retries(impatient: ServerProcess,
                                                              laptop: Callable[[str], Laptop]) -> None:
    a = laptop("a")
    east, _west = a.setup()
    a.ok("enrol", impatient.url, impatient.code("王伟", [east]))
    data, ident = _package(a, east, "等锁户")
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(impatient.db_url, 4.0, held))
    holder.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        resp = post_signed(impatient.url, ident, data)
        waited = time.monotonic() - started
        assert resp.status_code == 503, resp.text
        assert resp.json()["reason"] == "busy" and "稍后重试" in resp.json()["message"]
        assert int(resp.headers["Retry-After"]) > 0
        assert 0.9 < waited < 3.5  # the bound, not the lock holder's whole four seconds
        code, _out, err = a.run("sync", "now")  # the laptop's client: "try later", not a refusal
        assert code != 0 and "暂时不可用" in err
    finally:
        holder.join()
    assert count(impatient.home, impatient.db_url, "SELECT count(*) FROM household") == 0
    a.ok("sync", "now")  # the lock is free again: the same changes go through
    assert count(impatient.home, impatient.db_url, "SELECT count(*) FROM household") == 1


def test_the_usb_desk_waits_for_the_write_lock(server: ServerProcess, laptop: Callable[[str], Laptop],
                                               tmp_path: Path) -> None:
    _sqlite_only(server)
    a = laptop("a")
    east, _west = a.setup()
    a.ok("enrol", server.url, server.code("王伟", [east]))
    with a.ctx() as c:
        add_household(c, east, "优盘户")
    stick = tmp_path / "stick"
    a.ok("sync", "export", "--to", str(stick), "--for", a.setting("server_device_id"))
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(server.db_url, 3.0, held))
    holder.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        ingest = _desk(server, stick)
        out, err = ingest.communicate(timeout=120)
        waited = time.monotonic() - started
    finally:
        holder.join()
    assert ingest.returncode == 0, f"{out}\n{err}"
    assert waited > 1.5  # it waited its turn (the lock holder kept it three seconds) instead of failing
    assert count(server.home, server.db_url, "SELECT count(*) FROM household") == 1


def test_the_usb_desk_gives_up_a_package_after_its_wait(server: ServerProcess, laptop: Callable[[str], Laptop],
                                                        tmp_path: Path) -> None:
    _sqlite_only(server)
    a = laptop("a")
    east, _west = a.setup()
    a.ok("enrol", server.url, server.code("王伟", [east]))
    with a.ctx() as c:
        add_household(c, east, "优盘户")
    stick = tmp_path / "stick"
    a.ok("sync", "export", "--to", str(stick), "--for", a.setting("server_device_id"))
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(server.db_url, 8.0, held))
    holder.start()
    try:
        assert held.wait(10)
        ingest = _desk(server, stick, "--wait-s", "1")
        out, err = ingest.communicate(timeout=120)
        assert ingest.returncode == 1, f"{out}\n{err}"
        assert "占用" in err and "Traceback" not in err  # a clear word, nothing applied
        assert count(server.home, server.db_url, "SELECT count(*) FROM household") == 0
    finally:
        holder.join()
    ingest = _desk(server, stick, "--wait-s", "1")  # the lock is free: the same stick goes through
    out, err = ingest.communicate(timeout=120)
    assert ingest.returncode == 0, f"{out}\n{err}"
    assert count(server.home, server.db_url, "SELECT count(*) FROM household") == 1


# -- uvicorn workers ---------------------------------------------------------------------------------------

@pytest.fixture
def workers(tmp_path: Path, server_backend: Backend) -> Iterator[ServerProcess]:
    """``fieldapp-server serve --workers 2`` on PostgreSQL (the setup the README recommends for workers)."""
    if server_backend.name != "postgres":
        pytest.skip("workers are run on PostgreSQL")
    proc = ServerProcess(tmp_path / "server-home", server_backend.url(tmp_path), extra=("serve", "--workers", "2"))
    proc.start()
    yield proc
    proc.stop()


def test_laptops_sync_through_two_uvicorn_workers(workers: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    a, b = laptop("a"), laptop("b")
    east, _west = a.setup()
    a.ok("enrol", workers.url, workers.code("王伟", [east]))
    b.ok("enrol", workers.url, workers.code("赵敏", [east]))
    homes = []
    for n in range(3):  # several requests, spread over the workers
        with a.ctx() as c:
            homes.append(add_household(c, east, f"工作进程户{n}"))
        a.ok("sync", "now")
        b.ok("sync", "now")
    with b.ctx() as c, c.db.read() as conn:
        held = {r[0] for r in conn.exec_driver_sql("SELECT id FROM household")}
    assert set(homes) <= held
    assert count(workers.home, workers.db_url, "SELECT count(*) FROM household") == 3
    started = {line for line in workers.log().splitlines() if "Started server process" in line}
    assert len(started) == 2, workers.log()[-3000:]  # two worker processes answered on the one port


def test_workers_must_be_at_least_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.server.main import main as server_main

    assert server_main(["--home", str(tmp_path / "home"), "serve", "--workers", "0"]) == 2
    assert "--workers 至少为 1" in capsys.readouterr().err
    assert not (tmp_path / "home").exists()  # refused before anything was created
