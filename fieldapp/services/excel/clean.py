"""Messy cell values made canonical when that is safe, and reported when it is not.

Fixed silently (the meaning cannot change): full-width digits and letters (NFKC), stray
and full-width spaces, a leading apostrophe, placeholders such as ``-`` or ``/`` for
"empty", labels in Traditional Chinese or under a synonym (缺劳动力 → 缺劳力), a lower-case
``x`` in an ID, whole numbers stored as numbers (a phone, a group, a year), Excel date
serials, and dates written ``2016-03-05``, ``2016/3/5``, ``2016.3.5``, ``2016年3月5日`` or
``20160305``.

Reported, never "fixed" (:class:`CellProblem`): an ID number Excel stored as a number
(``6.12501E+17`` or a float: only 15 digits survive), an ID that lost its trailing ``X``
(17 digits whose check digit would be X), a wrong check digit, a date whose day/month order
is ambiguous (``03/05/2016``), an unknown label, and text that starts like a formula
(``=``, ``@``, or ``+``/``-`` before something that is not a number): formula injection.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldapp.domain import resident_id
from fieldapp.domain.refdata import RefData
from fieldapp.services.excel.layout import Field

PLACEHOLDERS = frozenset({"-", "—", "–", "/", "\\", "－", "——", "--", "无数据", "#N/A", "N/A", "NULL", "null"})
MAX_LENGTH = {"name": 32, "ethnicity": 16, "employer": 128, "address": 200, "relocation_site": 128,
              "hh_no": 32, "disability_cert": 20, "phone": 32, "cadre": 32}
EXACT_DIGITS = 10**15  # Excel keeps 15 significant digits of a number
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_FLOAT_ID = re.compile(r"^\d{15,18}\.0*$")
_SPLIT = re.compile(r"[、,，;；/|\s]+")
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")  # an optional time of day is ignored
_YM = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_AMBIGUOUS = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$")
_YEAR = re.compile(r"^(\d{4})\s*(?:年度?|年|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?$")
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TRUE = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "✔", "有", "参加", "已参加", "享受", "已享受", "对"})
_FALSE = frozenset({"否", "n", "no", "false", "0", "×", "✗", "✘", "无", "没有", "未参加", "不参加", "未享受",
                    "不享受", "不是"})
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class CellProblem(ValueError):
    """A cell's value cannot be used; the message says why (without naming the column)."""


@dataclass(frozen=True)
class MonthOnly:
    """A date given only to the month (出生年月 ``1980.01``): resolved against the ID number later."""

    year: int
    month: int

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月"


def excel_number(value: float | int) -> str:
    """How Excel shows a large number: ``6.12501E+17``."""
    return f"{float(value):.5E}" if abs(value) >= 1e11 else str(value)


def text(value: Any) -> str | None:
    """Canonical text of a cell: NFKC, stripped, placeholders → None; formula-like text is refused."""
    if value is None:
        return None
    if not isinstance(value, str):
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, float) and value.is_integer() and abs(value) < EXACT_DIGITS:
            value = int(value)
        value = str(value)
    s = value.strip()
    if not s:
        return None
    if not s.isascii() and not unicodedata.is_normalized("NFKC", s):
        s = unicodedata.normalize("NFKC", s).strip()
    if s[0] == "'":
        s = s[1:].strip()
        if not s:
            return None
    if s in PLACEHOLDERS:
        return None
    if s[0] in "=@" or (s[0] in "+-" and not _NUMBER.match(s)):
        raise CellProblem(f"以“{s[0]}”开头（{_short(s)}），可能是公式注入，已拒绝；请删去开头的符号或改为普通文本")
    return str(s)


def _short(s: str, n: int = 24) -> str:
    return s if len(s) <= n else s[:n] + "…"


def clean_id(value: Any) -> str | None:
    """The canonical 18-character resident ID, or :class:`CellProblem` saying exactly what is wrong."""
    if (type(value) is str and len(value) == 18 and value.isascii() and value[:17].isdigit()
            and value[17] in "0123456789Xx"):
        # as typed (most cells): nothing for text() or the checks below to change or find; straight to the rules
        try:
            return resident_id.validate(value.upper())
        except resident_id.ResidentIdError as exc:
            raise CellProblem(f"{exc.problem}（{value.upper()}）") from None
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellProblem(f"被存成了数字（{excel_number(value)}），Excel 只保留15位有效数字，后几位可能已经丢失；"
                          "请把该列设为“文本”格式，按证件原件重新录入")
    s = text(value)
    if s is None:
        return None
    s = s.replace(" ", "").replace("-", "").upper()
    if _SCIENTIFIC.match(s):
        raise CellProblem(f"是科学计数法（{s}），Excel 已把它当成数字，后几位已经丢失；"
                          "请把该列设为“文本”格式，按证件原件重新录入")
    if _FLOAT_ID.match(s):
        raise CellProblem(f"带有小数点（{s}），被存成过数字，后几位可能已经丢失；请按证件原件重新录入")
    if len(s) == 17 and s.isdigit():
        if resident_id.check_digit(s) == "X":
            raise CellProblem(f"只有17位（{s}），按校验规则末位应为X，可能被 Excel 丢掉了；请核对证件原件后补上X")
        raise CellProblem(f"应为18位，现为17位（{s}）")
    try:
        return resident_id.validate(s)
    except resident_id.ResidentIdError as exc:
        raise CellProblem(f"{exc.problem}（{s}）") from None


