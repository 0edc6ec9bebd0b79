"""Deciding one imported household against the register: create, update, unchanged or rejected.

The household is matched by 户编号; each member by ID number, or (without one) by name
within the household. Cell values that are blank never erase what the register holds;
members the file does not list are kept. An ID number already held by a member of another
household is refused (one person cannot be in two households; moving a person is done in
the register, not by an import). The merged record (register values overlaid with the
file's) must pass the same rules as the editor's save (:func:`fieldapp.domain.register.record_problems`):
exactly one head, the birth date and gender agreeing with the ID, a grade for a disability… (a new
household's cells have passed their cleaners, so its codes and ID numbers are not checked twice).
A new household's 脱贫状态/脱贫年度 are imported values (as migration 0011 recorded the old register's); an
existing household's come from its workflows, so a file that would change them is refused for that row,
naming the workflow to start (a value the register already shows is no change).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, func, select

from fieldapp.domain import register as rules
from fieldapp.domain import resident_id
from fieldapp.domain import workflow as workflow_rules
from fieldapp.domain.refdata import RefData
from fieldapp.services import setup
from fieldapp.services.context import AppContext
from fieldapp.services.excel.clean import MonthOnly
from fieldapp.services.excel.fragments import Problem
from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT
from fieldapp.store import batch
from fieldapp.store.models import SYNC_COLUMNS, Cadre, Household, HouseholdListRow, Member

_H: Table = Household.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]
HOUSEHOLD_COLUMNS = tuple(c.name for c in _H.columns if c.name not in SYNC_COLUMNS)
MEMBER_COLUMNS = tuple(c.name for c in _M.columns if c.name not in SYNC_COLUMNS and c.name != "household_id")
_MEMBER_SET = frozenset(MEMBER_COLUMNS)
LABELS = {f.key: f.label for f in HOUSEHOLD_LAYOUT.fields}
SOURCE_KEY = {"village_id": "village", "cause2": "other_causes", "cause3": "other_causes", "cadre_id": "cadre"}
LABELS.update({column: HOUSEHOLD_LAYOUT.by_key[key].label for column, key in SOURCE_KEY.items()})
CODE_LISTS = {**rules.HOUSEHOLD_CODES, **rules.MEMBER_CODES}
_ALL_LABELS = tuple(sorted(set(LABELS.values()), key=len, reverse=True))


@dataclass
class Group:
    """All rows of one household of the file, merged."""

    key: str
    hh_no: str | None
    rows: list[int]
    household: dict[str, Any]
    sources: dict[str, int]
    members: list[tuple[int, dict[str, Any]]]
    problems: list[Problem]


def merge_runs(runs: list[tuple[Any, ...]], late: list[Problem]) -> Group:
    """One household's runs (each as :meth:`~fieldapp.services.excel.fragments.Run.state` gives it) and the
    problems found for it later, as one group; the runs are left as they were."""
    key, hh_no, rows, household, sources, members, problems = runs[0]
    if len(runs) == 1:  # the common case: the group shares the run's parts (neither changes them)
        return Group(key, hh_no, rows, household, sources, members, [*problems, *late] if late else problems)
    group = Group(key, hh_no, list(rows), dict(household), dict(sources), list(members), [*problems, *late])
    for _key, _hh, more_rows, more_household, more_sources, more_members, more_problems in runs[1:]:
        group.rows.extend(more_rows)
        group.members.extend(more_members)
        group.problems.extend(more_problems)
        for k, v in more_household.items():
            if k not in group.household:
                group.household[k] = v
                group.sources[k] = more_sources[k]
            elif group.household[k] != v:
                group.problems.append((more_sources[k], f"“{LABELS.get(k, k)}”与本户第{group.sources[k]}行不一致"))
    return group


class Owner(NamedTuple):
    household_id: str
    member_id: str
    name: str
    hh_no: str | None
    head: str | None


@dataclass
class Context:
    """What every decision needs: reference data, today, this laptop's villages and cadres."""

    ref: RefData
    today: dt.date
    villages: list[tuple[str, str]]
    village_ids: dict[str, str | None]
    default_village: str | None
    cadres: dict[str, list[str]]
    check_income: bool
    unknown_cadres: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, ctx: AppContext, default_village: str | None, today: dt.date, check_income: bool) -> Context:
        villages = setup.villages(ctx)
        names: dict[str, str | None] = {}
        for vid, name in villages:
            for variant in {name, name + "村", name.removesuffix("村")}:
                names[variant] = vid if names.get(variant, vid) == vid else None  # None: ambiguous
        with ctx.db.read() as conn:
            cadres: dict[str, list[str]] = {}
            for r in conn.execute(select(_C.c.id, _C.c.name).where(_C.c.deleted.is_(False))):
                cadres.setdefault(r.name, []).append(r.id)
        if default_village is None and len(villages) == 1:
            default_village = villages[0][0]
        return cls(ctx.ref, today, villages, names, default_village, cadres, check_income)


