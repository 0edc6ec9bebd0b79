"""What the server benches share: a ``fieldapp-server`` process on a fixed port, the cached laptops opened for a
run, the server's holdings vector, and the command-line flags of a fleet of devices.

Used by :mod:`bench.bench_server_load` (one server process under load) and :mod:`bench.bench_failover` (two
processes killed and restarted); the device replicas themselves are built by
:func:`bench.bench_server_load.build_cache`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.pgcluster import free_port
from fieldapp.server.storage import open_server_db
from fieldapp.services import identity as identity_mod
from fieldapp.services.identity import DeviceIdentity
from fieldapp.store.db import Database
from fieldapp.sync import service, state

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class ServerProc:
    """One ``fieldapp-server serve`` process on a fixed port, so it comes back at the same address."""

    home: Path
    db_url: str
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProc:
        self.launch()
        self.ready()
        return self

    def launch(self) -> None:
        log = open(self.home / "process.log", "ab")  # noqa: SIM115 - the process's lifetime; restarts append
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "fieldapp.server.main", "--home", str(self.home), "--db", self.db_url,
             "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})

    def ready(self) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}):\n{self.log()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/api/v1/health", timeout=1.0).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"server not ready in 120 s:\n{self.log()[-3000:]}")

    def kill(self) -> None:
        """``kill -9``: no shutdown, open transactions die with their connections."""
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def log(self) -> str:
        path = self.home / "process.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


@dataclass(frozen=True)
class OpenedDevice:
    """A cached laptop copied into the run and opened: its entry in ``devices.json``, folder and replica."""

    meta: dict[str, Any]
    folder: Path
    ident: DeviceIdentity
    rep: service.Replica


def open_devices(cache: Path, run: Path, meta: list[dict[str, Any]]) -> list[OpenedDevice]:
    """Every cached laptop copied into ``run/devices`` (the cache stays as built) and its replica opened on its
    village; the caller closes each ``rep.db``."""
    opened = []
    for dev in meta:
        folder = run / "devices" / f"{dev['n']:04d}"
        shutil.copytree(cache / "devices" / f"{dev['n']:04d}", folder)
        ident = identity_mod.load(folder / "device")
        assert ident is not None
        rep = service.Replica(Database.open(folder / "register.sqlite3"), ident, [dev["village"]])
        opened.append(OpenedDevice(dev, folder, ident, rep))
    return opened


@contextlib.contextmanager
def server_read(db_url: str, home: Path) -> Iterator[tuple[Any, dict[str, int]]]:
    """A read of the server's database after the run: the connection and the server's holdings vector."""
    db = open_server_db(db_url, home)
    try:
        with db.read() as conn:
            server_id = identity_mod.load(home / "device").device_id  # type: ignore[union-attr]
            yield conn, state.holdings(conn, server_id)
    finally:
        db.close()


def add_fleet_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags every server bench takes: how many devices, how many changes each, how merges are serialised."""
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--pg-merge-mode", choices=["lock", "serializable"], default=None,
                        help="PostgreSQL: merges under the advisory lock (the default) or SERIALIZABLE with retry")


def fleet_environment(args: argparse.Namespace) -> None:
    """Qt offscreen, and the merge mode for the server processes (they inherit it: ``service.MERGE_MODE_ENV``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.pg_merge_mode:
        os.environ[service.MERGE_MODE_ENV] = args.pg_merge_mode
