"""The cross-check report (:mod:`.crosscheck`) as .xlsx and as PDF.

The workbook is a working file for the team: a 汇总 sheet, then one sheet per kind of
mismatch with full ID numbers. The PDF is for the desk and the meeting: the same lists with
ID numbers masked (``6125**********1234``), in the bundled CJK font, written atomically
(:func:`fieldapp.services.printing.common.atomic_output`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fieldapp.domain.resident_id import mask
from fieldapp.services import xlsx
from fieldapp.services.excel.crosscheck import CATEGORIES, KINDS, CheckResult, Finding

log = logging.getLogger("fieldapp.excel")

COLUMNS = ["名单行号", "姓名（名单）", "姓名（登记册）", "证件号码", "户编号", "户主", "村", "组", "说明"]
WIDTHS = [9, 12, 12, 21, 19, 10, 10, 5, 40]


def _cells(f: Finding, full_ids: bool = True) -> list[Any]:
    number = f.id_no if full_ids or not f.id_no or len(f.id_no) != 18 else mask(f.id_no)
    return [f.row, f.list_name, f.register_name, number, f.hh_no, f.head, f.village, f.group_no, f.note]


def _summary_rows(result: CheckResult) -> list[list[Any]]:
    rows: list[list[Any]] = [["名单", KINDS[result.kind]], ["文件", f"{result.path.name}（工作表“{result.sheet}”）"],
                             ["比对日期", result.checked_on.isoformat()], ["名单人数", result.rows],
                             ["名单中且登记册已标记", result.matched]]
    rows += [[result.category_title(c), n] for c, n in result.counts().items()]
    if result.per_household:
        rows.append(["说明", "名单只列户主，按户比对：同户有人在名单中即视为相符"])
    return rows


def write_report_xlsx(result: CheckResult, path: Path | str) -> Path:
    sheets = [xlsx.Sheet("汇总", ["项目", "结果"], _summary_rows(result), widths=[36, 60])]
    for category in CATEGORIES:
        found = result.of(category)
        if found:
            sheets.append(xlsx.Sheet(result.category_title(category)[:31], COLUMNS, [_cells(f) for f in found],
                                     widths=WIDTHS))
    target = xlsx.write_workbook(Path(path), sheets)
    log.info("cross-check report written to %s", target)
    return target


def write_report_pdf(result: CheckResult, path: Path | str) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, Table

    from fieldapp.services.printing.common import atomic_output, grid, heading, numbered_canvas, para, styles

    st = styles(8.5)
    page_w = landscape(A4)[0] - 24 * mm
    summary = Table([[para(a, st["cell"]), para(b, st["cell"])] for a, b in _summary_rows(result)],
                    colWidths=[80 * mm, page_w - 80 * mm])
    summary.setStyle(grid(header_rows=0))
    story: list[Any] = [para(result.title, st["title"]),
                        para("内部核对材料，证件号码已去标识化；完整号码见同名 Excel 报告", st["subtitle"]), summary]
    widths_mm = [14, 20, 20, 36, 32, 18, 18, 9]
    widths = [w * mm for w in widths_mm] + [page_w - sum(widths_mm) * mm]
    for category in CATEGORIES:
        found = result.of(category)
        if not found:
            continue
        story += heading(f"{result.category_title(category)}（{len(found)} 人）", st)
        body = [[para(c, st["head"]) for c in COLUMNS]]
        body += [[para("" if v is None else v, st["cell"]) for v in _cells(f, full_ids=False)] for f in found]
        table = LongTable(body, colWidths=widths, repeatRows=1)
        table.setStyle(grid())
        story.append(table)
    target = Path(path)
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                topMargin=12 * mm, bottomMargin=16 * mm, title=result.title, creator="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas(f"{result.title}　{result.checked_on.isoformat()}"))
    log.info("cross-check report (PDF) written to %s", target)
    return target
