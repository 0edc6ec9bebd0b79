"""Field-level checks shared by the editor, the import and the write services."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

# Mainland mobile (11 digits starting 1[3-9]) or a landline with optional area code/extension.
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$")


def phone_problem(value: str | None) -> str | None:
    """Message for an invalid phone number, or None when it is empty or valid."""
    if not value:
        return None
    text = value.strip().replace(" ", "")
    if _MOBILE.match(text) or _LANDLINE.match(text):
        return None
    return "电话号码格式不正确（手机号11位，座机如0914-1234567）"


def amount_problem(value: Decimal | int | None) -> str | None:
    if value is None:
        return None
    if value < 0:
        return "金额不能为负数"
    return None


def past_date_problem(value: dt.date | None, today: dt.date | None = None) -> str | None:
    if value is None:
        return None
    if value > (today or dt.date.today()):
        return "日期不能晚于今天"
    return None


def year_problem(value: int | None, *, lo: int = 2000, hi: int | None = None) -> str | None:
    if value is None:
        return None
    upper = hi if hi is not None else dt.date.today().year + 10
    if not lo <= value <= upper:
        return f"年份应在{lo}到{upper}之间"
    return None


def required_problem(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "必填"
    return None
