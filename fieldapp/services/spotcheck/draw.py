"""Drawing a spot-check sample and re-drawing it to verify (the maths is :mod:`fieldapp.domain.spotcheck`).

:func:`draw_sample` builds the frame of a village or a town from this laptop's register, draws
from it with a seed (given, or fresh from the operating system), and writes in one transaction the
draw (seed, frame, frame hash, sample, who, when, in which role) and every sampled household's
checklist built from its record as it stands now. Each item records who entered the values it shows
(the change log's author of the latest of them) and the cadre responsible: that person's cadre, or
the household's paired cadre.

:func:`verify_draw` re-draws from the recorded seed and frame and says whether the frame hash and
the sample agree, whether the rate met the role's minimum, and how the frame differs from the
register now (households added or removed since: information, not an error).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from fieldapp.domain import people
from fieldapp.domain import register as rules
from fieldapp.domain import spotcheck as sc
from fieldapp.domain.errors import ValidationError
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.store.models import (
    Area,
    Cadre,
    ChangeLog,
    Household,
    HouseholdListRow,
    Person,
    SpotcheckDraw,
    SpotcheckItem,
)

_A: Table = Area.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_D: Table = SpotcheckDraw.__table__  # type: ignore[assignment]
_CL: Table = ChangeLog.__table__  # type: ignore[assignment]
_P: Table = Person.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class SampledHousehold:
    household_id: str
    head_name: str | None
    hh_no: str | None
    village_id: str
    stratum: str
    items: int


@dataclass(frozen=True)
class DrawResult:
    draw_id: str
    draw: sc.Draw
    role: str
    level: str
    area_id: str
    strata: str
    households: tuple[SampledHousehold, ...]


def villages_of(conn: Connection, level: str, area_id: str) -> list[str]:
    """The village ids a draw of ``level`` over ``area_id`` covers (raises LookupError for an unknown area)."""
    row = conn.execute(select(_A.c.level, _A.c.name).where(_A.c.id == area_id, _A.c.deleted.is_(False))).first()
    if row is None or row.level != level:
        raise LookupError(f"没有这个{'村' if level == 'village' else '乡镇'}：{area_id}")
    if level == "village":
        return [area_id]
    return [str(r[0]) for r in conn.execute(select(_A.c.id).where(
        _A.c.parent_id == area_id, _A.c.level == "village", _A.c.deleted.is_(False)).order_by(_A.c.id))]


def drawable_areas(ctx: AppContext) -> list[tuple[str, str, str]]:
    """(level, id, name) of the villages this laptop serves and of their towns: what a draw may cover."""
    mine = list(ctx.settings["village_ids"])
    with ctx.db.read() as conn:
        villages = conn.execute(select(_A.c.id, _A.c.name, _A.c.parent_id).where(
            _A.c.id.in_(mine), _A.c.deleted.is_(False)).order_by(_A.c.name)).all()
        towns = conn.execute(select(_A.c.id, _A.c.name).where(
            _A.c.id.in_({v.parent_id for v in villages if v.parent_id}), _A.c.level == "town",
            _A.c.deleted.is_(False)).order_by(_A.c.name)).all()
    return [("village", str(v.id), str(v.name)) for v in villages] + [("town", str(t.id), str(t.name)) for t in towns]


def frame_entries(ctx: AppContext, level: str, area_id: str, strata: str = "") -> list[sc.FrameEntry]:
    """The sampling frame: every live household of the area in this register, with its stratum."""
    if level not in sc.LEVELS:
        raise ValidationError({"level": f"范围应为 {'、'.join(sc.LEVELS)} 之一"})
    if strata not in sc.STRATA:
        raise ValidationError({"strata": "分层应为 village（按村）或 type（按户类型：兜底户/脱贫户）"})
    with ctx.db.read() as conn:
        villages = villages_of(conn, level, area_id)
        rows = conn.execute(select(_H.c.id, _H.c.village_id, _H.c.attribute, _H.c.plate_kind).where(
            _H.c.village_id.in_(villages), _H.c.deleted.is_(False))).all()
    return [sc.FrameEntry(str(r.id), _stratum(ctx, strata, r)) for r in rows]


def _stratum(ctx: AppContext, strata: str, row: Any) -> str:
    if strata == "village":
        return str(row.village_id)
    if strata == "type":
        return rules.plate_kind(row.attribute, row.plate_kind, ctx.ref)
    return ""


def _me(ctx: AppContext) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(person id, name, roles) of who acts; the program itself acts in any review role."""
    s = ctx.session
    if s is None:
        return None, None, sc.REVIEW_ROLES
    return s.person_id, s.name, tuple(s.roles)


