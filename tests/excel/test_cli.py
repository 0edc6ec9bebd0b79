"""``fieldapp import`` / ``export`` / ``check-list`` on a real data folder: exit codes, messages, files."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.services.context import AppContext
from fieldapp.store.models import ChangeLog
from tests.excel.conftest import household, person, pid
from tests.excel.test_read import compound_file


def _changes(ctx: AppContext) -> int:
    with ctx.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(ChangeLog.__table__)).scalar() or 0)


@pytest.fixture
def book(xlsx_file: Callable[..., Path]) -> Path:
    good = household("6110021050000081", [person("甲", pid(81)), person("甲妻", pid(82), "配偶")])
    bad = household("6110021050000082", [person("乙", "6.12501E+17")])
    return xlsx_file([good, bad])


def test_import_dry_run_then_apply_then_again(ctx: AppContext, book: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = _changes(ctx)
    rejects = tmp_path / "拒绝.xlsx"
    assert main(["import", "households", str(book), "--dry-run", "--rejects", str(rejects)]) == 3  # partly rejected
    out = capsys.readouterr().out
    assert "拒绝\t第4行\t户编号 6110021050000082（户主 乙）\t第4行 证件号码是科学计数法" in out
    assert "预览（未写入）：新增 1 户（2 人），更新 0 户，无变化 0 户，拒绝 1 户（1 行）" in out
    assert f"被拒绝的 1 行已保存到 {rejects}" in out
    assert _changes(ctx) == before
    assert load_workbook(rejects).sheetnames == ["被拒绝的行", "说明"]

    assert main(["import", "households", str(book)]) == 3
    captured = capsys.readouterr()
    assert "已导入：新增 1 户 2 人，更新 0 户" in captured.out
    assert "有 1 户被拒绝，未导入" in captured.err
    after = _changes(ctx)
    assert after == before + 3

    assert main(["import", "households", str(book), "--all"]) == 3
    out = capsys.readouterr().out
    assert "无变化\t第2–3行\t户编号 6110021050000081（户主 甲）" in out and "没有需要写入的内容" in out
    assert _changes(ctx) == after


def test_import_exit_codes_tell_all_in_partly_rejected_and_nothing_valid(
        ctx: AppContext, xlsx_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    good = household("6110021050000091", [person("甲", pid(91))])
    bad = household("6110021050000092", [person("乙", "6.12501E+17")])
    worse = household("6110021050000093", [person("丙", pid(93)[:17] + "0"), person("丙子", pid(94), "之子")])
    before = _changes(ctx)
    for dry in (["--dry-run"], []):
        assert main(["import", "households", str(xlsx_file([bad, worse])), *dry]) == 1
        err = capsys.readouterr().err
        assert "表中没有一户有效的农户（2 户全部被拒绝），未导入" in err
        assert _changes(ctx) == before
    assert main(["import", "households", str(xlsx_file([{"行政村": "合计"}])), "--dry-run"]) == 1
    assert "没有找到农户" in capsys.readouterr().err
    assert main(["import", "households", str(xlsx_file([good, bad])), "--dry-run"]) == 3
    assert main(["import", "households", str(xlsx_file([good]))]) == 0
    assert main(["import", "households", str(xlsx_file([good, bad]))]) == 3  # "unchanged" counts as valid
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["import", "households", "--help"])
    assert "退出码" in capsys.readouterr().out


def test_files_that_cannot_be_imported_exit_1_with_the_reason(ctx: AppContext, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = _changes(ctx)
    locked = compound_file(tmp_path / "加密.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    assert main(["import", "households", str(locked)]) == 1
    assert "错误：工作簿受密码保护" in capsys.readouterr().err
    text = tmp_path / "a.xlsx"
    text.write_text("随便写的文字", encoding="utf-8")
    assert main(["import", "households", str(text)]) == 1
    assert "扩展名是“.xlsx”" in capsys.readouterr().err
    wb = Workbook()
    wb.active.append(["名称", "数量"])
    wb.save(tmp_path / "no-header.xlsx")
    assert main(["import", "households", str(tmp_path / "no-header.xlsx")]) == 1
    assert "找不到可识别的表头" in capsys.readouterr().err
    assert main(["import", "households", str(tmp_path / "x.xlsx"), "--village", "南村"]) == 1
    assert "没有村“南村”" in capsys.readouterr().err
    assert _changes(ctx) == before
    with pytest.raises(SystemExit) as usage:
        main(["export", "households", "--out", str(tmp_path / "x.csv")])
    assert usage.value.code == 2 and "输出文件应以 .xlsx 结尾" in capsys.readouterr().err


def test_export_and_check_list(ctx: AppContext, make_household: Callable[..., str], tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    make_household("导出户", members=3)
    out = tmp_path / "农户.xlsx"
    assert main(["export", "households", "--out", str(out)]) == 0
    assert f"已导出 1 户 3 人：{out}" in capsys.readouterr().out
    assert main(["import", "households", str(out), "--dry-run"]) == 0
    assert "无变化 1 户" in capsys.readouterr().out
    for args in (["ledger"], ["attendance", "--year", "2025"], ["archive", "--cadre", "王伟", "--year", "2025"]):
        target = tmp_path / f"{args[0]}.xlsx"
        assert main(["export", *args, "--out", str(target)]) == 0, capsys.readouterr().err
        assert target.exists()
    assert main(["export", "archive", "--cadre", "无此人", "--year", "2025", "--out", str(out)]) == 1
    assert "找不到干部“无此人”" in capsys.readouterr().err

    wb = Workbook()
    wb.active.append(["姓名", "身份证号码"])
    wb.active.append(["不在册", pid(999)])
    wb.save(tmp_path / "低保.xlsx")
    report, pdf = tmp_path / "报告.xlsx", tmp_path / "报告.pdf"
    assert main(["check-list", str(tmp_path / "低保.xlsx"), "--kind", "dibao", "--out", str(report),
                 "--pdf", str(pdf)]) == 0
    out_text = capsys.readouterr().out
    assert "低保名单与建档立卡登记册比对：名单 1 人，相符 0 人；在名单中，但登记册中查无此人 1 人" in out_text
    assert report.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_a_real_process(ctx: AppContext, book: Path, data_home: Path) -> None:
    env = {**os.environ, paths.ENV_HOME: str(data_home)}
    result = subprocess.run([sys.executable, "-m", "fieldapp", "import", "households", str(book), "--dry-run"],
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 3, result.stderr  # one household of the book is rejected
    assert "预览（未写入）" in result.stdout
    result = subprocess.run([sys.executable, "-m", "fieldapp", "check-list", str(book), "--kind", "tekun", "--out",
                             str(book.with_suffix(".txt"))], env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 2 and "输出文件应以 .xlsx 结尾" in result.stderr
