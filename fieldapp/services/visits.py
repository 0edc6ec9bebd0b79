"""Visits (走访记录), village-level activities, follow-ups, and the cadre's archive (包扶纪实档案).

Writing: :func:`save_visit` validates a :class:`VisitDraft` (rules in
:mod:`fieldapp.domain.visits`) and writes the visit with its cadres, linked
measures, follow-ups and photos in **one** writer transaction: all of it or
nothing. Photo files are stored beforehand by :func:`fieldapp.services.photos.import_photo`
(see there why that is safe). :func:`delete_visit` tombstones a visit and its parts.

Reading: :func:`household_visits_page` (a household's visits, newest first) and
:func:`archive_page` (a cadre's chronological archive, filtered and searched) are
keyset-paged on indexes, so a household with 500 visits pages as fast as one with 5.

Link rows (``visit_cadre``, ``visit_measure``, ``visit_photo``) carry the visit's
``household_id`` (and ``visit_cadre`` its ``date``) so the household history shows
them and attendance runs on one index; this module keeps those copies in step.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select, tuple_

from fieldapp.domain import visits as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.services import photos as photos_mod
from fieldapp.services.context import AppContext
from fieldapp.services.photos import StoredPhoto
from fieldapp.store import limits
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Cadre,
    FollowUp,
    Household,
    HouseholdListRow,
    Measure,
    Photo,
    Visit,
    VisitCadre,
    VisitMeasure,
    VisitPhoto,
)
from fieldapp.store.writer import StaleField, Stamp, WriteTxn, stamps_of

log = logging.getLogger("fieldapp.services.visits")

_V: Table = Visit.__table__  # type: ignore[assignment]
_VC: Table = VisitCadre.__table__  # type: ignore[assignment]
_VM: Table = VisitMeasure.__table__  # type: ignore[assignment]
_VP: Table = VisitPhoto.__table__  # type: ignore[assignment]
_F: Table = FollowUp.__table__  # type: ignore[assignment]
_P: Table = Photo.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_ME: Table = Measure.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]


@dataclass
class FollowUpDraft:
    """A follow-up (后续事项) as edited; ``id`` is None until saved."""

    text: str | None
    due_date: dt.date | None
    done_on: dt.date | None = None
    id: str | None = None
    #: the stamps of its fields as loaded (:func:`load_visit`)
    stamps: dict[str, Stamp] = field(default_factory=dict, compare=False)


@dataclass
class VisitDraft:
    """A visit as the form edits it. ``id`` None: a new visit. ``household_id`` None: a village activity.

    ``cadre_ids`` are the cadres who went (empty: the signed-in cadre); ``measure_ids`` link
    existing measures of the household; ``photos`` come from :func:`photos.import_photo`
    (or from :func:`load_visit`). ``created_by`` is set by the service.
    """

    date: dt.date | None
    type: str | None
    household_id: str | None = None
    village_id: str | None = None
    title: str | None = None
    found: str | None = None
    done: str | None = None
    cadre_ids: list[str] = field(default_factory=list)
    measure_ids: list[str] = field(default_factory=list)
    follow_ups: list[FollowUpDraft] = field(default_factory=list)
    photos: list[StoredPhoto] = field(default_factory=list)
    id: str | None = None
    created_by: str | None = None
    #: the stamps of the visit's fields as loaded (:func:`load_visit`); a save is checked against them
    stamps: dict[str, Stamp] = field(default_factory=dict, compare=False)
    #: the stamps of its cadre, measure and photo links as loaded, by link row id
    link_stamps: dict[str, dict[str, Stamp]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class VisitSummary:
    """One line of a visit list or of the archive. ``key`` pages on (see the page functions)."""

    id: str
    date: dt.date
    type: str
    household_id: str | None
    village_id: str
    title: str | None
    found: str | None
    done: str | None
    head_name: str | None = None
    hh_no: str | None = None
    cadre_names: tuple[str, ...] = ()
    photo_count: int = 0
    open_follow_ups: int = 0

    @property
    def key(self) -> tuple[dt.date, str]:
        return self.date, self.id


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    visit_id: str
    household_id: str | None
    text: str
    due_date: dt.date
    done_on: dt.date | None


# ---------------------------------------------------------------- writing


def save_visit(ctx: AppContext, draft: VisitDraft, *, today: dt.date | None = None,
               original: VisitDraft | None = None) -> str:
    """Validate and write ``draft`` (insert when ``draft.id`` is None, else update); returns the visit id.

    ``original`` is the visit as the editor loaded it (:func:`load_visit`): then only the visit's
    fields that differ from it are written (a field changed elsewhere that this editor did not touch
    is kept), and a field changed elsewhere since it was loaded refuses the save with
    :class:`~fieldapp.store.writer.StaleWrite` (nothing written; see :func:`rebase_visit`).

    Everything is checked inside the write transaction, against what is in the register now;
    any problem raises :class:`ValidationError` (keys as in :func:`rules.visit_problems`, plus
    ``measures`` and ``photos``) and nothing is written. A visit cannot be moved to another
    household. On success ``draft.id`` and the follow-ups' ids are filled in.
    """
    today = today or dt.date.today()
    values = _normalized(ctx, draft)
    village_ids = list(ctx.settings["village_ids"])
    photo_root = photos_mod.photo_root(ctx.paths.home)
    with ctx.writer.transaction() as txn:
        conn = txn.conn
        registered: dt.date | None = None
        problems: dict[str, str] = {}
        current = _current_visit(conn, draft.id) if draft.id else None
        if draft.id and current is None:
            raise LookupError(f"走访记录 {draft.id} 不存在或已删除")
        if current is not None and current.household_id != values["household_id"]:
            problems["household_id"] = "不能把走访记录改到另一户或村级活动；请删除后重新记录"
        if values["household_id"]:
            household = conn.execute(
                select(_H.c.village_id, _H.c.identified_on, _H.c.row_hlc)
                .where(_H.c.id == values["household_id"], _H.c.deleted.is_(False))
            ).first()
            if household is None:
                raise LookupError(f"户 {values['household_id']} 不存在或已删除")
            values["village_id"] = household.village_id
            registered = rules.registered_on(household.identified_on, household.row_hlc)
        follow_rows = [{"text": rules.clean_text(f.text), "due_date": f.due_date, "done_on": f.done_on}
                       for f in draft.follow_ups]
        problems.update(rules.visit_problems(
            values, ctx.ref, today=today, registered=registered, village_ids=village_ids,
            cadre_ids=draft.cadre_ids, follow_ups=follow_rows, photo_count=len(draft.photos),
        ))
        problems.update(_reference_problems(conn, draft, values["household_id"], photo_root))
        if problems:
            raise ValidationError(problems)
        if current is None:
            visit_id = txn.insert(Visit, {**values, "created_by": ctx.cadre_id or None})
        else:
            visit_id = str(draft.id)
            if original is not None:
                loaded = _visit_values(original)
                edited = {k: v for k, v in values.items() if k not in loaded or loaded[k] != v}
                txn.update(Visit, visit_id, edited, expect=original.stamps)
            else:
                txn.update(Visit, visit_id, values)
        hid = values["household_id"]
        was = original if original is not None and original.id == visit_id else None
        _sync_links(txn, VisitCadre, visit_id, key="cadre_id", wanted=draft.cadre_ids,
                    extra={"household_id": hid, "date": values["date"]},
                    loaded=(was.cadre_ids, was.link_stamps) if was else None)
        _sync_links(txn, VisitMeasure, visit_id, key="measure_id", wanted=draft.measure_ids,
                    extra={"household_id": hid}, loaded=(was.measure_ids, was.link_stamps) if was else None)
        for photo in draft.photos:
            txn.put(Photo, photo.id, photo.row())
        _sync_links(txn, VisitPhoto, visit_id, key="photo_id", wanted=[p.id for p in draft.photos],
                    extra={"household_id": hid}, positions=True,
                    loaded=([p.id for p in was.photos], was.link_stamps) if was else None)
        _sync_follow_ups(txn, visit_id, hid, draft.follow_ups, follow_rows,
                         loaded=original.follow_ups if original is not None else None)
    draft.id = visit_id
    log.info("visit %s saved (household %s, %s)", visit_id, hid, values["date"])
    return visit_id


def delete_visit(ctx: AppContext, visit_id: str) -> None:
    """Tombstone a visit with its links and follow-ups (photos stay: other visits may share them)."""
    with ctx.writer.transaction() as txn:
        if _current_visit(txn.conn, visit_id) is None:
            raise LookupError(f"走访记录 {visit_id} 不存在或已删除")
        for model, table in ((VisitCadre, _VC), (VisitMeasure, _VM), (VisitPhoto, _VP), (FollowUp, _F)):
            for row_id in _live_ids(txn.conn, table, visit_id):
                txn.delete(model, row_id)
        txn.delete(Visit, visit_id)


def set_follow_up_done(ctx: AppContext, follow_up_id: str, done_on: dt.date | None,
                       *, today: dt.date | None = None) -> None:
    """Mark a follow-up done on ``done_on`` (not in the future, not before its visit), or reopen it (None)."""
    today = today or dt.date.today()
    with ctx.writer.transaction() as txn:
        row = txn.conn.execute(
            select(_F.c.visit_id, _V.c.date).join(_V, _V.c.id == _F.c.visit_id)
            .where(_F.c.id == follow_up_id, _F.c.deleted.is_(False))
        ).first()
        if row is None:
            raise LookupError(f"后续事项 {follow_up_id} 不存在或已删除")
        if done_on is not None:
            if done_on > today:
                raise ValidationError.single("done_on", "完成日期不能晚于今天")
            if done_on < row.date:
                raise ValidationError.single("done_on", "完成日期不能早于走访日期")
        txn.update(FollowUp, follow_up_id, {"done_on": done_on})


def _normalized(ctx: AppContext, draft: VisitDraft) -> dict[str, Any]:
    """Visit column values from the draft; also dedupes the draft's id lists and fills in the cadre."""
    draft.cadre_ids = list(dict.fromkeys(c for c in draft.cadre_ids if c))
    if not draft.cadre_ids and ctx.cadre_id:
        draft.cadre_ids = [ctx.cadre_id]
    draft.measure_ids = list(dict.fromkeys(m for m in draft.measure_ids if m))
    draft.photos = list({p.id: p for p in draft.photos}.values())
    return _visit_values(draft)


