"""Sign-off (签字背书) rules, pure: the canonical snapshot, its hash, the signed message, the short
verification code and the difference between a signed snapshot and the record as it is now.

A snapshot is a JSON object of stored values (codes, fen, ISO dates; never display strings)::

    {"subject": "household", "id": "<household id>",
     "tables": {"household": [{"id": …, "village_id": …, …}], "member": [{…}, …], …}}

Each table is a list of rows, each row a flat object with its ``id``, sorted by id. The canonical
form is that object as compact JSON with sorted keys (UTF-8): the same record gives the same bytes
on every laptop and on the district server, so anyone holding the data can recompute the hash.

The signature covers :func:`message`: the subject, the signer, the role, the time and the snapshot's
hash, so a signature can be moved neither to another record nor to another person or time.
The verification code (:func:`verification_code`) is ten characters derived from the signature
plus a check character (ISO 7064 MOD 37,36): short enough to read out or type, and a mistyped
character is refused rather than matched to somebody else's sign-off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from stdnum.iso7064 import mod_37_36

from fieldapp.domain.fields import FieldCatalogue

SUBJECTS = ("household", "visit", "attendance_month", "workflow_step", "notice", "summary", "workflow_batch",
            "project_acceptance", "asset_event", "disclosure")
#: what a household sign-off covers (八个搞清楚, members, income, indicators, measures)
HOUSEHOLD_TABLES = ("household", "member", "income_year", "indicator", "measure")
#: what a visit sign-off covers
VISIT_TABLES = ("visit", "visit_cadre", "visit_measure", "visit_photo", "follow_up")
#: columns that are not part of what a person sees and signs
NOT_SIGNED = frozenset({"deleted", "row_hlc", "row_device", "field_clocks"})

CODE_PREFIX = "FASIGN"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CHECK_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CODE_LENGTH = 10
MESSAGE_VERSION = "fieldapp-signoff-v1"


class SignoffError(ValueError):
    """Bad sign-off input (an unknown subject, a malformed code); the message says which, in Chinese."""


# -- canonical snapshot ---------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A stored value in its JSON form: dates as ISO text, everything else as JSON has it."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float):
        raise SignoffError(f"签字内容不能含浮点数：{value!r}")
    return value


def snapshot(subject: str, subject_id: str, tables: Mapping[str, Sequence[Mapping[str, Any]]],
             period: str = "") -> dict[str, Any]:
    """The snapshot of ``subject_id``: rows per table without sync columns, each table sorted by id."""
    if subject not in SUBJECTS:
        raise SignoffError(f"未知的签字对象：{subject}")
    body: dict[str, list[dict[str, Any]]] = {}
    for table, rows in tables.items():
        clean = [{k: plain(v) for k, v in row.items() if k not in NOT_SIGNED} for row in rows]
        body[table] = sorted(clean, key=lambda r: str(r.get("id", "")))
    found: dict[str, Any] = {"subject": subject, "id": subject_id, "tables": body}
    if period:
        found["period"] = period
    return found


def canonical(data: Any) -> str:
    """Compact JSON with sorted keys: one text for one content."""
    return json.dumps(plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(text: str) -> str:
    """SHA-256 (hex) of a canonical text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Claim:
    """What a signature says: who (person, role, key) signed which snapshot of what, and when."""

    subject: str
    subject_id: str
    period: str
    person_id: str
    role: str
    key_id: str
    signed_at: int  # ms since the epoch
    snapshot_hash: str


def message(claim: Claim) -> bytes:
    """The bytes the person's key signs."""
    return canonical({"v": MESSAGE_VERSION, "subject": claim.subject, "subject_id": claim.subject_id,
                      "period": claim.period, "person_id": claim.person_id, "role": claim.role,
                      "key_id": claim.key_id, "signed_at": claim.signed_at,
                      "snapshot_hash": claim.snapshot_hash}).encode("utf-8")


# -- verification code ----------------------------------------------------------------------------


def verification_code(signature_hex: str) -> str:
    """``XXXXX-XXXXX-C``: ten Crockford base-32 characters from the signature's SHA-256, then a check character."""
    digest = int.from_bytes(hashlib.sha256(bytes.fromhex(signature_hex)).digest()[:8], "big")
    chars = "".join(_CROCKFORD[(digest >> (5 * i)) & 31] for i in range(CODE_LENGTH))
    check = mod_37_36.calc_check_digit(chars, alphabet=_CHECK_ALPHABET)
    return f"{chars[:5]}-{chars[5:]}-{check}"


