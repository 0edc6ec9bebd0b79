"""Argument types shared by the ``fieldapp`` sub-commands: each refuses bad text with a message naming it."""

from __future__ import annotations

import argparse
import datetime as dt


def date(text: str) -> dt.date:
    """``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from None


def month(text: str) -> tuple[int, int]:
    """``YYYY-MM`` → (year, month)."""
    try:
        day = dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份应为 YYYY-MM：{text}") from None
    return day.year, day.month
