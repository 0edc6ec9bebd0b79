"""A draw's checklists: reading them, putting an item in words, and marking items correct or incorrect.

Marking an item incorrect opens its rectification (整改, id ``natural_id('rectification', item)``)
in the same transaction, due ``due_days`` after the finding, for the item's responsible cadre;
marking it correct again (or clearing it) withdraws a rectification nobody has confirmed yet. A
confirmed rectification keeps its finding: the item can no longer be changed.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, case, func, select

from fieldapp.domain import people
from fieldapp.domain import spotcheck as sc
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.fields import FieldCatalogue
from fieldapp.domain.ids import natural_id
from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefData
from fieldapp.services.context import AppContext
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Cadre,
    Household,
    HouseholdListRow,
    Photo,
    Rectification,
    SpotcheckDraw,
    SpotcheckItem,
)

_D: Table = SpotcheckDraw.__table__  # type: ignore[assignment]
_I: Table = SpotcheckItem.__table__  # type: ignore[assignment]
_R: Table = Rectification.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_A: Table = Area.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]

NOTE_MAX = 500


@dataclass(frozen=True)
class DrawInfo:
    id: str
    level: str
    area_id: str
    area_name: str
    percent: int
    role: str
    strata: str
    seed: str
    frame_hash: str
    frame_size: int
    sample: tuple[str, ...]
    drawn_by_name: str | None
    drawn_at: int
    due_days: int
    items: int = 0
    checked: int = 0
    incorrect: int = 0


@dataclass(frozen=True)
class HouseholdLine:
    """One sampled household of a draw with its progress."""

    household_id: str
    head_name: str | None
    hh_no: str | None
    village_id: str
    village_name: str
    items: int
    checked: int
    incorrect: int


@dataclass(frozen=True)
class ItemView:
    id: str
    draw_id: str
    household_id: str
    position: int
    kind: str
    ref_id: str | None
    shown: Mapping[str, Any]
    entered_by_name: str | None
    cadre_id: str | None
    result: str | None
    note: str | None
    photo_id: str | None
    checked_by_name: str | None
    checked_at: int | None
    rectification: str | None  # its rectification's id, when one is open or closed


def list_draws(db: Database) -> list[DrawInfo]:
    """Every draw held here, newest first, with how far its checking got."""
    with db.read() as conn:
        checked = func.sum(case((_I.c.result.is_not(None), 1), else_=0)).label("checked")
        bad = func.sum(case((_I.c.result == sc.INCORRECT, 1), else_=0)).label("bad")
        counts = {r.draw_id: (int(r.n), int(r.checked or 0), int(r.bad or 0)) for r in conn.execute(
            select(_I.c.draw_id, func.count().label("n"), checked, bad)
            .where(_I.c.deleted.is_(False)).group_by(_I.c.draw_id))}
        rows = conn.execute(select(_D, _A.c.name.label("area_name")).select_from(
            _D.outerjoin(_A, _A.c.id == _D.c.area_id)).where(_D.c.deleted.is_(False))
            .order_by(_D.c.drawn_at.desc(), _D.c.id)).mappings().all()
    return [_draw_info(r, counts.get(r["id"], (0, 0, 0))) for r in rows]


def _draw_info(r: Mapping[str, Any], counts: tuple[int, int, int]) -> DrawInfo:
    frame = json.loads(r["frame"] or "[]")
    return DrawInfo(str(r["id"]), str(r["level"]), str(r["area_id"]), str(r["area_name"] or r["area_id"][:8]),
                    int(r["percent"]), str(r["role"]), str(r["strata"] or ""), str(r["seed"]), str(r["frame_hash"]),
                    len(frame), tuple(json.loads(r["sample"] or "[]")), r["drawn_by_name"], int(r["drawn_at"]),
                    int(r["due_days"]), *counts)


def get_draw(db: Database, draw_id: str) -> DrawInfo:
    """One draw (raises LookupError); ``draw_id`` may be a unique prefix of its id."""
    found = [d for d in list_draws(db) if d.id == draw_id or (len(draw_id) >= 6 and d.id.startswith(draw_id))]
    if len(found) != 1:
        raise LookupError(f"没有抽样 {draw_id}" if not found else f"抽样编号 {draw_id} 不唯一，请写全")
    return found[0]


def draw_households(db: Database, draw_id: str) -> list[HouseholdLine]:
    """The sampled households of a draw in drawing order, with their checking progress."""
    with db.read() as conn:
        sample = conn.execute(select(_D.c.sample).where(_D.c.id == draw_id)).scalar()
        if sample is None:
            raise LookupError(f"没有抽样 {draw_id}")
        order = [str(h) for h in json.loads(sample)]
        progress: dict[str, list[int]] = {}
        for r in conn.execute(select(_I.c.household_id, _I.c.result).where(_I.c.draw_id == draw_id,
                                                                             _I.c.deleted.is_(False))):
            p = progress.setdefault(r.household_id, [0, 0, 0])
            p[0] += 1
            p[1] += r.result is not None
            p[2] += r.result == sc.INCORRECT
        names = {r.household_id: r for r in conn.execute(
            select(_L.c.household_id, _L.c.head_name, _L.c.hh_no, _L.c.village_id).where(_L.c.household_id.in_(order)))}
        villages = {str(r.id): str(r.name) for r in conn.execute(select(_A.c.id, _A.c.name))}
    out = []
    for hid in order:
        if hid not in progress:  # a household this laptop does not hold (outside its villages)
            continue
        n = names.get(hid)
        village = str(n.village_id) if n else ""
        out.append(HouseholdLine(hid, n.head_name if n else None, n.hh_no if n else None, village,
                                 villages.get(village, ""), *progress[hid]))
    return out


def draw_items(db: Database, draw_id: str, household_id: str | None = None) -> list[ItemView]:
    """The items of a draw (of one household), in checklist order."""
    stmt = (select(_I, _R.c.id.label("rect_id"), _R.c.deleted.label("rect_deleted"))
            .select_from(_I.outerjoin(_R, _R.c.item_id == _I.c.id))
            .where(_I.c.draw_id == draw_id, _I.c.deleted.is_(False)))
    if household_id is not None:
        stmt = stmt.where(_I.c.household_id == household_id)
    with db.read() as conn:
        rows = conn.execute(stmt.order_by(_I.c.household_id, _I.c.position)).mappings().all()
    if household_id is None:
        order = {h: i for i, h in enumerate(get_sample_order(db, draw_id))}
        rows = sorted(rows, key=lambda r: (order.get(r["household_id"], len(order)), r["position"]))
    return [_item(r) for r in rows]


def get_sample_order(db: Database, draw_id: str) -> list[str]:
    with db.read() as conn:
        sample = conn.execute(select(_D.c.sample).where(_D.c.id == draw_id)).scalar()
    return [str(h) for h in json.loads(sample or "[]")]


def _item(r: Mapping[str, Any]) -> ItemView:
    rect = r["rect_id"] if r["rect_id"] is not None and not r["rect_deleted"] else None
    return ItemView(str(r["id"]), str(r["draw_id"]), str(r["household_id"]), int(r["position"]), str(r["kind"]),
                    r["ref_id"], json.loads(r["shown"] or "{}"), r["entered_by_name"], r["cadre_id"], r["result"],
                    r["note"], r["photo_id"], r["checked_by_name"], r["checked_at"], rect)


def get_item(db: Database, item_id: str) -> ItemView:
    stmt = (select(_I, _R.c.id.label("rect_id"), _R.c.deleted.label("rect_deleted"))
            .select_from(_I.outerjoin(_R, _R.c.item_id == _I.c.id)).where(_I.c.id == item_id))
    with db.read() as conn:
        row = conn.execute(stmt).mappings().first()
    if row is None or row["deleted"]:
        raise LookupError(f"没有抽查项目 {item_id}")
    return _item(row)


# -- in words ---------------------------------------------------------------------------------


def names_for(db: Database) -> dict[str, str]:
    """id → name of every area and cadre (what items refer to)."""
    with db.read() as conn:
        out = {str(r.id): str(r.name) for r in conn.execute(select(_A.c.id, _A.c.name))}
        out |= {str(r.id): str(r.name) for r in conn.execute(select(_C.c.id, _C.c.name))}
    return out


def item_title(ref: RefData, item: ItemView, lang: str = "zh-Hans") -> str:
    """What the item is: its part of the record, and for a member, indicator, measure or income which one."""
    label = ref["spotcheck_item"].label(item.kind, lang)
    s = item.shown
    if item.kind == "member":
        return f"{label}：{s.get('name') or ''}"
    if item.kind == "indicator":
        return f"{label}：{ref['indicator'].label(s.get('code'), lang)}"
    if item.kind == "measure":
        return f"{label}：{ref['measure_type'].label(s.get('type'), lang)}"
    if item.kind == "income":
        return f"{label}：{s.get('year') or ''}"
    return label


_OWN_TABLE = {"eight.1": "household", "eight.3": "household", "eight.6": "household", "eight.7": "household",
              "eight.8": "household", "member": "member", "income": "income_year", "indicator": "indicator",
              "measure": "measure"}


def item_text(ref: RefData, item: ItemView, names: Mapping[str, str], lang: str = "zh-Hans", *,
              masked: bool = True) -> str:
    """What the record said at the draw, in words (labels and formatting from the field catalogue)."""
    fields: FieldCatalogue = ref.fields
    s = item.shown
    sep = "；"
    if item.kind == "eight.2":
        return f"共 {s.get('count', 0)} 人：" + "、".join(s.get("names") or [])
    if item.kind == "eight.4":
        kinds = [ref["measure_type"].label(t, lang) for t in s.get("types") or []]
        parts = [f"{k} {c}".strip() for k, c in zip(kinds, s.get("contents") or [], strict=False)]
        return f"共 {s.get('count', 0)} 项" + (("：" + sep.join(parts)) if parts else "")
    if item.kind == "eight.5":
        return f"{s.get('count', 0)} 项有金额，合计 {format_yuan(int(s.get('amount') or 0))} 元"
    table = _OWN_TABLE.get(item.kind, "household")
    parts = []
    for key, value in s.items():
        if key in ("code",) or value in (None, "", []):
            continue
        if item.kind == "income" and key in ("net", "per_person"):
            label = "家庭纯收入" if key == "net" else "人均纯收入"
            parts.append(f"{label}（元）：{format_yuan(int(value))}")
            continue
        if item.kind == "income" and key == "year":
            continue
        text = fields.format_value(table, key, value, lang, names=names, masked=masked)
        parts.append(f"{fields.label(table, key, lang)}：{text}")
    return sep.join(parts) or "（未填写）"


# -- marking ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkOutcome:
    item_id: str
    result: str | None
    rectification_id: str | None  # the rectification now open for the item (None: none, or withdrawn)
    withdrawn: bool = False


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def mark_item(ctx: AppContext, item_id: str, result: str | None, note: str = "", *, photo: Path | None = None,
              today: dt.date | None = None, now_ms: int | None = None) -> MarkOutcome:
    """Record the finding of one item (``result`` None clears it). An incorrect item needs a note saying
    what is wrong, and opens or updates its rectification; see the module docstring."""
    ctx.require(people.SPOTCHECK_CHECK)
    if result not in (*sc.RESULTS, None):
        raise ValidationError({"result": "结果应为 correct（正确）或 incorrect（不正确）"})
    note = (note or "").strip()
    if result == sc.INCORRECT and not note:
        raise ValidationError({"note": "判为不正确时请写明哪里不对、应当如何"})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": f"说明最长 {NOTE_MAX} 字（现有 {len(note)} 字）"})
    today = today or dt.date.today()
    rect_id = natural_id("rectification", item_id)
    with ctx.db.read() as conn:
        item = conn.execute(select(_I).where(_I.c.id == item_id, _I.c.deleted.is_(False))).mappings().first()
        if item is None:
            raise LookupError(f"没有抽查项目 {item_id}")
        days = conn.execute(select(_D.c.due_days).where(_D.c.id == item["draw_id"])).scalar() or 30
        rect = conn.execute(select(_R).where(_R.c.id == rect_id)).mappings().first()
        paired = conn.execute(select(_H.c.cadre_id).where(_H.c.id == item["household_id"])).scalar()
    if rect is not None and not rect["deleted"] and rect["confirmed_at"] is not None:
        raise ValidationError({"result": "该项的整改已经确认，结果不能再改"})
    stored = ctx.photos.import_file(photo) if photo is not None else None
    s = ctx.session
    who = {"checked_by": s.person_id if s else None, "checked_by_name": s.name if s else None,
           "checked_at": now_ms or _now_ms()}
    live_rect = rect is not None and not rect["deleted"]
    opened: str | None = None
    withdrawn = False
    with ctx.writer.transaction() as txn:
        if stored is not None:
            txn.put(Photo, stored.id, stored.row())
        changes: dict[str, Any] = {"result": result, "note": note or None, **who}
        if stored is not None:
            changes["photo_id"] = stored.id
        txn.update(SpotcheckItem, item_id, changes)
        if result == sc.INCORRECT:
            values = {"finding": note}
            if not live_rect:
                values |= {"item_id": item_id, "draw_id": item["draw_id"], "household_id": item["household_id"],
                           "cadre_id": item["cadre_id"] or paired, "due_date": today + dt.timedelta(days=int(days)),
                           "opened_by": who["checked_by"], "opened_by_name": who["checked_by_name"],
                           "round": int(rect["round"]) + 1 if rect is not None else 1, "reopen_note": None,
                           "confirmed_at": None, "confirmed_by": None, "confirmed_by_name": None}
            txn.put(Rectification, rect_id, values)
            opened = rect_id
        elif live_rect:
            txn.delete(Rectification, rect_id)
            withdrawn = True
    return MarkOutcome(item_id, result, opened, withdrawn)
