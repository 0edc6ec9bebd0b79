"""Resident identity numbers (居民身份证号码, GB 11643) via python-stdnum, and masking.

Public material never shows a full ID number (去标识化): use :func:`mask` for a number
and :func:`mask_in_text` for free text that may hold one (a note, a measure, a message).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

# 17 digits or more (an ID, a mistyped ID or a bank account number), with an optional final X.
# Shorter runs are left alone: a 户编号 (up to 16 digits) and phone numbers are printed as they are.
_LONG_NUMBER = re.compile(r"\d{17,}[\dXx]?")


class ResidentIdError(ValueError):
    """The ID number is not valid; the message says why, in Chinese.

    ``problem`` is the same without the field's name ("校验位错误"), for callers that put the
    field's label (or a spreadsheet column's) in front themselves.
    """

    def __init__(self, problem: str) -> None:
        super().__init__(f"证件号码{problem}")
        self.problem = problem


def normalize(raw: str) -> str:
    """Full-width digits, spaces and a lower-case x are made canonical."""
    text = raw if raw.isascii() else unicodedata.normalize("NFKC", raw)
    return text.strip().replace(" ", "").upper()


def validate(raw: str) -> str:
    """Return the canonical 18-character number, or raise :class:`ResidentIdError`."""
    found = _checked(raw, dt.date.today())
    if isinstance(found, ResidentIdError):
        raise ResidentIdError(found.problem)
    return found


@functools.lru_cache(maxsize=8192)  # an import checks each member's number three times, one after the other
def _checked(raw: str, today: dt.date) -> str | ResidentIdError:  # noqa: PLR0911  (one return per rule)
    number = normalize(raw)
    if not number:
        return ResidentIdError("为空")
    if len(number) != 18:
        return ResidentIdError(f"应为18位，现为{len(number)}位")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return ResidentIdError("只能由数字组成，最后一位可以是X")
    if ric.calc_check_digit(number) != number[17]:
        return ResidentIdError("校验位错误")
    # The birth place is not checked: retired division codes are still on valid IDs.
    try:
        born = birth_date(number)
    except (ValueError, stdnum_errors.ValidationError):
        return ResidentIdError("中的出生日期无效")
    if born > today:
        return ResidentIdError("中的出生日期在未来")
    return number


def birth_date(number: str) -> dt.date:
    """The birth date of a canonical 18-character number (ValueError if it is no date).

    stdnum's ``ric.get_birth_date`` reads the same digits, after cleaning the text again: an import
    asks this of every member, so the canonical form is read directly.
    """
    if len(number) == 18 and number[6:14].isdigit():
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    return ric.get_birth_date(number)


def gender_code(number: str) -> str:
    """GB/T 2261.1 gender code: "1" male, "2" female (17th digit odd → male)."""
    return "1" if int(number[16]) % 2 == 1 else "2"


def check_digit(first17: str) -> str:
    """The GB 11643 check digit for the first 17 characters."""
    return ric.calc_check_digit(first17 + "0")  # stdnum expects a placeholder check digit


def mask(number: str | None) -> str:
    """De-identified form for public material: ``6125**********1234``."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_in_text(text: str) -> str:
    """``text`` with every ID-length run of digits masked as :func:`mask` does."""
    return _LONG_NUMBER.sub(lambda found: mask(found.group()), text)
