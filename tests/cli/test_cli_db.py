"""``fieldapp db export-plain`` and an encrypted data folder from the command line (real processes)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from fieldapp import paths
from fieldapp.services.context import ENV_VAULT_KEY

VAULT_HEX = bytes(range(32)).hex()


def _run(home: Path, *args: str, key: str | None = VAULT_HEX) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, paths.ENV_HOME: str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop(ENV_VAULT_KEY, None)
    if key is not None:
        env[ENV_VAULT_KEY] = key
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def test_export_plain_of_an_encrypted_register(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _run(home, "demo", "--households", "5").returncode == 0
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


def test_an_encrypted_folder_without_the_key_or_with_a_bad_key_is_one_line_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _run(home, "demo", "--households", "2").returncode == 0
    (home / "keys" / "keystore.json").unlink()  # no account to log in with: only FIELDAPP_VAULT_KEY opens it
    locked = _run(home, "db", "export-plain", "--out", str(tmp_path / "x.sqlite3"), key=None)
    assert locked.returncode == 1 and "已加密" in locked.stderr and "Traceback" not in locked.stderr
    bad = _run(home, "db", "export-plain", "--out", str(tmp_path / "x.sqlite3"), key="zz")
    assert bad.returncode == 1 and ENV_VAULT_KEY in bad.stderr
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_plain_set_up_folder_is_converted_when_a_key_first_comes(tmp_path: Path) -> None:
    home = tmp_path / "home"  # set up without a first account: plain (the demo makes accounts, so encrypts)
    made = _run(home, "setup", "--district", "商州区", "--town", "北宽坪镇", "--village", "东村", "--cadre", "王伟",
                key=None)
    assert made.returncode == 0, made.stderr
    assert (home / "register.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert (home / "device" / "signing.pem").exists()
    out = tmp_path / "support.sqlite3"
    assert _run(home, "db", "export-plain", "--out", str(out)).returncode == 0
    assert not (home / "register.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert not list((home / "device").glob("*.pem"))
    assert sorted(p.name for p in home.glob("register.sqlite3*")) == ["register.sqlite3"]
