"""The change log's hash chains in the register: heads, signed heads, and walking a chain to check it.

Hashing itself is :mod:`fieldapp.domain.audit`. Here:

- :func:`last_link` — an origin's latest (origin_seq, chain_hash), one seek on the
  ``(origin, origin_seq)`` unique index: appending a change costs the same in any size of register;
- signed heads, one per origin, in ``local_state`` under ``chain_head:<origin>`` (:func:`signed_head`,
  :func:`keep_head`); this device's own is signed by the write path at each commit (:func:`sign_own`,
  with the signer :func:`set_signer` attached to the database by whoever holds the device key);
- :func:`walk` — every entry of an origin in order, recomputed: what differs, where.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from sqlalchemy import Connection

from fieldapp.domain import audit
from fieldapp.domain.audit import GENESIS, Break, Head

log = logging.getLogger("fieldapp.store.chain")



class Signer(Protocol):
    """The device's Ed25519 private key, as ``cryptography`` gives it (``sign``, ``public_key().verify``)."""

    def sign(self, data: bytes) -> bytes: ...

    def public_key(self) -> Any: ...
_PREFIX = "chain_head:"
ADOPT = "chain_adopt"
_PAGE = 2000
_ENTRY = "origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev, user_id, user_name"


def last_link(conn: Connection, origin: str) -> tuple[int, bytes]:
    """(origin_seq, chain_hash) of ``origin``'s latest entry held here; (0, GENESIS) when none."""
    row = conn.exec_driver_sql(
        "SELECT origin_seq, chain_hash FROM change_log WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1",
        (origin,)).first()
    if row is None:
        return 0, GENESIS
    return int(row[0]), bytes(row[1]) if row[1] is not None else GENESIS


def hash_at(conn: Connection, origin: str, seq: int) -> bytes | None:
    """The stored chain hash of (origin, seq), or None when that entry is not held here."""
    if seq == 0:
        return GENESIS
    row = conn.exec_driver_sql("SELECT chain_hash FROM change_log WHERE origin = ? AND origin_seq = ?",
                               (origin, seq)).first()
    return bytes(row[0]) if row is not None and row[0] is not None else None


def signed_head(conn: Connection, origin: str) -> Head | None:
    row = conn.exec_driver_sql("SELECT value FROM local_state WHERE key = ?", (_PREFIX + origin,)).first()
    if row is None:
        return None
    try:
        return Head.from_json(origin, json.loads(row[0]))
    except ValueError:
        return None


def signed_heads(conn: Connection) -> dict[str, Head]:
    out = {}
    for key, value in conn.exec_driver_sql("SELECT key, value FROM local_state WHERE key LIKE ?",
                                           (_PREFIX + "%",)):
        origin = str(key)[len(_PREFIX):]
        try:
            out[origin] = Head.from_json(origin, json.loads(value))
        except ValueError:
            continue
    return out


def keep_head(conn: Connection, head: Head) -> None:
    """Keep ``head`` as its origin's signed head (replacing an older one)."""
    key, value = _PREFIX + head.origin, json.dumps(head.to_json())
    if conn.exec_driver_sql("UPDATE local_state SET value = ? WHERE key = ?", (value, key)).rowcount == 0:
        conn.exec_driver_sql("INSERT INTO local_state (key, value) VALUES (?, ?)", (key, value))


def sign_own(conn: Connection, origin: str, seq: int, chain_hash: bytes, signer: Signer) -> Head:
    head = Head(origin, seq, chain_hash)
    signed = Head(origin, seq, chain_hash, signer.sign(head.message()))
    keep_head(conn, signed)
    return signed


def sign_following(conn: Connection, origin: str, base: tuple[int, bytes], new: tuple[int, bytes],
                   signer: Signer) -> Head | None:
    """Sign ``new`` as this device's head if the chain it extends still ends where the device last signed.

    ``base`` is (origin_seq, chain_hash) of the entry the new changes were linked to. When it is not the
    signed head (entries removed at the end, appended outside the program, or the chain re-hashed since),
    the new head is left unsigned: signing it would vouch for what someone changed behind the program's
    back. The program keeps working; ``audit verify`` and the district show the break.
    """
    head = signed_head(conn, origin)
    continuous = (base[0] == 0 and head is None) or (
        head is not None and head.seq == base[0] and head.chain_hash == base[1] and _signed_by(head, signer))
    if not continuous:
        log.warning("chain of %s does not end at its signed head (#%s): new head #%d left unsigned",
                    origin, head.seq if head else None, new[0])
        return None
    return sign_own(conn, origin, new[0], new[1], signer)


def _signed_by(head: Head, key: Signer) -> bool:
    try:
        key.public_key().verify(head.signature, head.message())
    except (InvalidSignature, ValueError):
        return False
    return True


