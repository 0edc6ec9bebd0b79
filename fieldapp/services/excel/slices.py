"""Reading an .xlsx sheet with python-calamine (Rust) in slices, so memory stays bounded.

calamine parses a whole sheet into memory at once (about 4 KB per row of the national
layout: 1.5 GB for 100,000 households). So the sheet's XML is streamed out of the zip and
cut between rows into slices of :data:`SLICE_BYTES`; each slice becomes a small workbook in
memory (the slice, the styles for dates, the shared strings, stored without compression)
that calamine reads. The rows keep their numbers (``r="…"``), gaps are given back as empty
rows, and each row is a tuple of the sheet's own column positions, with ``None`` for blanks,
as openpyxl's read-only mode gave them.

What calamine does not give, and how it is made up here:

- A formula: calamine gives its cached result, or nothing when the file was written by a
  program and never calculated. The import refuses formulas (text nobody typed, and the
  formula-injection risk), so a cell with a formula reads as ``=`` and its formula text, as
  openpyxl gives it: found in the slice's XML, which is only searched when it holds a
  formula at all.
- Error cells (``#DIV/0!``) read as blank (openpyxl gave the error text).

Styles, comments, rich-text runs and cell formats other than dates are not read at all;
writing workbooks stays with openpyxl (:mod:`fieldapp.services.xlsx`).
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

SLICE_BYTES = 16 * 1024 * 1024  # of sheet XML (≈ 7,000 rows of the national layout, ≈ 30 MB in calamine)
READ_BYTES = 4 * 1024 * 1024
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*/>")
_DIMENSION_REF = re.compile(rb"<(?:\w+:)?dimension\b[^>]*\bref=\"[A-Z]+\d+:[A-Z]+(\d+)\"")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b[^>]*?(/?)>")
_FORMULA_CELL = re.compile(rb"<c\b([^>]*)>\s*<f\b([^>]*?)(?:/>|>(.*?)</f>)", re.DOTALL)
_CELL_REF = re.compile(rb"\br=\"([A-Z]+)(\d+)\"")
_SHARED_INDEX = re.compile(rb"\bsi=\"(\d+)\"")
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">{{pr}}<sheets>'
             '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  '<Default Extension="xml" ContentType="application/xml"/>'
                  '<Override PartName="/xl/workbook.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                  '<Override PartName="/xl/worksheets/sheet1.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  '{more}</Types>')
_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
              'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
              'Target="xl/workbook.xml"/></Relationships>')
_PART_TYPES = {
    "styles": ("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
    "sharedStrings": ("xl/sharedStrings.xml",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"),
}


_BLANK: dict[Any, None] = {"": None}


class SheetFormatError(ValueError):
    """The workbook's parts are not what an .xlsx must hold (the caller says so in its own words)."""


@dataclass(frozen=True)
class SheetPart:
    name: str
    part: str | None  # the worksheet's XML part; None: a chart sheet or a sheet whose part is missing


@dataclass
class Book:
    """An .xlsx opened for slicing: its sheets, and the parts every slice's workbook carries."""

    archive: zipfile.ZipFile
    sheets: list[SheetPart]
    extra: dict[str, bytes]  # zip name in the slice → content (styles, shared strings)
    date1904: bool

    def close(self) -> None:
        self.archive.close()


