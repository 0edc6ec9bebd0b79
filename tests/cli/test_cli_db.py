"""``fieldapp db export-plain`` and an encrypted data folder from the command line (real processes).

The register is opened as a cadre opens it: a login with an account's password unwraps the vault key."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from fieldapp import paths
from fieldapp.cli.people_cmd import ENV_PASSWORD, ENV_USER
from fieldapp.services.people.demo import DEMO_PASSWORD

ADMIN = "张建华"  # the demo's team leader and administrator


def _run(home: Path, *args: str, user: str | None = ADMIN,
         password: str = DEMO_PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, paths.ENV_HOME: str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop(ENV_USER, None)
    env.pop(ENV_PASSWORD, None)
    if user is not None:
        env[ENV_USER], env[ENV_PASSWORD] = user, password
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False, stdin=subprocess.DEVNULL)


def test_export_plain_of_an_encrypted_register(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _run(home, "demo", "--households", "5", user=None).returncode == 0
    assert not (home / "register.sqlite3").read_bytes().startswith(b"SQLite format 3")
    out = tmp_path / "support.sqlite3"
    result = _run(home, "db", "export-plain", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "没有加密" in result.stderr and str(out) in result.stdout
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM household").fetchone()[0] == 5
    conn.close()
    again = _run(home, "db", "export-plain", "--out", str(out))
    assert again.returncode == 1 and "已存在" in again.stderr
    # a reviewer may log in but not take the register out unencrypted
    other = tmp_path / "other.sqlite3"
    refused = _run(home, "db", "export-plain", "--out", str(other), user="乡镇审核员")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr and not other.exists()


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：")
    return lines[0]


def test_an_encrypted_folder_without_a_login_or_with_a_bad_password_is_one_line_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _run(home, "demo", "--households", "2", user=None).returncode == 0
    out = tmp_path / "x.sqlite3"
    anonymous = _one_line_error(_run(home, "db", "export-plain", "--out", str(out), user=None))
    assert ENV_USER in anonymous and ADMIN in anonymous  # who may log in
    bad = _one_line_error(_run(home, "db", "export-plain", "--out", str(out), password="wrong-password"))
    assert "密码" in bad
    # the register without its keystore (copied away alone, or the keys folder lost): locked, not garbage
    (home / "keys" / "keystore.json").unlink()
    locked = _one_line_error(_run(home, "db", "export-plain", "--out", str(out), user=None))
    assert "已加密" in locked
    assert not out.exists()


def test_a_plain_demo_folder_is_converted_at_the_first_login(tmp_path: Path) -> None:
    """A register from before accounts existed is plain; its first account (as the GUI's first-account dialog
    makes it) leaves it plain, and the first login encrypts it and seals the device keys, leaving no plain copy."""
    from fieldapp.services import demo
    from fieldapp.services.context import open_context
    from fieldapp.services.people.accounts import create_account

    home = tmp_path / "home"
    ctx = open_context(paths.DataPaths(home))
    try:
        demo.build_demo(ctx, households=3)
        create_account(ctx, ADMIN, ctx.settings["cadre_id"], ("admin", "leader"), ctx.settings["village_ids"],
                       DEMO_PASSWORD)
    finally:
        ctx.close()
    assert (home / "register.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert (home / "device" / "signing.pem").exists()
    out = tmp_path / "support.sqlite3"
    result = _run(home, "db", "export-plain", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert not (home / "register.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert not list((home / "device").glob("*.pem"))
    assert sorted(p.name for p in home.glob("register.sqlite3*")) == ["register.sqlite3"]
