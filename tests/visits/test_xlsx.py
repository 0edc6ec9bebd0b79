"""The xlsx helper: tables written as typed cells, formula injection neutralised, atomic replace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldapp.services import xlsx
from fieldapp.store.db import StoreEnvironmentError


@pytest.mark.parametrize("text", ["=1+1", "+86 139", "-3", "@SUM(A1)", "\t=cmd", "\r=cmd",
                                  '=HYPERLINK("http://evil","点我")'])
def test_text_that_could_start_a_formula_gets_an_apostrophe(text: str) -> None:
    assert xlsx.safe_value(text) == "'" + text


@pytest.mark.parametrize("value", ["李大山", "a=b", " =x", "", None, 0, -5, 3.5, True, dt.date(2025, 1, 31)])
def test_other_values_are_left_alone(value: object) -> None:
    assert xlsx.safe_value(value) == value


def test_a_written_table_reads_back_as_plain_values(tmp_path: Path) -> None:
    path = tmp_path / "表.xlsx"
    rows = [["李大山", -5, dt.date(2025, 1, 31), "=1+1"], ["王\x07伟", None, None, "-减贫"]]
    xlsx.write_table(path, ["姓名", "金额", "日期", "备注"], rows, title="名单[1]/2025")
    book = load_workbook(path)
    [sheet] = book.worksheets
    assert sheet.title == "名单_1__2025"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["姓名", "金额", "日期", "备注"]
    assert values[1][:2] == ["李大山", -5] and values[1][2].date() == dt.date(2025, 1, 31)
    assert values[1][3] == "'=1+1" and sheet["D2"].data_type == "s"
    assert values[2] == ["王伟", None, None, "'-减贫"]  # control characters dropped, the dash neutralised
    assert not list(tmp_path.glob(".export-*"))


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    xlsx.write_table(path, ["a"], [[1], [2], [3]])
    xlsx.write_table(path, ["b"], ((i,) for i in range(2)))
    assert [[c.value for c in r] for r in load_workbook(path).active.iter_rows()] == [["b"], [0], [1]]


def test_an_unwritable_target_is_an_environment_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreEnvironmentError):
        xlsx.write_table(blocker / "out.xlsx", ["a"], [[1]])


def test_a_failing_row_source_leaves_neither_target_nor_temporary_files(tmp_path: Path) -> None:
    def rows() -> object:
        yield [1]
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError, match="source failed"):
        xlsx.write_table(tmp_path / "out.xlsx", ["a"], rows())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
