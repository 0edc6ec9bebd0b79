"""The code on a door-plate card (信息公示牌): a household id plus a typo-detecting check character.

Format (version 1)::

    FA1:<household uuid, upper case, with dashes>:<check>

``<check>`` is the ISO 7064 MOD 37,36 check character over the 32 hex digits of the
uuid. It catches every single mistyped character and every swap of two neighbouring
characters, so a code typed in by hand is either right or refused; it is not a
secret (anyone can compute it) and needs none: the code only opens the record for a
user who already has the register. Upper case keeps the QR code in alphanumeric mode
(version 3, 29×29 modules at error level M).
"""

from __future__ import annotations

import unicodedata
import uuid

from stdnum.iso7064 import mod_37_36

PREFIX = "FA1"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class CardCodeError(ValueError):
    """The text is not a valid card code; the message says why, in Chinese."""


def check_char(hex32: str) -> str:
    """The check character of 32 upper-case hex digits."""
    return str(mod_37_36.calc_check_digit(hex32, alphabet=_ALPHABET))


def card_code(household_id: str) -> str:
    """The payload of a household's card QR code (also printed under it to be typed)."""
    value = uuid.UUID(household_id)
    return f"{PREFIX}:{str(value).upper()}:{check_char(value.hex.upper())}"


def parse_card_code(text: str) -> str:
    """The household id (canonical lower-case uuid) in a scanned or typed card code.

    Lenient about what a person typing makes of it: case, spaces, full-width colons
    and missing dashes. Raises :class:`CardCodeError` for anything else.
    """
    cleaned = "".join(unicodedata.normalize("NFKC", text or "").split()).upper()
    if not cleaned:
        raise CardCodeError("编码为空")
    parts = cleaned.split(":")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise CardCodeError(f"不是公示牌编码（应为 {PREFIX}:…:校验位 的格式）")
    digits = parts[1].replace("-", "")
    if len(digits) != 32 or any(c not in "0123456789ABCDEF" for c in digits):
        raise CardCodeError("编码中的户标识应为32位十六进制数字")
    if len(parts[2]) != 1 or check_char(digits) != parts[2]:
        raise CardCodeError("编码校验位不符，请检查是否输错")
    return str(uuid.UUID(hex=digits))
