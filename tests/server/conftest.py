"""The district server under test: a real process on loopback, real laptops' data folders, the real CLIs.

- ``server_backend`` — the database backend, parametrised (``sqlite``; ``postgres`` where a server answers).
  Its ``url(folder)`` is what ``fieldapp-server --db`` gets: a database already at the current schema (a copy
  of one migrated once per process, :mod:`tests.helpers.templates`). A server given a path of its own (the
  admin page's, the upstream test's district) still creates and migrates its database itself.
- ``server`` — a started ``python -m fieldapp.server.main`` process (:class:`ServerProcess`); its
  ``admin(*args)`` runs ``fieldapp-server`` commands in-process on the same home and database.
- ``laptop`` — a factory of :class:`Laptop` data folders (holding a copied migrated empty register, as the
  first open would make it): ``run(*argv)`` runs ``fieldapp`` commands in-process with ``FIELDAPP_HOME``
  pointing at it; ``setup()`` runs the setup wizard's service.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from fieldapp import paths
from fieldapp.cli.main import main as fieldapp_main
from fieldapp.server.main import main as server_main
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.setup import SetupInfo, run_setup
from tests.helpers.postgres import Databases
from tests.helpers.templates import place_register

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Backend:
    name: str
    make_url: Callable[[Path], str]

    def url(self, folder: Path) -> str:
        return self.make_url(folder)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server_backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """The server's database, empty at the current schema: a SQLite file, or a new PostgreSQL database per folder
    (skipped, with the reason, where no PostgreSQL server answers: see tests/helpers/postgres.py)."""
    if request.param == "sqlite":
        yield Backend("sqlite", lambda folder: str(place_register(folder / "server.sqlite3")))
        return
    dbs = Databases()
    made: dict[Path, str] = {}

    def url(folder: Path) -> str:
        if folder not in made:
            made[folder] = dbs.new_migrated()
        return made[folder]

    yield Backend("postgres", url)
    dbs.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _capture(func: Callable[[list[str]], int], argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = func(argv)
    return code, out.getvalue(), err.getvalue()


@dataclass
class ServerProcess:
    home: Path
    db_url: str
    port: int = field(default_factory=free_port)
    max_body_mb: int = 64
    tls: tuple[Path, Path] | None = None  # (certificate, key)
    extra: tuple[str, ...] = ()  # more ``fieldapp-server`` options
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        self.home.mkdir(parents=True, exist_ok=True)
        log = open(self.home / "process.log", "wb")  # noqa: SIM115 - kept open for the process's lifetime
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "fieldapp.server.main", "--home", str(self.home), "--db", self.db_url,
             "--host", "127.0.0.1", "--port", str(self.port), "--max-body-mb", str(self.max_body_mb),
             *(["--cert", str(self.tls[0]), "--key", str(self.tls[1])] if self.tls else []), *self.extra],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}):\n{self.log()}")
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1.0, verify=False).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not ready in 60 s:\n{self.log()}")

    def log(self) -> str:
        path = self.home / "process.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """Stop the process; it must not have logged a traceback or answered a 500."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        text = self.log()
        assert "Traceback" not in text and '" 500' not in text, f"the server failed:\n{text[-4000:]}"

    def admin(self, *args: str) -> tuple[int, str, str]:
        """``fieldapp-server ARGS`` on this server's home and database (in-process)."""
        return _capture(server_main, ["--home", str(self.home), "--db", self.db_url, *args])

    def code(self, cadre: str, villages: list[str], *extra: str) -> str:
        status, out, err = self.admin("enrol-code", "--cadre", cadre, "--villages", ",".join(villages), *extra)
        assert status == 0, err
        return out.splitlines()[0].strip()


@pytest.fixture
def server(tmp_path: Path, server_backend: Backend) -> Iterator[ServerProcess]:
    proc = ServerProcess(tmp_path / "server-home", server_backend.url(tmp_path)).start()
    yield proc
    proc.stop()


SETUP = SetupInfo(district="商州区", town="北宽坪镇", villages=["东村", "西村"], cadre_name="王伟",
                  cadre_unit="区国土资源局", cadre_phone="13912345678", district_code="611002")


@dataclass
class Laptop:
    home: Path
    monkeypatch: pytest.MonkeyPatch

    def run(self, *argv: str) -> tuple[int, str, str]:
        self.monkeypatch.setenv(paths.ENV_HOME, str(self.home))
        return _capture(fieldapp_main, list(argv))

    def ok(self, *argv: str) -> str:
        code, out, err = self.run(*argv)
        assert code == 0, f"fieldapp {' '.join(argv)} failed ({code}): {err}{out}"
        return out

    @contextlib.contextmanager
    def ctx(self) -> Iterator[AppContext]:
        context = open_context(paths.DataPaths(self.home))
        try:
            yield context
        finally:
            context.close()

    def setup(self, info: SetupInfo = SETUP) -> list[str]:
        with self.ctx() as c:
            run_setup(c, info)
            return list(c.settings["village_ids"])

    def setting(self, key: str) -> Any:
        with self.ctx() as c:
            return c.settings[key]


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Laptop]:
    def make(name: str) -> Laptop:
        home = tmp_path / name
        home.mkdir()
        place_register(paths.DataPaths(home).database)
        return Laptop(home, monkeypatch)

    return make
