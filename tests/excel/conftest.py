"""Building test workbooks with openpyxl, as cadres' real files look: title rows, merged household
cells, blank and repeated header rows, full-width digits, numbers where text belongs.

``write_xlsx(path, items)``: each item is a row (dict: column → value), a household (list of
such dicts; its household columns are merged over its rows when ``merge=True``), ``None``
(a blank row) or ``HEADER`` (the header row again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from fieldapp.services.context import AppContext
from tests.helpers.idgen import resident_id

HEADER = "HEADER"
COLUMNS = ["序号", "行政村", "组", "户编号", "姓名", "证件号码", "性别", "出生日期", "与户主关系", "文化程度",
           "健康状况", "残疾等级", "劳动技能", "是否享受低保", "贫困户属性", "脱贫状态", "主要致贫原因", "其他致贫原因",
           "首次识别时间", "人编号"]
HOUSEHOLD_COLUMNS = ("行政村", "组", "户编号", "贫困户属性", "脱贫状态", "主要致贫原因", "其他致贫原因", "首次识别时间")

Item = dict[str, Any] | list[dict[str, Any]] | str | None


def pid(seq: int, born: dt.date = dt.date(1970, 1, 1)) -> str:
    """A valid ID (region 611002)."""
    return resident_id(seq, born)


def person(name: str, id_no: Any, relation: str = "户主", **extra: Any) -> dict[str, Any]:
    return {"姓名": name, "证件号码": id_no, "与户主关系": relation, **extra}


def household(hh_no: Any, people: Sequence[dict[str, Any]], *, village: str = "东村", group: Any = 1,
              **columns: Any) -> list[dict[str, Any]]:
    """Rows of one household: its columns repeated on every member's row."""
    base = {"行政村": village, "组": group, "户编号": hh_no, "贫困户属性": "一般贫困户", "脱贫状态": "未脱贫",
            "主要致贫原因": "因病", **columns}
    return [{**base, **p} for p in people]


def write_xlsx(path: Path, items: Sequence[Item], *, columns: Sequence[str] = COLUMNS, title: str | None = None,
               merge: bool = False, sheet: str = "农户成员", extra_sheets: Sequence[str] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for name in extra_sheets:  # sheets before the data that have nothing recognisable in them
        other = wb.create_sheet(name, 0)
        other["A1"] = "说明：本表由系统导出"
    row = 1
    if title:
        ws.cell(row, 1, title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
        row = 3
    for item in [HEADER, *items]:
        if item is None or item == HEADER:
            for c, name in enumerate(columns if item else (), start=1):
                ws.cell(row, c, name)
            row += 1
            continue
        rows = item if isinstance(item, list) else [item]
        start = row
        for values in rows:
            for c, name in enumerate(columns, start=1):
                value = row if name == "序号" else values.get(name)
                if value is not None:
                    ws.cell(row, c, value)
            row += 1
        if merge and isinstance(item, list) and len(rows) > 1:
            for c, name in enumerate(columns, start=1):
                if name in HOUSEHOLD_COLUMNS:
                    ws.merge_cells(start_row=start, start_column=c, end_row=row - 1, end_column=c)
    wb.save(path)
    return path


def write_csv(path: Path, items: Sequence[dict[str, Any]], *, encoding: str = "utf-8-sig", delimiter: str = ",",
              columns: Sequence[str] = COLUMNS) -> Path:
    lines = [delimiter.join(columns)]
    for values in items:
        lines.append(delimiter.join("" if values.get(c) is None else str(values[c]) for c in columns))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def xlsx_file(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(1, 10000))

    def make(items: Sequence[Item], **kwargs: Any) -> Path:
        return write_xlsx(tmp_path / f"book{next(counter)}.xlsx", items, **kwargs)

    return make


@pytest.fixture
def village_ids(ctx: AppContext) -> dict[str, str]:
    from fieldapp.services.setup import villages

    return {name: vid for vid, name in villages(ctx)}