def _visit_values(draft: VisitDraft) -> dict[str, Any]:
    return {
        "household_id": draft.household_id or None, "village_id": draft.village_id or None,
        "date": draft.date, "type": draft.type or None, "title": rules.clean_text(draft.title),
        "found": rules.clean_text(draft.found), "done": rules.clean_text(draft.done),
    }


def rebase_visit(original: VisitDraft, draft: VisitDraft, stale: Sequence[StaleField],
                 keep_mine: set[tuple[str, str, str]]) -> tuple[VisitDraft, VisitDraft]:
    """After a refused stale save: the (original, draft) pair to save again, as the person chose.

    Like :func:`fieldapp.services.register.rebase`: the original takes the register's value and stamp
    of each stale field; the draft keeps the person's value only where chosen. New objects.
    """
    base, mine = copy.deepcopy(original), copy.deepcopy(draft)
    for f in stale:
        if f.deleting:
            _rebase_removed(base, mine, f, keep_mine)
            continue
        if f.table == "visit" and f.row_id == original.id:
            targets: list[Any] = [base]
            theirs: list[Any] = [mine]
        elif f.table == "follow_up":
            targets = [u for u in base.follow_ups if u.id == f.row_id]
            theirs = [u for u in mine.follow_ups if u.id == f.row_id]
        else:
            continue
        for target in targets:
            setattr(target, f.field, f.theirs)
            target.stamps[f.field] = f.stamp
        if (f.table, f.row_id, f.field) not in keep_mine:
            for target in theirs:
                setattr(target, f.field, f.theirs)
    for f in stale:  # a follow-up removed here but changed elsewhere comes back unless removing it was chosen
        if f.deleting and f.table == "follow_up" and (f.table, f.row_id, f.field) not in keep_mine \
                and f.row_id not in {u.id for u in mine.follow_ups}:
            mine.follow_ups.extend(copy.deepcopy(u) for u in base.follow_ups if u.id == f.row_id)
    return base, mine


