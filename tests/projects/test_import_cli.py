"""``fieldapp import projects`` on a demo laptop: the template, a dry run, the import with its rejects workbook
beside the file, a re-import that changes nothing, and the exit codes of ``import households``."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldapp.cli.main import main
from fieldapp.services.projects.import_sheets import REASON_HEADER
from tests.projects.test_cli import _households


@pytest.fixture
def laptop(data_home: Path) -> None:
    assert main(["demo", "--households", "4"]) == 0


def test_import_projects_from_the_command_line(laptop: None, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    first = _households()[0]
    path = tmp_path / "项目库.xlsx"
    capsys.readouterr()
    assert main(["import", "projects", "--template", str(path)]) == 0
    assert "已生成项目库导入模板" in capsys.readouterr().out
    book = load_workbook(path)
    book["项目库"].append(["桃园村", "核桃园提质增效", "产业", "水果", "镇农业站", "2026-03-10", "2026-09-30",
                           "500000", "100000.55"])
    book["项目库"].append(["桃园村", "村组道路硬化", "基础设施", None, "镇交通站", "2026-04-01", "2026-08-30",
                           "300000"])
    book["项目库"].append(["桃园村", "自来水入户", "其他", None, "镇水利站", "2026-04-01", "2026-08-30", "12.345"])
    book["受益户"].append(["桃园村", "核桃园提质增效", first, None, "3000"])
    book.save(path)
    rejects = tmp_path / "项目库的被拒绝行.xlsx"

    assert main(["import", "projects", str(path), "--dry-run"]) == 3
    out = capsys.readouterr().out
    assert "拒绝\t第4行\t桃园村 自来水入户\tH列“上级资金”：金额最多两位小数（到分），现为“12.345”" in out
    assert "新增\t第2行，受益户第2行\t桃园村 核桃园提质增效\t预算 600,000.55元，受益户 1 户" in out
    assert "预览（未写入）：新增 2 个项目，更新 0 个，无变化 0 个，拒绝 1 个（1 行）" in out
    assert not rejects.exists()  # and the dry run wrote nothing:
    assert main(["project", "list"]) == 0 and "核桃园提质增效" not in capsys.readouterr().out

    assert main(["import", "projects", str(path)]) == 3
    captured = capsys.readouterr()
    assert "已导入：新增 2 个项目，更新 0 个" in captured.out and f"已保存到 {rejects}" in captured.out
    assert "注意：有 1 个项目被拒绝，未导入" in captured.err
    sheet = load_workbook(rejects)["项目库"]
    rows = list(sheet.values)
    assert rows[0][-1] == REASON_HEADER and rows[1][1] == "自来水入户" and "12.345" in rows[1][-1]

    assert main(["import", "projects", str(path), "--rejects", str(tmp_path / "r.xlsx")]) == 3
    assert "核对结果：新增 0 个项目，更新 0 个，无变化 2 个，拒绝 1 个（1 行）" in capsys.readouterr().out
    assert main(["project", "show", "核桃园提质增效"]) == 0
    shown = capsys.readouterr().out
    assert "总预算：600,000.55元" in shown and "受益户 1 户，计划金额合计 3,000.00元" in shown


def test_a_file_that_cannot_be_used_exits_1(laptop: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "项目库.xlsx"
    path.write_bytes(b"PK\x03\x04 cut short")
    capsys.readouterr()
    assert main(["import", "projects", str(path)]) == 1
    assert "错误：文件已损坏或不完整，无法作为 .xlsx 工作簿打开" in capsys.readouterr().err
    assert main(["import", "projects"]) == 2
    assert "请给出要导入的文件，或用 --template" in capsys.readouterr().err
