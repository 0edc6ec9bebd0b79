"""The rejected rows of an import as a workbook to fix and import again.

The rows are copied from the source file as they were (re-read, streaming), under the
source's own header, so the fixed workbook imports with the same mapping; two columns are
added at the end, 原行号 and 错误原因, which the import ignores. Text that looks like a
formula is neutralised on the way out (:mod:`fieldapp.services.xlsx`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldapp.services import xlsx
from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT
from fieldapp.services.excel.plan import Plan
from fieldapp.services.excel.read import MAX_BYTES, open_table

log = logging.getLogger("fieldapp.excel")

ROW_HEADER, REASON_HEADER = "原行号", "错误原因"


def write_rejects(plan: Plan, out_path: Path | str, *, max_bytes: int = MAX_BYTES) -> int:
    """Write the plan's rejected rows to ``out_path`` (.xlsx); returns how many rows were written."""
    wanted = plan.rejected_rows
    count = 0
    with open_table(plan.path, HOUSEHOLD_LAYOUT, sheet=plan.sheet, max_bytes=max_bytes) as table:
        width = len(plan.headers)

        def rows() -> Iterator[list[Any]]:
            nonlocal count
            for number, values in table.rows():
                if number in wanted:
                    count += 1
                    yield [*values[:width], number, wanted[number]]

        headers = [*plan.headers, ROW_HEADER, REASON_HEADER]
        widths = [max(8, min(30, 2 * len(h) + 4)) for h in plan.headers] + [8, 60]
        notes = [[f"来源文件：{plan.path.name}（工作表“{plan.sheet}”）"], [plan.summary()],
                 ["改正“错误原因”所说的问题后，可以直接再次导入本文件；“原行号”和“错误原因”两列不会被导入。"],
                 ["证件号码、户编号请设为“文本”格式后按原件录入，不要让 Excel 改成科学计数法。"]]
        xlsx.write_workbook(Path(out_path), [xlsx.Sheet("被拒绝的行", headers, rows(), widths=widths),
                                             xlsx.Sheet("说明", ["说明"], notes, widths=[100])])
    log.info("%d rejected rows written to %s", count, out_path)
    return count