def _rebase_removed(base: VisitDraft, mine: VisitDraft, f: StaleField, keep_mine: set[tuple[str, str, str]]) -> None:
    """A link or follow-up the person removed that changed elsewhere: ``base`` takes the fresh stamp
    (and value); a link comes back in ``mine`` unless removing it was chosen (follow-ups: see the caller)."""
    if f.table in _LINKS:
        base.link_stamps.setdefault(f.row_id, {})[f.field] = f.stamp
        if (f.table, f.row_id, f.field) not in keep_mine:
            _restore_link(base, mine, f.table, f.row_id)
    elif f.table == "follow_up":
        for target in base.follow_ups:
            if target.id == f.row_id:
                setattr(target, f.field, f.theirs)
                target.stamps[f.field] = f.stamp


_LINKS = {"visit_cadre": "cadre_ids", "visit_measure": "measure_ids", "visit_photo": "photos"}


def _restore_link(base: VisitDraft, mine: VisitDraft, table: str, row_id: str) -> None:
    """Put back in ``mine`` the link ``row_id`` that the person removed, as ``base`` holds it."""
    if table == "visit_photo":
        photo = next((p for p in base.photos if natural_id(table, str(base.id), p.id) == row_id), None)
        if photo is not None and photo.id not in {p.id for p in mine.photos}:
            mine.photos.append(photo)
        return
    ids: list[str] = getattr(mine, _LINKS[table])
    for target in getattr(base, _LINKS[table]):
        if natural_id(table, str(base.id), target) == row_id and target not in ids:
            ids.append(target)


