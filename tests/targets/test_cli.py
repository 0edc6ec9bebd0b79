"""``fieldapp targets`` and ``fieldapp village`` on a demo laptop, as the demo's accounts (the demo's own
targets and village years are of the last three years: these tests use 2021 and set 2024 again)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from fieldapp.cli.main import main
from tests.helpers.people import DEMO_PASSWORD, cli_user

DISTRICT, MEMBER = "区县审批员", "李秀红"


@pytest.fixture
def laptop(data_home: Path) -> None:
    assert main(["demo", "--households", "4"]) == 0


def test_the_district_imports_targets_and_everyone_lists_them(
        laptop: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "t.xlsx"
    assert main(["targets", "template", "--out", str(template), "--year", "2021"]) == 0
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["区域", "年度", "目标项目", "目标值"])
    sheet.append(["北宽坪镇/桃园村", 2021, "脱贫人数", 30])
    sheet.append(["北宽坪镇", 2021, "贫困村摘帽数", 2])
    sheet.append(["北宽坪镇/桃园村", 2021, "脱贫户数", "十"])
    book.save(tmp_path / "bad.xlsx")
    capsys.readouterr()

    cli_user(monkeypatch, DISTRICT, DEMO_PASSWORD)
    assert main(["targets", "import", str(tmp_path / "bad.xlsx")]) == 1
    out = capsys.readouterr()
    assert "第 4 行：目标值应为不小于0的整数：十" in out.err and "未导入任何目标" in out.err
    sheet.delete_rows(4)
    book.save(tmp_path / "good.xlsx")
    assert main(["targets", "import", str(tmp_path / "good.xlsx"), "--dry-run"]) == 0
    assert "预览（未写入）：2 条目标：新增 2" in capsys.readouterr().out
    assert main(["targets", "list", "--year", "2021"]) == 0
    assert "没有目标任务（2021年度）" in capsys.readouterr().out
    assert main(["targets", "import", str(tmp_path / "good.xlsx")]) == 0
    assert "已导入：写入 2 条目标" in capsys.readouterr().out

    cli_user(monkeypatch, MEMBER, DEMO_PASSWORD)
    assert main(["targets", "list", "--year", "2021", "--area", "桃园村"]) == 0
    out = capsys.readouterr().out
    assert "2021\t商洛市商州区/北宽坪镇/桃园村\t脱贫人数\t30人\t—（缺农村人口）" in out
    assert "贫困村摘帽数" not in out
    assert main(["targets", "import", str(tmp_path / "good.xlsx")]) == 1
    assert "下达年度目标任务" in capsys.readouterr().err  # the permission's label
    assert main(["targets", "list", "--area", "火星村"]) == 1
    assert "没有区域“火星村”" in capsys.readouterr().err


def test_the_leader_sets_the_village_year_and_sees_the_judgement(
        laptop: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["village", "set", "--year", "2024", "--poor", "yes", "--population", "3014", "--official", "1.2",
                 "--income", "4.5万", "--met", "road,water,electricity,clinic,school"]) == 0
    out = capsys.readouterr().out
    assert "贫困村：是" in out and "农村人口：3014" in out and "村集体经济收入：45000.00元" in out
    assert "贫困发生率（官方）：1.20%" in out
    assert "未达到贫困村退出标准" in out and "村集体经济收入 45000元 未达到 50000元" in out
    assert "通宽带网络未达标" in out
    assert main(["village", "set", "--year", "2024", "--income", "none", "--met", "airport"]) == 1
    assert "没有指标 airport" in capsys.readouterr().err
    assert main(["village", "set", "--year", "2024", "--official", "2.345"]) == 1
    assert "两位小数" in capsys.readouterr().err
    cli_user(monkeypatch, MEMBER, DEMO_PASSWORD)
    assert main(["village", "set", "--year", "2024", "--note", "x"]) == 1
    assert "村级年度情况" in capsys.readouterr().err  # the permission's label names what is refused
    assert main(["village", "show", "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "贫困发生率（本系统计算）：" in out and "%（贫困人口" in out
