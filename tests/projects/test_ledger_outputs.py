"""The ledgers as .xlsx and PDF and from the command line: the workbook's numbers are the ledger's to the fen, the
PDF prints the totals and every voucher, and ``fieldapp project funds`` tells where each channel's money went."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.services.context import AppContext
from fieldapp.services.excel.project_ledgers import export_fund_ledger, export_project_ledger
from fieldapp.services.printing.project_ledgers import render_fund_ledger, render_project_ledger
from fieldapp.services.projects import ledgers
from tests.printing import pdftools
from tests.projects.conftest import World


def _fen(value: object) -> int:
    return round(float(value) * 100)  # type: ignore[arg-type]


def test_the_project_workbook_holds_the_ledgers_numbers(ctx: AppContext, world: World, library: dict[str, str],
                                                        tmp_path: Path) -> None:
    out = tmp_path / "projects.xlsx"
    ledger = export_project_ledger(ctx, world.town, out)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["项目台账", "按村汇总"]
    rows = list(book["项目台账"].iter_rows(values_only=True))
    head = rows[0]
    col = {name: i for i, name in enumerate(head)}
    assert [r[col["项目名称"]] for r in rows[1:-1]] == [p.name for p in ledger.lines]
    for row, line in zip(rows[1:-1], ledger.lines, strict=True):
        assert _fen(row[col["已拨付-上级"]]) == line.disbursed.get("superior", 0)
        assert _fen(row[col["已拨付合计"]]) == line.disbursed_total
        assert _fen(row[col["预算合计"]]) == line.budget_total
    total = rows[-1]
    assert total[0] == "合计" and _fen(total[col["已拨付合计"]]) == ledger.total.disbursed_total
    assert _fen(total[col["已拨付-金融（贴息、担保）"]]) == 3_333_333
    areas = list(book["按村汇总"].iter_rows(values_only=True))
    assert [r[0] for r in areas[1:]] == ["北宽坪镇", "东村", "西村", "合计"]
    assert sum(_fen(r[-1]) for r in areas[1:-1]) == _fen(areas[-1][-1]) == ledger.total.disbursed_total


def test_the_fund_workbook_lists_every_voucher(ctx: AppContext, world: World, library: dict[str, str],
                                               tmp_path: Path) -> None:
    out = tmp_path / "funds.xlsx"
    ledger = export_fund_ledger(ctx, world.town, out, year=2026)
    book = load_workbook(out, read_only=True)
    paid = list(book["拨付明细"].iter_rows(values_only=True))
    assert [r[-1] for r in paid[1:-1]] == [d.voucher_no for d in ledger.disbursements]
    assert "记-003" not in [r[-1] for r in paid]  # paid in 2027
    assert _fen(paid[-1][5]) == ledger.disbursed == sum(_fen(r[5]) for r in paid[1:-1])
    years = list(book["按年度和渠道"].iter_rows(values_only=True))
    assert years[-1][0] == "合计" and _fen(years[-1][-1]) == ledger.disbursed


def test_the_pdfs_print_the_totals_and_the_vouchers(ctx: AppContext, world: World, library: dict[str, str],
                                                    tmp_path: Path) -> None:
    day = dt.date(2026, 12, 1)
    projects = render_project_ledger(ctx, world.town, tmp_path / "projects.pdf", today=day)
    text = pdftools.text(tmp_path / "projects.pdf")
    assert "北宽坪镇帮扶项目台账" in text and "按村（乡镇）汇总" in text
    assert "4 个项目" in text and "661,111.09" in text  # everything disbursed, with its odd fen
    assert projects.total.disbursed_total == 661_111_09
    funds = render_fund_ledger(ctx, world.town, tmp_path / "funds.pdf", today=day)
    text = pdftools.text(tmp_path / "funds.pdf")
    for d in funds.disbursements:
        assert d.voucher_no in text
    assert f"{len(funds.disbursements)}笔" in text.replace(" ", "") and len(funds.disbursements) == 8
    pdftools.qpdf_ok(tmp_path / "funds.pdf")


def test_the_commands(ctx: AppContext, world: World, library: dict[str, str], tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    assert paths.resolve() == ctx.paths
    assert main(["export", "projects", "--town", "北宽坪镇", "--out", str(tmp_path / "p.xlsx")]) == 0
    assert "已导出北宽坪镇项目台账（4 个项目）" in capsys.readouterr().out
    assert main(["export", "funds", "--village", "东村", "--year", "2027", "--out", str(tmp_path / "f.xlsx")]) == 0
    assert "已导出东村2027年资金台账（1 笔拨付）" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:  # not a workbook's name
        main(["export", "funds", "--out", str(tmp_path / "f.pdf")])
    assert usage.value.code == 2
    assert "应以 .xlsx 结尾" in capsys.readouterr().err
    assert main(["print", "projects", "--district", "--out", str(tmp_path / "p.pdf")]) == 0
    assert main(["print", "funds", "--village", "东村", "--year", "2026", "--out", str(tmp_path / "f.pdf")]) == 0
    assert "按乡镇汇总" in pdftools.text(tmp_path / "p.pdf")
    capsys.readouterr()
    assert main(["print", "funds", "--village", "南村", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "没有村“南村”" in capsys.readouterr().err
    assert main(["project", "funds", "--village", "东村"]) == 0
    out = capsys.readouterr().out
    assert "东村 涉农资金整合（全部年度" in out
    assert "上级\t500,000.00\t350,000.01\t0.00" in out
    assert "  核桃园提质增效\t450,000.00\t上级 350,000.01，本级财政 99,999.99" in out
    view = ledgers.integrated_funds(ctx.db, world.east)
    assert sum(view.disbursed.values()) == 45_000_000


def test_the_household_file_prints_each_measures_project_and_the_yearly_totals(
        ctx: AppContext, world: World, library: dict[str, str], tmp_path: Path) -> None:
    from fieldapp.services.printing.household_file import render_household_file
    from fieldapp.services.projects import service
    from fieldapp.store.models import Measure

    with ctx.writer.transaction() as txn:
        linked = txn.insert(Measure, {"household_id": world.a, "type": "industry", "content": "核桃苗200株",
                                      "amount": 12_000_01, "fund_channel": "superior", "date": dt.date(2026, 4, 10)})
        txn.insert(Measure, {"household_id": world.a, "type": "education", "content": "雨露计划",
                             "amount": 3_000_00, "fund_channel": "local_finance", "date": dt.date(2025, 9, 1)})
        txn.insert(Measure, {"household_id": world.a, "type": "health", "content": "医疗救助",
                             "amount": 99, "fund_channel": "superior", "date": dt.date(2026, 5, 1)})
    service.link_measure(ctx, linked, library["walnut"])
    out = tmp_path / "file.pdf"
    render_household_file(ctx, world.a, out)
    text = pdftools.text(out, layout=True)
    assert "项目：核桃园提质增效" in "".join(pdftools.text(out).split())  # wrapped in its cell
    assert "每年帮扶资金（按资金渠道，元）" in text
    rows = {line.split()[0]: line.split()[1:] for line in text.splitlines()
            if line.strip().startswith(("2025年", "2026年", "合计"))}
    assert rows["2025年"] == ["3,000.00", "3,000.00"]  # 本级财政; the year's total
    assert rows["2026年"] == ["12,001.00", "12,001.00"]  # 上级 12,000.01 + 0.99
    assert rows["合计"][-3:] == ["12,001.00", "3,000.00", "15,001.00"]
