"""``fieldapp --self-test`` from source: every step passes, nothing of the user's is touched, failures are named."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import __version__, selftest
from tests.release.conftest import ROOT

STEP_NAMES = [name for name, _func in selftest.STEPS]


def _source_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, FIELDAPP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    return env


def test_self_test_passes_every_step_and_leaves_the_data_folder_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"  # the user's data folder: the self-test must not create or touch it
    work = tmp_path / "tmp"
    work.mkdir()
    env = _source_env(home) | {"TMPDIR": str(work)}
    result = subprocess.run([sys.executable, "-m", "fieldapp", "--self-test"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"自检：FieldApp {__version__}（源码版")
    for number, name in enumerate(STEP_NAMES, start=1):
        assert any(line.startswith(f"[{number}/{len(STEP_NAMES)}] {name} …… 通过") for line in lines), name
    assert "门牌 PDF" in result.stdout and "已由区县端导入" in result.stdout and "平台 offscreen" in result.stdout
    assert lines[-1].startswith(f"自检通过：{len(STEP_NAMES)} 项全部通过")
    assert not home.exists()
    assert list(work.iterdir()) == []  # its temporary folder is gone


def test_a_failing_step_is_named_and_the_exit_code_is_1(tmp_path: Path) -> None:
    out = io.StringIO()
    # the household step on its own: there is no open database to write to
    code = selftest.run(out, workdir=tmp_path, steps=[("新建农户", selftest.step_household)])
    assert code == 1
    text = out.getvalue()
    assert "[1/1] 新建农户 …… 失败" in text and "数据库没有打开" in text
    assert text.splitlines()[-1].startswith("自检失败：新建农户")
    assert list(tmp_path.iterdir()) == []


def test_steps_after_a_failure_do_not_run(tmp_path: Path) -> None:
    out = io.StringIO()
    steps = [("新建农户", selftest.step_household), ("打开新数据库", selftest.step_database)]
    assert selftest.run(out, workdir=tmp_path, steps=steps) == 1
    assert "打开新数据库" not in out.getvalue()


def test_an_unusable_temporary_folder_fails_with_its_reason(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = io.StringIO()
    assert selftest.run(out, workdir=blocker / "sub", steps=selftest.STEPS[:1]) == 1
    assert "无法使用临时文件夹" in out.getvalue()
    assert out.getvalue().splitlines()[-1].startswith("自检失败：准备临时文件夹")


def test_the_core_steps_pass_in_process_and_leave_no_log_file_behind(tmp_path: Path) -> None:
    out = io.StringIO()
    assert selftest.run(out, workdir=tmp_path, steps=selftest.STEPS[:4]) == 0, out.getvalue()
    for number, (name, _func) in enumerate(selftest.STEPS[:4], start=1):
        assert f"[{number}/4] {name} …… 通过" in out.getvalue()
    assert list(tmp_path.iterdir()) == []
    # the temporary folder's log file is closed, not left as the process's log
    handlers = [getattr(h, "baseFilename", "") for h in logging.getLogger("fieldapp").handlers]
    assert not [h for h in handlers if h and str(tmp_path) in h]


def test_door_cards_in_bulk_are_drawn_by_a_child_process_and_counted(tmp_path: Path) -> None:
    out = io.StringIO()
    steps = [("打开新数据库", selftest.step_database), ("新建农户", selftest.step_household)]
    assert selftest.run(out, workdir=tmp_path, steps=steps, cards=3) == 0, out.getvalue()
    assert "[3/3] 批量打印 3 张门牌（子进程） …… 通过" in out.getvalue()
    assert "3 张门牌由子进程绘制，3 页" in out.getvalue()
    with pytest.raises(ValueError, match="1–999"):
        selftest.card_batch_step(1000)


def test_version_is_reported() -> None:
    result = subprocess.run([sys.executable, "-m", "fieldapp", "--version"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"FieldApp {__version__}"
