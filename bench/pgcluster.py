"""A throwaway PostgreSQL cluster of the bench's own, to stop, kill and restart without touching the machine's.

``initdb`` into a temporary folder, ``pg_ctl start`` on a free loopback port with trust authentication
and the socket in that folder. As root the cluster runs as the ``postgres`` user (``initdb`` refuses
root), the folder handed to it. ``restart(down_s)`` is an immediate stop (every backend killed, crash
recovery at the next start, as after a crash of the database server), a pause, and a start.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


def binaries() -> Path | None:
    """The newest PostgreSQL ``bin`` folder with ``initdb`` (Debian's layout), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    """A loopback port free now (the OS's pick), for a process started on it next."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    bin: Path
    data: Path
    port: int = field(default_factory=free_port)
    user: str | None = None  # the OS user the cluster runs as (None: this process's)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def database(self, name: str) -> str:
        """Create database ``name``; its URL."""
        self._run("psql", "-h", str(self.data), "-p", str(self.port), "-U", "postgres", "-d", "postgres",
                  "-q", "-c", f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def _pg_ctl(self, *args: str) -> None:
        self._run("pg_ctl", "-D", str(self.data / "db"), "-l", str(self.data / "log"), *args)

    def start(self) -> None:
        # fsync off: a throwaway cluster on a shared disk; an immediate stop loses nothing (the OS keeps the pages)
        self._pg_ctl("-w", "-t", "60", "-o", f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 "
                                             "-c fsync=off -c max_connections=200", "start")

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-w", "-t", "60", "-m", mode, "stop")

    def restart(self, down_s: float = 2.0) -> None:
        """Stop at once (backends killed, as a crash would), stay down ``down_s``, start (crash recovery)."""
        self.stop("immediate")
        time.sleep(down_s)
        self.start()

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):  # not running
            self.stop("immediate")
        shutil.rmtree(self.data, ignore_errors=True)


def create(prefix: str = "fieldapp-pg-") -> Cluster:
    """initdb and start a new cluster; :meth:`Cluster.remove` when done. RuntimeError without binaries."""
    bin_ = binaries()
    if bin_ is None:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found")
    data = Path(tempfile.mkdtemp(prefix=prefix))
    user = None
    if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to the postgres user
        user = "postgres"
        try:
            pwd.getpwnam(user)
        except KeyError as exc:
            raise RuntimeError("running as root and no 'postgres' user for the cluster") from exc
        shutil.chown(data, user)
    cluster = Cluster(bin_, data, user=user)
    try:
        cluster._run("initdb", "-D", str(data / "db"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                     "--no-sync")
        cluster.start()
    except BaseException:
        shutil.rmtree(data, ignore_errors=True)
        raise
    return cluster