@dataclass
class RegisterSlice:
    """The part of the register one batch of households touches."""

    households: dict[str, list[dict[str, Any]]]
    members: dict[str, list[dict[str, Any]]]
    owners: dict[str, Owner]
    incomes: dict[str, int | None]
    #: household id → its exit status and year as derived from its workflows (the list projection's)
    standing: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection, groups: list[Group], check_income: bool) -> RegisterSlice:
        """The register's part for ``groups``: their live households found by 户编号 (through
        ``ix_household_hh_no``, so the cost follows the batch, not the register), with their members, the
        register's holders of the file's ID numbers and the list projection's income and standing."""
        hh_nos = sorted({g.hh_no for g in groups if g.hh_no})
        households: dict[str, list[dict[str, Any]]] = {}
        # rows fetched whole and zipped with their names: a mapping per row cost more than the query
        names = ("id", *HOUSEHOLD_COLUMNS)
        for start in range(0, len(hh_nos), 5000):
            for values in conn.execute(select(*[_H.c[c] for c in names])
                                       .where(batch.one_of(conn, _H.c.hh_no, hh_nos[start:start + 5000]),
                                              _H.c.deleted.is_(False))).all():
                household = dict(zip(names, values, strict=True))
                households.setdefault(household["hh_no"], []).append(household)
        ids = [h["id"] for rows in households.values() for h in rows]
        members: dict[str, list[dict[str, Any]]] = {}
        if ids:
            names = ("id", "household_id", *MEMBER_COLUMNS)
            for values in conn.execute(select(*[_M.c[c] for c in names])
                                       .where(batch.one_of(conn, _M.c.household_id, ids), _M.c.deleted.is_(False))
                                       .order_by(_M.c.relation, _M.c.birth_date, _M.c.id)).all():
                member = dict(zip(names, values, strict=True))
                members.setdefault(member["household_id"], []).append(member)
        # the list projection's income, standing and head of the matched households, in one pass
        incomes: dict[str, int | None] = {}
        standing: dict[str, tuple[str | None, int | None]] = {}
        heads: dict[str, str | None] = {}
        for start in range(0, len(ids), 5000):
            for household_id, exit_status, exit_year, income, head in conn.execute(
                    select(_L.c.household_id, _L.c.exit_status, _L.c.exit_year, _L.c.per_person_income,
                           _L.c.head_name)
                    .where(batch.one_of(conn, _L.c.household_id, ids[start:start + 5000]))).all():
                standing[household_id] = (exit_status, exit_year)
                heads[household_id] = head
                if check_income:
                    incomes[household_id] = income
        owners = _holders(conn, groups, households, members, heads)
        return cls(households, members, owners, incomes, standing)


