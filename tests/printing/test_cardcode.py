"""The card code: payload format, round trip, and that a mistyped code is refused, not misread."""

from __future__ import annotations

import uuid

import pytest

from fieldapp.domain.cardcode import PREFIX, CardCodeError, card_code, parse_card_code

HID = "019b76da-a83b-7203-97e4-2f6ab962ba01"
HEX = "0123456789ABCDEF"


def test_format_and_round_trip() -> None:
    code = card_code(HID)
    assert code.startswith(f"{PREFIX}:{HID.upper()}:")
    assert len(code.split(":")[2]) == 1
    assert parse_card_code(code) == HID
    for _ in range(200):
        hid = str(uuid.uuid4())
        assert parse_card_code(card_code(hid)) == hid


@pytest.mark.parametrize("typed", [
    f"  fa1:{HID}:{{check}} ", f"FA1：{HID.upper()}：{{check}}", f"FA1:{HID.replace('-', '')}:{{check}}",
    f"FA1 : {HID.upper()[:18]} {HID.upper()[18:]} : {{check}}",
])
def test_lenient_about_how_a_person_types_it(typed: str) -> None:
    check = card_code(HID)[-1]
    assert parse_card_code(typed.format(check=check.lower() if typed.startswith("  fa1") else check)) == HID


def test_every_single_mistyped_character_is_caught() -> None:
    code = card_code(HID)
    prefix_len = len(PREFIX) + 1
    for i in range(prefix_len, len(code)):
        if code[i] in "-:":
            continue
        for other in HEX if i < len(code) - 2 else "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            if other == code[i]:
                continue
            with pytest.raises(CardCodeError):
                parse_card_code(code[:i] + other + code[i + 1:])


def test_swapped_neighbours_are_caught() -> None:
    digits = uuid.UUID(HID).hex.upper()
    check = card_code(HID)[-1]
    for i in range(len(digits) - 1):
        if digits[i] == digits[i + 1]:
            continue
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
        with pytest.raises(CardCodeError):
            parse_card_code(f"{PREFIX}:{swapped}:{check}")


@pytest.mark.parametrize(("text", "message"), [
    ("", "为空"), ("https://example.com", "不是公示牌编码"), (f"FA2:{HID}:A", "不是公示牌编码"),
    (f"FA1:{HID[:-1]}:A", "32位"), (f"FA1:{HID[:-1]}G:A", "32位"), (f"FA1:{HID}:AB", "校验位"),
])
def test_malformed_codes_say_why(text: str, message: str) -> None:
    with pytest.raises(CardCodeError, match=message):
        parse_card_code(text)
