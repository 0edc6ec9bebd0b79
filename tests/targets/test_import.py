"""Importing targets from .xlsx: every bad row named with its row number, all or nothing, the template."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.services.context import AppContext
from fieldapp.services.excel.read import SpreadsheetError
from fieldapp.services.setup import villages
from fieldapp.services.targets import importing, records
from fieldapp.services.targets.template import write_template
from fieldapp.store.models import Area


def _book(path: Path, rows: Sequence[Sequence[Any]], *, title: Sequence[Any] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.append(list(title))
    sheet.append(["目标项目", "区域", "目标值", "年度"])  # any order
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_a_good_file_is_imported_whole_and_again_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    path = _book(tmp_path / "t.xlsx", [
        ("脱贫人数", "商州区", 2800, 2024),
        ("households_exit", "北宽坪镇", "120", "2024年"),
        ("贫困村摘帽数", "611002", 25.0, 2024.0),  # a code and a year typed as numbers
        ("脱贫人数", "北宽坪镇/东村", "1,200", 2024),
        ("脱贫户数", "西村", None, 2024),  # no value: a template row left empty
    ], title=["2024年度目标任务"])
    planned = importing.plan(ctx, path)
    assert planned.problems == [] and planned.blank == 1 and planned.header_row == 2
    assert [(t.row, t.record.kind, t.record.value) for t in planned.targets] == [
        (3, "people_exit", 2800), (4, "households_exit", 120), (5, "villages_out", 25), (6, "people_exit", 1200)]
    assert importing.apply(ctx, planned) == 4
    east = villages(ctx)[0][0]
    assert [(t.kind, t.value) for t in records.targets_of(ctx.db, [east], 2024)] == [("people_exit", 1200)]
    again = importing.plan(ctx, path)
    assert {t.status for t in again.targets} == {"same"}
    assert importing.apply(ctx, again) == 0
    assert ctx.db.scalar("SELECT count(*) FROM target") == 4


def test_every_bad_row_is_named_and_nothing_is_imported(ctx: AppContext, tmp_path: Path) -> None:
    with ctx.writer.transaction() as txn:  # a second 东村 in another town: the bare name is ambiguous
        town = txn.insert(Area, {"level": "town", "name": "杨峪河镇",
                                 "parent_id": ctx.db.scalar("SELECT id FROM area WHERE level = 'district'")})
        txn.insert(Area, {"level": "village", "name": "东村", "parent_id": town})
    path = _book(tmp_path / "bad.xlsx", [
        ("脱贫人数", "北宽坪镇/西村", 10, 2024),  # good
        ("脱贫人数", "南村", 10, 2024),
        ("脱贫人数", "东村", 10, 2024),
        ("脱贫人数", "北宽坪镇/西村", 10, 1999),
        ("养鸡只数", "北宽坪镇/西村", 10, 2024),
        ("脱贫户数", "北宽坪镇/西村", -3, 2024),
        ("脱贫户数", "北宽坪镇/西村", 2.5, 2024),
        ("脱贫人数", "北宽坪镇/西村", 11, 2024),  # row 2 again
        (None, None, None, None),  # empty: skipped
        ("", "", "x", ""),
    ])
    planned = importing.plan(ctx, path)
    found = {p.row: " ".join(p.problems) for p in planned.problems}
    assert sorted(found) == [3, 4, 5, 6, 7, 8, 9, 11]
    assert "没有区域“南村”" in found[3]
    assert "有 2 个区域名为“东村”" in found[4]
    assert "1999" in found[5]
    assert "养鸡只数" in found[6] and "target_kind" in found[6]
    assert "不能为负数" in found[7]
    assert "应为整数：2.5" in found[8]
    assert "与第 2 行重复" in found[9]
    assert "区域为空" in found[11] and "目标项目" in found[11] and "x" in found[11]
    assert planned.problems[0].text().startswith("第 3 行：")
    with pytest.raises(ValidationError, match="8 行有错误，未导入任何目标"):
        importing.apply(ctx, planned)
    assert ctx.db.scalar("SELECT count(*) FROM target") == 0


def test_files_that_are_not_a_targets_workbook_are_refused(ctx: AppContext, tmp_path: Path) -> None:
    text = tmp_path / "t.csv"
    text.write_text("区域,年度,目标项目,目标值\n东村,2024,脱贫人数,3\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match=r"\.xlsx"):
        importing.plan(ctx, text)
    book = Workbook()
    book.active.append(["姓名", "证件号码"])  # type: ignore[union-attr]
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(SpreadsheetError, match="找不到表头"):
        importing.plan(ctx, tmp_path / "other.xlsx")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"%PDF-1.4 not a workbook")
    with pytest.raises(SpreadsheetError, match="PDF"):
        importing.plan(ctx, fake)


def test_only_the_district_imports(signed_in: Any, tmp_path: Path) -> None:
    leader = signed_in("leader")
    path = _book(tmp_path / "t.xlsx", [("脱贫人数", "北宽坪镇/东村", 10, 2024)])
    planned = importing.plan(leader, path)
    with pytest.raises(PermissionDenied) as refused:
        importing.apply(leader, planned)
    assert refused.value.permission == "targets.edit"
    district = signed_in("district")
    assert importing.apply(district, importing.plan(district, path)) == 1


def test_the_template_round_trips_through_the_import(ctx: AppContext, tmp_path: Path) -> None:
    east = villages(ctx)[0][0]
    records.set_target(ctx, east, 2025, "people_exit", 40)
    out = tmp_path / "template.xlsx"
    rows = write_template(ctx, out, 2025)
    # 商州区, 北宽坪镇: three kinds each; 东村, 西村: two (a village is no count of villages)
    assert rows == 3 + 3 + 2 + 2
    planned = importing.plan(ctx, out)
    assert planned.problems == [] and planned.blank == rows - 1
    assert [(t.record.area_id, t.record.kind, t.status) for t in planned.targets] == [(east, "people_exit", "same")]
