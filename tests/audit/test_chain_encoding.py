"""Chain hashes are computed over exactly the bytes they always were (stored hashes keep verifying).

The hashed text is the standard library's ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))``
of the entry; :func:`fieldapp.domain.audit.entry_hash` writes it with a compiled encoder. These tests hold
the two to the same bytes for every code point, and pin hashes the standard library's encoder produced.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from fieldapp.domain import audit

ENTRY = ("dev-1", 7, 117744636377563136, "household", "019b76da-a8a5-7a5c-9492-b3f869641762", None, "update",
         '{"address":"王\u2028\\"引号\\\\\\u0000","phone":"\x7f"}', '{"address":[117744636377563135,"dev-0"]}', "u-1",
         "张建华")


def _reference(entry: tuple[object, ...], previous: bytes) -> bytes:
    """The hash as the chain was first defined: the standard library's JSON text, UTF-8."""
    origin, seq, hlc, *rest = entry
    text = json.dumps(["fieldapp-chain-1", origin, int(seq), int(hlc), *rest, previous.hex()],  # type: ignore[call-overload]
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).digest()


def test_hashes_stored_by_earlier_versions_still_verify() -> None:
    # computed with the standard library's encoder before the compiled one was used
    assert audit.entry_hash(ENTRY, audit.GENESIS).hex() == \
        "10dc47f0da0eeeec9591c269db82832113b3788b176be6c47ea7debe846c0880"
    other = (*ENTRY[:5], "hh-\t\n", "delete", "{}", "{}", None, None)
    assert audit.entry_hash(other, bytes(range(32))).hex() == \
        "61465ea5979659cb8e3b691c8540ffdaa07fa01594358eb3e25b55bfe25cab4b"
    assert audit.entry_hash(audit.Entry(*ENTRY), audit.GENESIS) == audit.entry_hash(ENTRY, audit.GENESIS)


def test_every_code_point_hashes_as_the_standard_library_encodes_it() -> None:
    surrogates = range(0xD800, 0xE000)
    chunk = 512
    for start in range(0, 0x110000, chunk):
        text = "".join(chr(c) for c in range(start, start + chunk) if c not in surrogates)
        for position in (3, 4, 5, 7, 8, 9, 10):  # every text an entry holds
            entry = list(ENTRY)
            entry[position] = text
            assert audit.entry_hash(tuple(entry), audit.GENESIS) == _reference(tuple(entry), audit.GENESIS), \
                (hex(start), position)


def test_a_lone_surrogate_fails_as_it_always_did() -> None:
    entry = (*ENTRY[:10], "a\ud800b")
    with pytest.raises(UnicodeEncodeError):
        _reference(entry, audit.GENESIS)
    with pytest.raises(UnicodeEncodeError):
        audit.entry_hash(entry, audit.GENESIS)


def test_values_other_than_texts_hash_as_the_standard_library_encodes_them() -> None:
    entry = (*ENTRY[:9], 12, 3.5)  # not what a caller holds, but hashed as before
    assert audit.entry_hash(entry, audit.GENESIS) == _reference(entry, audit.GENESIS)
    assert audit.entry_hash((*ENTRY[:2], True, *ENTRY[3:]), audit.GENESIS) == \
        _reference((*ENTRY[:2], 1, *ENTRY[3:]), audit.GENESIS)
