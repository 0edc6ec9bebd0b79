"""Row ids: UUIDv7 text, rising in the order they are made, and natural ids."""

from __future__ import annotations

import time
import uuid

from fieldapp.domain import ids


def test_new_ids_are_uuid7_text_rising_with_the_clock() -> None:
    before = time.time_ns() // 1_000_000
    made = [ids.new_id() for _ in range(5000)]
    parsed = [uuid.UUID(i) for i in made]
    assert all(str(u) == i for u, i in zip(parsed, made, strict=True))  # canonical lower-case text
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert made == sorted(made) and len(set(made)) == len(made)  # rising even within one millisecond
    assert (parsed[0].int >> 80) >= before
    assert len({u.int & (1 << 62) - 1 for u in parsed}) == len(parsed)  # the random part differs


def test_natural_ids_are_the_same_for_the_same_parts() -> None:
    assert ids.natural_id("income", "h1", 2024) == ids.natural_id("income", "h1", 2024)
    assert ids.natural_id("income", "h1", 2024) != ids.natural_id("income", "h1", 2025)
