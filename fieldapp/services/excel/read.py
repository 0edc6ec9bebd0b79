"""Reading spreadsheets row by row: .xlsx through python-calamine (:mod:`.slices`), .csv through :mod:`csv`.

Nothing is loaded whole: rows stream from the file (an .xlsx sheet slice by slice). Before anything
is parsed the file is identified by its content, not its name, and refused with a message that says what it is
and what to do (:class:`SpreadsheetError`):

- larger than the limit (100 MB by default; ``max_bytes``), or an .xlsx whose parts unpack
  to more than :data:`MAX_UNPACKED_FACTOR` times that;
- an encrypted (password-protected) workbook, which is an OLE compound file holding an
  ``EncryptedPackage`` stream; any other compound file is an old binary .xls;
- a web page or a Word/PowerPoint/OpenDocument file saved under a spreadsheet's name;
- anything else that is not text, or text under a name other than .csv/.txt/.tsv;
- a sheet in which no row names at least three known columns.

CSV encodings are sniffed: a BOM (UTF-8, UTF-16), else UTF-8, else GB18030 (which also reads
GBK and GB2312, the encodings Excel and WPS use for Chinese CSV).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import itertools
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.services.excel.layout import HEADER_SCAN_ROWS, HeaderGuess, Layout

log = logging.getLogger("fieldapp.excel")

MAX_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_FACTOR = 20
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
_BINARY_MAGIC = {
    b"%PDF": "PDF 文件", b"\x89PNG": "PNG 图片", b"\xff\xd8\xff": "JPEG 图片", b"GIF8": "GIF 图片",
    b"Rar!": "RAR 压缩包", b"7z\xbc\xaf": "7z 压缩包", b"\x1f\x8b": "gzip 压缩包", b"\x7fELF": "程序文件",
    b"MZ": "程序文件", b"SQLite format 3": "SQLite 数据库",
}
SAVE_AS = "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再导入"


class SpreadsheetError(ValueError):
    """The file cannot be read as a spreadsheet; the message (Simplified Chinese) says why and what to do."""


@dataclass
class Table:
    """An opened sheet: where its header is, what the columns seem to be, and its data rows (streamed)."""

    path: Path
    kind: str  # xlsx | csv
    sheet: str
    sheets: list[str]
    encoding: str | None
    header_row: int  # 1-based row number of the (last) header row
    headers: list[str]
    guess: dict[int, str | None]
    width: int
    _rows: Iterator[tuple[int, tuple[Any, ...]]] = field(repr=False)
    samples: dict[int, list[Any]] = field(default_factory=dict)
    estimated_rows: int = 0  # rows in the sheet as its writer recorded them (0: unknown), for progress

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number, values padded to :attr:`width`) of every row under the header; consumed once."""
        width = self.width
        pad = (None,) * width
        for number, raw in self._rows:
            n = len(raw)
            yield number, (raw + pad[: width - n] if n < width else raw[:width] if n > width else raw)


