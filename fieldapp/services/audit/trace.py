"""责任倒查: who identified a household, who entered each value and when, who signed, checked and corrected it;
and for a person, everything they entered in a period.

"谁识别谁负责、谁填报谁负责": the change log already records the account behind every field value
(:mod:`fieldapp.services.history` puts it in words). :func:`household_trace` turns a household's
whole history into one :class:`HouseholdTrace` — the identification (the account that created the
household and the 首次识别时间), each current value with who set it, when and how often it changed,
and, with ``field``, every value the field ever held. :func:`person_trace` reads one account's
changes in a period through ``ix_change_log_user``, so its cost follows what that person wrote.
Sign-offs, spot-check findings and rectifications join as sections (:mod:`.sections`).
Values are masked (ID numbers, bank data) unless the caller asks otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, select

from fieldapp.domain import hlc
from fieldapp.domain.fields import DEFAULT_LANGUAGE
from fieldapp.domain.refdata import RefData
from fieldapp.domain.register import HEAD
from fieldapp.services import history
from fieldapp.services.audit import sections
from fieldapp.services.audit.sections import TraceSection
from fieldapp.services.history import HistoryLine
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household, Member, Person
from fieldapp.store.queries import person_changes

PAGE = 500
NOT_ENTRIES = frozenset({"audit_event"})  # logins and locks: the audit log's, not something a person filled in
# the household's record (the 八个搞清楚, members, incomes, indicators, measures): whose values are traced;
# visits, sign-offs, checks and rectifications are records about it, in their own sections
RECORD_TABLES = frozenset({"household", "member", "income_year", "indicator", "measure"})


@dataclass(frozen=True)
class ValueTrail:
    """The current value of one field of one record, and who is answerable for it."""

    target: str  # the record in words: 户, 成员 张三, 收入 2025年
    field: str  # the field's label
    value: str  # in words, masked as asked
    entered_by: str
    entered_at: str  # local time
    device: str
    times_set: int  # how many times it was written (1: never changed since it was first entered)


@dataclass(frozen=True)
class HouseholdTrace:
    household_id: str
    title: str  # 户编号 户主
    village: str
    identified_on: str  # 首次识别时间 as registered ('' when none)
    identified_by: str  # the account that created the household in the register
    identified_at: str  # when it did, local time
    values: tuple[ValueTrail, ...]
    field_history: tuple[HistoryLine, ...] = ()  # with ``field``: each value it held, oldest first
    sections: tuple[TraceSection, ...] = ()  # sign-offs, spot checks, rectifications


@dataclass(frozen=True)
class PersonTrace:
    person_id: str
    name: str
    roles: str
    start: dt.date
    end: dt.date  # inclusive
    entered: tuple[HistoryLine, ...]  # oldest first
    households: int  # distinct households touched
    sections: tuple[TraceSection, ...] = field(default_factory=tuple)


def household_trace(db: Database, ref: RefData, household_id: str, *, field_label: str | None = None,
                    lang: str = DEFAULT_LANGUAGE, own_device: str = "", masked: bool = True,
                    bank: bool = False) -> HouseholdTrace:
    """The trace of one household (``field_label``: also every value of the fields of that label)."""
    with db.read() as conn:
        found = _household_part(conn, ref, household_id, field_label=field_label, lang=lang, own_device=own_device,
                                masked=masked, bank=bank)
    return replace(found, sections=sections.household_sections(db, ref, household_id))


def _household_part(conn: Connection, ref: RefData, household_id: str, *, field_label: str | None,
                    lang: str, own_device: str, masked: bool, bank: bool) -> HouseholdTrace:
    h = Household.__table__
    head = conn.execute(select(h.c.hh_no, h.c.village_id, h.c.identified_on).where(h.c.id == household_id)).first()
    if head is None:
        raise LookupError(f"没有该户：{household_id}")
    lines = history.full_household_history(conn, ref, household_id, lang=lang, own_device=own_device,
                                           masked=masked, bank=bank)
    oldest_first = list(reversed(lines))
    created = next((ln for ln in oldest_first if ln.op == "insert" and ln.row_id == household_id), None)
    deleted = {ln.row_id for ln in lines if ln.op == "delete"}
    latest: dict[tuple[str, str], HistoryLine] = {}
    counts: dict[tuple[str, str], int] = {}
    order: list[tuple[str, str]] = []
    for ln in oldest_first:
        if ln.table not in RECORD_TABLES or (ln.row_id in deleted and ln.row_id != household_id):
            continue
        key = (ln.row_id, ln.field)
        if key not in latest:
            order.append(key)
        latest[key] = ln
        counts[key] = counts.get(key, 0) + 1
    values = tuple(ValueTrail(latest[k].target, latest[k].field, latest[k].new, latest[k].user, latest[k].when,
                              latest[k].device, counts[k]) for k in order)
    wanted = tuple(ln for ln in oldest_first if field_label and ln.field == field_label)
    if field_label and not wanted:
        raise LookupError(f"该户没有名为“{field_label}”的字段的记录")
    return HouseholdTrace(
        household_id=household_id, title=f"{head.hh_no or ''} {_head_name(conn, household_id)}".strip(),
        village=_area_name(conn, head.village_id), identified_on=_text_date(head.identified_on),
        identified_by=created.user if created else "—", identified_at=created.when if created else "",
        values=values, field_history=wanted)


def person_trace(db: Database, ref: RefData, person_id: str, start: dt.date, end: dt.date, *,
                 lang: str = DEFAULT_LANGUAGE, own_device: str = "", masked: bool = True) -> PersonTrace:
    """Everything ``person_id`` entered from ``start`` to ``end`` (inclusive), oldest first; what they signed,
    the spot-check findings on what they entered, their rectifications."""
    with db.read() as conn:
        found = _person_part(conn, ref, person_id, start, end, lang=lang, own_device=own_device, masked=masked)
    return replace(found, sections=sections.person_sections(db, ref, person_id, start, end))


def _person_part(conn: Connection, ref: RefData, person_id: str, start: dt.date, end: dt.date, *,
                 lang: str, own_device: str, masked: bool) -> PersonTrace:
    p = Person.__table__
    person = conn.execute(select(p.c.name, p.c.roles).where(p.c.id == person_id)).first()
    if person is None:
        raise LookupError(f"没有该人员：{person_id}")
    lo, hi = _hlc_of(start), _hlc_of(end + dt.timedelta(days=1))
    entered: list[HistoryLine] = []
    after: tuple[int, int] | None = None
    while True:
        entries = person_changes(conn, person_id, lo, hi, after=after, limit=PAGE)
        if not entries:
            break
        shown = [e for e in entries if history.shown(e) and e.tbl not in NOT_ENTRIES]
        entered += history.describe(shown, history.lookup_names(conn, shown, ref, lang), ref.fields, lang=lang,
                                    own_device=own_device, masked=masked)
        after = (entries[-1].hlc, entries[-1].seq)
        if len({e.seq for e in entries}) < PAGE:
            break
    roles = "、".join(ref["role"].label(r, lang) for r in json.loads(person.roles or "[]"))
    return PersonTrace(person_id=person_id, name=person.name, roles=roles, start=start, end=end,
                       entered=tuple(entered), households=len({ln.household_id for ln in entered if ln.household_id}))


def resolve_person(db: Database, text: str) -> str:
    """A person of the registry by id or by name."""
    p = Person.__table__
    wanted = text.strip()
    with db.read() as conn:
        rows = conn.execute(select(p.c.id).where((p.c.id == wanted) | (p.c.name == wanted),
                                             p.c.deleted.is_(False))).all()
    if not rows:
        raise LookupError(f"没有人员“{wanted}”")
    if len(rows) > 1:
        raise LookupError(f"有 {len(rows)} 位人员叫“{wanted}”，请用人员标识")
    return str(rows[0].id)


def _hlc_of(day: dt.date) -> int:
    """The smallest clock value of local midnight starting ``day``."""
    ms = int(dt.datetime.combine(day, dt.time()).timestamp() * 1000)
    return hlc.pack(ms, 0)


def _head_name(conn: Connection, household_id: str) -> str:
    m = Member.__table__
    return conn.execute(select(m.c.name).where(m.c.household_id == household_id, m.c.relation == HEAD,
                                               m.c.deleted.is_(False))).scalar() or ""


def _area_name(conn: Connection, area_id: str | None) -> str:
    a = Area.__table__
    return conn.execute(select(a.c.name).where(a.c.id == area_id)).scalar() or "" if area_id else ""


def _text_date(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")

