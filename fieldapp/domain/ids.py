"""Globally unique ids for synced rows: UUIDv7 (time-ordered), or UUIDv5 for natural keys.

Never an autoincrement: two laptops offline would issue the same number.
A natural-key id (one income row per household and year, one indicator per household
and code) is derived with :func:`natural_id` so that two devices creating "the same"
row concurrently create the same id and their edits merge instead of duplicating.
"""

from __future__ import annotations

import uuid

import uuid6

_NAMESPACE = uuid.UUID("6f1c1c8e-7d0f-4a57-9f0e-8c1f2a6b9d11")


def new_id() -> str:
    return str(uuid6.uuid7())


def natural_id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


def short_id(value: str) -> str:
    """Eight characters that tell ids apart in messages and file names: the *end* of the id.

    UUIDv7 ids start with their creation time, so two devices set up the same day share
    their first characters; the last ones are random.
    """
    return value.replace("-", "")[-8:]
