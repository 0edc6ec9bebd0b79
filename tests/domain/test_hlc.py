"""The hybrid logical clock: monotonic, overflow-safe, and guarded against far-future clocks."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterable

from fieldapp.domain import hlc
from fieldapp.domain.hlc import COUNTER_MASK, MAX_DRIFT_MS, HybridClock, Stamp, counter, pack, physical_ms


def _wall(values: Iterable[int]) -> Callable[[], int]:
    it = iter(values)
    last = [0]

    def read() -> int:
        last[0] = next(it, last[0])
        return last[0]

    return read


def test_pack_round_trip() -> None:
    value = pack(1_700_000_000_000, 42)
    assert physical_ms(value) == 1_700_000_000_000
    assert counter(value) == 42
    assert pack(5, COUNTER_MASK) < pack(6, 0)


def test_now_follows_the_wall_clock_when_it_advances() -> None:
    clock = HybridClock(wall_ms=_wall([1000, 2000]))
    assert clock.now() == pack(1000, 0)
    assert clock.now() == pack(2000, 0)
    assert clock.last == pack(2000, 0)


def test_monotonic_when_the_wall_clock_stands_still_or_goes_backwards() -> None:
    walls = [1000, 1000, 1000, 999, 500, 1, 1000, 1001, 1001, 700]
    clock = HybridClock(wall_ms=_wall(walls))
    values = [clock.now() for _ in walls]
    assert all(b > a for a, b in itertools.pairwise(values)), values
    assert values[:7] == [pack(1000, i) for i in range(7)]  # counter carries the order
    assert values[7] == pack(1001, 0)
    assert values[9] == pack(1001, 2)


def test_counter_overflow_moves_to_the_next_millisecond() -> None:
    clock = HybridClock(last=pack(1000, COUNTER_MASK - 1), wall_ms=lambda: 1000)
    assert clock.now() == pack(1000, COUNTER_MASK)
    assert clock.now() == pack(1001, 0)
    assert clock.now() == pack(1001, 1)


def test_restart_from_a_stored_last_value_never_goes_backward() -> None:
    stored = pack(5_000, 7)
    clock = HybridClock(last=stored, wall_ms=lambda: 10)  # wall clock far behind
    assert clock.now() == pack(5_000, 8)


def test_a_clock_set_to_2099_does_not_move_ours_at_all() -> None:
    wall = 1_700_000_000_000  # 2023
    year_2099_ms = 4_070_908_800_000
    clock = HybridClock(wall_ms=lambda: wall)
    local = clock.now()
    accepted, clamped = clock.observe(pack(year_2099_ms, 3))
    assert clamped is True
    assert accepted == pack(wall + MAX_DRIFT_MS, COUNTER_MASK) == clock.ceiling()
    assert clock.last == local  # flagged, not observed: our next edits keep our own time
    after = clock.now()
    assert after > local and physical_ms(after) == wall


def test_observe_accepts_a_slightly_faster_clock_without_clamping() -> None:
    clock = HybridClock(wall_ms=lambda: 10_000)
    remote = pack(10_000 + 60_000, 5)  # a minute ahead
    accepted, clamped = clock.observe(remote)
    assert (accepted, clamped) == (remote, False)
    assert clock.last == remote
    assert clock.now() == remote + 1


def test_observe_of_an_older_clock_keeps_ours() -> None:
    clock = HybridClock(wall_ms=lambda: 10_000)
    mine = clock.now()
    accepted, clamped = clock.observe(pack(5, 0))
    assert accepted == pack(5, 0) and clamped is False
    assert clock.last == mine
    assert clock.now() > mine


def test_observe_at_exactly_the_ceiling_is_not_clamped() -> None:
    clock = HybridClock(wall_ms=lambda: 0)
    ceiling = pack(MAX_DRIFT_MS, COUNTER_MASK)
    assert clock.observe(ceiling) == (ceiling, False)
    assert clock.observe(ceiling + 1) == (ceiling, True)


def test_stamps_order_by_clock_then_device() -> None:
    assert Stamp(1, "b") > Stamp(1, "a")
    assert Stamp(2, "a") > Stamp(1, "z")
    assert sorted([Stamp(2, "a"), Stamp(1, "b"), Stamp(1, "a")]) == [Stamp(1, "a"), Stamp(1, "b"), Stamp(2, "a")]


def test_default_wall_clock_is_real_time() -> None:
    before = time.time_ns() // 1_000_000
    value = HybridClock().now()
    assert before <= physical_ms(value) <= time.time_ns() // 1_000_000


def test_concurrent_callers_get_unique_increasing_values() -> None:
    clock = HybridClock(wall_ms=lambda: 1)  # everything on the counter
    results: list[list[int]] = [[] for _ in range(4)]

    def work(out: list[int]) -> None:
        for _ in range(2000):
            out.append(clock.now())

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [v for r in results for v in r]
    assert len(set(everything)) == 8000
    for r in results:
        assert r == sorted(r)
    assert hlc.physical_ms(max(everything)) == 1  # 8000 fit in one millisecond's counter


def test_a_clock_put_right_after_running_far_ahead_restarts_from_the_wall_clock() -> None:
    wall = [4_070_908_800_000]  # 2099
    clock = HybridClock(wall_ms=lambda: wall[0])
    far = clock.now()
    wall[0] = 1_700_000_000_000  # put right
    assert clock.now() == pack(1_700_000_000_000, 0) < far
    assert clock.now() == pack(1_700_000_000_000, 1)