def _holders(conn: Connection, groups: list[Group], households: dict[str, list[dict[str, Any]]],
             members: dict[str, list[dict[str, Any]]], heads: dict[str, str | None]) -> dict[str, Owner]:
    """The register's live holder of each of the groups' ID numbers (the last one the join gives, when two hold it).

    A number that a member of the matched households holds is that member's, unless another row of the member
    table has it too: one query on ``ix_member_id_no`` alone (no rows read) finds those numbers, and they are
    looked up with the others in the three-table join. A file planned again so fetches no holder rows.
    """
    own: dict[str, Owner] = {}
    twice: set[str] = set()
    for rows in households.values():
        for h in rows:
            for m in members.get(h["id"], ()):
                id_no = m["id_no"]
                if not id_no:
                    continue
                if id_no in own:
                    twice.add(id_no)
                own[id_no] = Owner(h["id"], m["id"], m["name"], h["hh_no"], heads.get(h["id"]))
    numbers = list({m["id_no"] for g in groups for _row, m in g.members if m.get("id_no")})
    held = [n for n in numbers if n in own and n not in twice]
    for start in range(0, len(held), 5000):
        twice.update(conn.execute(select(_M.c.id_no).where(batch.one_of(conn, _M.c.id_no, held[start:start + 5000]))
                                  .group_by(_M.c.id_no).having(func.count() > 1)).scalars())
    owners = {n: own[n] for n in held if n not in twice}
    rest = [n for n in numbers if n not in owners]
    for start in range(0, len(rest), 5000):
        query = (select(_M.c.id_no, _M.c.id, _M.c.household_id, _M.c.name, _H.c.hh_no, _L.c.head_name)
                 .join(_H, _H.c.id == _M.c.household_id)
                 .join(_L, _L.c.household_id == _M.c.household_id, isouter=True)
                 .where(batch.one_of(conn, _M.c.id_no, rest[start:start + 5000]), _M.c.deleted.is_(False),
                        _H.c.deleted.is_(False)))
        for o in conn.execute(query).all():
            owners[o.id_no] = Owner(o.household_id, o.id, o.name, o.hh_no, o.head_name)
    return owners


@dataclass
class Slot:
    """One member of the merged record: its file row (None: only in the register) and values."""

    row: int | None
    values: dict[str, Any]
    original: dict[str, Any] | None


class Decision(NamedTuple):
    status: str
    head: str | None
    message: str
    people: int
    problems: list[Problem]
    op: tuple[Any, ...] | None