def draw_sample(ctx: AppContext, *, level: str, area_id: str, percent: int, seed: str | None = None,
                strata: str = "", role: str | None = None, due_days: int | None = None,
                now_ms: int | None = None) -> DrawResult:
    """Draw and record a sample with its checklists (see the module docstring). Raises ValidationError,
    PermissionDenied or LookupError, writing nothing."""
    ctx.require(people.SPOTCHECK_DRAW)
    person_id, name, roles = _me(ctx)
    rates = sc.rates(ctx.ref)
    role = sc.drawing_role(roles, role)
    sc.check_percent(percent, role, rates)
    days = rates.rectification_days if due_days is None else due_days
    if not 0 < days <= 365:
        raise ValidationError({"due_days": "整改期限应在 1 到 365 天之间"})
    seed = (seed or "").strip() or sc.new_seed()
    if len(seed) > 64:
        raise ValidationError({"seed": "种子最长 64 个字符"})
    entries = frame_entries(ctx, level, area_id, strata)
    if not entries:
        raise ValidationError({"area_id": "该范围内没有农户，无从抽查"})
    drawn = sc.draw(seed, entries, percent)
    stratum_of = {e.household_id: e.stratum for e in entries}
    records = [register.load_record(ctx.db, hid) for hid in drawn.sample]
    with ctx.db.read() as conn:
        authors = _authors(conn, records)
        person_cadres = _person_cadres(conn, {a[1][0] for a in authors.values() if a[1][0]})
    now_ms = now_ms or time.time_ns() // 1_000_000
    households: list[SampledHousehold] = []
    with ctx.writer.transaction() as txn:
        draw_id = txn.insert(SpotcheckDraw, {
            "level": level, "area_id": area_id, "percent": percent, "role": role, "strata": strata, "seed": seed,
            "frame_hash": drawn.frame_hash, "frame": json.dumps([[e.household_id, e.stratum]
                                                                 for e in sc.canonical_frame(entries)]),
            "sample": json.dumps(list(drawn.sample)), "drawn_by": person_id, "drawn_by_name": name,
            "drawn_at": now_ms, "due_days": days})
        for record in records:
            items = sc.build_checklist(record.household, record.members, record.incomes, record.indicators,
                                       record.measures)
            rows = []
            for position, item in enumerate(items, start=1):
                who = _entered(item, authors, str(record.id))
                cadre = person_cadres.get(who[0] or "") or record.household.get("cadre_id")
                rows.append({"draw_id": draw_id, "household_id": record.id, "position": position,
                             "kind": item.kind, "ref_id": item.ref_id,
                             "shown": json.dumps(item.shown, ensure_ascii=False),  # in the checklist's order
                             "sources": json.dumps([list(s) for s in item.sources]),
                             "entered_by": who[0], "entered_by_name": who[1], "cadre_id": cadre})
            txn.insert_many(SpotcheckItem, rows)
            h = record.household
            head = next((m.get("name") for m in record.members if m.get("relation") == rules.HEAD), None)
            households.append(SampledHousehold(str(record.id), head, h.get("hh_no"), str(h["village_id"]),
                                               stratum_of[str(record.id)], len(rows)))
    return DrawResult(draw_id, drawn, role, level, area_id, strata, tuple(households))


# -- who entered each value ---------------------------------------------------------------

_Author = tuple[str | None, str | None]  # (user id, user name)


def _authors(conn: Connection, records: Sequence[register.HouseholdRecord]
             ) -> dict[tuple[str, str, str], tuple[int, _Author]]:
    """(table, row, column) → the author of the change that last set it (newest stamp first)."""
    row_ids = [str(r["id"]) for rec in records for tbl in ("household", "member", "income_year", "indicator",
                                                           "measure") for r in rec.rows_of(tbl)]
    found: dict[tuple[str, str, str], tuple[int, _Author]] = {}
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start:start + 500]
        for r in conn.execute(select(_CL.c.tbl, _CL.c.row_id, _CL.c.hlc, _CL.c.fields, _CL.c.user_id, _CL.c.user_name)
                              .where(_CL.c.row_id.in_(chunk))):
            try:
                names = json.loads(r.fields)
            except ValueError:
                continue
            for column in names if isinstance(names, dict) else ():
                key = (str(r.tbl), str(r.row_id), str(column))
                if key not in found or int(r.hlc) > found[key][0]:
                    found[key] = (int(r.hlc), (r.user_id, r.user_name))
    return found


