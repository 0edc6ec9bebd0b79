"""Money is stored as integer fen (分) and shown as yuan (元); never floats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


class MoneyError(ValueError):
    pass


def yuan_to_fen(value: Decimal | int | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise MoneyError(f"不是有效的金额：{value!r}") from None
    if not amount.is_finite():
        raise MoneyError(f"不是有效的金额：{value!r}")
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fen_to_yuan(fen: int | None) -> Decimal | None:
    if fen is None:
        return None
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def format_yuan(fen: int | None) -> str:
    value = fen_to_yuan(fen)
    return "" if value is None else f"{value:,.2f}"
