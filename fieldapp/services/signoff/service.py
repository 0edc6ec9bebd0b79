"""Signing a snapshot and reading a sign-off's status: valid, changed since signed, or invalid.

:func:`sign` (and :func:`sign_household`, :func:`sign_visit`) needs the ``signoff`` permission (the
refusal names it) and a signed-in person with a signing key; it reads the subject's snapshot, signs
the claim (who, which role, when, the snapshot's hash) with the person's key and appends a
``signoff`` row through the one write path. Sign-offs are never changed: signing again adds a newer one.

:func:`status` compares the latest sign-off of a subject with the subject as the register holds it
now: ``valid`` (unchanged and the signature checks), ``changed`` (with the differences in words,
labels from the field catalogue, sensitive values masked as it says) or ``invalid`` (the signature,
hash, key or code does not check: the reasons say which).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import people, refdata
from fieldapp.domain import signoff as rules
from fieldapp.domain.ids import new_id
from fieldapp.domain.signoff import Claim, Difference, DiffLine
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import keys, snapshots
from fieldapp.store import batch, limits
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Asset,
    AssetEvent,
    Cadre,
    Household,
    Member,
    Notice,
    Person,
    Project,
    ProjectAcceptance,
    Signoff,
    Visit,
    VisitCadre,
    Workflow,
    WorkflowStep,
)

_S = Signoff.__table__
ID_LENGTH = 36  # a UUID in its text form
VALID, CHANGED, INVALID, UNSIGNED = "valid", "changed", "invalid", "unsigned"


@dataclass(frozen=True)
class SignoffRecord:
    """One stored sign-off, with the signer's name for display."""

    id: str
    subject: str
    subject_id: str
    period: str
    household_id: str | None
    person_id: str
    person_name: str
    role: str
    key_id: str
    signed_at: int
    snapshot: str
    snapshot_hash: str
    signature: str
    code: str

    @property
    def claim(self) -> Claim:
        return Claim(self.subject, self.subject_id, self.period, self.person_id, self.role, self.key_id,
                     self.signed_at, self.snapshot_hash)

    @property
    def signed_text(self) -> str:
        """The local time of signing, to the minute."""
        return when_text(self.signed_at)

    def role_label(self, ref: refdata.RefData | None = None, lang: str = refdata.DEFAULT_LANGUAGE) -> str:
        return (ref or refdata.default())["role"].label(self.role, lang)


@dataclass(frozen=True)
class Status:
    """The latest sign-off of a subject and what it says now (``state``: valid, changed, invalid, unsigned)."""

    state: str
    signoff: SignoffRecord | None = None
    problems: tuple[str, ...] = ()
    differences: tuple[Difference, ...] = ()
    lines: tuple[DiffLine, ...] = field(default=())

    @property
    def is_signed(self) -> bool:
        return self.signoff is not None


