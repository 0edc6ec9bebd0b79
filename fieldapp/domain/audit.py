"""The tamper-evident change log: canonical entry hashing and the signed chain head (pure).

Each device's changes form a hash chain (one per origin): an entry's ``chain_hash`` is the
SHA-256 of a canonical encoding of everything the entry says (origin, origin_seq, hlc, table,
row, household, op, the ``fields`` and ``prev`` JSON texts as stored, the author) and of the
``chain_hash`` of the same origin's entry before it (:data:`GENESIS` before the first). Editing,
deleting or reordering an entry therefore changes every hash after it; the device signs its
latest hash (the *head*) with its Ed25519 key, so a chain re-hashed consistently by someone
without that key no longer matches the signed head.

``fields``/``prev`` are hashed as their stored text, which the one write path and the sync merge
both produce canonically (sorted keys, compact separators, UTF-8): every replica that holds an
entry computes the same hash from it.

The hashed text is ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` of a list of
strings, integers and nulls, UTF-8 encoded. msgspec's compiled encoder writes exactly those bytes
for such a list (tests/audit/test_chain_encoding.py compares them over every code point), at an
eighth of the cost; a merge hashes every change it receives. Anything else (a caller passing other
types) takes the standard library's encoder, as before.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

GENESIS = bytes(32)  # the "previous hash" of an origin's first entry
_TAG = "fieldapp-chain-1"
_HEAD_TAG = "fieldapp-chain-head-1"
# json.dumps(..., ensure_ascii=False, separators=(",", ":")) with one encoder (dumps builds one per call with
# these arguments): the same text, hashed once per change written or received
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
TAG_LEN = 8  # hex characters of an entry's hash sent with it (to locate a break; not a security boundary)


@dataclass(frozen=True)
class Entry:
    """What one change-log entry says, as stored (``fields``/``prev`` are the canonical JSON texts)."""

    origin: str
    origin_seq: int
    hlc: int
    tbl: str
    row_id: str
    household_id: str | None
    op: str
    fields: str
    prev: str
    user_id: str | None
    user_name: str | None




def entry_hash(entry: Entry | tuple[object, ...], previous: bytes) -> bytes:
    """The chain hash of ``entry`` following the entry whose chain hash is ``previous``.

    ``entry`` may also be the 11-tuple (origin, origin_seq, hlc, tbl, row_id, household_id, op,
    fields, prev, user_id, user_name) in which the write path and the merge hold log rows.
    """
    values = (entry.origin, entry.origin_seq, entry.hlc, entry.tbl, entry.row_id, entry.household_id, entry.op,
              entry.fields, entry.prev, entry.user_id, entry.user_name) if isinstance(entry, Entry) else entry
    origin, seq, hlc, tbl, row_id, household_id, op, fields, prev, user_id, user_name = values
    items = [_TAG, origin, int(seq), int(hlc), tbl, row_id, household_id, op, fields, prev, user_id, user_name,
             previous.hex()]
    # texts and nulls (what every caller holds): the compiled encoder; anything else as it always was
    if type(origin) is str and type(tbl) is str and type(row_id) is str and type(op) is str and type(fields) is str \
            and type(prev) is str and (household_id is None or type(household_id) is str) \
            and (user_id is None or type(user_id) is str) and (user_name is None or type(user_name) is str):
        return hashlib.sha256(_compiled()(items)).digest()
    return hashlib.sha256(_encode(items).encode("utf-8")).digest()


@functools.cache
def _compiled() -> Callable[[object], bytes]:
    """msgspec's JSON encoder, imported on the first hash (not at start-up: the login needs no hash)."""
    import msgspec.json

    return msgspec.json.Encoder().encode


def tag(chain_hash: bytes) -> str:
    """The short tag of a hash sent with each change: lets a receiver name the first entry that differs."""
    return chain_hash.hex()[:TAG_LEN]


def head_message(origin: str, seq: int, chain_hash: bytes) -> bytes:
    """The bytes a device signs for its head: its id, the sequence number and the hash there."""
    return f"{_HEAD_TAG}|{origin}|{int(seq)}|{chain_hash.hex()}".encode("ascii")


@dataclass(frozen=True)
class Head:
    """An origin's chain head: (origin, seq, hash) and the origin device's Ed25519 signature of it."""

    origin: str
    seq: int
    chain_hash: bytes
    signature: bytes = b""

    def message(self) -> bytes:
        return head_message(self.origin, self.seq, self.chain_hash)

    def to_json(self) -> dict[str, object]:
        return {"seq": self.seq, "hash": self.chain_hash.hex(), "sig": self.signature.hex()}

    @classmethod
    def from_json(cls, origin: str, data: object) -> Head:
        """Parse a head as a package header or ``local_state`` holds it; ``ValueError`` names what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("链头格式错误")
        seq, hash_hex, sig_hex = data.get("seq"), data.get("hash"), data.get("sig", "")
        if type(seq) is not int or seq < 1 or not isinstance(hash_hex, str) or not isinstance(sig_hex, str):
            raise ValueError("链头格式错误")
        chain_hash, signature = bytes.fromhex(hash_hex), bytes.fromhex(sig_hex)
        if len(chain_hash) != 32 or len(signature) not in (0, 64):
            raise ValueError("链头长度错误")
        return cls(origin, seq, chain_hash, signature)


# what a check found wrong, as codes (front ends word them; see ``describe``)
CONTENT = "content"  # the entry no longer hashes to its stored hash: something in it was changed
LINK = "link"  # the entry does not follow the one before it (that one was changed, removed or reordered)
MISSING = "missing"  # an entry of this device's own chain is absent
HEAD = "head"  # the chain's hash at the signed head differs from what the device signed
HEAD_MISSING = "head-missing"  # the signed head names an entry that is no longer there
SIGNATURE = "signature"  # the signed head's signature does not verify with the device's key
UNSIGNED = "unsigned"  # entries after the signed head: no device signature covers them


@dataclass(frozen=True)
class Break:
    """Where a chain breaks: the origin (device), the entry's sequence number, what differs."""

    origin: str
    seq: int
    kind: str
    detail: str = ""

    def describe(self) -> str:
        text = _WORDS.get(self.kind, self.kind)
        return f"设备 {self.origin} 第 {self.seq} 条：{text}" + (f"（{self.detail}）" if self.detail else "")


_WORDS = {
    CONTENT: "记录内容与其哈希不符，写入后被改动（作者、字段值或时间）",
    LINK: "与前一条记录的哈希不衔接：前一条被改动、删除或调换了顺序",
    MISSING: "记录缺失（被删除）",
    HEAD: "此处的哈希与设备签名的链头不符：记录被删除、改动或整体改写",
    HEAD_MISSING: "本机签名的链头所指的记录已不存在（末尾记录被删除）",
    SIGNATURE: "链头签名无效（不是该设备的密钥所签）",
    UNSIGNED: "此条及之后的记录没有设备签名（在程序之外追加）",
}
