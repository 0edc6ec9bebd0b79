"""The ledgers of the visits and printing issues as .xlsx: 村台账, 公示名单, 包扶纪实档案, 驻村考勤."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from fieldapp.services import register
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.excel.ledgers import export_archive, export_attendance, export_ledger, export_notice
from fieldapp.services.visits import VisitDraft
from fieldapp.store.queries import HouseholdQuery


def _sheet(path: Path, index: int = 0) -> list[tuple[Any, ...]]:
    wb = load_workbook(path, read_only=True)
    try:
        return list(wb.worksheets[index].iter_rows(values_only=True))
    finally:
        wb.close()


def test_the_village_ledger_masks_ids_and_totals(ctx: AppContext, make_household: Callable[..., str],
                                                 tmp_path: Path) -> None:
    ids = [make_household(f"户主{i}", members=2) for i in range(3)]
    make_household("西村户", village=1)
    east = register.load_record(ctx.db, ids[0]).household["village_id"]
    out = tmp_path / "台账.xlsx"
    assert export_ledger(ctx, HouseholdQuery(filters={"village_id": east}, sort="hh_no"), out) == 3
    rows = _sheet(out)
    assert rows[0][:6] == ("序号", "村", "组", "户编号", "户主", "证件号码")
    assert [r[4] for r in rows[1:4]] == ["户主0", "户主1", "户主2"]
    assert all("**********" in r[5] for r in rows[1:4])
    assert rows[-1][:2] == ("合计", "3 户") and rows[-1][6] == 6


def test_notice_archive_and_attendance(ctx: AppContext, make_household: Callable[..., str], tmp_path: Path) -> None:
    hid = make_household("公示户", members=3, main_cause="02", cause2="07", identified_on=dt.date(2020, 1, 1))
    notice = export_notice(ctx, [hid], tmp_path / "公示.xlsx", kind="entry")
    rows = _sheet(notice)
    assert rows[0] == ("序号", "组", "户主姓名", "证件号码", "家庭人口", "贫困户属性", "理由")
    assert rows[1][2] == "公示户" and rows[1][4] == 3 and rows[1][6] == "因残、缺技术" and "*" in rows[1][3]

    cadre = str(ctx.settings["cadre_id"])
    day = dt.date(2025, 5, 6)
    svc.save_visit(ctx, VisitDraft(date=day, type="01", household_id=hid, found="=cmd|' /C calc'!A0",
                                   cadre_ids=[cadre]))
    archive = export_archive(ctx, cadre, tmp_path / "档案.xlsx", year=2025, month=5, today=dt.date(2025, 6, 1))
    visits = _sheet(archive)
    # the visit column headers are the field catalogue's labels
    assert visits[0] == ("序号", "走访日期", "走访类型", "户主", "户编号", "情况", "措施与成效", "参与干部")
    assert visits[1][1] == dt.datetime(2025, 5, 6) and visits[1][3] == "公示户"
    assert visits[1][5] == "'=cmd|' /C calc'!A0"  # neutralised
    assert _sheet(archive, 1)[1] == ("2025年5月", 1)

    attendance = export_attendance(ctx, tmp_path / "考勤.xlsx", 2025, today=dt.date(2025, 6, 1))
    rows = _sheet(attendance)
    assert rows[1][0] == "王伟" and rows[1][3 + 4] == 1  # May: one day in the village