def shown(key: str, value: Any, ref: RefData) -> str:
    if value is None:
        return "空"
    if key in CODE_LISTS:
        return ref[CODE_LISTS[key]].label(str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _village(value: Any, row: int, cx: Context, values: dict[str, Any], problems: list[Problem]) -> None:
    vid = cx.village_ids.get(str(value))
    if vid is None:
        names = "、".join(n for _i, n in cx.villages)
        problems.append((row, f"行政村“{value}”不是本机的村（本机：{names}）"))
    else:
        values["village_id"] = vid


def _cadre(name: str, cx: Context, values: dict[str, Any]) -> None:
    found = cx.cadres.get(name, [])
    if len(found) == 1:
        values["cadre_id"] = found[0]
    else:  # unknown or ambiguous: the household keeps its cadre; the plan says so once
        cx.unknown_cadres.add(name)


def _household_values(g: Group, cx: Context, new: bool, problems: list[Problem]) -> dict[str, Any]:
    """The file's household values as store columns (village and cadre by name, the other causes split)."""
    values: dict[str, Any] = {}
    first = g.rows[0]
    for key, value in g.household.items():
        row = g.sources.get(key, first)
        if key == "village":
            _village(value, row, cx, values, problems)
        elif key == "other_causes":
            if len(value) > 2:
                problems.append((row, "其他致贫原因最多两项"))
            values["cause2"], values["cause3"] = value[0], value[1] if len(value) > 1 else None
        elif key == "cadre":
            _cadre(str(value), cx, values)
        elif key == "identified_on" and isinstance(value, MonthOnly):
            values[key] = value.first_day()
        elif key != "per_person_income":
            values[key] = value
    if g.hh_no:
        values["hh_no"] = g.hh_no
    if new and "village_id" not in values and "village" not in g.household:
        if cx.default_village is None:
            names = "、".join(n for _i, n in cx.villages)
            problems.append((first, f"缺少行政村：本机有多个村（{names}），请在表中填写行政村，或导入时选择默认的村"))
        else:
            values["village_id"] = cx.default_village
    return values


def _merge_members(g: Group, reg: RegisterSlice, existing: dict[str, Any] | None,
                   problems: list[Problem], skipped: list[dict[str, Any]]) -> list[Slot]:
    """The merged members; a file row refused as a whole goes to ``skipped`` (it is not in the record)."""
    slots = [Slot(None, dict(m), m) for m in (reg.members.get(existing["id"], []) if existing else [])]
    by_id = {s.values["id_no"]: s for s in slots if s.values.get("id_no")}
    for row, fm in g.members:
        id_no = fm.get("id_no")
        slot = None
        if id_no:
            owner = reg.owners.get(id_no)
            if owner is not None and (existing is None or owner.household_id != existing["id"]):
                problems.append((row, f"证件号码 {id_no} 已登记在户编号 {owner.hh_no or '—'}"
                                      f"（户主 {owner.head or '—'}）的成员 {owner.name} 名下；同一人不能在两户，"
                                      "如确是迁户，请先在原户中移除该成员"))
                skipped.append(fm)
                continue
        slot = _match(slots, by_id, fm)
        if slot is not None and slot.row is not None:
            problems.append((row, f"与第{slot.row}行是同一位成员（{fm.get('name') or id_no}）"))
            skipped.append(fm)
            continue
        if slot is None:
            slot = Slot(row, {}, None)
            slots.append(slot)
        slot.row = row
        slot.values.update(fm)
        _derive(slot, problems, id_no)
    return slots


def _match(slots: list[Slot], by_id: dict[str, Slot], fm: dict[str, Any]) -> Slot | None:
    """The register member a file row is: same ID number, else same name (and no ID number on one side)."""
    id_no = fm.get("id_no")
    slot = by_id.get(id_no) if id_no else None
    if slot is None and fm.get("name"):
        slot = next((s for s in slots if s.original is not None and s.values.get("name") == fm["name"]
                     and (s.row is None) and not (id_no and s.values.get("id_no"))), None)
    return slot


def _derive(slot: Slot, problems: list[Problem], cleaned_id: str | None) -> None:
    """Birth date and gender from a valid ID; a birth month is checked against it.

    ``cleaned_id``: the file row's ID number, which its cleaner already found valid and canonical.
    """
    v = slot.values
    number = None
    if cleaned_id:
        number = cleaned_id
    elif v.get("id_no"):  # the register's
        try:
            number = resident_id.validate(v["id_no"])
        except resident_id.ResidentIdError:
            number = None
    born = v.get("birth_date")
    if isinstance(born, MonthOnly):
        if number is None:
            problems.append((slot.row or 0, f"出生日期只写到月（{born}），又没有有效的证件号码可以补全；"
                                            "请填写完整日期"))
            v["birth_date"] = None
        elif (resident_id.birth_date(number).year, resident_id.birth_date(number).month) != (born.year, born.month):
            problems.append((slot.row or 0, f"出生年月（{born}）与证件号码不一致"))
            v["birth_date"] = None
        else:
            v["birth_date"] = resident_id.birth_date(number)
    if number is not None:
        if v.get("birth_date") is None:
            v["birth_date"] = resident_id.birth_date(number)
        if not v.get("gender"):
            v["gender"] = resident_id.gender_code(number)


def _translate(found: dict[str, str], g: Group, slots: list[Slot]) -> list[Problem]:
    first = g.rows[0]
    out: list[Problem] = []
    for key, message in found.items():
        if key.startswith("household."):
            name = key.removeprefix("household.")
            row = g.sources.get(SOURCE_KEY.get(name, name), first)
            out.append((row, _labelled(LABELS.get(name, name), message)))
        elif key.startswith("member["):
            index, _, name = key.removeprefix("member[").partition("].")
            slot = slots[int(index)]
            who = "" if slot.row is not None else f"本机已有成员 {slot.values.get('name')} 的"
            out.append((slot.row or first, who + _labelled(LABELS.get(name, name), message)))
        else:
            out.append((first, message))
    return out


def _labelled(label: str, message: str) -> str:
    """``label：message``, unless the message names its field already ("证件号码校验位错误")."""
    return message if message.startswith(label) else f"{label}：{message}"


def _record_problems(g: Group, cx: Context, merged: dict[str, Any], slots: list[Slot], *,
                     skipped: list[dict[str, Any]], found: list[Problem], existing: bool) -> list[Problem]:
    """The editor's whole-record rules, less what the file's own problems already say.

    Run even when cells were refused, so one dry run lists every problem of the household. A
    rule about a field whose cell was refused on the same row is left out (its value is missing
    because of that problem), and so is "本户没有户主" when the head's row itself was refused.
    """
    said = {(row, label) for row, message in found for label in _ALL_LABELS if message.startswith(label)}
    out = []
    head_refused = any(m.get("relation") == rules.HEAD for m in skipped)
    # a new household holds only cleaned cells (codes of their lists, valid ID numbers): those rules are not rerun
    new = all(s.original is None for s in slots) and not existing
    for key, message in rules.record_problems(merged, [s.values for s in slots], cx.ref, cx.today,
                                              cells_checked=new).items():
        if key == "members" and head_refused:
            continue
        for row, text in _translate({key: message}, g, slots):
            if not any(text.startswith(label) and (row, label) in said for label in _ALL_LABELS):
                out.append((row, text))
    return out


def _diff(existing: dict[str, Any] | None, values: dict[str, Any],
          slots: list[Slot]) -> tuple[dict[str, Any], list[tuple[Slot, dict[str, Any]]], list[Slot]]:
    """What the import would write: household fields, member fields, new members."""
    new = [s for s in slots if s.original is None]
    if existing is None:
        return values, [], new
    h_changes = {k: v for k, v in values.items() if existing.get(k) != v}
    m_changes = []
    for s in slots:
        if s.original is not None and s.row is not None:
            original = s.original
            if s.values == original:  # the file's row as the register holds it: one comparison in C
                continue
            changes = {k: v for k, v in s.values.items() if k in _MEMBER_SET and original.get(k) != v}
            if changes:
                m_changes.append((s, changes))
    return h_changes, m_changes, new


def decide(g: Group, reg: RegisterSlice, cx: Context) -> Decision:
    """Create, update, unchanged or rejected (with every problem's row), and the writes to make."""
    problems = list(g.problems)
    first = g.rows[0]
    found = reg.households.get(g.hh_no, []) if g.hh_no else []
    if len(found) > 1:
        problems.append((first, f"户编号 {g.hh_no} 在本机对应 {len(found)} 户，无法确定导入到哪一户"))
    existing = found[0] if len(found) == 1 else None
    values = _household_values(g, cx, existing is None, problems)
    skipped: list[dict[str, Any]] = []
    slots = _merge_members(g, reg, existing, problems, skipped)
    head = next((s.values.get("name") for s in slots if s.values.get("relation") == rules.HEAD), None)
    h_changes, m_changes, new = _diff(existing, values, slots)
    if existing is not None:
        problems += _derived_changes(g, h_changes, reg.standing.get(existing["id"], (None, None)), cx.ref)
    if existing is None and not new and not skipped:
        problems.append((first, "本户没有成员数据（至少需要户主一行）"))
    if problems or existing is None or h_changes or m_changes or new:
        # every rule, even when cells were refused: one dry run lists all of the household's problems
        merged = {**(existing or {}), **values}
        problems += _record_problems(g, cx, merged, slots, skipped=skipped, found=problems,
                                     existing=existing is not None)
    if problems:
        problems.sort()
        text = "；".join(f"第{row}行 {msg}" for row, msg in problems)
        return Decision("rejected", head, text, len(slots), problems, None)
    # blanks left out: the write fills every column a row does not give (a smaller plan file to write and read)
    new_rows = [{k: v for k, v in s.values.items() if v is not None and k in _MEMBER_SET} for s in new]
    if existing is None:
        return Decision("create", head, _created(len(new)), len(new), [], ("create", values, new_rows))
    notes = _income_note(g, reg, existing["id"], cx)
    if not (h_changes or m_changes or new):
        return Decision("unchanged", head, "；".join(notes), len(slots), [], None)
    op = ("update", existing["id"], h_changes, [(s.original["id"], c) for s, c in m_changes if s.original], new_rows)
    text = _describe(h_changes, m_changes, new, existing=existing, ref=cx.ref, notes=notes)
    return Decision("update", head, text, len(slots), [], op)


def _derived_changes(g: Group, h_changes: dict[str, Any], now: tuple[str | None, int | None],
                     ref: RefData) -> list[Problem]:
    """The file's 脱贫状态/脱贫年度 of an existing household: the value the register shows (derived from the
    workflows) is no change and is dropped from ``h_changes``; another value is refused, naming the workflow."""
    found: list[Problem] = []
    for name, current in zip(workflow_rules.DERIVED_FIELDS, now, strict=True):
        if name not in h_changes:
            continue
        value = h_changes.pop(name)
        if (value or None) == (current or None):
            continue
        refusal = workflow_rules.TYPED_REFUSAL.format(label=LABELS.get(name, name))
        found.append((g.sources.get(name, g.rows[0]),
                      f"{refusal}（本户现为“{shown(name, current, ref)}”，表中为“{shown(name, value, ref)}”）"))
    return found


@functools.cache
def _created(people: int) -> str:
    return f"新增 1 户 {people} 人"  # one string object per size, shared by 100,000 entries


def _income_note(g: Group, reg: RegisterSlice, household_id: str, cx: Context) -> list[str]:
    given = g.household.get("per_person_income")
    computed = reg.incomes.get(household_id)
    if not cx.check_income or given is None or computed is None or abs(int(given) - computed) < 100:
        return []
    return [f"表中人均纯收入 {given / 100:.2f} 元与本机按收入明细计算的 {computed / 100:.2f} 元不一致（以本机为准）"]


def _describe(h_changes: dict[str, Any], m_changes: list[tuple[Slot, dict[str, Any]]], new: list[Slot], *,
              existing: dict[str, Any], ref: RefData, notes: list[str]) -> str:
    parts = []
    items = [f"{LABELS.get(k, k)} {shown(k, existing.get(k), ref)}→{shown(k, v, ref)}" for k, v in h_changes.items()]
    if items:
        parts.append("户：" + "、".join(items[:3]) + (f" 等{len(items)}项" if len(items) > 3 else ""))
    for slot, changes in m_changes[:3]:
        original = slot.original or {}
        items = [f"{LABELS.get(k, k)} {shown(k, original.get(k), ref)}→{shown(k, v, ref)}" for k, v in changes.items()]
        parts.append(f"成员 {slot.values.get('name')}：" + "、".join(items[:3])
                     + (f" 等{len(items)}项" if len(items) > 3 else ""))
    if len(m_changes) > 3:
        parts.append(f"另有 {len(m_changes) - 3} 位成员有变化")
    if new:
        parts.append("新增成员 " + "、".join(str(s.values.get("name")) for s in new))
    return "；".join(parts + notes)


def row_reasons(rows: list[int], problems: list[Problem]) -> dict[int, str]:
    """Each row of a rejected household → why (its own problems, or where the household's are)."""
    own: dict[int, list[str]] = {}
    for row, message in problems:
        own.setdefault(row, []).append(message)
    where = "、".join(f"第{r}行" for r in sorted(own)[:5])
    return {r: "；".join(own[r]) if r in own else f"同户其他行有误（{where}），整户未导入" for r in rows}