def adopt_after_upgrade(conn: Connection, origin: str, signer: Signer) -> Head | None:
    """Sign this device's head once after migration 0007 chained the entries written before it."""
    if conn.exec_driver_sql("SELECT 1 FROM local_state WHERE key = ?", (ADOPT,)).first() is None:
        return None
    conn.exec_driver_sql("DELETE FROM local_state WHERE key = ?", (ADOPT,))
    seq, chain_hash = last_link(conn, origin)
    if seq == 0 or signed_head(conn, origin) is not None:
        return None
    log.info("signed the chain head of entries written before the upgrade: %s #%d", origin, seq)
    return sign_own(conn, origin, seq, chain_hash, signer)


def origins(conn: Connection) -> list[tuple[str, int, int]]:
    """Every origin held here with its lowest and highest origin_seq."""
    return [(str(r[0]), int(r[1]), int(r[2])) for r in conn.exec_driver_sql(
        "SELECT origin, min(origin_seq), max(origin_seq) FROM change_log GROUP BY origin ORDER BY origin")]


def entries(conn: Connection, origin: str, after: int = 0) -> Iterator[tuple[tuple[Any, ...], bytes | None,
                                                                         bytes | None]]:
    """(entry 11-tuple, chain_prev, chain_hash) of ``origin`` above ``after``, in origin_seq order, a page at a time."""
    while True:
        rows = conn.exec_driver_sql(
            f"SELECT {_ENTRY}, chain_prev, chain_hash FROM change_log WHERE origin = ? AND origin_seq > ? "
            f"ORDER BY origin_seq LIMIT {_PAGE}", (origin, after)).all()
        for r in rows:
            yield (tuple(r[:11]), None if r[11] is None else bytes(r[11]), None if r[12] is None else bytes(r[12]))
        if len(rows) < _PAGE:
            return
        after = int(rows[-1][1])


def _head_breaks(conn: Connection, origin: str, head: Head, last_seq: int, *, complete: bool,
                 verify: Callable[[Head], bool] | None) -> list[Break]:
    """What is wrong with the signed head of a chain held up to ``last_seq``."""
    breaks = []
    at = hash_at(conn, origin, head.seq) if head.seq <= last_seq else None
    if at is None:
        if complete or head.seq > last_seq:
            breaks.append(Break(origin, head.seq, audit.HEAD_MISSING, f"本机只有到第 {last_seq} 条"))
    elif at != head.chain_hash:
        breaks.append(Break(origin, head.seq, audit.HEAD))
    if verify is not None and not verify(head):
        breaks.append(Break(origin, head.seq, audit.SIGNATURE))
    if complete and last_seq > head.seq:
        breaks.append(Break(origin, head.seq + 1, audit.UNSIGNED, f"第 {head.seq + 1} 至 {last_seq} 条"))
    return breaks


def walk(conn: Connection, origin: str, *, complete: bool, head: Head | None = None,
         verify: Callable[[Head], bool] | None = None) -> tuple[list[Break], int]:
    """Check ``origin``'s chain as held here: (breaks found, entries checked).

    Every entry must hash to its stored ``chain_hash`` from its content and stored ``chain_prev``,
    and follow the entry before it where both are held. ``complete``: every entry from 1 on must be
    here (this device's own chain; a scoped laptop holds only its villages' part of the others').
    ``head``: the signed head, checked against the hash held at its sequence number; ``verify`` checks
    its signature. Entries after the head are listed as unsigned when ``complete``.
    """
    breaks: list[Break] = []
    count, last_seq, last_hash = 0, 0, GENESIS
    for entry, prev, stored in entries(conn, origin):
        seq = int(entry[1])
        count += 1
        if seq != last_seq + 1 and complete:
            breaks.append(Break(origin, last_seq + 1, audit.MISSING,
                                f"第 {last_seq + 1} 至 {seq - 1} 条不在本机" if seq - 1 > last_seq + 1 else ""))
        if stored is None or prev is None:
            breaks.append(Break(origin, seq, audit.CONTENT, "没有哈希"))
        else:
            if audit.entry_hash(entry, prev) != stored:
                breaks.append(Break(origin, seq, audit.CONTENT, f"作者 {entry[10] or '—'}，{entry[3]} {entry[6]}"))
            if (seq == last_seq + 1 or complete) and prev != last_hash:
                breaks.append(Break(origin, seq, audit.LINK))
        last_seq, last_hash = seq, stored if stored is not None else GENESIS
    if head is not None:
        breaks += _head_breaks(conn, origin, head, last_seq, complete=complete, verify=verify)
    elif complete and count:
        breaks.append(Break(origin, 1, audit.UNSIGNED, "本机没有签名的链头"))
    return breaks, count