def normalise_code(text: str) -> str:
    """A code as typed or scanned (spaces, dashes, lower case, O for 0, I/L for 1, the QR prefix) in its
    printed form; raises :class:`SignoffError` naming what is wrong."""
    raw = text.strip().upper()
    if raw.startswith(CODE_PREFIX + ":"):
        raw = raw[len(CODE_PREFIX) + 1:]
    raw = "".join(ch for ch in raw if ch not in " -_\t")
    if len(raw) != CODE_LENGTH + 1:
        raise SignoffError(f"验证码应为 {CODE_LENGTH + 1} 位（如 ABCDE-12345-X），收到 {len(raw)} 位：{text.strip()}")
    body = raw[:CODE_LENGTH].replace("O", "0").replace("I", "1").replace("L", "1")
    bad = sorted({ch for ch in body if ch not in _CROCKFORD})
    if bad:
        raise SignoffError(f"验证码含无效字符 {''.join(bad)}：{text.strip()}")
    if mod_37_36.calc_check_digit(body, alphabet=_CHECK_ALPHABET) != raw[-1]:
        raise SignoffError(f"验证码校验位不符，请检查是否输错：{text.strip()}")
    return f"{body[:5]}-{body[5:]}-{raw[-1]}"


def qr_payload(code: str) -> str:
    """What the QR code on a print holds (upper case only: the QR stays in alphanumeric mode)."""
    return f"{CODE_PREFIX}:{code}"


# -- the difference since signing -----------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One field that differs: ``change`` is "changed", "added" (a row since signing) or "removed"."""

    table: str
    row_id: str
    field: str
    old: Any
    new: Any
    change: str = "changed"


def diff(signed: Mapping[str, Any], current: Mapping[str, Any]) -> list[Difference]:
    """What differs between two snapshots, table by table in the signed snapshot's order, then row by row."""
    found: list[Difference] = []
    old_tables = signed.get("tables", {})
    new_tables = current.get("tables", {})
    for table in [*old_tables, *(t for t in new_tables if t not in old_tables)]:
        before = {str(r.get("id")): r for r in old_tables.get(table, [])}
        after = {str(r.get("id")): r for r in new_tables.get(table, [])}
        for row_id in [*before, *(r for r in after if r not in before)]:
            old_row, new_row = before.get(row_id), after.get(row_id)
            if old_row is None:
                found.append(Difference(table, row_id, "", None, new_row, "added"))
            elif new_row is None:
                found.append(Difference(table, row_id, "", old_row, None, "removed"))
            else:
                for key in [*old_row, *(k for k in new_row if k not in old_row)]:
                    if key != "id" and old_row.get(key) != new_row.get(key):
                        found.append(Difference(table, row_id, key, old_row.get(key), new_row.get(key)))
    return found


@dataclass(frozen=True)
class DiffLine:
    """A difference in words: which record (``where``), which field, the value when signed and now."""

    where: str
    field: str
    old: str
    new: str


def row_title(table: str, row: Mapping[str, Any] | None, catalogue: FieldCatalogue, lang: str) -> str:
    """A row named as a person would: the member's name, the income's year, the indicator's label…"""
    kind = catalogue.table_label(table, lang)
    row = row or {}
    if table == "income_year" and row.get("year"):
        return f"{kind} {catalogue.word('year', lang).format(row['year'])}"
    if table == "indicator" and row.get("code"):
        return f"{kind} {catalogue.format_value(table, 'code', row['code'], lang)}"
    name = {"member": "name", "measure": "content", "follow_up": "text"}.get(table)
    if name and row.get(name):
        return f"{kind} {str(row[name])[:16]}"
    return kind


def describe(differences: Sequence[Difference], signed: Mapping[str, Any], current: Mapping[str, Any],
             catalogue: FieldCatalogue, lang: str = "zh-Hans", *, names: Mapping[str, str] | None = None,
             masked: bool = True) -> list[DiffLine]:
    """Differences in words, labels and values from the field catalogue.

    Sensitive fields go as the catalogue says: ID and certificate numbers masked (``masked``), bank
    data always masked. An added or removed row is one line naming it.
    """
    rows = {(t, str(r.get("id"))): r for snap in (current, signed) for t, rs in snap.get("tables", {}).items()
            for r in rs}
    added, removed = _word(catalogue, "created", lang), catalogue.word("deleted", lang)
    lines = []
    for d in differences:
        where = row_title(d.table, rows.get((d.table, d.row_id)), catalogue, lang)
        if d.change == "added":
            lines.append(DiffLine(where, "", "", added))
        elif d.change == "removed":
            lines.append(DiffLine(where, "", "", removed))
        else:
            def value(v: Any, d: Difference = d) -> str:
                return catalogue.format_value(d.table, d.field, v, lang, names=names, masked=masked)

            lines.append(DiffLine(where, catalogue.label(d.table, d.field, lang), value(d.old), value(d.new)))
    return lines


def _word(catalogue: FieldCatalogue, name: str, lang: str) -> str:
    try:
        return catalogue.word(name, lang)
    except KeyError:
        return name
