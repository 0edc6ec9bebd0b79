"""Hybrid logical clock (HLC): wall-clock milliseconds plus a counter, packed in one int.

``value = physical_ms << 16 | counter``. Values from one device only ever grow, even
if the wall clock steps back. Ties between devices break on the device id, so
(hlc, device) totally orders every change. A remote clock far in the future is
clamped by the receiver (the clock guard) instead of dragging the local clock along.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
MAX_DRIFT_MS = 24 * 3600 * 1000  # a remote clock further ahead than this is clamped


def pack(physical_ms: int, counter: int) -> int:
    return (physical_ms << COUNTER_BITS) | counter


def physical_ms(value: int) -> int:
    return value >> COUNTER_BITS


def counter(value: int) -> int:
    return value & COUNTER_MASK


@dataclass(frozen=True, order=True)
class Stamp:
    """A totally ordered change stamp: clock first, device id breaks ties."""

    hlc: int
    device: str


class HybridClock:
    """Thread-safe HLC for one device."""

    def __init__(self, last: int = 0, wall_ms: Callable[[], int] | None = None) -> None:
        self._last = last
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        """A new value strictly greater than every value seen so far."""
        with self._lock:
            wall = self._wall_ms()
            if wall > physical_ms(self._last):
                self._last = pack(wall, 0)
            else:
                self._last = self._bump(self._last)
            return self._last

    def observe(self, remote: int) -> tuple[int, bool]:
        """Merge a received clock. Returns (accepted value, clamped?).

        A remote value more than MAX_DRIFT_MS ahead of our wall clock is clamped to
        our wall clock + MAX_DRIFT_MS, so a laptop set to 2099 cannot win forever.
        """
        with self._lock:
            wall = self._wall_ms()
            ceiling = pack(wall + MAX_DRIFT_MS, COUNTER_MASK)
            clamped = remote > ceiling
            accepted = min(remote, ceiling)
            self._last = max(self._last, accepted)
            return accepted, clamped

    @staticmethod
    def _bump(value: int) -> int:
        if counter(value) == COUNTER_MASK:
            return pack(physical_ms(value) + 1, 0)
        return value + 1