def when_text(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


# -- signing ----------------------------------------------------------------------------------------


SIGN_OWN_VISIT = "visit.sign_own"
SIGN_WORKFLOW_STEP = "workflow.sign"
SIGN_NOTICE = "notice.issue"
SIGN_SUMMARY = "report.sign"
SIGN_PROJECT_ACCEPTANCE = "project.accept"
SIGN_ASSET_EVENT = "asset.change"
#: subjects signed by whoever holds the act's own permission: a workflow step (or batch) by whoever decides it
#: (its role checked there), a 公示 by whoever issues it, a summary by the team leader who reports it, a project's
#: acceptance by whoever accepts it, an asset's transfer, damage or disposal by whoever records it
SUBJECT_PERMISSION = {"workflow_step": SIGN_WORKFLOW_STEP, "workflow_batch": SIGN_WORKFLOW_STEP,
                      "notice": SIGN_NOTICE, "summary": SIGN_SUMMARY,
                      "project_acceptance": SIGN_PROJECT_ACCEPTANCE, "asset_event": SIGN_ASSET_EVENT,
                      "disclosure": SIGN_NOTICE}  # whoever issues a 资金公示 signs it


def signing_permission(ctx: AppContext, subject: str, subject_id: str) -> str:
    """The permission that lets the signed-in person sign ``subject_id``: ``signoff``, or for a visit
    they took part in, ``visit.sign_own`` (a unit leader's visits count only once they sign them)."""
    if subject in SUBJECT_PERMISSION:
        return SUBJECT_PERMISSION[subject]
    if subject != "visit" or ctx.allows(people.SIGNOFF) or not ctx.cadre_id:
        return people.SIGNOFF
    vc = VisitCadre.__table__
    with ctx.db.read() as conn:
        took_part = conn.execute(select(vc.c.id).where(vc.c.visit_id == subject_id, vc.c.cadre_id == ctx.cadre_id,
                                                       vc.c.deleted.is_(False)).limit(limits.fixed(1))).first()
    return SIGN_OWN_VISIT if took_part is not None else people.SIGNOFF


def may_sign(ctx: AppContext, subject: str, subject_id: str) -> bool:
    return ctx.allows(signing_permission(ctx, subject, subject_id))


def signing_role(ctx: AppContext, permission: str = people.SIGNOFF) -> str:
    """The role the signed-in person signs in: the first of theirs that holds ``permission``."""
    ctx.require(permission)
    table = people.permission_table(ctx.ref)
    roles = ctx.session.roles if ctx.session is not None else ()
    return next((r for r in roles if table.allows([r], permission)), "")


def sign(ctx: AppContext, subject: str, subject_id: str, period: str = "", *,
         tables: Mapping[str, Sequence[Mapping[str, Any]]] | None = None, household_id: str | None = None,
         role: str | None = None, at_ms: int | None = None) -> SignoffRecord:
    """Sign ``subject_id`` as it is now (or the ``tables`` the caller shows, for a subject without a
    snapshot builder). Raises ``PermissionDenied`` (naming ``signoff``), ``NoSigningKey``, ``LookupError``."""
    values, record = prepare(ctx, subject, subject_id, period, tables=tables, household_id=household_id,
                             role=role, at_ms=at_ms)
    with ctx.writer.transaction() as txn:
        txn.insert(Signoff, values)
    return record


def prepare(ctx: AppContext, subject: str, subject_id: str, period: str = "", *,
            tables: Mapping[str, Sequence[Mapping[str, Any]]] | None = None, household_id: str | None = None,
            role: str | None = None, at_ms: int | None = None) -> tuple[dict[str, Any], SignoffRecord]:
    """The signed ``signoff`` row (with its new id) and its record, not yet written: a caller that writes the
    signed thing in the same transaction inserts both (a workflow decision and its signature)."""
    permission = signing_permission(ctx, subject, subject_id)
    ctx.require(permission)
    if subject not in rules.SUBJECTS:
        raise rules.SignoffError(f"未知的签字对象：{subject}")
    role = role or signing_role(ctx, permission)
    if ctx.session is not None and role not in ctx.session.roles:
        raise people.permission_table(ctx.ref).denied(permission, ctx.session.name)
    if tables is not None:
        snap = snapshots.given(subject, subject_id, tables, period)
    else:
        found = snapshots.current(ctx.db, subject, subject_id, period)
        if found is None:
            raise rules.SignoffError(f"“{subject}”需要提供签字内容")
        snap = found
    if household_id is None:
        household_id = snapshots.household_of(ctx.db, subject, subject_id, period)
    text = rules.canonical(snap)
    session = ctx.session
    if session is None or session.signing is None:
        keys.sign_bytes(session, b"")  # raises NoSigningKey with the reason
    assert session is not None and session.signing is not None
    claim = Claim(subject, subject_id, period, session.person_id, role, session.signing.key_id,
                  at_ms or keys.now_ms(), rules.content_hash(text))
    key_id, signature = keys.sign_bytes(session, rules.message(claim))
    code = rules.verification_code(signature)
    row_id = new_id()
    values = {"id": row_id, "subject": subject, "subject_id": subject_id, "period": period,
              "household_id": household_id, "person_id": claim.person_id, "role": role, "key_id": key_id,
              "signed_at": claim.signed_at, "snapshot": text, "snapshot_hash": claim.snapshot_hash,
              "signature": signature, "code": code}
    return values, SignoffRecord(row_id, subject, subject_id, period, household_id, claim.person_id, session.name,
                                 role, key_id, claim.signed_at, text, claim.snapshot_hash, signature, code)


def sign_household(ctx: AppContext, household_id: str) -> SignoffRecord:
    return sign(ctx, "household", household_id)


def sign_visit(ctx: AppContext, visit_id: str) -> SignoffRecord:
    return sign(ctx, "visit", visit_id)


# -- reading ----------------------------------------------------------------------------------------


def record_of(conn: Connection, row: Any) -> SignoffRecord:
    """A stored sign-off row as a record, with the signer's name."""
    name = conn.execute(select(Person.__table__.c.name).where(Person.__table__.c.id == row.person_id)).scalar()
    return SignoffRecord(row.id, row.subject, row.subject_id, row.period or "", row.household_id, row.person_id,
                         str(name or row.person_id[:8]), row.role, row.key_id, int(row.signed_at), row.snapshot,
                         row.snapshot_hash, row.signature, row.code)


def history(db: Database, subject: str, subject_id: str, period: str = "") -> list[SignoffRecord]:
    """Every sign-off of a subject, newest first."""
    with db.read() as conn:
        rows = conn.execute(select(_S).where(_S.c.subject == subject, _S.c.subject_id == subject_id,
                                             _S.c.period == period, _S.c.deleted.is_(False))
                            .order_by(_S.c.signed_at.desc(), _S.c.id.desc())).all()
        return [record_of(conn, r) for r in rows]


def latest(db: Database, subject: str, subject_id: str, period: str = "") -> SignoffRecord | None:
    found = history(db, subject, subject_id, period)
    return found[0] if found else None


def by_code(db: Database, code: str) -> list[SignoffRecord]:
    """The sign-offs a verification code names (normally one); raises ``SignoffError`` for a malformed code."""
    printed = rules.normalise_code(code)
    with db.read() as conn:
        rows = conn.execute(select(_S).where(_S.c.code == printed, _S.c.deleted.is_(False))
                            .order_by(_S.c.signed_at)).all()
        return [record_of(conn, r) for r in rows]


def problems(db: Database, record: SignoffRecord) -> list[str]:
    """Why the sign-off does not check (empty: the signature is the signer's over exactly this snapshot)."""
    found: list[str] = []
    if rules.content_hash(record.snapshot) != record.snapshot_hash:
        found.append("签字内容与其哈希不符（签字内容被改动）")
    with db.read() as conn:
        key = keys.key(conn, record.key_id)
    if key is None:
        found.append(f"签名公钥 {record.key_id[:8]} 未登记")
        return found
    if key.person_id != record.person_id:
        found.append("签名公钥不属于签字人")
    if not _role_may_sign(record.role, record.subject):
        found.append(f"签字人的角色（{record.role}）无权签这类记录")
    if key.retired_at is not None and record.signed_at > key.retired_at:
        found.append(f"签名公钥已于 {when_text(key.retired_at)} 停用，之后的签字无效")
    if not keys.verify_with(key.public_key, rules.message(record.claim), record.signature):
        found.append("签名无效（签字人、时间、身份或内容与签名不符）")
    try:
        if rules.verification_code(record.signature) != record.code:
            found.append("验证码与签名不符")
    except ValueError:
        found.append("签名格式错误")
    return found


def _role_may_sign(role: str, subject: str) -> bool:
    """Whether ``role`` holds a permission to sign ``subject`` (a member only a visit they took part in:
    the service checks the taking part when signing)."""
    table = people.permission_table()
    if subject in SUBJECT_PERMISSION:
        return table.allows([role], SUBJECT_PERMISSION[subject])
    return table.allows([role], people.SIGNOFF) or (subject == "visit" and table.allows([role], SIGN_OWN_VISIT))


def compare(db: Database, record: SignoffRecord, ref: refdata.RefData | None = None,
            lang: str = refdata.DEFAULT_LANGUAGE, *, masked: bool = True) -> tuple[bool | None, list[Difference],
                                                                                  list[DiffLine]]:
    """Whether the register's copy still matches what was signed (None: no builder, or the subject is gone:
    then every signed row shows as removed), with the differences and in words."""
    ref = ref or refdata.default()
    try:
        now = snapshots.current(db, record.subject, record.subject_id, record.period)
    except LookupError:
        now = {"tables": {}}
    if now is None:
        return None, [], []
    try:
        signed = json.loads(record.snapshot)
    except ValueError:
        return False, [], []
    differences = rules.diff(signed, now)
    with db.read() as conn:
        names = _names(conn, _ids_in(signed) | _ids_in(now))
    lines = rules.describe(differences, signed, now, ref.fields, lang, names=names, masked=masked)
    return not differences, differences, lines


def status(db: Database, subject: str, subject_id: str, period: str = "", *, ref: refdata.RefData | None = None,
           lang: str = refdata.DEFAULT_LANGUAGE) -> Status:
    """The latest sign-off of the subject and whether it still holds."""
    record = latest(db, subject, subject_id, period)
    if record is None:
        return Status(UNSIGNED)
    found = problems(db, record)
    if found:
        return Status(INVALID, record, tuple(found))
    same, differences, lines = compare(db, record, ref, lang)
    if same is False:
        return Status(CHANGED, record, (), tuple(differences), tuple(lines))
    return Status(VALID, record)


def _ids_in(snapshot: Any) -> set[str]:
    """Every value in a snapshot that could be a record's id (the names a diff may need)."""
    found: set[str] = set()
    stack = [snapshot]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and len(item) == ID_LENGTH:
            found.add(item)
    return found


def _names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Names of the villages, cadres and members among ``ids`` (only those: the cost follows the snapshot)."""
    found: dict[str, str] = {}
    for table in ("area", "cadre", "member"):
        for r in batch.rows_in(conn, f"SELECT id, name FROM {table} WHERE id IN ({{marks}})", sorted(ids)):
            found[r.id] = r.name
    return found


def subject_text(db: Database, record: SignoffRecord, ref: refdata.RefData | None = None) -> str:
    """What was signed, in words: 农户档案 户编号 … 户主 …, 走访记录 日期 …, 月度考勤 …"""
    ref = ref or refdata.default()
    kind = ref["signoff_subject"].label(record.subject)
    v, c = Visit.__table__, Cadre.__table__
    with db.read() as conn:
        if record.subject == "household":
            return f"{kind} {_household_words(conn, record.subject_id)}"
        if record.subject == "visit":
            row = conn.execute(select(v.c.date, v.c.household_id, v.c.title).where(v.c.id == record.subject_id)).first()
            if row is None:
                return f"{kind} {record.subject_id[:8]}（已删除）"
            where = _household_words(conn, row.household_id) if row.household_id else (row.title or "村级活动")
            return f"{kind} {row.date.isoformat()} {where}"
        if record.subject in ("workflow_step", "notice", "summary", "workflow_batch", "project_acceptance",
                              "asset_event", "disclosure"):
            words, of = {"workflow_step": (_step_words, record.subject_id),  # a batch: named by its signature
                         "notice": (_notice_words, record.subject_id),
                         "summary": (_summary_words, record.subject_id),
                         "project_acceptance": (_acceptance_words, record.subject_id),
                         "asset_event": (_asset_event_words, record.subject_id),
                         "disclosure": (_disclosure_words, record.subject_id),
                         "workflow_batch": (_batch_words, record.id)}[record.subject]
            return f"{kind} {words(conn, of, ref)}"
        if record.subject == "attendance_month":
            name = conn.execute(select(c.c.name).where(c.c.id == record.subject_id)).scalar()
            return f"{kind} {name or record.subject_id[:8]} {record.period}"
    return f"{kind} {record.subject_id[:8]}{' ' + record.period if record.period else ''}"


def _step_words(conn: Connection, step_id: str, ref: refdata.RefData) -> str:
    """A workflow decision in words: 精准识别（纳入） 02 村民代表大会民主评议 通过 …户编号 … 户主 …"""
    from fieldapp.domain import workflow as flows

    st, wf = WorkflowStep.__table__, Workflow.__table__
    row = conn.execute(select(st.c.step, st.c.decision, st.c.household_id, wf.c.kind)
                       .join(wf, wf.c.id == st.c.workflow_id).where(st.c.id == step_id)).first()
    if row is None:
        return f"{step_id[:8]}（未同步到此处）"
    try:
        definition = flows.definitions(ref).get(row.kind)
        step = definition.steps[definition.index(row.step)].text()
        what = f"{definition.text()} {row.step} {step}"
    except flows.WorkflowError:
        what = f"{row.kind} {row.step}"
    return f"{what} {flows.DECISION_WORDS.get(row.decision, row.decision)} {_household_words(conn, row.household_id)}"


def _batch_words(conn: Connection, signoff_id: str, ref: refdata.RefData) -> str:
    """A batch decision in words: 精准识别（纳入） 05 乡镇审核 通过 3 户：某村 户编号 … 户主 …；…"""
    st = WorkflowStep.__table__
    rows = conn.execute(select(st.c.id, st.c.household_id).where(st.c.signoff_id == signoff_id)
                        .order_by(st.c.household_id)).all()
    if not rows:
        return "（决定未同步到此处）"
    households = "；".join(_household_words(conn, r.household_id) for r in rows)
    first = _step_words(conn, rows[0].id, ref)
    what = first[:-len(_household_words(conn, rows[0].household_id))].strip()
    return f"{what} {len(rows)} 户：{households}"


def _notice_words(conn: Connection, notice_id: str, ref: refdata.RefData) -> str:
    """A notice in words: 精准识别（纳入） 04 第一次公示 某村 3 户 2026-03-02 至 2026-03-08."""
    from fieldapp.domain import workflow as flows

    n, a = Notice.__table__, Area.__table__
    row = conn.execute(select(n.c.kind, n.c.step, n.c.households, n.c.period_start, n.c.period_end, a.c.name)
                       .join(a, a.c.id == n.c.village_id, isouter=True).where(n.c.id == notice_id)).first()
    if row is None:
        return f"{notice_id[:8]}（未同步到此处）"
    try:
        definition = flows.definitions(ref).get(row.kind)
        what = f"{definition.text()} {row.step} {definition.steps[definition.index(row.step)].text()}"
    except flows.WorkflowError:
        what = f"{row.kind} {row.step}"
    count = len(json.loads(row.households or "[]"))
    return f"{what} {row.name or ''} {count} 户 {row.period_start.isoformat()} 至 {row.period_end.isoformat()}"


def _summary_words(conn: Connection, summary_id: str, _ref: refdata.RefData) -> str:
    """A summary in words: 东村 周汇总 2026-W49."""
    from fieldapp.store.models import Summary

    s, a = Summary.__table__, Area.__table__
    row = conn.execute(select(s.c.kind, s.c.period, a.c.name).join(a, a.c.id == s.c.village_id, isouter=True)
                       .where(s.c.id == summary_id)).first()
    if row is None:
        return f"{summary_id[:8]}（未同步到此处）"
    return f"{row.name or ''} {'周汇总' if row.kind == 'weekly' else '月更新'} {row.period}".strip()


def _acceptance_words(conn: Connection, acceptance_id: str, _ref: refdata.RefData) -> str:
    a, p = ProjectAcceptance.__table__, Project.__table__
    row = conn.execute(select(a.c.date, p.c.name).select_from(a.join(p, p.c.id == a.c.project_id))
                       .where(a.c.id == acceptance_id)).first()
    return f"{row.name} {row.date.isoformat()}" if row is not None else f"{acceptance_id[:8]}（已删除）"


def _asset_event_words(conn: Connection, event_id: str, ref: refdata.RefData) -> str:
    e, a = AssetEvent.__table__, Asset.__table__
    row = conn.execute(select(e.c.date, e.c.kind, a.c.name).select_from(e.join(a, a.c.id == e.c.asset_id))
                       .where(e.c.id == event_id)).first()
    if row is None:
        return f"{event_id[:8]}（未同步到此处）"
    return f"{row.name} {ref['asset_event'].label(row.kind)} {row.date.isoformat()}"
def _disclosure_words(conn: Connection, notice_id: str, _ref: refdata.RefData) -> str:
    """A disclosure notice in words: 项目公示 东村 核桃园提质增效 2026-03-02 至 2026-03-11."""
    from fieldapp.domain import disclosure

    n, a, p = Notice.__table__, Area.__table__, Project.__table__
    row = conn.execute(select(n.c.kind, n.c.year, n.c.period_start, n.c.period_end, a.c.name, p.c.name.label("project"))
                       .select_from(n.outerjoin(a, a.c.id == n.c.village_id).outerjoin(p, p.c.id == n.c.project_id))
                       .where(n.c.id == notice_id)).first()
    if row is None:
        return f"{notice_id[:8]}（未同步到此处）"
    what = row.project or (f"{row.year}年" if row.year else "")
    return (f"{disclosure.kind_word(row.kind)} {row.name or ''} {what} {row.period_start.isoformat()} 至 "
            f"{row.period_end.isoformat()}")


def _household_words(conn: Connection, household_id: str) -> str:
    h, m, a = Household.__table__, Member.__table__, Area.__table__
    row = conn.execute(select(h.c.hh_no, h.c.village_id).where(h.c.id == household_id)).first()
    if row is None:
        return f"{household_id[:8]}（已删除）"
    head = conn.execute(select(m.c.name).where(m.c.household_id == household_id, m.c.relation == "01",
                                               m.c.deleted.is_(False))).scalar()
    village = conn.execute(select(a.c.name).where(a.c.id == row.village_id)).scalar()
    return f"{village or ''} 户编号 {row.hh_no or '—'} 户主 {head or '—'}".strip()