def _reference_problems(conn: Connection, draft: VisitDraft, household_id: str | None,
                        photo_root: Path) -> dict[str, str]:
    """Cadres, measures and photos the draft points at must exist (and measures belong to the household)."""
    problems: dict[str, str] = {}
    if draft.cadre_ids:
        known = {r[0] for r in conn.execute(
            select(_C.c.id).where(_C.c.id.in_(draft.cadre_ids), _C.c.deleted.is_(False)))}
        if set(draft.cadre_ids) - known:
            problems["cadres"] = "所选干部不存在或已删除"
    if draft.measure_ids:
        if household_id is None:
            problems["measures"] = "村级活动不能关联到户的帮扶措施"
        else:
            known = {r[0] for r in conn.execute(
                select(_ME.c.id).where(_ME.c.id.in_(draft.measure_ids), _ME.c.household_id == household_id,
                                       _ME.c.deleted.is_(False)))}
            if set(draft.measure_ids) - known:
                problems["measures"] = "关联的帮扶措施不存在或不属于该户"
    recorded = {r[0] for r in conn.execute(
        select(_P.c.id).where(_P.c.id.in_([p.id for p in draft.photos]), _P.c.deleted.is_(False)))}
    for photo in draft.photos:
        if photo.id != photos_mod.photo_id(photo.sha256):
            problems["photos"] = "照片标识与内容不符"
        elif photo.id not in recorded and not photos_mod.has_files(photo_root, photo.sha256):
            problems["photos"] = "照片文件不在本机照片文件夹中，请重新导入照片"
    return problems


def _current_visit(conn: Connection, visit_id: str | None) -> Any:
    return conn.execute(
        select(_V.c.id, _V.c.household_id, _V.c.date).where(_V.c.id == visit_id, _V.c.deleted.is_(False))
    ).first()


def _live_ids(conn: Connection, table: Table, visit_id: str) -> list[str]:
    return [r[0] for r in conn.execute(select(table.c.id).where(table.c.visit_id == visit_id,
                                                                table.c.deleted.is_(False)))]


def _sync_links(txn: WriteTxn, model: Any, visit_id: str, *, key: str, wanted: Sequence[str],
                extra: dict[str, Any], positions: bool = False,
                loaded: tuple[Sequence[str], dict[str, dict[str, Stamp]]] | None = None) -> None:
    """Make the live links of a visit ``wanted`` (natural ids: put, and tombstone the rest).

    With ``loaded`` (the targets as the form loaded them, and the link stamps), only what the form
    changed is written: a link someone else added or removed meanwhile, which the form did not touch,
    stays as they left it, and removing a link that changed since it was loaded is refused as stale.
    """
    table: Table = model.__table__
    tag = table.name
    keep = set()
    before = set(loaded[0]) if loaded is not None else None
    live = set(_live_ids(txn.conn, table, visit_id))
    for i, target in enumerate(wanted):
        row_id = natural_id(tag, visit_id, target)
        keep.add(row_id)
        values = {"visit_id": visit_id, key: target, **extra}
        if positions:
            values["position"] = i
        if before is not None and target in before and row_id not in live:
            continue  # removed elsewhere since loaded, and not touched here: their removal stands
        txn.put(model, row_id, values)
    if loaded is None:
        for row_id in live - keep:
            txn.delete(model, row_id)
        return
    for target in set(loaded[0]) - set(wanted):
        row_id = natural_id(tag, visit_id, target)
        if row_id in live:
            txn.delete(model, row_id, expect=loaded[1].get(row_id))


