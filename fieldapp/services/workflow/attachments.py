"""Attachments of decisions and 评议 meetings: photos of the minutes, of the signed 脱贫确认书, and others.

An attachment is a photo (the content-addressed ``photo`` table, its file sealed in ``ctx.photos``)
linked to a decision (``step_attachment``, a household's) or to a meeting (``deliberation_attachment``,
a village's), with a kind code (refdata ``attachment_kind``) and a caption. Only JPEG and PNG files are
accepted (a PNG is converted to JPEG as a visit's photo is); anything else is refused naming the file.

Attachments are made with the decision (or the meeting) in the same transaction and are part of what
the decision's signature covers: the link rows and the photos' SHA-256 (:func:`signed_tables`).
:func:`store_files` stores the files first (see :mod:`fieldapp.services.photos` why that is safe).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import natural_id
from fieldapp.services.context import AppContext
from fieldapp.services.photos import PhotoError, StoredPhoto
from fieldapp.store.models import DeliberationAttachment, Photo, StepAttachment
from fieldapp.store.writer import WriteTxn

KINDS = "attachment_kind"
MINUTES, CONFIRMATION, OTHER = "minutes", "confirmation", "other"
_JPEG, _PNG = b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"
_SA, _DA, _P = StepAttachment.__table__, DeliberationAttachment.__table__, Photo.__table__


@dataclass(frozen=True)
class NewAttachment:
    """A file to attach, with its kind code and caption."""

    path: Path
    kind: str = OTHER
    caption: str = ""


@dataclass(frozen=True)
class Stored:
    """A file stored in the photo folder, ready to be linked (its rows not written yet)."""

    photo: StoredPhoto
    kind: str
    caption: str


@dataclass(frozen=True)
class Attachment:
    """An attachment as stored: what it is attached to (a decision or a meeting), the photo and its kind."""

    id: str
    owner_id: str  # the decision (workflow_step) or the meeting (deliberation)
    photo_id: str
    sha256: str
    kind: str
    caption: str
    position: int
    width: int
    height: int


def kind_label(ctx: AppContext, kind: str, lang: str | None = None) -> str:
    return str(ctx.ref[KINDS].label(kind, lang) if lang else ctx.ref[KINDS].label(kind))


def check_kind(ctx: AppContext, kind: str) -> None:
    codes = [c.code for c in ctx.ref[KINDS].codes]
    if kind not in codes:
        known = "、".join(f"{c} {kind_label(ctx, c)}" for c in codes)
        raise rules.WorkflowError(f"附件类别 {kind} 不存在（可用：{known}）")


def check_file(path: Path) -> None:
    """Refuse a file that is not a JPEG or PNG image, naming it (read from its first bytes, not its name)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise PhotoError(f"无法读取附件“{path.name}”：{exc.strerror or exc}") from exc
    if not (head.startswith(_JPEG) or head.startswith(_PNG)):
        raise PhotoError(f"附件“{path.name}”不是 JPEG 或 PNG 图片：附件只接受会议记录、确认书等的照片或扫描图片"
                         "（.jpg、.png）")


def check_items(ctx: AppContext, items: Sequence[NewAttachment]) -> None:
    """Every item's kind is a code and its file a JPEG or PNG image: ``WorkflowError`` or ``PhotoError``."""
    for item in items:
        check_kind(ctx, item.kind)
        check_file(Path(item.path))


def store_files(ctx: AppContext, items: Sequence[NewAttachment]) -> list[Stored]:
    """Check every item first (kind, JPEG/PNG), then store the files sealed in the photo folder. Raises
    ``WorkflowError`` (an unknown kind) or ``PhotoError`` naming the file; nothing is stored then."""
    check_items(ctx, items)
    stored: list[Stored] = []
    seen: set[str] = set()
    for item in items:
        photo = ctx.photos.import_file(Path(item.path))
        if photo.id in seen:  # the same picture chosen twice is attached once
            continue
        seen.add(photo.id)
        stored.append(Stored(photo, item.kind, item.caption.strip()))
    return stored


