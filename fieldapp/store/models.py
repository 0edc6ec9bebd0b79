"""SQLAlchemy 2 models of the register.

Synced tables (``SyncedMixin``) have a UUID primary key, a tombstone flag and the
clocks needed for per-field last-writer-wins: ``row_hlc``/``row_device`` stamp the
insert, and ``field_clocks`` (JSON) holds a stamp for each field changed since.
They are written only through :mod:`fieldapp.store.writer`, which appends to
``change_log`` in the same transaction. Codes, never display strings, are stored.
Money is integer fen (分).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Id = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncedMixin:
    """Columns every synced table has (see module docstring)."""

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    row_hlc: Mapped[int] = mapped_column(BigInteger)
    row_device: Mapped[str] = mapped_column(String(36))
    field_clocks: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


# Columns of synced tables that belong to the sync machinery, not to the record.
SYNC_COLUMNS = frozenset({"id", "deleted", "row_hlc", "row_device", "field_clocks"})


class Area(SyncedMixin, Base):
    """A district, town or village (区县 / 乡镇 / 村). Groups (组) are numbers on the household."""

    __tablename__ = "area"
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("area.id"))
    level: Mapped[str] = mapped_column(String(16))  # district | town | village
    code: Mapped[str | None] = mapped_column(String(12))  # 统计用区划代码, when known
    name: Mapped[str] = mapped_column(String(64))


class Cadre(SyncedMixin, Base):
    """A cadre (干部): resident team member, team leader, unit leader…"""

    __tablename__ = "cadre"
    name: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str | None] = mapped_column(String(128))  # 派出单位
    phone: Mapped[str | None] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(24), default="member")  # refdata cadre_role


class Person(SyncedMixin, Base):
    """A person who uses FieldApp (the district's registry of people): never a password.

    ``roles`` and ``village_ids`` are JSON lists of codes / area ids; ``cadre_id`` the cadre record
    this person is. Login names and wrapped keys live in the laptop's keystore, not here.
    """

    __tablename__ = "person"
    name: Mapped[str] = mapped_column(String(32))
    cadre_id: Mapped[str | None] = mapped_column(Id)
    roles: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    village_ids: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class AuditEvent(SyncedMixin, Base):
    """One login, failed login, lock or account change (append-only; synced to the district)."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_at", "at"),)
    at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    kind: Mapped[str] = mapped_column(String(24))
    person_id: Mapped[str | None] = mapped_column(Id)
    login_name: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class SigningKey(SyncedMixin, Base):
    """A person's Ed25519 public signing key (the private half stays wrapped in a laptop's keystore).

    Id = natural_id('signing_key', public_key): one row per key. ``retired_at`` is set when an
    administrator resets the password (a new key replaces it); signatures made before still verify.
    """

    __tablename__ = "signing_key"
    __table_args__ = (Index("ix_signing_key_person", "person_id"),)
    person_id: Mapped[str] = mapped_column(Id)
    public_key: Mapped[str] = mapped_column(String(64))  # 32 bytes, hex
    created_at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    retired_at: Mapped[int | None] = mapped_column(BigInteger)


class Signoff(SyncedMixin, Base):
    """A sign-off (签字背书): a person's signature over a canonical snapshot of what was shown (append-only).

    ``subject`` is household | visit | attendance_month | workflow_step; ``household_id`` is the household
    the subject belongs to (for scope and history; None for a village's month or activity).
    ``snapshot`` is the canonical JSON that was signed, ``snapshot_hash`` its SHA-256, ``signature``
    the Ed25519 signature (hex) over the sign-off message, ``code`` the short verification code.
    """

    __tablename__ = "signoff"
    __table_args__ = (
        Index("ix_signoff_subject", "subject", "subject_id", "signed_at"),
        Index("ix_signoff_code", "code"),
        # 责任倒查: what a household's records and a person have had signed
        Index("ix_signoff_household", "household_id"),
        Index("ix_signoff_person", "person_id", "signed_at"),
    )
    subject: Mapped[str] = mapped_column(String(24))
    subject_id: Mapped[str] = mapped_column(Id)
    period: Mapped[str] = mapped_column(String(16), default="", server_default="")
    household_id: Mapped[str | None] = mapped_column(Id)
    person_id: Mapped[str] = mapped_column(Id)
    role: Mapped[str] = mapped_column(String(24))
    key_id: Mapped[str] = mapped_column(Id)
    signed_at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    snapshot: Mapped[str] = mapped_column(Text)
    snapshot_hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(128))
    code: Mapped[str] = mapped_column(String(16))


class Household(SyncedMixin, Base):
    """A registered household (建档立卡户): the "八个搞清楚" minus members, incomes, measures."""

    __tablename__ = "household"
    __table_args__ = (Index("ix_household_village", "village_id"),  # a village's households (sync replies)
                      Index("ix_household_hh_no", "hh_no"))  # an import's households, by 户编号
    # 1. 住地
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    group_no: Mapped[int | None] = mapped_column(Integer)  # 村民小组
    hh_no: Mapped[str | None] = mapped_column(String(32))  # 户编号
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    bank_name: Mapped[str | None] = mapped_column(String(64))  # 开户银行 (sensitive)
    bank_account: Mapped[str | None] = mapped_column(String(40))  # 账号 (sensitive)
    # identification
    standard: Mapped[str | None] = mapped_column(String(4))  # 识别标准
    identified_on: Mapped[dt.date | None] = mapped_column(Date)  # 首次识别时间
    attribute: Mapped[str | None] = mapped_column(String(4))  # 贫困户属性
    exit_status: Mapped[str | None] = mapped_column(String(4))  # 脱贫状态
    exit_year: Mapped[int | None] = mapped_column(Integer)  # 脱贫年度
    plate_kind: Mapped[str | None] = mapped_column(String(16))  # explicit 兜底户/脱贫户; None → derived
    # 3. 致贫原因
    main_cause: Mapped[str | None] = mapped_column(String(4))
    cause2: Mapped[str | None] = mapped_column(String(4))
    cause3: Mapped[str | None] = mapped_column(String(4))
    # 6–8. 脱贫时限, 包扶责任人, 脱贫资金渠道
    exit_deadline: Mapped[int | None] = mapped_column(Integer)  # planned exit year
    cadre_id: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"))
    fund_channel: Mapped[str | None] = mapped_column(String(24))
    # living conditions (optional)
    farmland_mu: Mapped[str | None] = mapped_column(String(16))  # decimal text, 亩
    forest_mu: Mapped[str | None] = mapped_column(String(16))
    grain_to_green_mu: Mapped[str | None] = mapped_column(String(16))  # 退耕还林
    house_area: Mapped[str | None] = mapped_column(String(16))  # m²
    danger_grade: Mapped[str | None] = mapped_column(String(2))  # 危房等级 0/C/D
    sanitary_toilet: Mapped[bool | None] = mapped_column(Boolean)
    electricity: Mapped[bool | None] = mapped_column(Boolean)
    broadcast_tv: Mapped[bool | None] = mapped_column(Boolean)
    road_type: Mapped[str | None] = mapped_column(String(4))
    road_distance_km: Mapped[str | None] = mapped_column(String(16))
    fuel: Mapped[str | None] = mapped_column(String(4))
    relocation_type: Mapped[str | None] = mapped_column(String(4))
    relocation_site: Mapped[str | None] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(Text)