def _sync_follow_ups(txn: WriteTxn, visit_id: str, household_id: str | None, drafts: list[FollowUpDraft],
                     rows: list[dict[str, Any]], *, loaded: list[FollowUpDraft] | None = None) -> None:
    """Make the visit's live follow-ups the drafts; against ``loaded`` (as the form loaded them), only
    fields that differ are written and each is checked against its loaded stamp."""
    existing = set(_live_ids(txn.conn, _F, visit_id))
    before = {f.id: f for f in loaded or () if f.id}
    kept = set()
    for draft, row in zip(drafts, rows, strict=True):
        values = {**row, "visit_id": visit_id, "household_id": household_id}
        if draft.id and draft.id in existing:
            kept.add(draft.id)
            was = before.get(draft.id)
            if was is None:
                txn.update(FollowUp, draft.id, values)
                continue
            old = {"text": rules.clean_text(was.text), "due_date": was.due_date, "done_on": was.done_on,
                   "visit_id": visit_id, "household_id": household_id}
            txn.update(FollowUp, draft.id, {k: v for k, v in values.items() if old.get(k) != v}, expect=was.stamps)
        else:
            draft.id = txn.insert(FollowUp, values)
    for row_id in existing - kept:
        was = before.get(row_id)
        if loaded is None or was is not None:  # one added elsewhere meanwhile, unseen here, stays
            txn.delete(FollowUp, row_id, expect=was.stamps if was is not None else None)


# ---------------------------------------------------------------- reading


def load_visit(db: Database, visit_id: str) -> VisitDraft:
    """A saved visit as a draft for editing (raises LookupError if missing or deleted)."""
    with db.read() as conn:
        row = conn.execute(select(_V).where(_V.c.id == visit_id, _V.c.deleted.is_(False))).mappings().first()
        if row is None:
            raise LookupError(f"走访记录 {visit_id} 不存在或已删除")
        link_stamps = {r["id"]: stamps_of(dict(r)) for table in (_VC, _VM, _VP) for r in conn.execute(
            select(table).where(table.c.visit_id == visit_id, table.c.deleted.is_(False))).mappings()}
        cadres = [r[0] for r in conn.execute(
            select(_VC.c.cadre_id).where(_VC.c.visit_id == visit_id, _VC.c.deleted.is_(False))
            .order_by(_VC.c.row_hlc))]
        measures = [r[0] for r in conn.execute(
            select(_VM.c.measure_id).where(_VM.c.visit_id == visit_id, _VM.c.deleted.is_(False))
            .order_by(_VM.c.row_hlc))]
        photo_rows = conn.execute(
            select(_P).join(_VP, _VP.c.photo_id == _P.c.id)
            .where(_VP.c.visit_id == visit_id, _VP.c.deleted.is_(False)).order_by(_VP.c.position)
        ).mappings().all()
        follow_ups = [
            FollowUpDraft(text=r.text, due_date=r.due_date, done_on=r.done_on, id=r.id,
                          stamps=stamps_of(dict(r._mapping)))
            for r in conn.execute(
                select(_F).where(_F.c.visit_id == visit_id, _F.c.deleted.is_(False)).order_by(_F.c.due_date, _F.c.id))
        ]
    photos = [StoredPhoto(id=p["id"], sha256=p["sha256"], width=p["width"], height=p["height"], bytes=p["bytes"],
                          mime=p["mime"], taken_on=p["taken_on"]) for p in photo_rows]
    return VisitDraft(
        date=row["date"], type=row["type"], household_id=row["household_id"], village_id=row["village_id"],
        title=row["title"], found=row["found"], done=row["done"], cadre_ids=cadres, measure_ids=measures,
        follow_ups=follow_ups, photos=photos, id=row["id"], created_by=row["created_by"], stamps=stamps_of(dict(row)),
        link_stamps=link_stamps,
    )


def household_visits_page(conn: Connection, household_id: str, before: tuple[dt.date, str] | None = None,
                          limit: int = 50) -> list[VisitSummary]:
    """A household's visits, newest first. Page on with ``before=last.key``.

    One seek on ``ix_visit_household`` (household_id, date, id) per page.
    """
    stmt = select(_V).where(_V.c.household_id == household_id, _V.c.deleted.is_(False))
    if before is not None:
        day, vid = before
        # a row-value comparison, so SQLite seeks the index to the key instead of skipping up to it
        stmt = stmt.where(tuple_(_V.c.date, _V.c.id) < tuple_(day, vid))
    rows = conn.execute(stmt.order_by(_V.c.date.desc(), _V.c.id.desc()).limit(limits.fixed(limit))).mappings().all()
    return _summaries(conn, rows)


