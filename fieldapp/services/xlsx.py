"""Write tables to .xlsx (openpyxl, streaming), safe against formula injection.

Every export goes through here. A text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be taken as a formula by Excel or
LibreOffice (CSV/formula injection, e.g. a 情况 typed as ``=HYPERLINK(...)``);
such text gets a leading apostrophe, so it is shown and stays plain text in any
program that reads the file, also after a round trip through CSV. Numbers, dates
and booleans are written as themselves. The file is written to a temporary name
and renamed into place, so a failed export never leaves half a workbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl takes ~0.1 s to import: only when a workbook is written
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from fieldapp.store.db import environment_errors

log = logging.getLogger("fieldapp.services.xlsx")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML cannot hold


@dataclass
class Sheet:
    """One worksheet: a title, a header row and data rows (any iterable; consumed once)."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[int] | None = None  # column widths in characters; None: from the headers


def safe_value(value: Any) -> Any:
    """The value as written to a cell: text that could start a formula gets a leading apostrophe."""
    if isinstance(value, str):
        text = _ILLEGAL.sub("", value)
        return "'" + text if text.startswith(FORMULA_PREFIXES) else text
    if value is None or isinstance(value, bool | int | float | dt.date | dt.datetime):
        return value
    return safe_value(str(value))


def sheet_title(title: str) -> str:
    """A valid worksheet title: no []:*?/\\, at most 31 characters, not empty."""
    return (_SHEET_TITLE_BAD.sub("_", title).strip("'") or "Sheet")[:31]


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write ``sheets`` to ``path`` (replacing it atomically); returns the path.

    Raises :class:`fieldapp.store.db.StoreEnvironmentError` when the target cannot be written.
    """
    path = Path(path)
    with environment_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=".xlsx")
        os.close(fd)
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        try:
            for sheet in sheets:
                _fill(workbook.create_sheet(sheet_title(sheet.title)), sheet)
            workbook.save(tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            _discard(workbook)
            raise
    log.info("xlsx written: %s (%d sheets)", path, len(sheets))
    return path


def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "Sheet1") -> Path:
    """One table in a one-sheet workbook."""
    return write_workbook(path, [Sheet(title, headers, rows)])


def _fill(ws: WriteOnlyWorksheet, sheet: Sheet) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    widths = sheet.widths or [max(8, min(40, 2 * len(h) + 2)) for h in sheet.headers]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in sheet.headers:
        cell = WriteOnlyCell(ws, value=safe_value(title))
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in sheet.rows:
        ws.append([_cell(ws, v) for v in row])


def _discard(workbook: Workbook) -> None:
    """Close and remove the streaming sheets' temporary files after a failed export."""
    for ws in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        with contextlib.suppress(Exception):
            if ws._writer is not None:
                ws._writer.cleanup()


def _cell(ws: WriteOnlyWorksheet, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    value = safe_value(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # never a formula, whatever openpyxl would guess
        return cell
    return value