def _entered(item: sc.ChecklistItem, authors: dict[tuple[str, str, str], tuple[int, _Author]],
             household_id: str) -> _Author:
    """The author of the most recently entered of the item's values (by the stamps of the change log).

    An item none of whose values was ever entered (no measures yet, a field left empty) answers to whoever
    registered the household (谁识别谁负责): the author of the household row's first change."""
    stamped = [authors[s] for s in item.sources if s in authors and authors[s][1][0]]
    if not stamped:
        own = [v for k, v in authors.items() if k[0] == "household" and k[1] == household_id and v[1][0]]
        return min(own, key=lambda t: t[0])[1] if own else (None, None)
    return max(stamped, key=lambda t: t[0])[1] if stamped else (None, None)


def _person_cadres(conn: Connection, user_ids: Iterable[str]) -> dict[str, str]:
    """user id → cadre: a person's cadre, or the id itself when it is a cadre's (changes made before accounts)."""
    ids = sorted(set(user_ids))
    out: dict[str, str] = {}
    if not ids:
        return out
    for r in conn.execute(select(_P.c.id, _P.c.cadre_id).where(_P.c.id.in_(ids))):
        if r.cadre_id:
            out[str(r.id)] = str(r.cadre_id)
    for r in conn.execute(select(_C.c.id).where(_C.c.id.in_([i for i in ids if i not in out]))):
        out[str(r.id)] = str(r.id)
    return out


# -- verifying a draw ---------------------------------------------------------------------


@dataclass
class Verification:
    draw_id: str
    seed: str
    percent: int
    role: str
    frame_size: int
    recorded_hash: str
    computed_hash: str
    recorded_sample: tuple[str, ...]
    redrawn_sample: tuple[str, ...]
    minimum: int | None
    added_since: int = 0  # households in the area now that the frame lacks
    removed_since: int = 0  # households of the frame no longer in the area
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_draw(ctx: AppContext, draw_id: str) -> Verification:
    """Re-draw ``draw_id`` from its seed and frame (raises LookupError for an unknown draw)."""
    with ctx.db.read() as conn:
        row = conn.execute(select(_D).where(_D.c.id == draw_id, _D.c.deleted.is_(False))).mappings().first()
    if row is None:
        raise LookupError(f"没有抽样 {draw_id}")
    problems: list[str] = []
    try:
        frame = [sc.FrameEntry(str(h), str(s)) for h, s in json.loads(row["frame"])]
        recorded = tuple(str(h) for h in json.loads(row["sample"]))
    except (ValueError, TypeError) as exc:
        raise ValidationError({"frame": f"抽样 {draw_id} 的抽样框或样本无法读取（{exc}）"}) from exc
    redrawn = sc.draw(str(row["seed"]), frame, int(row["percent"]))
    if redrawn.frame_hash != row["frame_hash"]:
        problems.append(f"抽样框校验值不符：记录 {row['frame_hash'][:16]}…，"
                        f"按记录的抽样框计算为 {redrawn.frame_hash[:16]}…")
    if redrawn.sample != recorded:
        extra = sorted(set(recorded) - set(redrawn.sample))
        missing = sorted(set(redrawn.sample) - set(recorded))
        problems.append(f"样本与按种子重抽的结果不同：多出 {len(extra)} 户，缺少 {len(missing)} 户"
                        + (f"（如 {extra[0][:8]}）" if extra else ""))
    minimum: int | None = None
    try:
        minimum = sc.rates(ctx.ref).minimum_for(str(row["role"]))
        if int(row["percent"]) < minimum:
            problems.append(f"抽查比例 {row['percent']}% 低于该角色的最低比例 {minimum}%")
    except ValidationError:
        problems.append(f"抽样角色 {row['role']} 不是可抽查的角色")
    result = Verification(draw_id, str(row["seed"]), int(row["percent"]), str(row["role"]), len(frame),
                          str(row["frame_hash"]), redrawn.frame_hash, recorded, redrawn.sample, minimum,
                          problems=problems)
    try:
        now = {e.household_id for e in frame_entries(ctx, str(row["level"]), str(row["area_id"]), str(row["strata"]))}
    except LookupError:
        now = set()
    then = {e.household_id for e in frame}
    result.added_since, result.removed_since = len(now - then), len(then - now)
    return result


def today_ms(day: dt.date) -> int:
    """Midnight of ``day`` in ms (tests and scripts that pin the date)."""
    return int(dt.datetime.combine(day, dt.time()).timestamp() * 1000)