def archive_page(conn: Connection, cadre_id: str, start: dt.date | None = None, end: dt.date | None = None,
                 *, household_id: str | None = None, text: str | None = None,
                 after: tuple[dt.date, str] | None = None, limit: int = 100) -> list[VisitSummary]:
    """The cadre's 包扶纪实档案: visits and activities they took part in, oldest first.

    ``start``/``end`` (inclusive) select a month or a year; ``household_id`` one household;
    ``text`` searches 情况, 措施/成效 and the title. Page on with ``after=last.key``.
    Runs on ``ix_visit_cadre_cadre`` (cadre_id, date, visit_id).
    """
    stmt = (select(_V).join(_VC, _VC.c.visit_id == _V.c.id)
            .where(_VC.c.cadre_id == cadre_id, _VC.c.deleted.is_(False), _V.c.deleted.is_(False)))
    if start is not None:
        stmt = stmt.where(_VC.c.date >= start)
    if end is not None:
        stmt = stmt.where(_VC.c.date <= end)
    if household_id:
        stmt = stmt.where(_VC.c.household_id == household_id)
    needle = (text or "").strip()
    if needle:
        stmt = stmt.where(or_(_V.c.found.contains(needle, autoescape=True), _V.c.done.contains(needle, autoescape=True),
                              _V.c.title.contains(needle, autoescape=True)))
    if after is not None:
        day, vid = after
        stmt = stmt.where(tuple_(_VC.c.date, _VC.c.visit_id) > tuple_(day, vid))
    rows = conn.execute(stmt.order_by(_VC.c.date, _VC.c.visit_id).limit(limits.fixed(limit))).mappings().all()
    return _summaries(conn, rows)


def household_follow_ups(conn: Connection, household_id: str, *, include_done: bool = False,
                         limit: int = 100) -> list[FollowUpRow]:
    """A household's follow-ups by due date (open ones only unless ``include_done``)."""
    stmt = select(_F).where(_F.c.household_id == household_id, _F.c.deleted.is_(False))
    if not include_done:
        stmt = stmt.where(_F.c.done_on.is_(None))
    rows = conn.execute(stmt.order_by(_F.c.due_date, _F.c.id).limit(limits.fixed(limit))).mappings()
    return [FollowUpRow(r["id"], r["visit_id"], r["household_id"], r["text"], r["due_date"], r["done_on"])
            for r in rows]


def _summaries(conn: Connection, rows: Sequence[Any]) -> list[VisitSummary]:
    """Decorate a page of visit rows with household, cadre names, photo and open follow-up counts."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    households = {r.household_id: r for r in conn.execute(
        select(_L.c.household_id, _L.c.head_name, _L.c.hh_no)
        .where(_L.c.household_id.in_({r["household_id"] for r in rows if r["household_id"]})))}
    names: dict[str, list[str]] = {}
    for r in conn.execute(select(_VC.c.visit_id, _C.c.name).join(_C, _C.c.id == _VC.c.cadre_id)
                          .where(_VC.c.visit_id.in_(ids), _VC.c.deleted.is_(False)).order_by(_C.c.name)):
        names.setdefault(r.visit_id, []).append(r.name)
    photo_counts: dict[str, int] = {r[0]: int(r[1]) for r in conn.execute(
        select(_VP.c.visit_id, func.count()).where(_VP.c.visit_id.in_(ids), _VP.c.deleted.is_(False))
        .group_by(_VP.c.visit_id))}
    open_counts: dict[str, int] = {r[0]: int(r[1]) for r in conn.execute(
        select(_F.c.visit_id, func.count()).where(_F.c.visit_id.in_(ids), _F.c.deleted.is_(False),
                                                  _F.c.done_on.is_(None))
        .group_by(_F.c.visit_id))}
    result = []
    for r in rows:
        h = households.get(r["household_id"])
        result.append(VisitSummary(
            id=r["id"], date=r["date"], type=r["type"], household_id=r["household_id"], village_id=r["village_id"],
            title=r["title"], found=r["found"], done=r["done"], head_name=h.head_name if h else None,
            hh_no=h.hh_no if h else None, cadre_names=tuple(names.get(r["id"], ())),
            photo_count=photo_counts.get(r["id"], 0), open_follow_ups=open_counts.get(r["id"], 0),
        ))
    return result