def step_rows(step_id: str, household_id: str, stored: Sequence[Stored]) -> list[dict[str, Any]]:
    """The ``step_attachment`` rows (with their natural ids) linking ``stored`` to a decision."""
    return [{"id": natural_id("step_attachment", step_id, s.photo.id), "step_id": step_id,
             "household_id": household_id, "photo_id": s.photo.id, "kind": s.kind, "caption": s.caption,
             "position": i} for i, s in enumerate(stored)]


def signed_tables(rows: Sequence[dict[str, Any]], stored: Sequence[Stored]) -> dict[str, list[dict[str, Any]]]:
    """What a signature covers of a decision's attachments: the links and each photo's SHA-256."""
    photos = {s.photo.id: {"id": s.photo.id, "sha256": s.photo.sha256} for s in stored}
    return {"step_attachment": [dict(r) for r in rows], "photo": list(photos.values())}


def write_photos(txn: WriteTxn, stored: Iterable[Stored]) -> None:
    """Insert the ``photo`` rows not yet recorded (content-addressed: an existing one is the same photo)."""
    for s in stored:
        if txn.conn.execute(select(_P.c.id).where(_P.c.id == s.photo.id)).first() is None:
            txn.insert(Photo, {"id": s.photo.id, **s.photo.row()})


def write_meeting(txn: WriteTxn, meeting_id: str, village_id: str, stored: Sequence[Stored]) -> None:
    """Link ``stored`` to a meeting (in the meeting's transaction)."""
    write_photos(txn, stored)
    for i, s in enumerate(stored):
        txn.insert(DeliberationAttachment, {
            "id": natural_id("deliberation_attachment", meeting_id, s.photo.id), "deliberation_id": meeting_id,
            "village_id": village_id, "photo_id": s.photo.id, "kind": s.kind, "caption": s.caption, "position": i})


def _read(conn: Connection, table: Any, owner: Any, where: Any) -> list[Attachment]:
    rows = conn.execute(select(table, _P.c.sha256, _P.c.width, _P.c.height)
                        .join(_P, _P.c.id == table.c.photo_id)
                        .where(where, table.c.deleted.is_(False))
                        .order_by(owner, table.c.position, table.c.id)).all()
    return [Attachment(r.id, getattr(r, owner.name), r.photo_id, r.sha256, r.kind, r.caption or "", int(r.position),
                       int(r.width), int(r.height)) for r in rows]


def of_household(ctx: AppContext, household_id: str) -> dict[str, list[Attachment]]:
    """The attachments of every decision of a household, by decision id."""
    found: dict[str, list[Attachment]] = {}
    with ctx.db.read() as conn:
        for a in _read(conn, _SA, _SA.c.step_id, _SA.c.household_id == household_id):
            found.setdefault(a.owner_id, []).append(a)
    return found


def of_meeting(ctx: AppContext, meeting_id: str) -> list[Attachment]:
    with ctx.db.read() as conn:
        return _read(conn, _DA, _DA.c.deliberation_id, _DA.c.deliberation_id == meeting_id)


def step_tables(conn: Connection, step_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The attachments of ``step_ids`` as a signature's builder reads them (the form of :func:`signed_tables`)."""
    if not step_ids:
        return {"step_attachment": [], "photo": []}
    links = [dict(r) for r in conn.execute(select(_SA).where(_SA.c.step_id.in_(list(step_ids)),
                                                             _SA.c.deleted.is_(False))).mappings()]
    ids = sorted({str(r["photo_id"]) for r in links})
    photos = [{"id": r.id, "sha256": r.sha256} for r in conn.execute(select(_P.c.id, _P.c.sha256)
                                                                     .where(_P.c.id.in_(ids)))] if ids else []
    return {"step_attachment": links, "photo": photos}
