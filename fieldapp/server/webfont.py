"""The bundled CJK font for the server's web pages: the first face of WenQuanYi Micro Hei as a plain TrueType.

The pages must read in Chinese in a browser with no internet access and possibly no Chinese font of its own
(a bare Linux machine; Chromium's headless test here has none), so the server serves the font it ships.
It ships a TrueType *collection* (``.ttc``), which browsers refuse in ``@font-face``; a collection is a header
pointing at several fonts' table directories over shared tables, so taking one font out is copying its
directory and the tables it names into a file of its own — no glyph is changed.
"""

from __future__ import annotations

import struct
from functools import cache

from fieldapp import resources

FONT_FILE = "wqy-microhei.ttc"


class FontError(ValueError):
    """The font file is not a TrueType collection this reader understands."""


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def font_of_collection(data: bytes, index: int = 0) -> bytes:
    """Font ``index`` of a TrueType collection as a standalone TrueType file."""
    if data[:4] != b"ttcf":
        raise FontError("不是 TrueType 字体集（缺少 ttcf 文件头）")
    count = struct.unpack_from(">I", data, 8)[0]
    if not 0 <= index < count:
        raise FontError(f"字体集只有 {count} 个字体，没有第 {index + 1} 个")
    start = struct.unpack_from(">I", data, 12 + 4 * index)[0]
    version, tables = struct.unpack_from(">IH", data, start)
    records = [struct.unpack_from(">4sIII", data, start + 12 + 16 * i) for i in range(tables)]
    header = struct.pack(">IHHHH", version, tables, *struct.unpack_from(">HHH", data, start + 6))
    offset = 12 + 16 * tables
    directory, body = [], []
    for tag, checksum, where, length in sorted(records):
        if where + length > len(data):
            raise FontError(f"字体表 {tag.decode('latin-1')} 超出文件末尾")
        directory.append(struct.pack(">4sIII", tag, checksum, offset, length))
        chunk = _pad(data[where:where + length])
        body.append(chunk)
        offset += len(chunk)
    return header + b"".join(directory) + b"".join(body)


@cache
def web_font() -> bytes:
    """The shipped CJK font as TrueType (computed once per process)."""
    return font_of_collection(resources.read_bytes("fonts", FONT_FILE))