class Member(SyncedMixin, Base):
    """A household member (家庭成员)."""

    __tablename__ = "member"
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    id_no: Mapped[str | None] = mapped_column(String(18), index=True)  # 证件号码
    gender: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    relation: Mapped[str | None] = mapped_column(String(4))  # 与户主关系
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    education: Mapped[str | None] = mapped_column(String(4))
    schooling: Mapped[str | None] = mapped_column(String(4))
    health: Mapped[str | None] = mapped_column(String(4))
    disability_grade: Mapped[str | None] = mapped_column(String(2))
    disability_cert: Mapped[str | None] = mapped_column(String(20))
    labour_skill: Mapped[str | None] = mapped_column(String(4))
    work_status: Mapped[str | None] = mapped_column(String(4))
    work_months: Mapped[int | None] = mapped_column(Integer)
    employer: Mapped[str | None] = mapped_column(String(128))
    medical_insurance: Mapped[bool | None] = mapped_column(Boolean)  # 基本医疗保险
    critical_illness_insurance: Mapped[bool | None] = mapped_column(Boolean)  # 大病保险
    pension_insurance: Mapped[bool | None] = mapped_column(Boolean)  # 养老保险
    dibao: Mapped[bool | None] = mapped_column(Boolean)  # 享受低保
    tekun: Mapped[bool | None] = mapped_column(Boolean)  # 享受特困供养
    military: Mapped[bool | None] = mapped_column(Boolean)  # 现役军人


class IncomeYear(SyncedMixin, Base):
    """One household's income for one year (fen). Id = natural_id('income', household, year)."""

    __tablename__ = "income_year"
    __table_args__ = (UniqueConstraint("household_id", "year"),)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    year: Mapped[int] = mapped_column(Integer)
    persons: Mapped[int | None] = mapped_column(Integer)  # household size used for per-person income
    wage: Mapped[int | None] = mapped_column(BigInteger)
    production: Mapped[int | None] = mapped_column(BigInteger)
    production_cost: Mapped[int | None] = mapped_column(BigInteger)
    transfer_dibao: Mapped[int | None] = mapped_column(BigInteger)
    transfer_tekun: Mapped[int | None] = mapped_column(BigInteger)
    transfer_pension: Mapped[int | None] = mapped_column(BigInteger)
    transfer_family_planning: Mapped[int | None] = mapped_column(BigInteger)
    transfer_eco: Mapped[int | None] = mapped_column(BigInteger)
    transfer_other: Mapped[int | None] = mapped_column(BigInteger)
    property_dividend: Mapped[int | None] = mapped_column(BigInteger)
    property_other: Mapped[int | None] = mapped_column(BigInteger)


class Indicator(SyncedMixin, Base):
    """A 两不愁三保障 / drinking-water indicator. Id = natural_id('indicator', household, code)."""

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("household_id", "code"),)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    code: Mapped[str] = mapped_column(String(32))  # refdata indicator
    met: Mapped[bool | None] = mapped_column(Boolean)
    checked_on: Mapped[dt.date | None] = mapped_column(Date)
    checked_by: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"))
    note: Mapped[str | None] = mapped_column(String(200))


class Measure(SyncedMixin, Base):
    """An assistance measure (帮扶措施) along one of the 五个一批 pathways or 明白卡 types."""

    __tablename__ = "measure"
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    type: Mapped[str] = mapped_column(String(24))  # refdata measure_type
    content: Mapped[str] = mapped_column(String(500))
    amount: Mapped[int | None] = mapped_column(BigInteger)  # fen
    fund_channel: Mapped[str | None] = mapped_column(String(24))
    date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)  # e.g. 公益岗位 dismissal
    responsible_unit: Mapped[str | None] = mapped_column(String(128))
    industry: Mapped[str | None] = mapped_column(String(16))
    post: Mapped[str | None] = mapped_column(String(16))
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    # a measure that is a project's benefit to the household names the project (资金来源可追溯)
    project_id: Mapped[str | None] = mapped_column(Id, index=True)


class Threshold(SyncedMixin, Base):
    """A yearly money threshold per area (poverty line, exit standard, monitoring line)."""

    __tablename__ = "threshold"
    kind: Mapped[str] = mapped_column(String(24))
    year: Mapped[int] = mapped_column(Integer)
    area_code: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(BigInteger)  # fen per person per year
    price_basis: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- visits


class Visit(SyncedMixin, Base):
    """A visit (走访) to a household, or a village-level activity (``household_id`` NULL): 包扶纪实档案."""

    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_household", "household_id", "date", "id"),
        Index("ix_visit_village", "village_id", "date", "id"),
    )
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    type: Mapped[str] = mapped_column(String(4))  # refdata visit_type
    title: Mapped[str | None] = mapped_column(String(100))  # short title, mainly for activities
    found: Mapped[str | None] = mapped_column(Text)  # 情况: what was found
    done: Mapped[str | None] = mapped_column(Text)  # 措施/成效: what was done
    created_by: Mapped[str | None] = mapped_column(ForeignKey("cadre.id"))


