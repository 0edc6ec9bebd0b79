"""Resident ID numbers (GB 11643): validation, normalization, derived facts and masking."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from stdnum.cn import ric

from fieldapp.domain import resident_id
from fieldapp.domain.resident_id import ResidentIdError
from tests.helpers.idgen import resident_id as make_id


def _mod11_2(first17: str) -> str:
    """GB 11643 / ISO 7064 MOD 11-2, written out independently of the code under test."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    value = (12 - sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11) % 11
    return "X" if value == 10 else str(value)


def _with_check(first17: str) -> str:
    return first17 + resident_id.check_digit(first17)


def _id_ending_in_x() -> str:
    for seq in range(1000):
        number = make_id(seq, dt.date(1985, 6, 15))
        if number.endswith("X"):
            return number
    raise AssertionError("no ID with check digit X found")


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c in "Xx" else c for c in text)


@pytest.mark.parametrize("seq,born", [(1, dt.date(1970, 1, 1)), (2, dt.date(2000, 2, 29)), (999, dt.date(1955, 12, 31)),
                                      (0, dt.date(2020, 7, 4))])
def test_valid_numbers_pass_and_come_back_canonical(seq: int, born: dt.date) -> None:
    number = make_id(seq, born)
    assert resident_id.validate(number) == number
    assert number[17] == _mod11_2(number[:17])  # an independent implementation agrees
    assert resident_id.birth_date(number) == born
    assert resident_id.gender_code(number) == ("1" if seq % 2 else "2")


def test_check_digit_matches_the_standard_for_many_numbers() -> None:
    seen = set()
    for seq in range(0, 1000, 7):
        first17 = f"612501{dt.date(1990, 3, 8):%Y%m%d}{seq:03d}"
        assert resident_id.check_digit(first17) == _mod11_2(first17)
        seen.add(_mod11_2(first17))
    assert "X" in seen and "0" in seen
    assert ric.is_valid("11010519491231002X")  # the standard's published example
    assert resident_id.validate("11010519491231002x") == "11010519491231002X"


def test_every_wrong_check_digit_is_refused() -> None:
    number = make_id(17, dt.date(1981, 5, 20))
    for wrong in "0123456789X":
        if wrong == number[17]:
            continue
        with pytest.raises(ResidentIdError, match="校验位"):
            resident_id.validate(number[:17] + wrong)


@pytest.mark.parametrize("length", [17, 19, 15, 1])
def test_wrong_length_names_the_length(length: int) -> None:
    number = make_id(3)
    text = (number + "1234")[:length]
    with pytest.raises(ResidentIdError, match=f"18位，现为{length}位"):
        resident_id.validate(text)


def test_empty_and_blank_are_refused() -> None:
    for text in ("", "   "):
        with pytest.raises(ResidentIdError, match="为空"):
            resident_id.validate(text)


def test_letters_inside_the_number_are_refused() -> None:
    number = make_id(5)
    with pytest.raises(ResidentIdError, match="只能由数字组成"):
        resident_id.validate(number[:10] + "A" + number[11:])
    with pytest.raises(ResidentIdError, match="只能由数字组成"):
        resident_id.validate(number[:17] + "Y")


def test_full_width_digits_lower_case_x_and_spaces_are_normalized() -> None:
    number = _id_ending_in_x()
    typed = _full_width(number[:6]) + " " + number[6:14] + " " + number[14:17] + "x"
    assert resident_id.normalize(typed) == number
    assert resident_id.validate(typed) == number
    assert resident_id.validate(_full_width(number.lower())) == number
    assert resident_id.validate("  " + number.lower() + "\t") == number


def test_impossible_birth_date_is_refused() -> None:
    for date_part in ("19990230", "20011301", "19800100", "19810229"):
        with pytest.raises(ResidentIdError, match="出生日期无效"):
            resident_id.validate(_with_check(f"611002{date_part}123"))


def test_future_birth_date_is_refused() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ResidentIdError, match="未来"):
        resident_id.validate(_with_check(f"611002{tomorrow:%Y%m%d}123"))
    with pytest.raises(ResidentIdError, match="未来"):
        resident_id.validate(_with_check("611002" + "20990101" + "123"))
    today = dt.date.today()
    assert resident_id.validate(_with_check(f"611002{today:%Y%m%d}123"))


def test_mask_shape_and_hides_the_middle() -> None:
    number = "612501" + "19800101" + "1234"  # 18 characters, shape only
    assert resident_id.mask(number) == "6125**********1234"
    real = make_id(123, dt.date(1967, 8, 9), region="612501")
    masked = resident_id.mask(real)
    assert re.fullmatch(r"\d{4}\*{10}[\dX]{4}", masked)
    assert masked[:4] == real[:4] and masked[-4:] == real[-4:]
    assert set(masked[4:14]) == {"*"}
    assert "19670809" not in masked and "670809" not in masked
    assert real[4:14] not in masked
    assert len(masked) == len(real)


def test_mask_of_empty_and_short_values_shows_nothing_of_them() -> None:
    assert resident_id.mask(None) == ""
    assert resident_id.mask("") == ""
    assert resident_id.mask("12345678") == "********"
    assert resident_id.mask("123") == "***"
