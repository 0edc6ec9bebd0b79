"""Field-level checks: phone numbers, amounts, dates, years, required values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fieldapp.domain import validation


@pytest.mark.parametrize("phone", [
    "13912345678", "18700001111", " 139 1234 5678 ",  # mobiles
    "0914-1234567", "09141234567", "010-12345678", "0914-1234567-123", "1234567", "12345678",  # landlines
])
def test_valid_phone_numbers(phone: str) -> None:
    assert validation.phone_problem(phone) is None


@pytest.mark.parametrize("phone", [
    "12345678901",  # mobiles start 13–19
    "1391234567",  # 10 digits
    "139123456789",  # 12 digits
    "0914-123",  # landline too short
    "0914-123456789",  # landline too long
    "abc", "139-1234-567a", "电话",
])
def test_invalid_phone_numbers(phone: str) -> None:
    message = validation.phone_problem(phone)
    assert message is not None
    assert "0914-1234567" in message  # the message shows the expected form


def test_empty_phone_is_not_a_problem() -> None:
    assert validation.phone_problem(None) is None
    assert validation.phone_problem("") is None


def test_amounts() -> None:
    assert validation.amount_problem(None) is None
    assert validation.amount_problem(0) is None
    assert validation.amount_problem(123_456) is None
    assert validation.amount_problem(-1) == "金额不能为负数"
    assert validation.amount_problem(Decimal("-0.01")) == "金额不能为负数"


def test_dates_must_not_be_in_the_future() -> None:
    today = dt.date(2024, 5, 1)
    assert validation.past_date_problem(None, today) is None
    assert validation.past_date_problem(today, today) is None
    assert validation.past_date_problem(dt.date(1990, 1, 1), today) is None
    assert validation.past_date_problem(dt.date(2024, 5, 2), today) == "日期不能晚于今天"
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert validation.past_date_problem(tomorrow) == "日期不能晚于今天"
    assert validation.past_date_problem(dt.date.today()) is None


def test_years() -> None:
    assert validation.year_problem(None) is None
    assert validation.year_problem(2000) is None
    assert validation.year_problem(1999) is not None
    assert validation.year_problem(2030, hi=2025) == "年份应在2000到2025之间"
    assert validation.year_problem(2025, hi=2025) is None
    assert validation.year_problem(dt.date.today().year + 10) is None
    assert validation.year_problem(dt.date.today().year + 11) is not None


def test_required() -> None:
    assert validation.required_problem(None) == "必填"
    assert validation.required_problem("  ") == "必填"
    assert validation.required_problem("x") is None
    assert validation.required_problem(0) is None
