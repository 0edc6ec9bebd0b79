"""The targets workbook (openpyxl): the import's four columns, one row per area of the register and
target kind for a year, with the current values filled in — a template to fill, or the targets as set."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from fieldapp.domain import targets as rules
from fieldapp.services.context import AppContext
from fieldapp.services.targets.areas import LEVEL_WORDS, area_tree
from fieldapp.services.targets.records import kinds, targets_of

HEADERS = ("区域", "年度", "目标项目", "目标值")


def write_template(ctx: AppContext, path: Path | str, year: int) -> int:
    """Write the workbook for ``year``: every area × every kind, current values filled in. Returns the rows.

    Written to a temporary file beside ``path`` and renamed, so a failed write never leaves half a file."""
    path = Path(path)
    tree = area_tree(ctx.db)
    kind_list = kinds(ctx.ref)
    current = {(t.area_id, t.kind): t.value for t in targets_of(ctx.db, year=year)}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{year}年度目标任务"
    sheet.append(HEADERS)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
    rows = 0
    for area in tree.ordered():
        for kind in kind_list.codes:
            if kind.code == "villages_out" and area.level == "village":
                continue  # a village is lifted out or not: its own record says so, not a count
            sheet.append((tree.path(area.id), year, kind.text(), current.get((area.id, kind.code))))
            rows += 1
    choices = ",".join(c.text() for c in kind_list.codes)
    if len(choices) < 250:  # Excel's limit for a list typed into the validation
        check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=False)
        sheet.add_data_validation(check)
        check.add(f"C2:C{rows + 1}")
    for column, width in zip("ABCD", (34, 8, 16, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("说明")
    for line in (
        "每行一个目标：区域写区划代码或“乡镇/村”这样的名称路径；年度为四位数字；目标值为不小于0的整数。",
        "目标项目：" + "；".join(f"{c.text()}（{c.code}）" for c in kind_list.codes),
        "层级：" + "、".join(LEVEL_WORDS.values()) + "。目标值留空的行导入时跳过。",
        f"贫困发生率标准等参考数据：{rules.NATIONAL} 为全国默认值，见参考数据 village_exit.json。",
    ):
        notes.append((line,))
    notes.column_dimensions["A"].width = 110
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        book.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rows