def _head(path: Path, max_bytes: int) -> bytes:
    """The first 64 KiB, after the checks that need no content: there is a file, not too large, not empty."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(65536)
    except FileNotFoundError:
        raise SpreadsheetError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise SpreadsheetError(f"这是一个文件夹，不是文件：{path}") from None
    except OSError as exc:
        raise SpreadsheetError(f"无法读取文件 {path}：{exc.strerror or exc}") from None
    if size > max_bytes:
        raise SpreadsheetError(f"文件过大（{size / 1024 / 1024:.1f} MB），一次最多导入 "
                               f"{max_bytes / 1024 / 1024:.0f} MB；请按村或按组拆分成几个文件分批导入")
    if size == 0:
        raise SpreadsheetError("文件是空的")
    return head


def identify(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """``xlsx`` or ``csv``, judged by content; raises :class:`SpreadsheetError` for anything else."""
    head = _head(path, max_bytes)
    if head.startswith(ZIP_MAGIC):
        _check_zip(path, max_bytes)
        return "xlsx"
    if head.startswith(CFB_MAGIC):
        if _is_encrypted(path):
            raise SpreadsheetError("工作簿受密码保护（已加密），无法读取。请在 Excel 或 WPS 中输入密码打开，"
                                   "取消“用密码进行加密”后另存为 .xlsx，再导入")
        raise SpreadsheetError(f"这是旧版 Excel（.xls）或其他 Office 二进制文件，不能直接导入。{SAVE_AS}")
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise SpreadsheetError(f"这是{what}，不是电子表格。请选择 .xlsx 或 .csv 文件")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml", b"<meta")):
        raise SpreadsheetError(f"文件内容是网页（HTML/XML），不是真正的 Excel 文件。{SAVE_AS}")
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in head and not utf16:
        raise SpreadsheetError("文件不是电子表格（内容为二进制数据）。请选择 .xlsx 或 .csv 文件")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise SpreadsheetError(f"文件内容是纯文本，但扩展名是“{path.suffix or '无'}”。如果是 CSV 文件，"
                               "请把扩展名改为 .csv；否则请选择 .xlsx 或 .csv 文件")
    return "csv"


def _check_zip(path: Path, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise SpreadsheetError("文件已损坏或不完整，无法作为 .xlsx 工作簿打开") from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise SpreadsheetError("这是 Word 文档，不是电子表格。请选择 .xlsx 或 .csv 文件")
        if any(n.startswith("ppt/") for n in names):
            raise SpreadsheetError("这是 PowerPoint 演示文稿，不是电子表格。请选择 .xlsx 或 .csv 文件")
        if "content.xml" in names:
            raise SpreadsheetError(f"这是 OpenDocument 文件（如 .ods），不能直接导入。{SAVE_AS}")
        raise SpreadsheetError("这是一个压缩包，不是 Excel 工作簿。请选择 .xlsx 或 .csv 文件")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > max_bytes * MAX_UNPACKED_FACTOR:
        raise SpreadsheetError(f"工作簿解压后过大（{unpacked / 1024 / 1024:.0f} MB），无法导入；请拆分后分批导入")


def _is_encrypted(path: Path) -> bool:
    """An OLE compound file holding the ``EncryptedPackage`` stream of an encrypted OOXML document."""
    needles = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
    overlap = max(len(n) for n in needles)
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-overlap:]
    return False


# -- opening -----------------------------------------------------------------------------


@contextlib.contextmanager
def open_table(path: Path | str, layout: Layout, *, sheet: str | None = None,
               max_bytes: int = MAX_BYTES) -> Iterator[Table]:
    """Open ``path``, find the sheet and its header row; the :class:`Table` streams the rows after it.

    ``sheet`` None: the first sheet whose header is recognised.
    """
    path = Path(path)
    kind = identify(path, max_bytes)
    if kind == "xlsx":
        with _open_xlsx(path, layout, sheet) as table:
            yield table
    else:
        with _open_csv(path, layout) as table:
            yield table


def _no_header(where: str, layout: Layout) -> SpreadsheetError:
    wanted = "、".join(f.label for f in layout.required) or "、".join(f.label for f in layout.fields[:4])
    return SpreadsheetError(f"{where}前{HEADER_SCAN_ROWS}行中找不到可识别的表头（例如 {wanted}）。"
                            "请确认表头是一行中文列名，或在导入时手工指定各列的含义")


def _table(*, path: Path, kind: str, sheet: str, sheets: list[str], encoding: str | None, layout: Layout,
           top: list[tuple[Any, ...]], rest: Iterator[tuple[Any, ...]], start: int = 1) -> Table | None:
    guess: HeaderGuess | None = layout.guess(top)
    if guess is None:
        return None
    width = max(len(guess.headers), 1)
    data_start = guess.row + 1
    rows = zip(itertools.count(start + data_start), itertools.chain(top[data_start:], rest), strict=False)
    samples: dict[int, list[Any]] = {c: [] for c in range(width)}
    for values in top[data_start:data_start + 5]:
        for c in range(min(width, len(values))):
            if values[c] not in (None, ""):
                samples[c].append(values[c])
    return Table(path, kind, sheet, sheets, encoding, start + guess.row, guess.headers, guess.mapping, width, rows,
                 samples)


def _xlsx_error(exc: Exception) -> SpreadsheetError:
    log.info("xlsx refused: %r", exc)
    return SpreadsheetError(f"文件已损坏或不是有效的 .xlsx 工作簿（{type(exc).__name__}）。{SAVE_AS}")


@contextlib.contextmanager
def _open_xlsx(path: Path, layout: Layout, wanted: str | None) -> Iterator[Table]:
    from fieldapp.services.excel import slices

    try:
        book = slices.open_book(str(path))
    except Exception as exc:  # a broken zip, XML or missing part: many kinds
        raise _xlsx_error(exc) from None
    try:
        names = [s.name for s in book.sheets]
        if wanted is not None and wanted not in names:
            raise SpreadsheetError(f"工作簿中没有名为“{wanted}”的工作表（有：{'、'.join(names)}）")
        table = None
        for sheet in book.sheets if wanted is None else [s for s in book.sheets if s.name == wanted]:
            if sheet.part is None:  # a chart sheet
                continue
            reader = slices.SheetRows(book, sheet.part)
            try:
                rows = iter(reader)
                top = list(itertools.islice(rows, HEADER_SCAN_ROWS))
            except SpreadsheetError:
                raise
            except Exception as exc:
                raise _xlsx_error(exc) from None
            table = _table(path=path, kind="xlsx", sheet=sheet.name, sheets=names, encoding=None, layout=layout,
                           top=top, rest=_guarded(rows))
            if table is not None:
                table.estimated_rows = reader.estimated_rows
                break
        if table is None:
            where = f"工作表“{wanted}”的" if wanted is not None else ("各工作表的" if len(names) > 1 else "")
            raise _no_header(where, layout)
        log.info("reading %s, sheet %s, header on row %d", path.name, table.sheet, table.header_row)
        yield table
    finally:
        book.close()


def _guarded(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    try:
        yield from rows
    except Exception as exc:
        raise _xlsx_error(exc) from None


def sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(head, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise SpreadsheetError("无法识别文件的文字编码（支持 UTF-8 和 GBK/GB18030）；"
                               "请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8”后再导入") from None


def _delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines()[:HEADER_SCAN_ROWS] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


@contextlib.contextmanager
def _open_csv(path: Path, layout: Layout) -> Iterator[Table]:
    with path.open("rb") as raw:
        head = raw.read(65536)
    encoding = sniff_encoding(head)
    text = head.decode(encoding, errors="ignore")
    with path.open("r", encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=_delimiter(text))

        def rows() -> Iterator[tuple[Any, ...]]:
            try:
                for record in reader:
                    yield tuple(v if v.strip() else None for v in record)
            except UnicodeDecodeError:
                raise SpreadsheetError(f"第{reader.line_num + 1}行附近有无法识别的文字（文件编码不是 {encoding}）；"
                                       "请在 Excel 或 WPS 中另存为 .xlsx 后再导入") from None
            except csv.Error as exc:
                raise SpreadsheetError(f"CSV 格式错误（第{reader.line_num}行）：{exc}") from None

        stream = rows()
        top = list(itertools.islice(stream, HEADER_SCAN_ROWS))
        table = _table(path=path, kind="csv", sheet=path.stem, sheets=[path.stem], encoding=encoding, layout=layout,
                       top=top, rest=stream)
        if table is None:
            raise _no_header("", layout)
        line = max(1, len(head) // max(1, head.count(b"\n")))
        table.estimated_rows = path.stat().st_size // line
        yield table


def read_all(path: Path | str, layout: Layout, **kwargs: Any) -> tuple[Table, list[tuple[int, tuple[Any, ...]]]]:
    """The table and all its rows (for small files such as department lists)."""
    with open_table(path, layout, **kwargs) as table:
        return table, list(table.rows())


