"""The collector pause nests across threads and leaves the collector as it found it."""

from __future__ import annotations

import gc
import threading
import weakref

from fieldapp.sync import gcpause


def test_the_collector_resumes_after_the_last_of_overlapping_merges() -> None:
    assert gc.isenabled()
    inside, leave = threading.Event(), threading.Event()

    def other_merge() -> None:
        with gcpause.paused():
            inside.set()
            leave.wait(10)

    worker = threading.Thread(target=other_merge)
    with gcpause.paused():
        assert not gc.isenabled()
        worker.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other merge is still applying its package
    leave.set()
    worker.join(10)
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_host_stays_off() -> None:
    gc.disable()
    try:
        with gcpause.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collect_young_frees_cycles_made_inside_the_pause() -> None:
    class Node:
        other: object = None

    with gcpause.paused():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: reference counting alone never frees it
        gone = weakref.ref(a)
        del a, b
        assert gone() is not None
        gcpause.collect_young()
        assert gone() is None
