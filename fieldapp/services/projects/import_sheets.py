"""The spreadsheet side of importing the project library: its columns, reading them, the template and the rejects.

A workbook holds a 项目库 sheet (one project a row) and optionally a 受益户 sheet (one beneficiary household
of a project a row). Each sheet is found by its header (any of the first :data:`HEADER_SCAN_ROWS` rows), not by
its name or position; columns may come in any order and under the synonyms of :data:`PROJECT_COLUMNS` and
:data:`BENEFICIARY_COLUMNS`. The budget has one column per fund channel, headed by the channel's name from
reference data (``上级资金``, ``本级财政``, ``金融资金``, ``社会资金``; ``预算-上级``, ``上级（元）`` also do).
A .csv file holds the 项目库 sheet only.

.xlsx is read with python-calamine, .csv with :mod:`csv` (encodings as the household import sniffs them). The
file is identified by its content first (:func:`fieldapp.services.excel.read.identify`): a truncated zip, an old
.xls, a Word file or a web page saved as .xlsx is refused with a message saying what it is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.domain.refdata import RefData
from fieldapp.services import xlsx
from fieldapp.services.excel.read import MAX_BYTES, SpreadsheetError, identify, sniff_encoding

log = logging.getLogger("fieldapp.projects.import")

HEADER_SCAN_ROWS = 10
PROJECT_SHEET, BENEFICIARY_SHEET = "项目库", "受益户"

#: field key → (the template's header, the other headers taken for it)
PROJECT_COLUMNS: dict[str, tuple[str, ...]] = {
    "project_id": ("项目编号", "项目标识", "项目ID"),
    "area": ("村", "村名", "行政村", "村代码", "所属村", "村/乡镇", "乡镇/村", "项目所在村"),
    "name": ("项目名称", "项目"),
    "type": ("项目类型", "类型", "项目类别"),
    "industry": ("产业", "所属产业", "产业类型"),
    "unit": ("实施单位", "项目实施单位", "实施主体"),
    "planned_start": ("计划开工", "计划开工日期", "计划开工时间"),
    "planned_end": ("计划完工", "计划完工日期", "计划完工时间"),
    "budget_total": ("预算合计", "总预算", "预算总额", "项目总投资"),
    "approved": ("批复金额", "批复资金"),
    "approved_on": ("批复日期", "批复时间"),
    "status": ("状态", "项目状态"),
    "note": ("备注",),
}
REQUIRED = ("area", "name", "type", "unit")
BENEFICIARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "project_id": ("项目编号", "项目标识", "项目ID"),
    "area": PROJECT_COLUMNS["area"],
    "name": ("项目名称", "项目"),
    "hh_no": ("户编号", "农户编号"),
    "head": ("户主", "户主姓名"),
    "amount": ("计划金额", "金额", "补助金额", "计划补助金额"),
}
ROW_HEADER, REASON_HEADER = "原行号", "错误原因"
IGNORED = (ROW_HEADER, REASON_HEADER)
_UNIT = re.compile(r"[（(][^）)]*[）)]$")


def _plain(header: Any) -> str:
    """A header cell as compared: no spaces, no trailing unit such as （元）."""
    text = "".join(str(header or "").split()).replace("\u3000", "")
    return _UNIT.sub("", text)


def channel_of(header: str, ref: RefData) -> str | None:
    """The fund channel a budget column's header names (``上级资金``, ``预算-本级财政``, ``社会（元）``), or None."""
    codes = ref["fund_channel"]
    text = _plain(header)
    for prefix in ("预算-", "预算—", "预算_", "预算：", "预算:", "预算"):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
            break
    for candidate in (text, text.removesuffix("资金"), text + "资金", text.removesuffix("预算")):
        if candidate and (code := codes.code_for(candidate)) is not None:
            return code
    return None


def channel_header(code: str, ref: RefData) -> str:
    """The template's header of a channel's budget column: its name without the parenthesis, plus 资金."""
    label = ref["fund_channel"].label(code)
    short = re.split(r"[（(]", label)[0]
    return short if short.endswith(("财政", "资金")) else short + "资金"


@dataclass
class Table:
    """One sheet as read: its name, its header row (1-based), headers, column → field, and the data rows
    (row number as the spreadsheet shows it, values padded to the header's width; blank rows left out)."""

    sheet: str
    header_row: int
    headers: list[str]
    columns: dict[str, int]
    channels: dict[str, int]
    rows: list[tuple[int, tuple[Any, ...]]]
    unknown_channels: dict[int, str] = field(default_factory=dict)  # column → header of a budget column that
    # names no fund channel: its amounts cannot be placed, so a row with one is refused rather than losing money

    def header(self, key: str) -> str:
        return self.headers[self.columns[key]]


