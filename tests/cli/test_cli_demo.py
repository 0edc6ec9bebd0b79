"""``fieldapp demo`` end to end: a real process, a real data folder, exit codes and messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldapp import paths
from fieldapp.services.people.auth import login, open_for
from tests.helpers.people import DEMO_LEADER, DEMO_PASSWORD


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, paths.ENV_HOME: str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def _households(home: Path) -> int:
    """The households in the demo's register: encrypted at rest (the demo logs in once), read after a login."""
    assert not (home / "register.sqlite3").read_bytes().startswith(b"SQLite format 3")
    data = paths.DataPaths(home=home)
    ctx = open_for(data, login(data, DEMO_LEADER, DEMO_PASSWORD))
    try:
        return int(str(ctx.db.scalar("SELECT count(*) FROM household")))
    finally:
        ctx.close()


def test_demo_builds_the_asked_number_of_households(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = _run(home, "demo", "--households", "50", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "已生成演示村：50户" in result.stdout
    assert str(home / "register.sqlite3") in result.stdout
    assert _households(home) == 50
    assert "生成中" not in result.stderr  # progress only on a terminal


def test_if_missing_leaves_a_populated_register_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _run(home, "demo", "--households", "20", "--seed", "1").returncode == 0
    result = _run(home, "demo", "--households", "30", "--if-missing")
    assert result.returncode == 0, result.stderr
    assert "本机已有账户，未生成演示数据" in result.stdout  # the first demo made accounts and encrypted the register
    assert _households(home) == 20


def test_if_missing_builds_into_an_empty_register(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = _run(home, "demo", "--households", "10", "--if-missing")
    assert result.returncode == 0, result.stderr
    assert _households(home) == 10


def test_zero_households_is_bad_usage(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = _run(home, "demo", "--households", "0")
    assert result.returncode == 2
    assert "户数必须大于0" in result.stderr
    assert not (home / "register.sqlite3").exists()
