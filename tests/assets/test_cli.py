"""``fieldapp asset`` on a demo laptop: the demo's ledger is there (its own accepted project, signed acceptance);
the team leader records an asset, a year's income split to the fen among households and a signed damage; a
project not accepted makes no asset; the ledger prints (PDF) and exports (.xlsx) with the same figures, to the fen;
``asset household`` gives a household's shares and yearly totals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.services.assets import records
from fieldapp.services.demo_assets import SOLAR, make_demo_assets
from tests.helpers.people import DEMO_LEADER, DEMO_PASSWORD, cli_user, logged_in


@pytest.fixture
def laptop(data_home: Path) -> None:
    assert main(["demo", "--households", "4"]) == 0


def test_the_asset_ledger_from_the_command_line(laptop: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    cli_user(monkeypatch, DEMO_LEADER, DEMO_PASSWORD)
    capsys.readouterr()
    assert main(["asset", "list"]) == 0 and "村级光伏电站（100千瓦）" in capsys.readouterr().out  # the library's
    ctx = logged_in(paths.resolve(), "乡镇审核员", DEMO_PASSWORD)
    try:
        before = records.count(ctx.db)
        assert len(make_demo_assets(ctx, [], today=date(2026, 6, 1))) == 2  # its project, accepted and signed
        [solar] = [line for line in records.ledger(ctx.db) if line.name == SOLAR]
        assert solar.distributed * 100 // solar.income in (79, 80)  # 80% of each year's income, to the fen
        with ctx.db.read() as conn:
            households = [str(r[0]) for r in conn.exec_driver_sql(
                "SELECT hh_no FROM household WHERE deleted = 0 ORDER BY hh_no")]
        assert make_demo_assets(ctx, [], today=date(2026, 6, 1)) == []  # idempotent
        assert records.count(ctx.db) == before + 2
        [fence] = [line.id for line in records.ledger(ctx.db)
                   if line.name == "电站围栏及检修便道" and line.project_name == solar.project_name]
    finally:
        ctx.close()
    assert main(["asset", "list"]) == 0
    out = capsys.readouterr().out
    assert SOLAR in out and "电站围栏及检修便道" in out and f"合计 {before + 2} 项" in out

    assert main(["project", "add", "--area", "桃园村", "--name", "产业路", "--type", "infrastructure", "--unit",
                 "镇交管站", "--budget", "superior=10万"]) == 0
    capsys.readouterr()
    assert main(["asset", "add", "产业路", "--name", "产业路", "--kind", "public", "--value", "10万",
                 "--manager", "村委会"]) == 1
    assert "错误：项目“产业路”处于“储备”，验收合格（已验收）后才能登记资产" in capsys.readouterr().err

    assert main(["asset", "add", SOLAR, "--name", "储能柜", "--kind", "operating", "--value", "1万",
                 "--manager", "村股份经济合作社"]) == 1
    assert "超过项目“桃园村 100kW 村级光伏扶贫电站”批复金额 480,000.00元" in capsys.readouterr().err
    assert main(["asset", "income", fence[-8:], "--year", "2030", "--amount", "1000.01",
                 "--split", ",".join(households[:3])]) == 0
    assert "平均分配给 3 户" in capsys.readouterr().out
    assert main(["asset", "distribute", fence[-8:], "--year", "2030", "--share",
                 f"{households[0]}=1000"]) == 1
    assert "超过当年收益 1,000.01元（超出 666.66元）" in capsys.readouterr().err
    assert main(["asset", "household", households[0]]) == 0
    out = capsys.readouterr().out
    assert "电站围栏及检修便道" in out and "2030年合计 333.34元" in out

    cli_user(monkeypatch, "乡镇审核员", DEMO_PASSWORD)
    assert main(["asset", "damage", "光伏", "--date", "2030-07-01", "--reason", "雷击"]) == 1
    assert "没有资产“光伏”" in capsys.readouterr().err
    assert main(["asset", "dispose", SOLAR, "--date", "2030-07-01", "--reason", "组件老化，报废"]) == 0
    assert "已登记处置并签字，验证码" in capsys.readouterr().out
    assert main(["asset", "show", SOLAR]) == 0
    out = capsys.readouterr().out
    assert "处置 2030-07-01：组件老化，报废" in out and "签字：有效，内容未变（乡镇审核员" in out

    _ledger_files(tmp_path)


def _ledger_files(tmp_path: Path) -> None:
    """The printed and exported ledgers: the workbook's totals and shares agree with the register to the fen."""
    pdf, book = tmp_path / "assets.pdf", tmp_path / "assets.xlsx"
    assert main(["print", "assets", "--out", str(pdf)]) == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert main(["export", "assets", "--out", str(book)]) == 0
    sheet = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("资产台账").to_python()
    total = sheet[-1]
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        lines = records.ledger(ctx.db)
    finally:
        ctx.close()
    assert total[0] == "合计" and round(total[5] * 100) == sum(a.value for a in lines)
    assert round(total[11] * 100) == sum(a.income for a in lines)
    assert round(total[12] * 100) == sum(a.distributed for a in lines)
    shares = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("分配到户明细").to_python()[1:]
    assert round(sum(r[5] for r in shares) * 100) == sum(a.distributed for a in lines)
