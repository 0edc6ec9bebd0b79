"""Data folders readable by their owner only, whatever the umask: the laptop's and the district server's.

Tests run as root, which reads any file anyway; what is checked is the mode another account would meet.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.server.storage import open_server
from fieldapp.services.context import open_context
from fieldapp.services.setup import SetupInfo, run_setup

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

SETUP = SetupInfo(district="商州区", town="北宽坪镇", villages=["东村"], cadre_name="王伟")


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0o022)  # Debian's default: new files 644, folders 755
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def loose(root: Path) -> list[str]:
    """Everything under ``root`` (itself included) that another account could read or enter."""
    found = [str(root)] if mode(root) & 0o077 else []
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            if not path.is_symlink() and mode(path) & 0o077:
                found.append(f"{path.relative_to(root)} {oct(mode(path))}")
    return found


def test_a_new_laptop_data_folder_is_private(tmp_path: Path, permissive_umask: None) -> None:
    home = tmp_path / "FieldApp"
    ctx = open_context(paths.DataPaths(home))
    try:
        run_setup(ctx, SETUP)  # identity, settings, register rows (WAL)
        ctx.db.backup(home / "register.sqlite3.v4.bak")
        for name in ("register.sqlite3", "register.sqlite3-wal", "register.sqlite3-shm", "settings.json",
                     "register.sqlite3.v4.bak", "device/signing.pem", "device/agreement.pem", "device/identity.json"):
            assert (home / name).exists(), name
            assert mode(home / name) == 0o600, f"{name} is {oct(mode(home / name))}"
        for name in (".", "device"):
            assert mode(home / name) == 0o700, name
        assert loose(home) == []
    finally:
        ctx.close()


def test_log_files_are_private_the_rotated_ones_too(tmp_path: Path, permissive_umask: None) -> None:
    from fieldapp.logsetup import _PrivateFileHandler

    handler = _PrivateFileHandler(tmp_path / "x.log", maxBytes=10, backupCount=2, encoding="utf-8")
    try:
        for i in range(5):
            handler.emit(logging.makeLogRecord({"msg": f"户主 张三 {i} " * 3}))
    finally:
        handler.close()
    logs = sorted(tmp_path.glob("x.log*"))
    assert len(logs) == 3 and all(mode(p) == 0o600 for p in logs)


def test_an_existing_loose_data_folder_is_tightened_on_start_and_logged(tmp_path: Path, permissive_umask: None,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    home = tmp_path / "FieldApp"
    ctx = open_context(paths.DataPaths(home))
    run_setup(ctx, SETUP)
    ctx.close()
    # As an older FieldApp (or a copy made with cp -r) left it: everything readable by everyone.
    (home / "photos" / "ab").mkdir(parents=True)
    (home / "photos" / "ab" / "ab12.jpg").write_bytes(b"jpeg")
    (home / "refdata" / "enums").mkdir(parents=True)
    (home / "refdata" / "enums" / "poverty_cause.json").write_text("{}", encoding="utf-8")
    for folder, _dirs, files in os.walk(home):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)
    assert len(loose(home)) > 8
    ctx = open_context(paths.DataPaths(home))
    try:
        assert loose(home) == []
        assert mode(home / "photos" / "ab" / "ab12.jpg") == 0o600 and mode(home / "refdata" / "enums") == 0o700
    finally:
        ctx.close()
    said = [r.getMessage() for r in caplog.records if r.name == "fieldapp.files"]
    assert said and "readable by their owner only" in said[-1] and "register.sqlite3" in said[-1]


def test_the_servers_data_folder_is_private_and_tightened(tmp_path: Path, permissive_umask: None,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    home = tmp_path / "server"
    server = open_server(None, home)
    try:
        with server.db.transaction() as conn:  # a write: the -wal exists
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe (x INTEGER)")
        server.admin_token()
        for name in ("server.sqlite3", "server.sqlite3-wal", "device/signing.pem", "admin-token"):
            assert mode(home / name) == 0o600, f"{name} is {oct(mode(home / name))}"
        assert mode(home) == 0o700
        assert loose(home) == []
    finally:
        server.close()
    for folder, _dirs, files in os.walk(home):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)
    server = open_server(None, home)
    try:
        assert loose(home) == []
    finally:
        server.close()
    assert any("readable by their owner only" in r.getMessage() and "server.sqlite3" in r.getMessage()
               for r in caplog.records)
