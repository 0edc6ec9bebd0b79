"""Row ids: UUIDv7 text, unique, sorting in the order they were made, never repeated by a forked child."""

from __future__ import annotations

import os
import time
import uuid

import pytest

from fieldapp.domain.ids import new_id


def test_ids_are_version_7_rfc_uuids_with_the_time_in_front() -> None:
    before = time.time_ns() // 1_000_000
    made = [new_id() for _ in range(2000)]
    for text in made:
        value = uuid.UUID(text)
        assert (value.version, value.variant, str(value)) == (7, uuid.RFC_4122, text)
    assert int(made[0].replace("-", "")[:12], 16) >= before


def test_ids_made_in_the_same_millisecond_still_sort_in_the_order_they_were_made() -> None:
    made = [new_id() for _ in range(20_000)]  # far more than one per millisecond
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    # the random part is not all the same bits (each id takes its own random bytes)
    assert len({text[-12:] for text in made}) == len(made)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX")
def test_a_forked_child_does_not_repeat_the_parents_ids() -> None:
    new_id()  # the parent holds random bytes not yet used
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next ids, to the parent
        os.close(read)
        os.write(write, ",".join(new_id() for _ in range(50)).encode())
        os._exit(0)
    os.close(write)
    theirs = b""
    while chunk := os.read(read, 65536):
        theirs += chunk
    os.close(read)
    os.waitpid(pid, 0)
    ours = [new_id() for _ in range(50)]
    assert {t[-17:] for t in theirs.decode().split(",")}.isdisjoint(o[-17:] for o in ours)
