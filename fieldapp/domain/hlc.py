"""Hybrid logical clock (HLC): wall-clock milliseconds plus a counter, packed in one int.

``value = physical_ms << 16 | counter``. Values from one device only ever grow, even
if the wall clock steps back. Ties between devices break on the device id, so
(hlc, device) totally orders every change.

The clock is *bounded*: what a device receives never moves its clock beyond its own wall
clock plus ``MAX_DRIFT_MS``. A remote value further ahead is not observed at all (the merge
flags and re-stamps such a change, see ``docs/SYNC.md``); a value within the bound is observed
as in any HLC, so ordinary drift between laptops keeps causal order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
MAX_DRIFT_MS = 24 * 3600 * 1000  # a remote clock further ahead than this is far-future: flagged, not observed


def pack(physical_ms: int, counter: int) -> int:
    return (physical_ms << COUNTER_BITS) | counter


def ceiling_at(wall_ms: int) -> int:
    """The highest stamp a device whose wall clock reads ``wall_ms`` accepts as not far-future."""
    return pack(wall_ms + MAX_DRIFT_MS, COUNTER_MASK)


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
        """A new value greater than every value seen so far, within wall clock + MAX_DRIFT_MS.

        Values only grow while the wall clock is sane. When it has been put right after running
        far ahead (a laptop that believed it was 2099), the clock restarts from the wall clock
        rather than stamping every later change 2099: its far-future changes are re-stamped by
        the replicas that receive them, and new ones must not keep feeding that.
        """
        with self._lock:
            wall = self._wall_ms()
            if wall > physical_ms(self._last) or self._last > ceiling_at(wall):
                self._last = pack(wall, 0)
            else:
                self._last = self._bump(self._last)
            return self._last

    def ceiling(self) -> int:
        """The highest value a received stamp may move this clock to: wall clock + MAX_DRIFT_MS."""
        return ceiling_at(self._wall_ms())

    def observe(self, remote: int) -> tuple[int, bool]:
        """Merge a received clock. Returns (accepted value, far-future?).

        A remote value more than MAX_DRIFT_MS ahead of our wall clock is *far-future*: the clock
        does not move at all (so one laptop set to 2099 cannot drag this one along), and the
        caller flags the change. The accepted value is then our wall clock + MAX_DRIFT_MS.
        """
        with self._lock:
            ceiling = ceiling_at(self._wall_ms())
            if remote > ceiling:
                return ceiling, True
            self._last = max(self._last, remote)
            return remote, False

    @staticmethod
    def _bump(value: int) -> int:
        if counter(value) == COUNTER_MASK:
            return pack(physical_ms(value) + 1, 0)
        return value + 1