@dataclass
class Workbook:
    path: Path
    kind: str  # xlsx | csv
    projects: Table
    beneficiaries: Table | None


def _match(row: Sequence[Any], wanted: dict[str, tuple[str, ...]], ref: RefData | None) -> tuple[
        dict[str, int], dict[str, int], dict[int, str]]:
    columns: dict[str, int] = {}
    channels: dict[str, int] = {}
    unknown: dict[int, str] = {}
    for col, cell in enumerate(row):
        text = _plain(cell)
        if not text:
            continue
        key = next((k for k, names in wanted.items() if text in names), None)
        if key is not None:
            columns.setdefault(key, col)
        elif ref is not None and (code := channel_of(text, ref)) is not None:
            channels.setdefault(code, col)
        elif ref is not None and (text.endswith("资金") or text.startswith("预算")) and text not in IGNORED:
            unknown[col] = str(cell).strip()
    return columns, channels, unknown


def _table(sheet: str, rows: list[list[Any]], wanted: dict[str, tuple[str, ...]], required: Sequence[str],
           ref: RefData | None) -> Table | None:
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns, channels, unknown = _match(row, wanted, ref)
        if all(k in columns for k in required):
            headers = [str(c).strip() if c not in (None, "") else "" for c in row]
            width = len(headers)
            data = []
            for number, values in enumerate(rows[i + 1:], start=i + 2):
                cells = tuple(values[:width]) + ("",) * (width - len(values))
                if any(not _blank(v) for v in cells):
                    data.append((number, cells))
            return Table(sheet, i + 1, headers, columns, channels, data, unknown)
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_workbook(path: Path | str, ref: RefData, *, max_bytes: int = MAX_BYTES) -> Workbook:
    """Open ``path`` and find its sheets; raises :class:`SpreadsheetError` saying what is wrong with the file."""
    path = Path(path)
    kind = identify(path, max_bytes)
    sheets = _xlsx_sheets(path) if kind == "xlsx" else [(path.stem, _csv_rows(path))]
    projects = beneficiaries = None
    for name, rows in sheets:
        if projects is None and (found := _table(name, rows, PROJECT_COLUMNS, REQUIRED, ref)) is not None:
            projects = found
        elif beneficiaries is None and (found := _table(name, rows, BENEFICIARY_COLUMNS, ("hh_no", "amount"),
                                                        None)) is not None:
            beneficiaries = found
    if projects is None:
        wanted = "、".join(PROJECT_COLUMNS[k][0] for k in REQUIRED)
        raise SpreadsheetError(f"找不到项目库表：前{HEADER_SCAN_ROWS}行中没有一行同时有“{wanted}”这几列。"
                               "请用 fieldapp import projects --template 生成的模板填写")
    if beneficiaries is not None and not ({"name", "project_id"} & set(beneficiaries.columns)):
        raise SpreadsheetError(f"受益户表（工作表“{beneficiaries.sheet}”）须有“项目名称”或“项目编号”列，"
                               "才能知道每户属于哪个项目")
    log.info("reading projects from %s: sheet %s%s", path.name, projects.sheet,
             f", beneficiaries from {beneficiaries.sheet}" if beneficiaries else "")
    return Workbook(path, kind, projects, beneficiaries)


