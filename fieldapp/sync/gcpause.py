"""Python's cyclic garbage collector paused while a package is applied.

A merge allocates a few objects per received change (the decoded change, its dicts, the log row), and
objects that live for a batch are promoted until the collector runs a full collection, which walks every
object of the process (the ORM's metadata, the app): about 0.2 s each on a 20,000-change merge, several
per 100,000 changes. What a merge allocates is freed by reference counting as each batch is done; the
collector runs again as soon as the last merge in the process ends. Merges in several threads at once (the
district server) share one count, so the collector resumes only after the last of them. A household
import's dry run and its write pause it the same way (:mod:`fieldapp.services.excel`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _State:
    lock = threading.Lock()
    holders = 0
    was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees everything acyclic)."""
    with _State.lock:
        if _State.holders == 0:
            _State.was_enabled = gc.isenabled()
            gc.disable()
        _State.holders += 1
    try:
        yield
    finally:
        with _State.lock:
            _State.holders -= 1
            if _State.holders == 0 and _State.was_enabled:
                gc.enable()


def collect_young() -> None:
    """Collect what became cyclic garbage since the last call (generations 0 and 1), not the whole heap.

    For a long job inside :func:`paused` that does make cycles (SQLAlchemy's statements: each ``IN`` list
    of a query stays in one until collected), called once per batch so they do not pile up over the job.
    """
    gc.collect(1)
