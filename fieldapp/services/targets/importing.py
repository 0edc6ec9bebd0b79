"""Importing the district's annual targets from an .xlsx workbook (read with python-calamine).

The first sheet holds one target a row under a header row naming four columns (in any order; the
template of :mod:`template` has them): 区域 (a 区划代码 or a name path such as “北宽坪镇/东村”),
年度, 目标项目 (a ``target_kind`` code or label) and 目标值 (a whole number). Rows without a 目标值
(the template's rows left empty) are skipped and counted. Every bad row is reported with its row
number as the spreadsheet shows it.

All or nothing: :func:`plan` reads and checks the whole file; :func:`apply` writes the plan in one
transaction, and refuses a plan with any bad row, so a file is never half imported. The same area,
year and kind again updates the target (natural id): importing a corrected file twice is harmless.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.domain import targets as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.services.context import AppContext
from fieldapp.services.excel.read import SpreadsheetError, identify
from fieldapp.services.targets.areas import area_tree
from fieldapp.services.targets.records import (
    MAX_YEAR,
    MIN_YEAR,
    TARGETS_EDIT,
    TargetRecord,
    kinds,
    target_id,
    targets_of,
)
from fieldapp.store.models import Target

HEADER_SCAN_ROWS = 10
COLUMNS: dict[str, tuple[str, ...]] = {
    "area": ("区域", "地区", "区划", "区划代码", "单位", "镇村", "area"),
    "year": ("年度", "年份", "年", "year"),
    "kind": ("目标项目", "项目", "指标", "目标类型", "kind"),
    "value": ("目标值", "目标", "任务数", "数值", "计划数", "value"),
}


@dataclass(frozen=True)
class RowProblem:
    row: int  # as the spreadsheet numbers it (1 = the first row)
    problems: tuple[str, ...]

    def text(self) -> str:
        return f"第 {self.row} 行：" + "；".join(self.problems)


@dataclass(frozen=True)
class PlannedTarget:
    row: int
    record: TargetRecord
    status: str  # new | update | same
    previous: int | None = None


@dataclass
class ImportPlan:
    path: Path
    sheet: str
    header_row: int = 0
    targets: list[PlannedTarget] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    blank: int = 0  # rows naming a target without a value (a template's rows left empty): skipped

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.targets)

    def count(self, status: str) -> int:
        return sum(1 for t in self.targets if t.status == status)

    def summary(self) -> str:
        head = (f"{len(self.targets)} 条目标：新增 {self.count('new')}，修改 {self.count('update')}，"
                f"无变化 {self.count('same')}")
        if self.blank:
            head += f"；{self.blank} 行未填目标值，跳过"
        return head + (f"；{len(self.problems)} 行有错误" if self.problems else "")


def _header(cell: Any) -> str | None:
    text = str(cell or "").strip().replace(" ", "").replace("\u3000", "").lower()
    text = text.split("（")[0].split("(")[0]
    return next((name for name, words in COLUMNS.items() if text in words), None)


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        for col, cell in enumerate(row):
            name = _header(cell)
            if name and name not in found:
                found[name] = col
        if len(found) == len(COLUMNS):
            return i, found
    wanted = "、".join(words[0] for words in COLUMNS.values())
    raise SpreadsheetError(f"前 {HEADER_SCAN_ROWS} 行中找不到表头：需要“{wanted}”四列（可用“导出目标模板”生成）")


def _read_sheet(path: Path) -> tuple[str, list[list[Any]]]:
    from python_calamine import CalamineError, CalamineWorkbook

    if identify(path) != "xlsx":
        raise SpreadsheetError("目标任务请用 .xlsx 工作簿导入（可用“导出目标模板”生成）")
    try:
        book = CalamineWorkbook.from_path(str(path))
        if not book.sheet_names:
            raise SpreadsheetError("工作簿中没有工作表")
        sheet = book.sheet_names[0]
        return sheet, book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except CalamineError as exc:
        raise SpreadsheetError(f"无法读取工作簿：{exc}") from None


def _year(cell: Any) -> tuple[int | None, str | None]:
    if isinstance(cell, (dt.date, dt.datetime)):
        return None, f"年度应为四位数字，不是日期：{cell}"
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip().removesuffix("年").removesuffix("年度")
    if not isinstance(cell, bool) and text.isdigit():
        year = int(text)
        if MIN_YEAR <= year <= MAX_YEAR:
            return year, None
    return None, f"年度应为{MIN_YEAR}到{MAX_YEAR}之间的四位数字：{str(cell).strip() or '（空）'}"


def _area_text(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():  # a 区划代码 typed as a number
        return str(int(cell))
    return str(cell or "").strip()


def plan(ctx: AppContext, path: Path | str) -> ImportPlan:
    """Read and check the workbook; nothing is written. Raises SpreadsheetError when it cannot be read."""
    path = Path(path)
    sheet, rows = _read_sheet(path)
    header, cols = _find_header(rows)
    result = ImportPlan(path, sheet, header + 1)
    tree = area_tree(ctx.db)
    kind_list, industries = kinds(ctx.ref), ctx.ref["industry"]
    existing = {t.id: t.value for t in targets_of(ctx.db)}
    seen: dict[str, int] = {}
    for index in range(header + 1, len(rows)):
        row = rows[index]
        cells = {name: (row[col] if col < len(row) else "") for name, col in cols.items()}
        if all(str(v).strip() == "" for v in cells.values()):
            continue
        number = index + 1
        if str(cells["value"]).strip() == "":
            result.blank += 1
            continue
        problems: list[str] = []
        area_id, why = tree.find(_area_text(cells["area"]))
        if why:
            problems.append(why)
        year, why = _year(cells["year"])
        if why:
            problems.append(why)
        typed_kind = str(cells["kind"]).strip()
        kind = rules.kind_for(typed_kind, kind_list, industries) if typed_kind else None
        if kind is None:
            problems.append(rules.kind_problem(typed_kind or "（空）", kind_list, industries) or "目标项目不明")
        value, why = rules.target_value_problem(cells["value"])
        if why:
            problems.append(why)
        if not problems:
            assert area_id is not None and year is not None and kind is not None and value is not None
            row_id = target_id(area_id, year, kind)
            if row_id in seen:
                problems.append(f"与第 {seen[row_id]} 行重复（同一区域、年度和目标项目）")
            else:
                seen[row_id] = number
                before = existing.get(row_id)
                status = "new" if before is None else ("same" if before == value else "update")
                result.targets.append(PlannedTarget(number, TargetRecord(row_id, area_id, year, kind, value),
                                                    status, before))
        if problems:
            result.problems.append(RowProblem(number, tuple(problems)))
    return result


def apply(ctx: AppContext, planned: ImportPlan) -> int:
    """Write every target of a plan with no bad row in one transaction (``targets.edit``); returns how many
    were new or changed. A plan with any bad row is refused whole (ValidationError naming the rows)."""
    ctx.require(TARGETS_EDIT)
    if planned.problems:
        raise ValidationError({"file": f"{len(planned.problems)} 行有错误，未导入任何目标："
                                       + "；".join(p.text() for p in planned.problems[:5])})
    if not planned.targets:
        raise ValidationError({"file": "表中没有目标"})
    written = 0
    with ctx.writer.transaction() as txn:
        for t in planned.targets:
            r = t.record
            changed = txn.put(Target, r.id, {"area_id": r.area_id, "year": r.year, "kind": r.kind, "value": r.value})
            written += 1 if changed else 0
    return written
