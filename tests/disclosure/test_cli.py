"""``fieldapp disclosure …`` and ``fieldapp print disclosure`` on a demo laptop: a project notice issued from
the ledger, too short a period refused, printed, posted, objected to and the objection handled; the notice shown
out of date once the ledger changes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.cli.main import main
from tests.helpers.people import DEMO_LEADER, DEMO_PASSWORD, cli_user, logged_in

TOWNSHIP = "乡镇审核员"
TODAY = dt.date.today()


@pytest.fixture
def laptop(data_home: Path) -> None:
    assert main(["demo", "--households", "4"]) == 0


def _first_household() -> str:
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        return str(ctx.db.scalar("SELECT hh_no FROM household WHERE deleted = 0 ORDER BY hh_no LIMIT 1"))
    finally:
        ctx.close()


def test_a_project_notice_from_the_command_line(laptop: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    first = _first_household()
    cli_user(monkeypatch, DEMO_LEADER, DEMO_PASSWORD)
    assert main(["project", "add", "--area", "桃园村", "--name", "公示测试项目", "--type", "industry",
                 "--unit", "镇农业站", "--budget", "superior=50万,local_finance=10万",
                 "--start", TODAY.isoformat()]) == 0
    cli_user(monkeypatch, TOWNSHIP, DEMO_PASSWORD)
    assert main(["project", "status", "公示测试项目", "approve", "--amount", "55万", "--date", TODAY.isoformat()]) == 0
    cli_user(monkeypatch, DEMO_LEADER, DEMO_PASSWORD)
    assert main(["project", "beneficiary", "公示测试项目", first, "--amount", "3000.5"]) == 0
    capsys.readouterr()
    out = tmp_path / "project.pdf"
    issue = ["print", "disclosure", "--kind", "project", "--project", "公示测试项目", "--contact", "村委会 王主任 139",
             "--out", str(out)]
    assert main([*issue, "--days", "9"]) == 1
    assert "公示期 9 天太短：资金公示的公示期不得少于 10 天" in capsys.readouterr().err and not out.exists()
    assert main(issue) == 0
    printed = capsys.readouterr().out
    assert "已签发项目公示（桃园村 公示测试项目" in printed and "共 10 天" in printed
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                               check=True).stdout)
    assert "3,000.50" in text and "550,000.00" in text and not re.search(r"\d{17}", text)
    notice = re.search(r"公示标识 ([0-9a-f-]{36})", printed).group(1)  # type: ignore[union-attr]

    assert main(["disclosure", "post", notice[-8:], "--on", TODAY.isoformat()]) == 0
    assert main(["disclosure", "objection", "add", notice[-8:], "--from", "村民甲", "--content", "补助偏高",
                 "--received", TODAY.isoformat(), "--household", first]) == 0
    objection = re.search(r"objection handle (\w{8})", capsys.readouterr().out).group(1)  # type: ignore[union-attr]
    assert main(["disclosure", "objection", "list", "--open"]) == 0 and "补助偏高" in capsys.readouterr().out
    assert main(["disclosure", "objection", "handle", objection, "--result", "dismissed",
                 "--handling", "核实：按标准补助"]) == 0
    assert "已办结异议" in capsys.readouterr().out
    assert main(["disclosure", "objection", "list", "--open"]) == 0 and capsys.readouterr().out == ""
    assert main(["disclosure", "show", notice[-8:]]) == 0
    assert "公示数字与现账目一致" in capsys.readouterr().out

    assert main(["project", "beneficiary", "公示测试项目", first, "--amount", "3000.51"]) == 0
    capsys.readouterr()
    assert main(["disclosure", "show", notice[-8:]]) == 3
    shown = capsys.readouterr().out
    assert "公示已过时" in shown and "公示 3,000.50元，现账目 3,000.51元" in shown
    again = tmp_path / "again.pdf"
    assert main(["print", "disclosure", "--id", notice[-8:], "--out", str(again)]) == 0
    assert "公示已过时" in capsys.readouterr().err
