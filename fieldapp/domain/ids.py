"""Globally unique ids for synced rows: UUIDv7 (time-ordered), or UUIDv5 for natural keys.

Never an autoincrement: two laptops offline would issue the same number.
A natural-key id (one income row per household and year, one indicator per household
and code) is derived with :func:`natural_id` so that two devices creating "the same"
row concurrently create the same id and their edits merge instead of duplicating.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_NAMESPACE = uuid.UUID("6f1c1c8e-7d0f-4a57-9f0e-8c1f2a6b9d11")
_RANDOM_BYTES = 4096  # os.urandom is read in blocks: one system call per id was most of an id's cost
_lock = threading.Lock()
_state = {"last_ms": 0, "pool": b"", "at": 0}


def new_id() -> str:
    """A UUIDv7 (RFC 9562) as text: 48 bits of Unix milliseconds, then 74 random bits (``os.urandom``).

    As the ``uuid6`` library's ``uuid7`` makes them (which this replaced at a quarter of the cost: an import
    makes one per row): a millisecond not later than the previous id's is taken as the previous one plus
    one, so ids made by this process sort in the order they were made.
    """
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _state["last_ms"]:
            ms = _state["last_ms"] + 1
        _state["last_ms"] = ms
        at = _state["at"]
        if at + 10 > len(_state["pool"]):
            _state["pool"], at = os.urandom(_RANDOM_BYTES), 0
        _state["at"] = at + 10
        rand = int.from_bytes(_state["pool"][at:at + 10], "big") & ((1 << 76) - 1)
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | rand
    value = (value & ~(0xF000 << 64)) | 7 << 76  # version 7
    value = (value & ~(0xC000 << 48)) | 0x8000 << 48  # variant RFC 4122
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _forget_random_bytes() -> None:
    _state["pool"], _state["at"] = b"", 0  # a forked child must not give the parent's next ids' random bits


os.register_at_fork(after_in_child=_forget_random_bytes)


def natural_id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


def short_id(value: str) -> str:
    """Eight characters that tell ids apart in messages and file names: the *end* of the id.

    UUIDv7 ids start with their creation time, so two devices set up the same day share
    their first characters; the last ones are random.
    """
    return value.replace("-", "")[-8:]
