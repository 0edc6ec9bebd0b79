"""Opening files: what is not a usable spreadsheet is refused with a message that says what it is.

The encrypted workbook is a minimal OLE compound file crafted here (header, one FAT sector,
one directory sector with the ``EncryptionInfo`` and ``EncryptedPackage`` streams of an
encrypted OOXML document), because building a real one needs msoffcrypto-tool, which the
project does not depend on. (A real file encrypted by msoffcrypto-tool was checked by hand:
it is refused with the same message.)
"""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

import pytest

from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT
from fieldapp.services.excel.plan import inspect_file
from fieldapp.services.excel.read import MAX_BYTES, SpreadsheetError, identify, open_table
from tests.excel.conftest import HEADER, household, person, pid, write_csv, write_xlsx

FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _dir_entry(name: str, kind: int, child: int = FREE, right: int = FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", FREE, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", END, 0))


def compound_file(path: Path, streams: list[str]) -> Path:
    """A minimal valid CFB (v3, 512-byte sectors) whose root holds empty ``streams``."""
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, END, 0, END) + struct.pack("<I", 0)
              + struct.pack("<I", END) + struct.pack("<I", 0))
    header = header[:76] + struct.pack("<I", 0) + struct.pack("<108I", *([FREE] * 108))
    fat = struct.pack("<128I", FATSECT, END, *([FREE] * 126))
    entries = [_dir_entry("Root Entry", 5, child=1)]
    for i, name in enumerate(streams, start=1):
        entries.append(_dir_entry(name, 2, right=i + 1 if i < len(streams) else FREE))
    directory = b"".join(entries).ljust(512, b"\0")
    path.write_bytes(header.ljust(512, b"\0") + fat + directory)
    return path


def _refused(path: Path, match: str, **kwargs: object) -> None:
    with pytest.raises(SpreadsheetError, match=match):
        inspect_file(path, **kwargs)  # type: ignore[arg-type]


def test_the_crafted_compound_file_is_well_formed(tmp_path: Path) -> None:
    data = compound_file(tmp_path / "x.xlsx", ["EncryptionInfo", "EncryptedPackage"]).read_bytes()
    assert len(data) == 512 * 3 and data[:8] == bytes.fromhex("d0cf11e0a1b11ae1")
    assert struct.unpack_from("<I", data, 48)[0] == 1  # first directory sector
    assert "EncryptedPackage".encode("utf-16-le") in data[1024:]


def test_a_password_protected_workbook_is_refused(tmp_path: Path) -> None:
    path = compound_file(tmp_path / "加密.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    _refused(path, "受密码保护")


def test_an_old_binary_xls_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = compound_file(tmp_path / "旧表.xls", ["Workbook", "SummaryInformation"])
    _refused(path, r"旧版 Excel（\.xls）.*另存为 \.xlsx")


@pytest.mark.parametrize(("name", "data", "match"), [
    ("scan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "这是PDF 文件，不是电子表格"),
    ("photo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG 图片"),
    ("table.xls", "<html><body><table><tr><td>户编号</td></tr></table></body></html>".encode(), "网页"),
    ("data.bin", bytes(range(256)) * 4, "二进制"),
    ("notes.xlsx", "户编号,姓名\n1,张三\n".encode(), "扩展名是“.xlsx”"),
    ("empty.csv", b"", "文件是空的"),
])
def test_files_that_are_not_spreadsheets_are_refused(tmp_path: Path, name: str, data: bytes, match: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    _refused(path, match)


def test_a_word_document_and_a_plain_zip_are_refused(tmp_path: Path) -> None:
    doc = tmp_path / "通知.xlsx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    _refused(doc, "Word 文档")
    other = tmp_path / "照片.xlsx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("a.txt", "x")
    _refused(other, "压缩包")
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    _refused(broken, "损坏")


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    _refused(tmp_path / "没有.xlsx", "找不到文件")
    _refused(tmp_path, "文件夹")


def test_the_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "small.xlsx", household("6110021050000001", [person("张三", pid(1))]))
    size = path.stat().st_size
    assert inspect_file(path, max_bytes=size).sheet == "农户成员"
    _refused(path, "文件过大.*请按村或按组拆分", max_bytes=size - 1)


def test_a_200_megabyte_file_is_refused_by_default(tmp_path: Path) -> None:
    path = tmp_path / "全县.xlsx"
    with path.open("wb") as fh:  # sparse: no 200 MB are written
        fh.write(b"PK\x03\x04")
        fh.truncate(200 * 1024 * 1024)
    assert os.stat(path).st_size > MAX_BYTES
    with pytest.raises(SpreadsheetError, match=r"文件过大（200\.0 MB）"):
        identify(path)


def test_a_sheet_without_recognisable_headers_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [{"A": 1, "B": 2}], columns=["A", "B", "C"])
    _refused(path, "找不到可识别的表头（例如 户编号、姓名、与户主关系）")


def test_the_header_is_found_under_a_title_and_the_sheet_among_others(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", household("6110021050000001", [person("张三", pid(1))]),
                      title="东村建档立卡贫困户家庭成员信息表", extra_sheets=["封面"])
    info = inspect_file(path)
    assert (info.sheet, info.header_row) == ("农户成员", 3)
    assert info.sheets == ["封面", "农户成员"]
    assert info.mapping[3] == "hh_no" and info.mapping[5] == "id_no" and info.mapping[19] == "_person_no"


def test_a_two_row_header_with_merged_group_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["户编号", "姓名", "与户主关系", "是否参加", None, "证件号码"])
    ws.append([None, None, None, "大病保险", "养老保险", None])
    ws.merge_cells("A1:A2")
    ws.merge_cells("D1:E1")
    ws.append(["6110021050000001", "张三", "户主", "是", "否", pid(1)])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    info = inspect_file(path)
    assert info.header_row == 2
    assert [info.mapping[c] for c in range(6)] == ["hh_no", "name", "relation", "critical_illness_insurance",
                                                   "pension_insurance", "id_no"]


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("utf-8", ","), ("gb18030", ","),
                                                     ("utf-16", "\t")])
def test_csv_encodings_and_delimiters_are_sniffed(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = household("6110021050000001", [person("张三", pid(1)), person("李四", pid(2), "配偶")],
                     主要致贫原因="缺劳动力")
    path = write_csv(tmp_path / "x.csv", rows, encoding=encoding, delimiter=delimiter)
    with open_table(path, HOUSEHOLD_LAYOUT) as table:
        data = list(table.rows())
    assert table.kind == "csv"
    assert len(data) == 2 and data[1][1][4] == "李四" and data[0][1][16] == "缺劳动力"


def test_repeated_headers_blank_rows_are_kept_for_the_importer(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [*household("1", [person("张三", pid(1))]), None, HEADER])
    with open_table(path, HOUSEHOLD_LAYOUT) as table:
        numbers = [n for n, _v in table.rows()]
    assert numbers == [2, 3, 4]