def _column(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [*base.split("/")[:-1], *target.split("/")]
    out: list[str] = []
    for p in parts:
        if p == "..":
            if out:
                out.pop()
        elif p not in ("", "."):
            out.append(p)
    return "/".join(out)


def open_book(path: str) -> Book:
    """Open ``path``; raises :class:`SheetFormatError` (or zipfile/ElementTree errors) for a broken workbook."""
    archive = zipfile.ZipFile(path)
    try:
        names = set(archive.namelist())
        workbook_part = "xl/workbook.xml"
        rels_part = "xl/_rels/workbook.xml.rels"
        workbook = ElementTree.fromstring(archive.read(workbook_part))
        targets: dict[str, tuple[str, str]] = {}
        if rels_part in names:
            for rel in ElementTree.fromstring(archive.read(rels_part)):
                kind = rel.get("Type", "").rsplit("/", 1)[-1]
                targets[rel.get("Id", "")] = (kind, _resolve(workbook_part, rel.get("Target", "")))
        sheets = []
        for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
            kind, part = targets.get(sheet.get(f"{{{_REL}}}id", ""), ("", ""))
            usable = kind == "worksheet" and part in names
            sheets.append(SheetPart(sheet.get("name", ""), part if usable else None))
        if not sheets:
            raise SheetFormatError("no sheets")
        extra: dict[str, bytes] = {}
        for kind, part in targets.values():
            if kind in _PART_TYPES and part in names:
                extra[_PART_TYPES[kind][0]] = archive.read(part)
        pr = workbook.find(f"{{{_MAIN}}}workbookPr")
        date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
        return Book(archive, sheets, extra, date1904)
    except BaseException:
        archive.close()
        raise


@dataclass
class SheetRows:
    """The rows of one sheet, streamed slice by slice (consumed once); ``estimated_rows`` from its dimension."""

    book: Book
    part: str
    slice_bytes: int = SLICE_BYTES
    estimated_rows: int = 0
    formulas: int = 0  # cells with a formula seen so far

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        """Every row from row 1, as tuples (the row's cells up to its last one), blank rows as ``()``."""
        extra_types = "".join(f'<Override PartName="/{name}" ContentType="{ctype}"/>'
                              for name, ctype in _PART_TYPES.values() if name in self.book.extra)
        pr = '<workbookPr date1904="1"/>' if self.book.date1904 else ""
        fixed = {"[Content_Types].xml": _CONTENT_TYPES.format(more=extra_types).encode(),
                 "_rels/.rels": _ROOT_RELS.encode(),
                 "xl/workbook.xml": _WORKBOOK.format(pr=pr).encode(),
                 "xl/_rels/workbook.xml.rels": self._workbook_rels().encode(), **self.book.extra}
        # a shared-strings part is parsed again with every slice: slices are made large beside it
        slice_bytes = max(self.slice_bytes, 4 * len(self.book.extra.get("xl/sharedStrings.xml", b"")))
        done = 0  # rows given so far (the last row number)
        shared: dict[bytes, bytes] = {}  # a shared formula's index → its text (on its first cell)
        for head, body, tail in self._slices(slice_bytes):
            formulas = self._formulas(body, shared) if b"<f" in body else {}
            for number, row in self._read(fixed, head + body + tail):
                while done + 1 < number:
                    done += 1
                    yield ()
                done = number
                if formulas:
                    row = self._with_formulas(number, row, formulas)  # noqa: PLW2901
                yield row

    def _workbook_rels(self) -> str:
        rels = [f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>']
        for i, name in enumerate(self.book.extra, start=2):
            kind = next(k for k, (n, _t) in _PART_TYPES.items() if n == name)
            rels.append(f'<Relationship Id="rId{i}" Type="{_REL}/{kind}" Target="{name.removeprefix("xl/")}"/>')
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG_REL}">' + \
            "".join(rels) + "</Relationships>"

    def _slices(self, slice_bytes: int) -> Iterator[tuple[bytes, bytes, bytes]]:
        """(head, rows, tail) of each slice: the sheet's XML up to ``<sheetData>``, whole rows, the closing tags."""
        with self.book.archive.open(self.part) as fh:
            buf = b""
            while (found := _SHEET_DATA.search(buf)) is None:
                block = fh.read(READ_BYTES)
                if not block:
                    raise SheetFormatError("no sheetData")
                buf += block
            prefix = buf[:found.start()]
            if (dim := _DIMENSION_REF.search(prefix)) is not None:
                self.estimated_rows = int(dim.group(1))
            if found.group(1):  # <sheetData/>: no rows
                return
            end_tag = b"</" + found.group(0)[1:].split(b" ")[0].rstrip(b">") + b">"
            head = _DIMENSION.sub(b"", prefix) + found.group(0)
            tail = end_tag + _closing_root(head)
            buf = buf[found.end():]
            while b"<row" not in buf and (block := fh.read(READ_BYTES)):
                buf += block
            first_row = buf.find(b"<row")
            if first_row >= 0 and b' r="' not in buf[first_row:buf.find(b">", first_row)]:
                slice_bytes = 1 << 62  # rows without numbers: numbered by position, so one slice
            eof = False
            while not eof:
                blocks, size = [buf], len(buf)
                while size < slice_bytes:
                    block = fh.read(READ_BYTES)
                    if not block:
                        eof = True
                        break
                    blocks.append(block)
                    size += len(block)
                buf = b"".join(blocks)
                if eof:
                    stop = buf.find(end_tag)
                    body = buf if stop < 0 else buf[:stop]
                    if body.strip():
                        yield head, body, tail
                    return
                cut = buf.rfind(b"</row>") + 6
                if cut < 6:  # one row larger than a slice: read on
                    continue
                body, buf = buf[:cut], buf[cut:]
                yield head, body, tail

    @staticmethod
    def _read(fixed: dict[str, bytes], sheet_xml: bytes) -> Iterator[tuple[int, tuple[Any, ...]]]:
        from python_calamine import CalamineWorkbook

        data = io.BytesIO()
        with zipfile.ZipFile(data, "w", zipfile.ZIP_STORED) as out:
            for name, content in fixed.items():
                out.writestr(name, content)
            out.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        del sheet_xml
        data.seek(0)
        with CalamineWorkbook.from_filelike(data) as workbook:
            sheet = workbook.get_sheet_by_index(0)
            start = sheet.start
            if start is None:
                return
            # From the slice's first used row and column. (iter_rows gives every row from the sheet's row 1,
            # so each slice would first make a row of blanks for every row of the slices before it: that
            # grew with the square of the sheet's length, 20 s of a 100,000-household import.)
            rows = sheet.to_python(skip_empty_area=True)
            del sheet
        del data
        rows.reverse()  # given from the end of the list: each row is freed once given
        pad = (None,) * start[1]
        blank = _BLANK.get
        number = start[0]
        while rows:
            values = rows.pop()
            number += 1
            # calamine gives "" for a blank cell (openpyxl gave None): d.get(v, v) maps "" alone to None
            yield number, pad + tuple(map(blank, values, values))

    def _formulas(self, body: bytes, shared: dict[bytes, bytes]) -> dict[int, list[tuple[int, str]]]:
        """row → (column, ``=formula``) of each formula cell in ``body``; a shared formula's cells get its text."""
        found: dict[int, list[tuple[int, str]]] = {}
        for m in _FORMULA_CELL.finditer(body):
            ref = _CELL_REF.search(m.group(1))
            if ref is None:
                continue
            text = m.group(3) or b""
            si = _SHARED_INDEX.search(m.group(2))
            if si is not None:
                if text:
                    shared[si.group(1)] = text
                else:
                    text = shared.get(si.group(1), b"")
            formula = "=" + html.unescape(text.decode("utf-8", "replace"))
            found.setdefault(int(ref.group(2)), []).append((_column(ref.group(1)), formula))
            self.formulas += 1
        return found

    @staticmethod
    def _with_formulas(number: int, row: tuple[Any, ...], formulas: dict[int, list[tuple[int, str]]],
                       ) -> tuple[Any, ...]:
        cells = formulas.get(number)
        if not cells:
            return row
        width = max(len(row), *(c + 1 for c, _f in cells))
        values = list(row) + [None] * (width - len(row))
        for c, f in cells:
            values[c] = f
        return tuple(values)


def _closing_root(head: bytes) -> bytes:
    """``</worksheet>`` (with the root's prefix, if any) for a sheet whose XML starts with ``head``."""
    m = re.search(rb"<((?:\w+:)?worksheet)\b", head)
    return b"</" + (m.group(1) if m else b"worksheet") + b">"
