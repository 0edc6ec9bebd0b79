"""Money: yuan text ↔ integer fen, rounding half up, refusing what is not an amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldapp.domain.money import MoneyError, fen_to_yuan, format_yuan, yuan_to_fen


@pytest.mark.parametrize("text,fen", [
    ("12.34", 1234), ("0", 0), ("5", 500), (" 7.1 ", 710), ("1,234.5", 123450), ("2952", 295200),
    ("0.005", 1), ("0.004", 0), ("0.015", 2), ("2.675", 268), ("1.005", 101), ("99.995", 10000),
    ("-0.005", -1), ("1e3", 100000),
])
def test_yuan_text_to_fen_rounds_half_up(text: str, fen: int) -> None:
    assert yuan_to_fen(text) == fen


def test_other_input_types() -> None:
    assert yuan_to_fen(5) == 500
    assert yuan_to_fen(Decimal("1.005")) == 101
    assert yuan_to_fen(2.675) == 268  # str() of the float, not its binary value
    assert isinstance(yuan_to_fen("3.3"), int)


def test_empty_is_none() -> None:
    assert yuan_to_fen(None) is None
    assert yuan_to_fen("") is None
    assert yuan_to_fen("   ") is None


@pytest.mark.parametrize("text", ["abc", "12元", "1.2.3", "NaN", "Infinity", "-inf", "¥5", "--1"])
def test_invalid_text_raises_money_error_naming_the_value(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        yuan_to_fen(text)
    assert repr(text) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_fen_to_yuan() -> None:
    assert fen_to_yuan(None) is None
    assert fen_to_yuan(1234) == Decimal("12.34")
    assert str(fen_to_yuan(500)) == "5.00"
    assert str(fen_to_yuan(-5)) == "-0.05"
    assert str(fen_to_yuan(0)) == "0.00"


def test_format_yuan() -> None:
    assert format_yuan(None) == ""
    assert format_yuan(0) == "0.00"
    assert format_yuan(123456789) == "1,234,567.89"
    assert format_yuan(295200) == "2,952.00"


@pytest.mark.parametrize("fen", [0, 1, 9, 10, 99, 100, 12345, 295200, 10**12 + 7, -1, -12345])
def test_round_trip(fen: int) -> None:
    yuan = fen_to_yuan(fen)
    assert yuan_to_fen(yuan) == fen
    assert yuan_to_fen(str(yuan)) == fen
    assert yuan_to_fen(format_yuan(fen)) == fen