class VisitCadre(SyncedMixin, Base):
    """A cadre who took part in a visit. Id = natural_id('visit_cadre', visit, cadre).

    ``household_id`` and ``date`` copy the visit's (kept in step by the visit service) so the
    history shows the link under the household and attendance/archive queries run on one index.
    """

    __tablename__ = "visit_cadre"
    __table_args__ = (
        Index("ix_visit_cadre_cadre", "cadre_id", "date", "visit_id"),
        Index("ix_visit_cadre_visit", "visit_id"),
    )
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id"))
    household_id: Mapped[str | None] = mapped_column(Id)
    date: Mapped[dt.date] = mapped_column(Date)


class VisitMeasure(SyncedMixin, Base):
    """An assistance measure taken on a visit. Id = natural_id('visit_measure', visit, measure)."""

    __tablename__ = "visit_measure"
    __table_args__ = (
        Index("ix_visit_measure_visit", "visit_id"),
        Index("ix_visit_measure_measure", "measure_id"),
    )
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    measure_id: Mapped[str] = mapped_column(ForeignKey("measure.id"))
    household_id: Mapped[str | None] = mapped_column(Id)


class Photo(SyncedMixin, Base):
    """A stored photo, content-addressed: id = natural_id('photo', sha256 of the stored JPEG).

    The file lives at ``<data folder>/photos/<sha[:2]>/<sha>.jpg`` (thumbnail under ``photos/thumbs``).
    """

    __tablename__ = "photo"
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    mime: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(Integer)
    taken_on: Mapped[dt.date | None] = mapped_column(Date)  # EXIF DateTimeOriginal, when the camera gave one


class VisitPhoto(SyncedMixin, Base):
    """A photo attached to a visit. Id = natural_id('visit_photo', visit, photo)."""

    __tablename__ = "visit_photo"
    __table_args__ = (
        Index("ix_visit_photo_visit", "visit_id"),
        Index("ix_visit_photo_photo", "photo_id"),
    )
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    photo_id: Mapped[str] = mapped_column(ForeignKey("photo.id"))
    household_id: Mapped[str | None] = mapped_column(Id)
    position: Mapped[int] = mapped_column(Integer, default=0)


class FollowUp(SyncedMixin, Base):
    """A follow-up (后续事项) from a visit, due by ``due_date``; done when ``done_on`` is set."""

    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_open", "done_on", "due_date"),
        Index("ix_follow_up_visit", "visit_id"),
        Index("ix_follow_up_household", "household_id", "due_date"),
    )
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    household_id: Mapped[str | None] = mapped_column(Id)
    text: Mapped[str] = mapped_column(Text)
    due_date: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)


class CheckIn(SyncedMixin, Base):
    """An explicit 在村 check-in for a day. Id = natural_id('checkin', cadre, date)."""

    __tablename__ = "checkin"
    __table_args__ = (Index("ix_checkin_cadre", "cadre_id", "date"),)
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id"))
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(200))
    # the day it was written: a check-in for a day long before that needs a team leader's confirmation
    entered_on: Mapped[dt.date | None] = mapped_column(Date)


class CheckInConfirm(SyncedMixin, Base):
    """A team leader's confirmation of somebody else's late check-in. Id = natural_id('checkin_confirm', checkin).

    ``cadre_id`` copies the check-in's cadre, so that the permission table can tell a confirmation of
    one's own check-in (nobody may) from one of somebody else's.
    """

    __tablename__ = "checkin_confirm"
    __table_args__ = (Index("ix_checkin_confirm_checkin", "checkin_id"),)
    checkin_id: Mapped[str] = mapped_column(Id)
    cadre_id: Mapped[str] = mapped_column(Id)
    person_id: Mapped[str] = mapped_column(Id)
    at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch


class AttendanceReopen(SyncedMixin, Base):
    """A month of a cadre's attendance reopened after it was signed off, with the reason (kept for good)."""

    __tablename__ = "attendance_reopen"
    __table_args__ = (Index("ix_attendance_reopen_cadre", "cadre_id", "period"),)
    cadre_id: Mapped[str] = mapped_column(Id)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    reason: Mapped[str] = mapped_column(String(200))
    person_id: Mapped[str] = mapped_column(Id)
    at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch


# ---------------------------------------------------------------- spot checks (抽查)


class SpotcheckDraw(SyncedMixin, Base):
    """A reproducible random sample of households (see :mod:`fieldapp.domain.spotcheck`).

    ``frame`` is the sampling frame as drawn (JSON [[household id, stratum], …]) and ``sample`` the
    households drawn in order, so anyone can re-draw from ``seed`` and check both.
    """

    __tablename__ = "spotcheck_draw"
    level: Mapped[str] = mapped_column(String(8))  # village | town
    area_id: Mapped[str] = mapped_column(Id)  # the village or town drawn from
    percent: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(24))  # the role drawn in: township | district
    strata: Mapped[str] = mapped_column(String(16), default="", server_default="")  # '' | village | type
    seed: Mapped[str] = mapped_column(String(64))
    frame_hash: Mapped[str] = mapped_column(String(64))
    frame: Mapped[str] = mapped_column(Text)
    sample: Mapped[str] = mapped_column(Text)
    drawn_by: Mapped[str | None] = mapped_column(Id)  # person id
    drawn_by_name: Mapped[str | None] = mapped_column(String(32))
    drawn_at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    due_days: Mapped[int] = mapped_column(Integer, default=30)  # rectification deadline, days after a finding


