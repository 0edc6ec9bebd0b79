"""The runs that hold a package's sequence numbers per origin behave as a set of them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.sync.seqs import Seqs


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=60), max_size=80), st.integers(0, 70), st.integers(0, 70))
def test_runs_answer_as_a_set(numbers: list[int], after: int, upto: int) -> None:
    runs, plain = Seqs(), set()
    for n in numbers:
        assert runs.add(n) == (n not in plain)  # a number sent twice is told apart
        plain.add(n)
    assert len(runs) == len(plain) and bool(runs) == bool(plain)
    assert all((n in runs) == (n in plain) for n in range(0, 72))
    assert runs.top() == max(plain, default=0)
    assert runs.first_missing(after, upto) == next((s for s in range(after + 1, upto + 1) if s not in plain), None)
    # maximal runs: as many as the set has gaps
    assert len(runs._starts) == sum(1 for n in plain if n - 1 not in plain)


def test_a_long_package_is_one_run() -> None:
    runs = Seqs()
    for n in range(5, 100_005):
        runs.add(n)
    assert len(runs._starts) == 1 and runs.top() == 100_004 and len(runs) == 100_000
    assert runs.first_missing(0, 10) == 1 and runs.first_missing(4, 100_004) is None
    assert runs.first_missing(4, 100_005) == 100_005 and 100_005 not in runs and "5" not in runs
