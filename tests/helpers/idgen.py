"""Valid resident ID numbers for tests (check digit computed, never hand-typed)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.resident_id import check_digit


def resident_id(seq: int, born: dt.date = dt.date(1980, 1, 1), region: str = "611002") -> str:
    """A valid 18-digit ID; ``seq`` (0–999) picks the sequence code, odd = male."""
    first17 = f"{region}{born:%Y%m%d}{seq % 1000:03d}"
    return first17 + check_digit(first17)