class SpotcheckItem(SyncedMixin, Base):
    """One item of a sampled household's checklist, with the values shown at the draw and the finding."""

    __tablename__ = "spotcheck_item"
    __table_args__ = (
        Index("ix_spotcheck_item_draw", "draw_id", "household_id", "position"),
        Index("ix_spotcheck_item_household", "household_id"),
        Index("ix_spotcheck_item_entered", "entered_by", "checked_at"),  # findings on what one person entered
    )
    draw_id: Mapped[str] = mapped_column(ForeignKey("spotcheck_draw.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # refdata spotcheck_item
    ref_id: Mapped[str | None] = mapped_column(Id)  # the member, income year, indicator or measure row
    shown: Mapped[str] = mapped_column(Text)  # JSON: what the record said at the draw (codes)
    sources: Mapped[str] = mapped_column(Text)  # JSON [[table, row id, column], …]
    entered_by: Mapped[str | None] = mapped_column(Id)  # who entered the latest of those values (change_log)
    entered_by_name: Mapped[str | None] = mapped_column(String(32))
    cadre_id: Mapped[str | None] = mapped_column(Id)  # the cadre responsible for the values
    result: Mapped[str | None] = mapped_column(String(12))  # correct | incorrect
    note: Mapped[str | None] = mapped_column(Text)
    photo_id: Mapped[str | None] = mapped_column(ForeignKey("photo.id"))
    checked_by: Mapped[str | None] = mapped_column(Id)
    checked_by_name: Mapped[str | None] = mapped_column(String(32))
    checked_at: Mapped[int | None] = mapped_column(BigInteger)


class Rectification(SyncedMixin, Base):
    """A rectification task (整改) for an incorrect item. Id = natural_id('rectification', item).

    The reviewer opens, confirms or reopens it (``round`` counts the reopenings); the cadre reports
    it done in a :class:`RectificationReport` of the current round.
    """

    __tablename__ = "rectification"
    __table_args__ = (
        Index("ix_rectification_cadre", "cadre_id", "due_date"),
        Index("ix_rectification_household", "household_id"),
    )
    item_id: Mapped[str] = mapped_column(ForeignKey("spotcheck_item.id"))
    draw_id: Mapped[str] = mapped_column(Id)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    cadre_id: Mapped[str | None] = mapped_column(Id)
    due_date: Mapped[dt.date] = mapped_column(Date)
    finding: Mapped[str | None] = mapped_column(Text)
    opened_by: Mapped[str | None] = mapped_column(Id)
    opened_by_name: Mapped[str | None] = mapped_column(String(32))
    round: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    reopen_note: Mapped[str | None] = mapped_column(Text)
    confirmed_at: Mapped[int | None] = mapped_column(BigInteger)
    confirmed_by: Mapped[str | None] = mapped_column(Id)
    confirmed_by_name: Mapped[str | None] = mapped_column(String(32))


class RectificationReport(SyncedMixin, Base):
    """The responsible cadre's report that a rectification is done (one per round)."""

    __tablename__ = "rectification_report"
    __table_args__ = (Index("ix_rectification_report_rect", "rectification_id", "round"),)
    rectification_id: Mapped[str] = mapped_column(ForeignKey("rectification.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    cadre_id: Mapped[str | None] = mapped_column(Id)
    round: Mapped[int] = mapped_column(Integer)
    done_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    reported_by: Mapped[str | None] = mapped_column(Id)
    reported_by_name: Mapped[str | None] = mapped_column(String(32))


# ---------------------------------------------------------------- workflows (动态管理)


class Workflow(SyncedMixin, Base):
    """A workflow of a household (identification, exit, return, monitoring, risk elimination).

    Its state is never stored: it is derived from its :class:`WorkflowStep` decisions
    (:mod:`fieldapp.domain.workflow`). ``origin`` is ``app`` or ``imported``: a typed ``exit_status``
    found by migration 0011, kept as ``imported_value`` (the typed code, unchanged).
    """

    __tablename__ = "workflow"
    __table_args__ = (Index("ix_workflow_household", "household_id", "started_at"),)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    kind: Mapped[str] = mapped_column(String(24))  # workflows.json kind
    category: Mapped[str | None] = mapped_column(String(4))  # monitoring: refdata monitoring_category
    risk_type: Mapped[str | None] = mapped_column(String(4))  # monitoring: refdata risk_type
    started_by: Mapped[str | None] = mapped_column(Id)  # person id
    started_by_name: Mapped[str | None] = mapped_column(String(32))
    started_at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    origin: Mapped[str] = mapped_column(String(12), default="app", server_default="app")  # app | imported
    imported_value: Mapped[str | None] = mapped_column(String(4))  # the typed exit_status it was imported from


class WorkflowStep(SyncedMixin, Base):
    """One decision on a step: append-only, never updated, so two decisions are two rows.

    ``prev_id`` is the decision this one follows ('' for the first step): two rows following the
    same one are concurrent decisions of one step, a conflict the derived state reports.
    ``role`` is the step's deciding role (the write rule asks its permission); ``signoff_id`` the
    signature (签字背书) of a step that requires one, or of an override of the exit gate.
    """

    __tablename__ = "workflow_step"
    __table_args__ = (
        Index("ix_workflow_step_workflow", "workflow_id", "decided_at"),
        Index("ix_workflow_step_household", "household_id"),
    )
    workflow_id: Mapped[str] = mapped_column(ForeignKey("workflow.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    step: Mapped[str] = mapped_column(String(8))
    prev_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    decision: Mapped[str] = mapped_column(String(8))  # pass | fail | return
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    override: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # exit gate overridden
    gate: Mapped[str | None] = mapped_column(Text)  # JSON: the exit gate's figures when judged
    person_id: Mapped[str] = mapped_column(Id)
    person_name: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(24))  # the step's deciding role
    decided_as: Mapped[str] = mapped_column(String(24))  # the decider's own role that holds the step's permission
    decided_at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    signoff_id: Mapped[str | None] = mapped_column(Id)
    # JSON list of the conflicting decisions this one settles (a reviewer's explicit choice); '' otherwise
    settles: Mapped[str] = mapped_column(Text, default="", server_default="")
    # a deliberation step's decision: the 评议 meeting it rests on (a :class:`Deliberation`)
    meeting_id: Mapped[str | None] = mapped_column(Id)


class Deliberation(SyncedMixin, Base):
    """A 评议 meeting (村民代表大会民主评议) of a village: who was present, the vote, a summary.
    One meeting deliberates many households (:class:`DeliberationHousehold`)."""

    __tablename__ = "deliberation"
    __table_args__ = (Index("ix_deliberation_village", "village_id", "held_on"),)
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    present_count: Mapped[int] = mapped_column(Integer)  # representatives present
    present_names: Mapped[str] = mapped_column(Text, default="", server_default="")
    votes_for: Mapped[int] = mapped_column(Integer)  # the meeting's vote (per household: the link's)
    votes_against: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    recorded_by: Mapped[str | None] = mapped_column(Id)  # person id
    recorded_by_name: Mapped[str | None] = mapped_column(String(32))


class DeliberationHousehold(SyncedMixin, Base):
    """A household deliberated at a meeting, with its own vote when counted household by household.
    Id = natural_id('deliberation_household', meeting, household)."""

    __tablename__ = "deliberation_household"
    __table_args__ = (Index("ix_deliberation_household_household", "household_id"),)
    deliberation_id: Mapped[str] = mapped_column(ForeignKey("deliberation.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)


class StepAttachment(SyncedMixin, Base):
    """A photo attached to a workflow decision when it was made (minutes, the signed 脱贫确认书…): covered by
    the decision's signature. Id = natural_id('step_attachment', step, photo)."""

    __tablename__ = "step_attachment"
    __table_args__ = (Index("ix_step_attachment_step", "step_id"),
                      Index("ix_step_attachment_household", "household_id"))
    step_id: Mapped[str] = mapped_column(ForeignKey("workflow_step.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    photo_id: Mapped[str] = mapped_column(ForeignKey("photo.id"))
    kind: Mapped[str] = mapped_column(String(16))  # refdata attachment_kind
    caption: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class DeliberationAttachment(SyncedMixin, Base):
    """A photo attached to a 评议 meeting when it was recorded (the minutes, the vote sheet).
    Id = natural_id('deliberation_attachment', meeting, photo)."""

    __tablename__ = "deliberation_attachment"
    __table_args__ = (Index("ix_deliberation_attachment_meeting", "deliberation_id"),)
    deliberation_id: Mapped[str] = mapped_column(ForeignKey("deliberation.id"))
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    photo_id: Mapped[str] = mapped_column(ForeignKey("photo.id"))
    kind: Mapped[str] = mapped_column(String(16))  # refdata attachment_kind
    caption: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Notice(SyncedMixin, Base):
    """A 公示 or 公告 made from a workflow step: the households at the step when it was issued (JSON list
    of ids), the period, where to object, who issued it (signed: ``signoff_id``) and when it was posted.
    A disclosure notice (资金公示, ``kind`` ``disclosure_*``, ``step`` empty) is one of a project
    (``project_id``) or of a village's year (``year``); ``figures`` holds what it states, read from the
    project ledger when issued (canonical JSON, fen) and covered by its signature."""

    __tablename__ = "notice"
    __table_args__ = (Index("ix_notice_village", "village_id", "period_start"),)
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    kind: Mapped[str] = mapped_column(String(24))  # workflows.json kind
    step: Mapped[str] = mapped_column(String(8))
    households: Mapped[str] = mapped_column(Text)  # JSON list of household ids, in print order
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(Text)  # where and to whom to object
    issued_by: Mapped[str] = mapped_column(Id)  # person id
    issued_by_name: Mapped[str] = mapped_column(String(32))
    issued_at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    signoff_id: Mapped[str | None] = mapped_column(Id)
    posted_on: Mapped[dt.date | None] = mapped_column(Date)
    posted_by_name: Mapped[str | None] = mapped_column(String(32))
    project_id: Mapped[str | None] = mapped_column(Id)  # a disclosure of one project
    year: Mapped[int | None] = mapped_column(Integer)  # a disclosure of a village's year
    figures: Mapped[str | None] = mapped_column(Text)  # a disclosure's figures as issued (JSON)


class Objection(SyncedMixin, Base):
    """An objection (异议) to a household on a notice: from whom, what, and how it was handled.
    Unhandled (no ``result``) it blocks every pass of the household's workflow. An objection to a
    disclosure notice has no workflow (and a household only when it concerns one listed household)."""

    __tablename__ = "objection"
    __table_args__ = (Index("ix_objection_household", "household_id"), Index("ix_objection_notice", "notice_id"))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    workflow_id: Mapped[str | None] = mapped_column(ForeignKey("workflow.id"))
    notice_id: Mapped[str | None] = mapped_column(Id)
    step: Mapped[str] = mapped_column(String(8))
    received_on: Mapped[dt.date] = mapped_column(Date)
    from_whom: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    recorded_by_name: Mapped[str | None] = mapped_column(String(32))
    handling: Mapped[str | None] = mapped_column(Text)  # what was done (核实情况)
    result: Mapped[str | None] = mapped_column(String(12))  # upheld | dismissed; None: not yet handled
    handled_on: Mapped[dt.date | None] = mapped_column(Date)
    handled_by_name: Mapped[str | None] = mapped_column(String(32))


# ---------------------------------------------------------------- 挂图作战: villages and targets


class VillageYear(SyncedMixin, Base):
    """A village's record for one year: whether it is a 贫困村 and its 摘帽 year, the official 贫困发生率
    (to compare with the register's), 村集体经济收入 and the village-exit indicators (JSON: code of
    refdata ``village_indicator`` -> met). Id = natural_id('village_year', village, year)."""

    __tablename__ = "village_year"
    __table_args__ = (Index("ix_village_year_village", "village_id", "year"),)
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    year: Mapped[int] = mapped_column(Integer)
    poor_village: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    out_year: Mapped[int | None] = mapped_column(Integer)  # 摘帽年份
    official_incidence: Mapped[str | None] = mapped_column(String(8))  # percent, decimal text ("2.35")
    collective_income: Mapped[int | None] = mapped_column(BigInteger)  # 村集体经济收入, fen
    # 农村户籍人口: the denominator of the incidence computed from the register (which holds only poor households)
    rural_population: Mapped[int | None] = mapped_column(Integer)
    indicators: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Target(SyncedMixin, Base):
    """An annual target of the district, a town or a village (set by the district, synced down):
    ``kind`` is a refdata ``target_kind`` code. Id = natural_id('target', area, year, kind)."""

    __tablename__ = "target"
    __table_args__ = (Index("ix_target_area", "area_id", "year"),)
    area_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    value: Mapped[int] = mapped_column(Integer)


# ---------------------------------------------------------------- 汇总上报: summaries reported upward


class Summary(SyncedMixin, Base):
    """A village's weekly (``kind`` weekly, ``period`` ISO week 2026-W49) or monthly (2026-12) summary:
    ``figures`` is the canonical JSON of :class:`fieldapp.domain.report.Figures` computed from the register
    when generated, ``narrative`` the team leader's words, ``signoff_id``/``signed_at`` the latest signature
    (签字背书, subject ``summary``; ``signed_at`` is kept here so a roll-up judges lateness from the row alone).
    Id = natural_id('summary', village, kind, period): one row per village, kind and period."""

    __tablename__ = "summary"
    __table_args__ = (Index("ix_summary_period", "kind", "period", "village_id"),)
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    kind: Mapped[str] = mapped_column(String(8))  # weekly | monthly
    period: Mapped[str] = mapped_column(String(8))
    figures: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    narrative: Mapped[str] = mapped_column(Text, default="", server_default="")
    generated_at: Mapped[int] = mapped_column(BigInteger)  # ms since the epoch
    author: Mapped[str | None] = mapped_column(Id)  # person id
    author_name: Mapped[str | None] = mapped_column(String(32))
    signoff_id: Mapped[str | None] = mapped_column(Id)
    signed_at: Mapped[int | None] = mapped_column(BigInteger)  # ms since the epoch


# ---------------------------------------------------------------- projects and their money (资金项目)


class Project(SyncedMixin, Base):
    """A project (帮扶项目) of a village or a town: type, implementing unit, dates, money and status.

    ``village_id`` is the area the project belongs to: its village, or for a town's project the town
    (``town_id`` is always the town). The sync scope treats a town's row as inside a device's scope when
    the device holds every village of the town (a township laptop, the district). Money is fen:
    ``budget_total`` (its split by fund channel is ``project_budget``), ``approved_amount`` (批复金额).
    ``status`` is a ``project_status`` code (:mod:`fieldapp.domain.projects`: the moves allowed)."""

    __tablename__ = "project"
    __table_args__ = (Index("ix_project_village", "village_id"), Index("ix_project_town", "town_id"))
    village_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    town_id: Mapped[str] = mapped_column(ForeignKey("area.id"))
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(24))  # refdata project_type
    industry: Mapped[str | None] = mapped_column(String(16))  # refdata industry
    unit: Mapped[str] = mapped_column(String(128))  # 实施单位
    planned_start: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    actual_start: Mapped[dt.date | None] = mapped_column(Date)
    actual_end: Mapped[dt.date | None] = mapped_column(Date)
    budget_total: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")  # fen
    approved_amount: Mapped[int | None] = mapped_column(BigInteger)  # fen
    approved_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="planned", server_default="planned")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ProjectBudget(SyncedMixin, Base):
    """A project's budget on one fund channel. Id = natural_id('project_budget', project, channel)."""

    __tablename__ = "project_budget"
    __table_args__ = (Index("ix_project_budget_project", "project_id"),)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    village_id: Mapped[str] = mapped_column(Id)  # the project's (scope)
    channel: Mapped[str] = mapped_column(String(24))  # refdata fund_channel
    amount: Mapped[int] = mapped_column(BigInteger)  # fen


class ProjectBeneficiary(SyncedMixin, Base):
    """A household that benefits from a project, with its planned amount.
    Id = natural_id('project_beneficiary', project, household)."""

    __tablename__ = "project_beneficiary"
    __table_args__ = (Index("ix_project_beneficiary_project", "project_id"),
                      Index("ix_project_beneficiary_household", "household_id"))
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    amount: Mapped[int] = mapped_column(BigInteger)  # planned, fen
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ProjectProgress(SyncedMixin, Base):
    """A dated progress update of a project: percent done and a note (photos: ``project_progress_photo``)."""

    __tablename__ = "project_progress"
    __table_args__ = (Index("ix_project_progress_project", "project_id", "date"),)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    village_id: Mapped[str] = mapped_column(Id)
    date: Mapped[dt.date] = mapped_column(Date)
    percent: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    recorded_by_name: Mapped[str | None] = mapped_column(String(32))


class ProjectProgressPhoto(SyncedMixin, Base):
    """A photo of a progress update. Id = natural_id('project_progress_photo', progress, photo)."""

    __tablename__ = "project_progress_photo"
    __table_args__ = (Index("ix_project_progress_photo_progress", "progress_id"),)
    progress_id: Mapped[str] = mapped_column(ForeignKey("project_progress.id"))
    photo_id: Mapped[str] = mapped_column(ForeignKey("photo.id"))
    village_id: Mapped[str] = mapped_column(Id)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProjectDisbursement(SyncedMixin, Base):
    """A 资金拨付: date, amount (fen), fund channel, to whom and the voucher number."""

    __tablename__ = "project_disbursement"
    __table_args__ = (Index("ix_project_disbursement_project", "project_id", "date"),)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    village_id: Mapped[str] = mapped_column(Id)
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # fen
    channel: Mapped[str] = mapped_column(String(24))  # refdata fund_channel
    payee: Mapped[str] = mapped_column(String(128))  # 拨付对象
    voucher_no: Mapped[str] = mapped_column(String(64))  # 凭证号
    recorded_by_name: Mapped[str | None] = mapped_column(String(32))


class ProjectAcceptance(SyncedMixin, Base):
    """A project's 验收: date, the members present (JSON list of names), their findings and whether it passed,
    signed (签字背书, subject ``project_acceptance``: ``signoff_id``). A passed acceptance makes it 已验收."""

    __tablename__ = "project_acceptance"
    __table_args__ = (Index("ix_project_acceptance_project", "project_id"),)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    village_id: Mapped[str] = mapped_column(Id)
    date: Mapped[dt.date] = mapped_column(Date)
    members: Mapped[str] = mapped_column(Text)  # JSON list of names
    findings: Mapped[str] = mapped_column(Text)
    passed: Mapped[bool] = mapped_column(Boolean)
    recorded_by_name: Mapped[str | None] = mapped_column(String(32))
    signoff_id: Mapped[str | None] = mapped_column(Id)


# ---------------------------------------------------------------- assets made by projects (扶贫资产)


class Asset(SyncedMixin, Base):
    """An asset (扶贫资产) an accepted project made: ``kind`` (``asset_kind``: 经营性/公益性/到户类), name, value (fen),
    location, ownership (``owner_household_id``: a household; None: the village collective 村集体), the manager
    (管护主体) and the state (``asset_state``). ``village_id`` is the project's (scope). Owner, manager and state change
    only through a signed ``asset_event``; an asset is never deleted (:mod:`fieldapp.domain.assets`)."""

    __tablename__ = "asset"
    __table_args__ = (Index("ix_asset_village", "village_id"), Index("ix_asset_project", "project_id"))
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    village_id: Mapped[str] = mapped_column(Id)
    kind: Mapped[str] = mapped_column(String(16))  # refdata asset_kind
    name: Mapped[str] = mapped_column(String(100))
    value: Mapped[int] = mapped_column(BigInteger)  # fen
    location: Mapped[str] = mapped_column(String(128), default="", server_default="")
    owner_household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    manager: Mapped[str] = mapped_column(String(128), default="", server_default="")
    state: Mapped[str] = mapped_column(String(16), default="in_use", server_default="in_use")  # refdata asset_state
    recorded_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class AssetIncome(SyncedMixin, Base):
    """An asset's income (收益) of one year, fen. Id = natural_id('asset_income', asset, year)."""

    __tablename__ = "asset_income"
    __table_args__ = (Index("ix_asset_income_asset", "asset_id", "year"),)
    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"))
    village_id: Mapped[str] = mapped_column(Id)
    year: Mapped[int] = mapped_column(Integer)
    income: Mapped[int] = mapped_column(BigInteger)  # fen
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class AssetDistribution(SyncedMixin, Base):
    """A household's share of an asset's year income (收益分配), fen; the shares add up to at most the income.
    Id = natural_id('asset_distribution', income, household)."""

    __tablename__ = "asset_distribution"
    __table_args__ = (Index("ix_asset_distribution_income", "income_id"),
                      Index("ix_asset_distribution_household", "household_id"))
    income_id: Mapped[str] = mapped_column(ForeignKey("asset_income.id"))
    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)  # fen
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class AssetEvent(SyncedMixin, Base):
    """A change of an asset (``asset_event``: 移交/毁损/处置) with its date and reason, the owner, manager and state
    before and after (owner None: the collective), signed (subject ``asset_event``); never changed nor deleted."""

    __tablename__ = "asset_event"
    __table_args__ = (Index("ix_asset_event_asset", "asset_id", "date"),)
    asset_id: Mapped[str] = mapped_column(ForeignKey("asset.id"))
    village_id: Mapped[str] = mapped_column(Id)
    kind: Mapped[str] = mapped_column(String(16))  # refdata asset_event
    date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    owner_before: Mapped[str | None] = mapped_column(Id)
    owner_after: Mapped[str | None] = mapped_column(Id)
    manager_before: Mapped[str] = mapped_column(String(128), default="", server_default="")
    manager_after: Mapped[str] = mapped_column(String(128), default="", server_default="")
    state_before: Mapped[str] = mapped_column(String(16))
    state_after: Mapped[str] = mapped_column(String(16))
    recorded_by_name: Mapped[str | None] = mapped_column(String(32))
    signoff_id: Mapped[str | None] = mapped_column(Id)


SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (
    Area, Cadre, Person, AuditEvent, Household, Member, IncomeYear, Indicator, Measure, Threshold,
    Visit, VisitCadre, VisitMeasure, Photo, VisitPhoto, FollowUp, CheckIn, SigningKey, Signoff,
    SpotcheckDraw, SpotcheckItem, Rectification, RectificationReport, CheckInConfirm, AttendanceReopen,
    Workflow, WorkflowStep, Deliberation, DeliberationHousehold, Notice, Objection, VillageYear, Target,
    Summary, StepAttachment, DeliberationAttachment, Project, ProjectBudget, ProjectBeneficiary, ProjectProgress,
    ProjectProgressPhoto, ProjectDisbursement, ProjectAcceptance, Asset, AssetIncome, AssetDistribution, AssetEvent,
)
SYNCED_TABLES = frozenset(m.__tablename__ for m in SYNCED_MODELS)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- local tables


#: The change-log rows that may move a household to another village (an update naming ``village_id``;
#: ``LIKE`` can match a value too, so readers check the parsed fields). The partial index
#: ``ix_change_log_village_moves`` and its queries use this same text.
VILLAGE_MOVES = "tbl = 'household' AND op <> 'insert' AND fields LIKE '%\"village_id\"%'"


class ChangeLog(Base):
    """The change log: sync outbox and audit trail in one (谁填报谁负责).

    One row per write to one record: ``fields`` maps each changed field to its new
    value (JSON), ``prev`` maps it to the stamp of the value it replaced.
    ``seq`` is this replica's local order; (origin, origin_seq) identifies a change
    across replicas. ``chain_prev``/``chain_hash`` make each origin's entries a hash chain
    (:mod:`fieldapp.domain.audit`): received entries keep their origin's hashes.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        UniqueConstraint("origin", "origin_seq"),
        # The only index keyed by something random: each one makes every appended change a
        # random page write (migration 0005). History finds a household's rows through it.
        Index("ix_change_log_row_hlc", "row_id", "hlc"),
        # Only the deletes (tombstone purges read them), so appending an update costs nothing here.
        Index("ix_change_log_deletes", "seq", sqlite_where=text("op = 'delete'"),
              postgresql_where=text("op = 'delete'")),
        # What one person wrote (责任倒查). Few accounts write on a laptop, so appends land at the
        # end of a handful of ranges, not on random pages.
        Index("ix_change_log_user", "user_id", "hlc"),
        # A scoped reply's starting point when the device holds little (a new laptop's first sync):
        # its villages' households' changes, and (household_id IS NULL) the changes of no household.
        Index("ix_change_log_household", "household_id"),
        # Only the household updates that move a household (a scoped reply's exit markers read them per
        # origin range); the query repeats VILLAGE_MOVES literally, or the planner cannot use it.
        Index("ix_change_log_village_moves", "origin", "origin_seq", sqlite_where=text(VILLAGE_MOVES),
              postgresql_where=text(VILLAGE_MOVES)),
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(36))  # device that made the change
    origin_seq: Mapped[int] = mapped_column(BigInteger)
    hlc: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(Id)
    household_id: Mapped[str | None] = mapped_column(Id)
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete | resolve (a reviewer's choice)
    fields: Mapped[str] = mapped_column(Text)
    prev: Mapped[str] = mapped_column(Text, default="{}")
    user_id: Mapped[str | None] = mapped_column(Id)
    user_name: Mapped[str | None] = mapped_column(String(32))
    chain_prev: Mapped[bytes | None] = mapped_column(LargeBinary(32))  # the origin's previous entry's hash
    chain_hash: Mapped[bytes | None] = mapped_column(LargeBinary(32))


class HouseholdListRow(Base):
    """Derived, local projection for the household list and its search (not synced).

    Rebuilt by the write path for every household it touches, in the same transaction.
    """

    __tablename__ = "household_list"
    __table_args__ = (
        Index("ix_hl_name", "head_name", "household_id"),
        Index("ix_hl_initials", "head_initials", "household_id"),
        Index("ix_hl_pinyin", "head_pinyin", "household_id"),
        Index("ix_hl_hh_no", "hh_no", "household_id"),
        Index("ix_hl_group", "village_id", "group_no", "household_id"),
        Index("ix_hl_income", "per_person_income", "household_id"),
        Index("ix_hl_size", "member_count", "household_id"),
        Index("ix_hl_status", "exit_status", "household_id"),
        Index("ix_hl_attribute", "attribute", "household_id"),
        Index("ix_hl_cause", "main_cause", "household_id"),
        Index("ix_hl_cadre", "cadre_id", "household_id"),
        Index("ix_hl_last_visit", "last_visit", "household_id"),
        Index("ix_hl_workflow", "wf_kind", "household_id"),
    )
    household_id: Mapped[str] = mapped_column(Id, primary_key=True)
    village_id: Mapped[str] = mapped_column(Id)
    group_no: Mapped[int | None] = mapped_column(Integer)
    hh_no: Mapped[str | None] = mapped_column(String(32))
    head_name: Mapped[str | None] = mapped_column(String(32))
    head_initials: Mapped[str | None] = mapped_column(String(32))
    head_pinyin: Mapped[str | None] = mapped_column(String(128))
    head_id_no: Mapped[str | None] = mapped_column(String(18))
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    attribute: Mapped[str | None] = mapped_column(String(4))
    # derived from the workflows (domain.workflow.standing), the household's own value only without one
    exit_status: Mapped[str | None] = mapped_column(String(4))
    exit_year: Mapped[int | None] = mapped_column(Integer)
    status_source: Mapped[str | None] = mapped_column(String(12))  # workflow | imported
    wf_kind: Mapped[str | None] = mapped_column(String(24))  # the open workflow
    wf_step: Mapped[str | None] = mapped_column(String(8))  # its current step (the one in conflict)
    wf_conflict: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    main_cause: Mapped[str | None] = mapped_column(String(4))
    cadre_id: Mapped[str | None] = mapped_column(Id)
    income_year: Mapped[int | None] = mapped_column(Integer)
    per_person_income: Mapped[int | None] = mapped_column(BigInteger)  # fen, latest year
    last_visit: Mapped[dt.date | None] = mapped_column(Date)  # latest live visit


class LocalState(Base):
    """Key/value facts about this replica (device id, origin sequence counter…)."""

    __tablename__ = "local_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- sync, local tables


class SyncPeer(Base):
    """A known peer (another laptop or the district): its public keys, scope and what it holds.

    ``known`` is the version vector (JSON {origin: seq}) the peer last reported holding;
    packages to the peer hold exactly the changes above it. ``scope`` is a JSON list of
    village ids, or NULL for the whole district.
    """

    __tablename__ = "sync_peer"
    device_id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    signing_key: Mapped[str] = mapped_column(String(64))  # Ed25519 public, base64
    agreement_key: Mapped[str] = mapped_column(String(64))  # X25519 public, base64
    scope: Mapped[str | None] = mapped_column(Text)
    known: Mapped[str] = mapped_column(Text, default="{}")
    last_sent: Mapped[str | None] = mapped_column(String(32))  # ISO time of the last export to it
    last_received: Mapped[str | None] = mapped_column(String(32))  # ISO time of the last import from it


class SyncVector(Base):
    """This replica's holdings: for each remote origin device, the highest origin_seq held."""

    __tablename__ = "sync_vector"
    origin: Mapped[str] = mapped_column(Id, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)


class SyncSeen(Base):
    """Packages already imported (by package id), so a replayed package is refused unchanged."""

    __tablename__ = "sync_seen"
    package_id: Mapped[str] = mapped_column(Id, primary_key=True)
    sender: Mapped[str] = mapped_column(Id)
    applied_at: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text, default="{}")


class SyncConflict(Base):
    """A concurrent overwrite: LWW kept ``winner``; the ``loser`` value is listed for review."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_row", "tbl", "row_id", "field"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(12))  # field | delete | clock
    tbl: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(Id)
    household_id: Mapped[str | None] = mapped_column(Id)
    field: Mapped[str] = mapped_column(String(64))
    winner_value: Mapped[str | None] = mapped_column(Text)  # JSON
    winner_hlc: Mapped[int] = mapped_column(BigInteger)
    winner_device: Mapped[str] = mapped_column(Id)
    loser_value: Mapped[str | None] = mapped_column(Text)  # JSON
    loser_hlc: Mapped[int] = mapped_column(BigInteger)
    loser_device: Mapped[str] = mapped_column(Id)
    detected_at: Mapped[str] = mapped_column(String(32))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncQuarantine(Base):
    """A received change that broke a rule: not applied, kept for review (the rest applied)."""

    __tablename__ = "sync_quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Id)
    origin_seq: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(Id)
    change: Mapped[str] = mapped_column(Text)  # JSON of the whole change
    reason: Mapped[str] = mapped_column(Text)
    received_at: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | released | discarded


class SyncPending(Base):
    """Received values for tables or fields this version does not know yet; applied after upgrade."""

    __tablename__ = "sync_pending"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Id)
    origin_seq: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(Id)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text)  # JSON
    hlc: Mapped[int] = mapped_column(BigInteger)
    device: Mapped[str] = mapped_column(Id)


class SyncScopeExit(Base):
    """A scope-exit marker received: the household left this device's villages (not a delete)."""

    __tablename__ = "sync_scope_exit"
    household_id: Mapped[str] = mapped_column(Id, primary_key=True)
    village_id: Mapped[str | None] = mapped_column(Id)
    hlc: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[str] = mapped_column(String(32))


# The district server's tables join the same metadata and Alembic chain.
from fieldapp.store import server_models as _server_models  # noqa: E402,F401
