"""Every ``fieldapp`` command that writes a file, pointed where it cannot write: one line, exit 1, no traceback.

Tests run as root, which ignores permission bits, so "cannot write" is made in ways root respects:
a path that runs through a regular file (ENOTDIR), a folder that does not exist, and (where the
file system supports it) a folder made immutable with ``chattr +i`` (EPERM even for root). The
first two run as real processes, as a script or the installed build would; the immutable folder
runs in-process (the same entry point), to keep the test short.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.services import demo
from fieldapp.services.context import open_context
from tests.helpers.idgen import resident_id


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A demo data folder, a department list, a workbook with a rejected household; ids to name."""
    root = tmp_path_factory.mktemp("errors")
    home = root / "home"
    ctx = open_context(paths.DataPaths(home.resolve()))
    try:
        demo.build_demo(ctx, households=3, seed=2)
        household = str(ctx.db.scalar("SELECT hh_no FROM household ORDER BY hh_no LIMIT 1"))
        cadre = str(ctx.db.scalar("SELECT name FROM cadre ORDER BY name LIMIT 1"))
    finally:
        ctx.close()
    listing = Workbook()
    listing.active.append(["姓名", "身份证号码"])
    listing.active.append(["不在册", resident_id(7)])
    listing.save(root / "list.xlsx")
    book = Workbook()
    book.active.append(["行政村", "户编号", "姓名", "证件号码", "与户主关系", "主要致贫原因"])
    book.active.append(["东村", "6110021050009999", "乙", "6.12501E+17", "户主", "因病"])
    book.save(root / "book.xlsx")
    return {"home": str(home), "root": str(root), "household": household, "cadre": cadre}


def commands(p: dict[str, str], out: str) -> list[list[str]]:
    """Each command that writes a file, its output at ``out`` (+ the suffix it needs)."""
    root, hh, cadre = p["root"], p["household"], p["cadre"]
    return [
        ["print", "cards", "--out", out + ".pdf"],
        ["print", "household", hh, "--out", out + ".pdf"],
        ["print", "notice", "--households", hh, "--kind", "entry", "--start", "2025-01-01", "--end", "2025-01-10",
         "--contact", "村委会 0914-1234567", "--out", out + ".pdf"],
        ["print", "ledger", "--out", out + ".pdf"],
        ["print", "archive", "--cadre", cadre, "--year", "2025", "--out", out + ".pdf"],
        ["export", "households", "--out", out + ".xlsx"],
        ["export", "ledger", "--out", out + ".xlsx"],
        ["export", "archive", "--cadre", cadre, "--year", "2025", "--out", out + ".xlsx"],
        ["export", "attendance", "--year", "2025", "--out", out + ".xlsx"],
        ["export", "notice", "--households", hh, "--kind", "exit", "--out", out + ".xlsx"],
        ["check-list", f"{root}/list.xlsx", "--kind", "dibao", "--out", out + ".xlsx"],
        ["check-list", f"{root}/list.xlsx", "--kind", "dibao", "--out", f"{root}/report.xlsx", "--pdf", out + ".pdf"],
        ["import", "households", f"{root}/book.xlsx", "--dry-run", "--rejects", out + ".xlsx"],
        ["sync", "export", "--to", out],
    ]


def checked_first(p: dict[str, str], out: str) -> list[list[str]]:
    """Commands whose output option is refused before they read anything (the package here does not exist)."""
    return [["sync", "import", f"{p['root']}/none.fapk", "--reply-to", out + "/replies"]]


def _check(code: int, err: str, where: str, argv: list[str]) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1, f"fieldapp {' '.join(argv)} → {code}\n{err}"
    assert "Traceback" not in err, err
    assert len(lines) == 1 and lines[0].startswith("错误："), f"fieldapp {' '.join(argv)}:\n{err}"
    assert where in lines[0], f"the message does not name {where}: {lines[0]}"


@pytest.mark.parametrize("case", ["under-a-file", "missing-folder"])
def test_every_writing_command_in_a_real_process(prepared: dict[str, str], tmp_path: Path, case: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    base = blocker if case == "under-a-file" else tmp_path / "no-such-folder"
    env = {**os.environ, paths.ENV_HOME: prepared["home"], "QT_QPA_PLATFORM": "offscreen"}
    for argv in commands(prepared, str(base / "out")) + checked_first(prepared, str(base / "out")):
        result = subprocess.run([sys.executable, "-m", "fieldapp", *argv], env=env, capture_output=True, text=True,
                                timeout=120, check=False)
        _check(result.returncode, result.stderr, str(base), argv)
    assert not (tmp_path / "no-such-folder").exists()  # nothing was created on the way


@pytest.mark.parametrize("argv", [["demo", "--households", "2"], ["refdata", "export", "poverty_cause"],
                                  ["setup", "--district", "商州区", "--town", "北宽坪镇", "--village", "东村",
                                   "--cadre", "王伟"]])
def test_a_data_folder_that_cannot_be_made_in_a_real_process(tmp_path: Path, argv: list[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    env = {**os.environ, paths.ENV_HOME: str(blocker / "FieldAppData"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "fieldapp", *argv], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    _check(result.returncode, result.stderr, str(blocker), argv)
    assert "数据文件夹" in result.stderr


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write into, root included (``chattr +i``); skipped where unsupported."""
    folder = tmp_path / "locked"
    folder.mkdir()
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True, check=False).returncode:
        pytest.skip("chattr +i is not available on this file system")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def test_every_writing_command_into_an_immutable_folder(prepared: dict[str, str], immutable: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(paths.ENV_HOME, prepared["home"])
    for argv in commands(prepared, str(immutable / "out")):
        code = main(argv)
        _check(code, capsys.readouterr().err, str(immutable), argv)
    assert list(immutable.iterdir()) == []


def test_portable_mode_from_a_read_only_install_folder(immutable: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    monkeypatch.setattr(paths, "program_dir", lambda: immutable)  # as if installed in a read-only /opt/fieldapp
    assert main(["--portable", "demo", "--households", "2"]) == 1
    err = capsys.readouterr().err
    _check(1, err, str(immutable / "FieldAppData"), ["--portable", "demo"])
    assert "便携模式" in err and "--portable" in err
