"""Checking received changes against their origin's hash chain while a package is applied.

Received changes keep their origin's chain: the receiver recomputes each change's hash
(:func:`fieldapp.domain.audit.entry_hash`) from its content and the hash of the origin's change
before it — held here, read earlier in this package, or sent with it as its ``link`` — and stores
both. A change whose recomputed hash does not start with the tag its origin sent was changed
after its origin logged it; a link that differs from the hash held here means earlier changes
were rewritten; the package's signed heads (``header["chain"]``) must verify with the origin's
key and match the hash held at their sequence number. Any of these is a :class:`ChainBroken`:
the package is refused with reason ``chain``, naming the device and the change.

``strict`` (the district server): the sender's own changes must carry their chain and be covered,
change for change, by the sender's signed head.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection

from fieldapp.domain import audit
from fieldapp.domain.audit import GENESIS, Break, Head
from fieldapp.store import chain
from fieldapp.sync.body import Change
from fieldapp.sync.package import PackageRefused
from fieldapp.sync.seqs import Seqs


class ChainBroken(Exception):
    """A received chain does not hold together: the whole package is refused."""

    def __init__(self, found: Break) -> None:
        super().__init__(found.describe())
        self.found = found


def verify_head(head: Head, public_key: str | None) -> bool | None:
    """True/False: the head's signature checked with the origin's public key (base64); None: no key here."""
    if public_key is None:
        return None
    if not head.signature:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key)).verify(head.signature, head.message())
    except (InvalidSignature, ValueError):
        return False
    return True


def refusal(exc: ChainBroken) -> PackageRefused:
    """The package refusal for a broken chain: reason ``chain``, where and what in ``detail``."""
    found = exc.found
    return PackageRefused("chain", f"记录链断裂，整个同步包未应用：{found.describe()}",
                          detail={"origin": found.origin, "origin_seq": found.seq, "kind": found.kind,
                                  "what": found.detail})


def sign_restamps(conn: Connection, device_id: str, base: tuple[int, bytes] | None, head: tuple[int, bytes] | None,
                  key: chain.Signer) -> None:
    """This replica re-stamped far-future changes while applying (its own new entries): sign its new head."""
    if base is not None and head is not None:
        chain.sign_following(conn, device_id, base, head, key)


class ChainCheck:
    """Links the changes of one package (inside its write transaction) and checks them."""

    def __init__(self, conn: Connection, header: Mapping[str, Any], *, strict: bool = False) -> None:
        self.conn = conn
        self.sender = str(header["sender"])
        self.strict = strict
        self.heads = self._heads(header.get("chain"))
        self._last: dict[str, tuple[int, bytes]] = {}  # per origin: the change linked last
        self._recent: dict[tuple[str, int], bytes] = {}  # this batch's hashes (earlier batches are in the log)
        self._refused: dict[tuple[str, int], bytes] = {}  # linked but not logged (refused as out of scope)
        self._anchors: dict[tuple[str, int], tuple[bytes, int]] = {}  # link sent for a change not yet read
        self.top: dict[str, int] = {}

    @staticmethod
    def _heads(raw: Any) -> dict[str, Head]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise ChainBroken(Break("?", 0, audit.HEAD, "同步包头的链头格式错误"))
        out = {}
        for origin, data in raw.items():
            try:
                out[str(origin)] = Head.from_json(str(origin), data)
            except ValueError as exc:
                raise ChainBroken(Break(str(origin), 0, audit.HEAD, str(exc))) from exc
        return out

    def link(self, ch: Change, fields: str, prev: str) -> tuple[bytes | None, bytes | None]:
        """(chain_prev, chain_hash) to store with ``ch`` (whose stored texts are ``fields``/``prev``)."""
        if ch.tag is None and self.strict and ch.origin == self.sender:  # a body written before the chain
            raise ChainBroken(Break(ch.origin, ch.seq, audit.UNSIGNED, "同步包未带记录链：请升级发送方的 FieldApp"))
        key = (ch.origin, ch.seq)
        previous = self._known(ch.origin, ch.seq - 1)
        if ch.chain_prev is not None:
            if previous is not None and previous != ch.chain_prev:
                raise ChainBroken(Break(ch.origin, ch.seq, audit.LINK, "与本机已有的前一条不符：此前的记录被改写"))
            if previous is None:
                self._anchors[(ch.origin, ch.seq - 1)] = (ch.chain_prev, ch.seq)
            previous = ch.chain_prev
        if previous is None:
            if ch.tag is not None:
                raise ChainBroken(Break(ch.origin, ch.seq, audit.LINK, "同步包既没有前一条记录，也没有它的哈希"))
            return None, None
        digest = audit.entry_hash((ch.origin, ch.seq, ch.hlc, ch.tbl, ch.row_id, ch.household_id, ch.op, fields, prev,
                                   ch.user_id, ch.user_name), previous)
        if ch.tag is not None and audit.tag(digest) != ch.tag:
            raise ChainBroken(Break(ch.origin, ch.seq, audit.CONTENT,
                                    f"作者 {ch.user_name or '—'}，{ch.tbl} {ch.op}：内容在记录之后被改动"))
        anchor = self._anchors.pop(key, None)
        if anchor is not None and anchor[0] != digest:
            raise ChainBroken(Break(ch.origin, anchor[1], audit.LINK, "前一条记录被改动、删除或调换了顺序"))
        self._recent[key] = digest
        if ch.seq > self._last.get(ch.origin, (0, b""))[0]:
            self._last[ch.origin] = (ch.seq, digest)
        self.top[ch.origin] = max(self.top.get(ch.origin, 0), ch.seq)
        return previous, digest

    def refused(self, ch: Change, linked: tuple[bytes | None, bytes | None]) -> None:
        """``ch`` was linked but will not be logged: later changes of the package still link to it."""
        if linked[1] is not None:
            self._refused[(ch.origin, ch.seq)] = linked[1]

    def batch_done(self) -> None:
        self._recent.clear()

    def _known(self, origin: str, seq: int) -> bytes | None:
        if seq <= 0:
            return GENESIS
        last = self._last.get(origin)
        if last is not None and last[0] == seq:
            return last[1]
        found = self._recent.get((origin, seq)) or self._refused.get((origin, seq))
        return found if found is not None else chain.hash_at(self.conn, origin, seq)

    def finish(self, keys: Mapping[str, str | None], seen: Mapping[str, Seqs], base: Mapping[str, int]) -> None:
        """After the body: every head checked (``keys``: origin → public signing key, if known), then kept.

        ``seen``/``base``: the sequence numbers the body held per origin and where the package starts.
        """
        if self.strict and self.sender in self.top:
            after = base.get(self.sender, 0)
            got = seen.get(self.sender, Seqs())
            missing = got.first_missing(after, got.top())
            if missing is not None:
                raise ChainBroken(Break(self.sender, missing, audit.MISSING, "同步包缺少这条记录：它在发送方被删除"))
            head = self.heads.get(self.sender)
            if head is None:
                raise ChainBroken(Break(self.sender, after + 1, audit.UNSIGNED, "同步包没有发送方签名的链头"))
            if head.seq < self.top[self.sender]:
                raise ChainBroken(Break(self.sender, head.seq + 1, audit.UNSIGNED,
                                        f"第 {head.seq + 1} 至 {self.top[self.sender]} 条不在设备签名的链头之内"))
            if keys.get(self.sender) is None:
                raise ChainBroken(Break(self.sender, head.seq, audit.SIGNATURE, "服务器没有该设备的公钥"))
        for origin, head in self.heads.items():
            ok = verify_head(head, keys.get(origin))
            if ok is False:
                raise ChainBroken(Break(origin, head.seq, audit.SIGNATURE))
            held = chain.hash_at(self.conn, origin, head.seq)
            if held is None:
                held = self._refused.get((origin, head.seq))
            if held is not None and held != head.chain_hash:
                raise ChainBroken(Break(origin, head.seq, audit.HEAD, "链头与收到的记录算出的哈希不符：记录链被改写"))
            kept = chain.signed_head(self.conn, origin)
            if held is not None and (kept is None or kept.seq < head.seq):
                chain.keep_head(self.conn, head)