def _xlsx_sheets(path: Path) -> list[tuple[str, list[list[Any]]]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        try:
            return [(name, book.get_sheet_by_name(name).to_python(skip_empty_area=False))
                    for name in book.sheet_names]
        finally:
            book.close()
    except Exception as exc:  # calamine raises its own errors (zip, XML, password) and ValueError
        log.info("xlsx refused: %r", exc)
        raise SpreadsheetError(f"文件已损坏或不是有效的 .xlsx 工作簿（{type(exc).__name__}）。"
                               "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再导入") from None


def _csv_rows(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    encoding = sniff_encoding(data[:65536])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise SpreadsheetError(f"文件中有无法识别的文字（编码不是 {encoding}）；请另存为 .xlsx 后再导入") from None
    sample = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
    delimiter = max((",", "\t", ";"), key=sample.count)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise SpreadsheetError(f"CSV 格式错误：{exc}") from None


# -- writing ------------------------------------------------------------------------------------


def template_headers(ref: RefData) -> tuple[list[str], list[str]]:
    """The headers of the template's two sheets, budget columns from the fund channels of reference data."""
    channels = [channel_header(c.code, ref) for c in ref["fund_channel"].codes]
    projects = [PROJECT_COLUMNS[k][0] for k in ("area", "name", "type", "industry", "unit", "planned_start",
                                                 "planned_end")]
    projects += [*channels, *(PROJECT_COLUMNS[k][0] for k in ("budget_total", "approved", "approved_on", "status",
                                                               "note", "project_id"))]
    beneficiaries = [BENEFICIARY_COLUMNS[k][0] for k in ("area", "name", "hh_no", "head", "amount")]
    return projects, beneficiaries


def write_template(path: Path | str, ref: RefData) -> Path:
    """An empty import workbook: the two sheets' headers and a 说明 sheet on filling them in."""
    projects, beneficiaries = template_headers(ref)
    types = "、".join(c.text() for c in ref["project_type"].codes)
    industries = "、".join(c.text() for c in ref["industry"].codes)
    notes = [
        ["“项目库”每行一个项目；“受益户”每行一个项目的一户受益户（可不填）。列的顺序可以调整。"],
        ["村：村名、乡镇名（乡镇的项目）或统计用区划代码。项目名称、项目类型、实施单位必填。"],
        [f"项目类型：{types}。产业（产业类项目填写）：{industries}。"],
        ["预算：每个资金渠道一列，单位元，最多两位小数（如 12500.50），不能为负数。"
         "“预算合计”可不填；填写时须等于各渠道之和。"],
        ["状态：储备 或 已批复（已批复须填写批复金额和批复日期）。"
         "实施中、已完工、已验收须在项目中逐步记录，不能导入。"],
        ["日期写成 2026-03-10 这样的格式。"],
        ["重复导入不会重复登记：同一村、同一项目名称（同名时再按计划开工年份）视为同一项目，改动的内容会更新。"],
        ["再次导入时，留空的单元格不会清除本机已有的内容；要把某个资金渠道的预算改为零，请填写 0。"],
        ["“项目编号”留空即可；从本机导出的表中已有项目编号时，按编号匹配。"],
        ["受益户：项目名称须与“项目库”中的一致（不同村有同名项目时，再填写村），户编号须是本机登记册中的农户，计划金额单位元。"],
        ["受益户的计划金额合计不能超过批复金额（未批复时不能超过总预算）。"],
    ]
    target = xlsx.write_workbook(Path(path), [
        xlsx.Sheet(PROJECT_SHEET, projects, [], widths=[max(10, 2 * len(h) + 4) for h in projects]),
        xlsx.Sheet(BENEFICIARY_SHEET, beneficiaries, [], widths=[12, 24, 22, 10, 12]),
        xlsx.Sheet("说明", ["说明"], notes, widths=[120])])
    log.info("project import template written to %s", target)
    return target


def _cell_out(value: Any) -> Any:
    """A cell copied to the rejects workbook as it was read (calamine gives whole numbers as floats)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value


def write_rejects(book: Workbook, rejected: dict[str, dict[int, str]], out_path: Path | str) -> int:
    """The rejected rows of each sheet, as read, under the sheet's own header plus 原行号 and 错误原因 (the import
    ignores both), so the fixed workbook imports again as it is. Returns how many rows were written."""
    sheets: list[xlsx.Sheet] = []
    count = 0
    for table in (book.projects, book.beneficiaries):
        if table is None:
            continue
        reasons = rejected.get(table.sheet, {})
        rows = [[*(_cell_out(v) for v in values), number, reasons[number]]
                for number, values in table.rows if number in reasons]
        count += len(rows)
        headers = [*table.headers, ROW_HEADER, REASON_HEADER]
        widths = [max(8, min(30, 2 * len(h) + 4)) for h in table.headers] + [8, 70]
        sheets.append(xlsx.Sheet(table.sheet, headers, rows, widths=widths))
    sheets.append(xlsx.Sheet("说明", ["说明"], [
        [f"来源文件：{book.path.name}"],
        ["改正“错误原因”所说的问题后，可以直接再次导入本文件；“原行号”和“错误原因”两列不会被导入。"],
        ["一个项目的任何一行（项目行或它的受益户行）有错误，整个项目都不导入，它的各行都列在这里。"]], widths=[100]))
    xlsx.write_workbook(Path(out_path), sheets)
    log.info("%d rejected project rows written to %s", count, out_path)
    return count
