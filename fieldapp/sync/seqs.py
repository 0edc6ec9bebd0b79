"""The sequence numbers of one origin that a package held, kept as runs.

An import remembers which changes of each origin its body held (to refuse one sent twice, to find
the first one missing from a range, and to know how far the body reached). A package holds an origin's
changes in runs of consecutive numbers, usually one, so they are kept as sorted, disjoint runs in two
integer arrays: memory follows the gaps, not the number of changes (a set of 100,000 numbers
took 7 MB, more than five times the package it came from).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right


class Seqs:
    """A set of positive sequence numbers (signed 64-bit), stored as maximal runs ``starts[i]..ends[i]``."""

    __slots__ = ("_ends", "_starts", "count")

    def __init__(self) -> None:
        self._starts = array("q")
        self._ends = array("q")  # inclusive; runs never touch (adjacent ones are joined)
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def __contains__(self, seq: object) -> bool:
        if type(seq) is not int:
            return False
        i = bisect_right(self._starts, seq) - 1
        return i >= 0 and seq <= self._ends[i]

    def add(self, seq: int) -> bool:
        """Note ``seq``; False (and nothing changes) when it was already there."""
        starts, ends = self._starts, self._ends
        if ends and seq == ends[-1] + 1:  # the common case: the next change of the run at hand
            ends[-1] = seq
            self.count += 1
            return True
        i = bisect_right(starts, seq) - 1  # the run starting at or before seq
        if i >= 0 and seq <= ends[i]:
            return False
        joins_left = i >= 0 and ends[i] == seq - 1
        joins_right = i + 1 < len(starts) and starts[i + 1] == seq + 1
        if joins_left and joins_right:
            ends[i] = ends[i + 1]
            del starts[i + 1], ends[i + 1]
        elif joins_left:
            ends[i] = seq
        elif joins_right:
            starts[i + 1] = seq
        else:
            starts.insert(i + 1, seq)
            ends.insert(i + 1, seq)
        self.count += 1
        return True

    def top(self) -> int:
        """The highest number held (0 when none)."""
        return self._ends[-1] if self._ends else 0

    def first_missing(self, after: int, upto: int) -> int | None:
        """The lowest number in ``after + 1 .. upto`` not held, or None when all are."""
        seq = after + 1
        i = bisect_right(self._starts, seq) - 1
        if i >= 0 and seq <= self._ends[i]:
            seq = self._ends[i] + 1  # runs are maximal: the one after this starts beyond seq
        return seq if seq <= upto else None
