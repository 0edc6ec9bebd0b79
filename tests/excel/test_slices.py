"""The .xlsx reader that has python-calamine read a sheet in slices: the rows are the sheet's rows,
numbered as in the sheet, whatever the slice size; formulas read as their text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from fieldapp.services.excel import slices


def _workbook(path: Path, *, write_only: bool) -> Path:
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("封面") if write_only else wb.active
    if not write_only:
        ws.title = "封面"
    ws.append(["说明"])
    ws = wb.create_sheet("农户成员")
    ws.append(["户编号", "姓名", "出生日期", "人数", "备注"])
    for i in range(1, 400):
        if i % 37 == 0:
            ws.append([])  # a blank row
            continue
        if i % 91 == 0:
            ws.append([None, None, None, None, "=HYPERLINK(\"http://x\",\"点击\")"])
            continue
        ws.append([f"6110021050{i:06d}", f"姓名{i % 13}", dt.datetime(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                   i % 5 + 1, None if i % 3 else "备注 & <说明>"])
    wb.save(path)
    return path


def _rows(path: Path, slice_bytes: int) -> list[tuple[Any, ...]]:
    book = slices.open_book(str(path))
    try:
        assert [s.name for s in book.sheets] == ["封面", "农户成员"]
        reader = slices.SheetRows(book, str(book.sheets[1].part), slice_bytes=slice_bytes)
        return list(reader)
    finally:
        book.close()


def _plain(value: Any) -> Any:
    """openpyxl's and calamine's forms of the same cell made comparable (a datetime at midnight is a date)."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@pytest.mark.parametrize("write_only", [True, False])  # inline strings; shared strings
@pytest.mark.parametrize("slice_bytes", [1000, 1 << 24])  # many slices; one
def test_the_rows_are_openpyxls_rows_whatever_the_slice_size(tmp_path: Path, write_only: bool,
                                                             slice_bytes: int) -> None:
    path = _workbook(tmp_path / "x.xlsx", write_only=write_only)
    ours = _rows(path, slice_bytes)
    wb = load_workbook(path, read_only=True)
    theirs = list(wb["农户成员"].iter_rows(values_only=True))
    wb.close()
    assert len(ours) == len(theirs) == 400
    for number, (mine, expected) in enumerate(zip(ours, theirs, strict=True), start=1):
        width = max(len(mine), len(expected))
        mine_padded = [_plain(v) for v in (*mine, *(None,) * (width - len(mine)))]
        expected_padded = [_plain(v) for v in (*expected, *(None,) * (width - len(expected)))]
        assert mine_padded == expected_padded, f"row {number}"
    assert ours[91][4] == "=HYPERLINK(\"http://x\",\"点击\")"  # the formula's text, not its (absent) result
    assert ours[3][4] == "备注 & <说明>"


def test_a_sheet_without_rows(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "封面"
    wb.create_sheet("农户成员")
    path = tmp_path / "empty.xlsx"
    wb.save(path)
    assert _rows(path, 1000) == []