def clean_hh_no(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if abs(value) >= EXACT_DIGITS or (isinstance(value, float) and not value.is_integer()):
            raise CellProblem(f"被存成了数字（{excel_number(value)}），后几位可能已经丢失；"
                              "请把该列设为“文本”格式后按原编号重新录入")
        return str(int(value))
    s = text(value)
    if s is None:
        return None
    if _SCIENTIFIC.match(s):
        raise CellProblem(f"是科学计数法（{s}），后几位已经丢失；请把该列设为“文本”格式后按原编号重新录入")
    s = s.replace(" ", "")
    if len(s) > MAX_LENGTH["hh_no"]:
        raise CellProblem(f"过长（{len(s)}个字符，最多{MAX_LENGTH['hh_no']}个）")
    return s


def clean_name(value: Any) -> str | None:
    s = text(value)
    if s is None:
        return None
    if any(c.isspace() for c in s):
        s = " ".join(s.split()) if re.search(r"[A-Za-z]", s) else "".join(s.split())
    if len(s) > MAX_LENGTH["name"]:
        raise CellProblem(f"过长（{len(s)}个字，最多{MAX_LENGTH['name']}个）")
    return s


def clean_int(value: Any, unit: str = "") -> int | None:
    if isinstance(value, bool):
        raise CellProblem(f"应为整数，现为“{value}”")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellProblem(f"应为整数，现为 {value}")
    s = text(value)
    if s is None:
        return None
    s = s.replace(" ", "")
    for suffix in (unit, "个月", "月", "年度", "年"):
        if suffix and s.endswith(suffix):
            s = s[: -len(suffix)]
    if s.isdigit():
        return int(s)
    n = _chinese_number(s)
    if n is None:
        raise CellProblem(f"应为整数，现为“{value}”")
    return n


def _chinese_number(s: str) -> int | None:
    """一 … 九十九."""
    if not s or any(c not in _CN_DIGITS and c != "十" for c in s):
        return None
    if "十" not in s:
        return _CN_DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def clean_group(value: Any) -> int | None:
    s = value
    if isinstance(value, str):
        s = text(value)
        if s is None:
            return None
        s = s.replace(" ", "").removeprefix("第")
        for suffix in ("村民小组", "小组", "组"):
            s = s.removesuffix(suffix)
    return clean_int(s)


def clean_year(value: Any) -> int | None:
    if isinstance(value, dt.date):
        return value.year
    if isinstance(value, str):
        s = text(value)
        if s is None:
            return None
        m = _YEAR.match(s.replace(" ", ""))
        if m is None:
            raise CellProblem(f"应为年份（如2018），现为“{value}”")
        return int(m.group(1))
    return clean_int(value)


def clean_date(value: Any) -> dt.date | MonthOnly | None:  # noqa: PLR0911
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_number(value)
    s = text(value)
    if s is None:
        return None
    try:
        if m := _YMD.match(s):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _COMPACT.match(s):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _YM.match(s):
            month = int(m.group(2))
            if not 1 <= month <= 12:
                raise ValueError(month)
            return MonthOnly(int(m.group(1)), month)
    except ValueError:
        raise CellProblem(f"不是有效的日期（{s}）") from None
    if _AMBIGUOUS.match(s):
        raise CellProblem(f"日期“{s}”的年、月、日顺序无法确定；请写成“2016-03-05”这样的格式")
    if _NUMBER.match(s):
        return _from_number(float(s))
    raise CellProblem(f"无法识别的日期（{_short(s)}）；请写成“2016-03-05”这样的格式")


def _from_number(value: float) -> dt.date:
    """An 8-digit 20160305, or an Excel date serial (the cell lost its date format)."""
    if value.is_integer() if isinstance(value, float) else True:
        n = int(value)
        if 19000101 <= n <= 21001231:
            try:
                return dt.date(n // 10000, n // 100 % 100, n % 100)
            except ValueError:
                pass
        if 1 <= n <= 73415:  # 1900-01-01 … 2100-12-31
            return _EXCEL_EPOCH + dt.timedelta(days=n)
    raise CellProblem(f"不是日期（{value}）；请写成“2016-03-05”这样的格式")


def clean_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise CellProblem(f"应为“是”或“否”，现为 {value}")
    s = text(value)
    if s is None:
        return None
    low = s.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise CellProblem(f"应为“是”或“否”，现为“{_short(s)}”")


def clean_decimal(value: Any) -> str | None:
    """Decimal text as stored (亩, m², km): a number as typed, its unit dropped; never negative."""
    if isinstance(value, bool):
        raise CellProblem(f"应为数字，现为“{value}”")
    if isinstance(value, int):
        s = str(value)
    elif isinstance(value, float):
        s = str(int(value)) if value.is_integer() else repr(value)
    else:
        found = text(value)
        if found is None:
            return None
        s = found.replace(" ", "")
        for unit in ("平方米", "公里", "千米", "亩", "㎡", "m2", "km", "米", "m"):
            s = s.removesuffix(unit)
    try:
        number = Decimal(s)
    except InvalidOperation:
        raise CellProblem(f"应为数字，现为“{_short(str(value))}”") from None
    if not number.is_finite() or number < 0:
        raise CellProblem(f"应为不小于0的数字，现为“{value}”")
    if len(s) > 16:
        raise CellProblem(f"数字过长（{s}）")
    return s


def clean_money(value: Any) -> int | None:
    """元 → fen."""
    if isinstance(value, bool):
        raise CellProblem(f"应为金额，现为“{value}”")
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        s = text(value)
        if s is None:
            return None
        try:
            number = Decimal(s.replace(" ", "").replace(",", "").removesuffix("元"))
        except InvalidOperation:
            raise CellProblem(f"应为金额（元），现为“{_short(s)}”") from None
    return int((number * 100).to_integral_value())


def clean_phone(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise CellProblem(f"不是电话号码（{value}）")
        return str(int(value))
    s = text(value)
    return None if s is None else s.replace(" ", "")


def clean_cert(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellProblem(f"被存成了数字（{excel_number(value)}），后几位可能已经丢失；请按证件原件重新录入")
    s = text(value)
    if s is None:
        return None
    s = s.replace(" ", "").upper()
    if len(s) > MAX_LENGTH["disability_cert"]:
        raise CellProblem(f"过长（{s}）")
    return s


class CodeCleaner:
    """Label, synonym or code → code of one code list."""

    def __init__(self, ref: RefData, list_name: str) -> None:
        codes = ref[list_name]
        self.title = codes.title["zh-Hans"]
        self.known: dict[str, str] = {}
        for c in codes.codes:
            for name in (c.code, *c.label.values(), *c.synonyms):
                self.known.setdefault(name.strip(), c.code)
                self.known.setdefault(_loose(name), c.code)
        self.choices = "、".join(c.text() for c in codes.codes[:10]) + ("…" if len(codes.codes) > 10 else "")
        self.codes = frozenset(c.code for c in codes.codes)

    def __call__(self, value: Any) -> str | None:
        if isinstance(value, str):
            found = self.known.get(value)
            if found is not None:
                return found
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer():
                for candidate in (str(int(value)), f"{int(value):02d}"):
                    if candidate in self.codes:
                        return candidate
            raise CellProblem(f"“{value}”不是有效的{self.title}（可选：{self.choices}）")
        s = text(value)
        if s is None:
            return None
        found = self.known.get(s) or self.known.get(_loose(s))
        if found is None:
            raise CellProblem(f"“{_short(s)}”不是有效的{self.title}（可选：{self.choices}）")
        return found

    def many(self, value: Any) -> tuple[str, ...] | None:
        s = text(value)
        if s is None:
            return None
        parts = [p for p in _SPLIT.split(s) if p]
        codes = tuple(dict.fromkeys(self(p) or "" for p in parts))
        return tuple(c for c in codes if c) or None


def _loose(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def make_cleaner(f: Field, ref: RefData) -> Callable[[Any], Any]:
    """The cleaning function of a field's cells."""
    kind = f.kind
    if kind == "code":
        assert f.codes is not None
        return CodeCleaner(ref, f.codes)
    if kind == "codes":
        assert f.codes is not None
        return CodeCleaner(ref, f.codes).many
    simple: dict[str, Callable[[Any], Any]] = {
        "id_no": clean_id, "hh_no": clean_hh_no, "name": clean_name, "group": clean_group, "year": clean_year,
        "date": clean_date, "bool": clean_bool, "decimal": clean_decimal, "money": clean_money,
        "phone": clean_phone, "cert": clean_cert, "months": lambda v: clean_int(v, "个月"),
    }
    if kind in simple:
        return simple[kind]
    limit = MAX_LENGTH.get(f.key)

    def clean_text(value: Any) -> str | None:
        s = text(value)
        if s is not None and limit is not None and len(s) > limit:
            raise CellProblem(f"过长（{len(s)}个字，最多{limit}个）")
        return s

    return clean_text  # text, village, cadre: resolved against the register by the plan
