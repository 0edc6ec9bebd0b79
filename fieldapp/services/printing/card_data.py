"""What a door-plate card (信息公示牌) shows, read for many households at once.

A district prints thousands of cards in one job, so the data is read a chunk of
households at a time in a handful of queries (household rows, list rows, measures)
instead of one whole record per household. Only public fields are read: no ID
numbers, no member health, no bank data. Measures of a private kind (health) show
their type only, never their content (it would tell who is ill); an ID typed into a
measure's content is masked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import cardcode
from fieldapp.domain import register as rules
from fieldapp.domain.refdata import RefData
from fieldapp.domain.resident_id import mask_in_text
from fieldapp.services.context import AppContext
from fieldapp.services.printing.card_fields import CardData
from fieldapp.services.printing.common import cadre_rows, village_names
from fieldapp.store.models import Household, HouseholdListRow, Measure

PRIVATE_MEASURE_TYPES = frozenset({"health"})  # content names illnesses: the type alone is printed
CHUNK = 400

_H, _L, _ME = Household.__table__, HouseholdListRow.__table__, Measure.__table__




def measure_lines(rows: Sequence[Any], ref: RefData, lang: str = "zh-Hans") -> tuple[str, ...]:
    """One line per measure type: 五个一批 pathways first, then the other types, in reference-data order."""
    types = ref["measure_type"]
    order = {c.code: (0 if c.attrs.get("pathway") else 1, i) for i, c in enumerate(types.codes)}
    grouped: dict[str, list[str]] = {}
    for row in rows:
        grouped.setdefault(row.type, []).append((row.content or "").strip())
    lines = []
    for code in sorted(grouped, key=lambda c: order.get(c, (2, 0))):
        label = types.label(code, lang)
        contents = [c for c in grouped[code] if c]
        if code in PRIVATE_MEASURE_TYPES or not contents:
            lines.append(label)
        else:
            lines.append(mask_in_text(f"{label}：{'；'.join(contents)}"))
    return tuple(lines)


def _causes(h: Any, ref: RefData, lang: str) -> str:
    causes = ref["poverty_cause"]
    return "、".join(causes.label(c, lang) for c in (h.main_cause, h.cause2, h.cause3) if c)


def exit_text(status: str | None, year: int | None, deadline: int | None, ref: RefData, lang: str = "zh-Hans") -> str:
    label = ref["exit_status"].label(status, lang) if status else "未填写"
    if year:
        return f"{label}，{year}年脱贫"
    if deadline and status in (None, "0", "3"):
        return f"{label}，计划{deadline}年脱贫"
    return label


def _chunk(conn: Connection, ids: Sequence[str], *, ref: RefData, villages: dict[str, str],
           cadres: dict[str, Any], lang: str) -> list[CardData]:
    houses = {r.id: r for r in conn.execute(select(_H).where(_H.c.id.in_(ids), _H.c.deleted.is_(False)))}
    missing = [i for i in ids if i not in houses]
    if missing:
        raise LookupError(f"户 {missing[0]} 不存在或已删除（共 {len(missing)} 户）")
    listed = {r.household_id: r for r in conn.execute(
        select(_L.c.household_id, _L.c.head_name, _L.c.member_count, _L.c.exit_status, _L.c.exit_year)
        .where(_L.c.household_id.in_(ids)))}
    measures: dict[str, list[Any]] = {}
    for r in conn.execute(select(_ME.c.household_id, _ME.c.type, _ME.c.content)
                          .where(_ME.c.household_id.in_(ids), _ME.c.deleted.is_(False))
                          .order_by(_ME.c.household_id, _ME.c.date, _ME.c.id)):
        measures.setdefault(r.household_id, []).append(r)
    cards = []
    kinds = ref["household_kind"]
    for hid in ids:
        h, row = houses[hid], listed.get(hid)
        kind = rules.plate_kind(h.attribute, h.plate_kind, ref)
        cadre = cadres.get(h.cadre_id) if h.cadre_id else None
        cards.append(CardData(
            household_id=hid, kind=kind, kind_label=kinds.label(kind, lang),
            village=villages.get(h.village_id, ""), group_no=h.group_no,
            head=mask_in_text((row.head_name if row is not None else None) or ""),
            size=row.member_count if row is not None else 0, hh_no=h.hh_no or "",
            attribute=ref["household_attribute"].label(h.attribute, lang), causes=_causes(h, ref, lang),
            measures=measure_lines(measures.get(hid, []), ref, lang),
            cadre=cadre.name if cadre else "", cadre_unit=(cadre.unit or "") if cadre else "",
            cadre_phone=(cadre.phone or "") if cadre else "",
            # the status and year the workflows decided (the list's), not a typed value
            exit_text=exit_text(row.exit_status if row is not None else None,
                                row.exit_year if row is not None else None, h.exit_deadline, ref, lang),
            code=cardcode.card_code(hid),
        ))
    return cards


def load_cards(ctx: AppContext, household_ids: Sequence[str], lang: str = "zh-Hans") -> Iterator[CardData]:
    """Card data in the order of ``household_ids``, read ``CHUNK`` households at a time.

    Raises LookupError if a household does not exist or has been deleted.
    """
    with ctx.db.read() as conn:
        villages, cadres = village_names(conn), cadre_rows(conn)
    for start in range(0, len(household_ids), CHUNK):
        with ctx.db.read() as conn:
            chunk = _chunk(conn, list(household_ids[start:start + CHUNK]), ref=ctx.ref, villages=villages,
                           cadres=cadres, lang=lang)
        yield from chunk


def household_ids(ctx: AppContext, village_id: str | None = None, group_no: int | None = None) -> list[str]:
    """The households of one village (or every village on this laptop), optionally one group.

    In print order: village (as set up), group, 户编号.
    """
    order = {v: i for i, v in enumerate(ctx.settings["village_ids"])}
    stmt = select(_L.c.household_id, _L.c.village_id, _L.c.group_no, _L.c.hh_no)
    stmt = stmt.where(_L.c.village_id == village_id if village_id else _L.c.village_id.in_(list(order)))
    if group_no is not None:
        stmt = stmt.where(_L.c.group_no == group_no)
    with ctx.db.read() as conn:
        rows = conn.execute(stmt).all()
    ordered = sorted(rows, key=lambda r: (order.get(r.village_id, len(order)), r.group_no or 0, r.hh_no or "",
                                          r.household_id))
    return [str(r.household_id) for r in ordered]
