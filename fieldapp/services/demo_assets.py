"""The demo village's asset ledger (资产台账): what its accepted projects made, their income and its distribution.

:func:`make_demo_assets` takes accepted projects (the demo's project library, when it has one) and records
plausible assets for each one that has none yet: for an industry project an income-earning asset (经营性, the
collective's) and its access works (公益性); for an infrastructure project the works themselves (公益性); for a
project whose money went to its beneficiary households (their planned amounts), one 到户类 asset per household
(基础母牛 for a livestock project; the calves sold are the household's income). An income-earning asset earns
each year since its acceptance; 80% of the income goes to the project's beneficiary households in equal shares
(to the fen), the rest stays with the collective for 公益岗位 and upkeep. One household's cattle died and were
disposed of (signed), one household's were handed over to a neighbour (signed), and a road was damaged by a
summer storm (signed).

When no accepted project is given, two of the demo's own are made first (:func:`demo_projects`), each carried
through approval, disbursement, completion and a signed acceptance: 桃园村光伏扶贫电站 and 基础母牛养殖到户.
Everything is idempotent: a project that has assets is left alone, the demo's own projects are found by name.
``ctx`` must be signed in with ``project.*`` and ``asset.*`` (the township reviewer holds both).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence

from sqlalchemy import func, select

from fieldapp.domain import assets as rules
from fieldapp.services.assets import records, service
from fieldapp.services.context import AppContext
from fieldapp.services.projects import records as project_records
from fieldapp.services.projects import service as projects
from fieldapp.store.models import Household, Member, Project

log = logging.getLogger("fieldapp.services.demo")

WAN = 1_000_000  # 1万元 in fen
SOLAR, CATTLE = "桃园村 100kW 村级光伏扶贫电站", "基础母牛养殖到户项目"
BUILDER = "陕西某新能源工程有限公司"
SHARED_PERCENT = 80
#: a demo village smaller than this (a test's few households) gets no projects of the assets' own making
MINIMUM_HOUSEHOLDS = 20  # of an income-earning asset's yearly income, to the beneficiary households
_H, _M, _P = Household.__table__, Member.__table__, Project.__table__


def make_demo_assets(ctx: AppContext, project_ids: Sequence[str] = (), *, today: dt.date | None = None) -> list[str]:
    """Record the assets of the accepted ``project_ids`` that have none (or, with none accepted, of the demo's own
    projects, made first); returns the ids of the assets recorded."""
    day = today or dt.date.today()
    accepted = [p for p in project_ids if project_records.get(ctx.db, p).status == "accepted"]
    if not accepted:
        accepted = demo_projects(ctx, day)
    made: list[str] = []
    for pid in accepted:
        if records.of_project(ctx.db, pid):
            continue
        made += _assets_of(ctx, project_records.get(ctx.db, pid), day)
    log.info("demo asset ledger: %d assets of %d projects", len(made), len(accepted))
    return made


def _village(ctx: AppContext) -> str:
    return str(ctx.settings["village_ids"][0])


def _households(ctx: AppContext, village: str, n: int, skip: int = 0) -> list[str]:
    """``n`` households of the village that are poor or exited (the 脱贫户 a project serves), by 户编号."""
    with ctx.db.read() as conn:
        return list(conn.execute(select(_H.c.id).where(_H.c.village_id == village, _H.c.deleted.is_(False))
                                 .order_by(_H.c.hh_no).offset(skip).limit(n)).scalars())


def _head(ctx: AppContext, household_id: str) -> str:
    with ctx.db.read() as conn:
        name = conn.execute(select(_M.c.name).where(_M.c.household_id == household_id, _M.c.relation == "01",
                                                    _M.c.deleted.is_(False)).limit(1)).scalar()
    return str(name or "户主")


def demo_projects(ctx: AppContext, today: dt.date) -> list[str]:
    """The demo's two accepted projects (found by name, or made and carried to a signed acceptance)."""
    village = _village(ctx)
    found: list[str] = []
    for name, make in ((SOLAR, _solar), (CATTLE, _cattle)):
        with ctx.db.read() as conn:
            pid = conn.execute(select(_P.c.id).where(_P.c.name == name, _P.c.village_id == village,
                                                     _P.c.deleted.is_(False))).scalar()
        if pid is None:
            pid = make(ctx, village, today)
        if pid is not None and project_records.get(ctx.db, pid).status == "accepted":
            found.append(str(pid))
    return found


def _course(ctx: AppContext, pid: str, *, approved: int, on: dt.date, payments: Sequence[tuple[int, str, str]],
            beneficiaries: Mapping[str, int], findings: str) -> None:
    """Approve, give the beneficiaries their amounts, start, pay, finish and accept (signed) a project."""
    projects.approve(ctx, pid, approved, on)
    for hid, amount in beneficiaries.items():
        projects.set_beneficiary(ctx, pid, hid, amount)
    projects.change_status(ctx, pid, "in_progress", actual_start=on + dt.timedelta(days=20))
    for i, (amount, channel, payee) in enumerate(payments):
        projects.disburse(ctx, pid, day=on + dt.timedelta(days=40 + 60 * i), amount=amount, channel=channel,
                          payee=payee, voucher_no=f"商北财{on.year}-{i + 1:03d}")
    end = on + dt.timedelta(days=160)
    projects.change_status(ctx, pid, "completed", actual_end=end)
    projects.accept(ctx, pid, day=end + dt.timedelta(days=12), members=["镇农业综合服务站站长", "村监委会主任",
                                                                        "驻村第一书记", "受益户代表"],
                    findings=findings, passed=True)


def _solar(ctx: AppContext, village: str, today: dt.date) -> str | None:
    homes = _households(ctx, village, 20)
    if not homes:
        return None
    on = dt.date(today.year - 3, 3, 15)
    pid = projects.create(ctx, projects.ProjectDraft(
        area_id=village, name=SOLAR, type="industry", industry="other" if "other" in ctx.ref["industry"] else None,
        unit="北宽坪镇人民政府", budget={"superior": 40 * WAN, "local_finance": 8 * WAN},
        planned_start=on + dt.timedelta(days=15), planned_end=on + dt.timedelta(days=180),
        note="村级光伏扶贫电站，发电收益主要用于脱贫户分红和设置公益岗位"))
    _course(ctx, pid, approved=48 * WAN, on=on,
            payments=[(30 * WAN, "superior", BUILDER), (10 * WAN, "superior", BUILDER),
                      (8 * WAN, "local_finance", BUILDER)],
            beneficiaries={h: 5_000_00 for h in homes},
            findings="组件、逆变器安装规范，已并网发电，资料齐全，同意验收")
    return pid


def _cattle(ctx: AppContext, village: str, today: dt.date) -> str | None:
    homes = _households(ctx, village, 8, skip=20)
    if not homes:
        return None
    on = dt.date(today.year - 2, 4, 10)
    pid = projects.create(ctx, projects.ProjectDraft(
        area_id=village, name=CATTLE, type="industry",
        industry="livestock" if "livestock" in ctx.ref["industry"] else None, unit="北宽坪镇畜牧兽医站",
        budget={"superior": 12 * WAN}, planned_start=on + dt.timedelta(days=15),
        planned_end=on + dt.timedelta(days=120), note="每户补助购买基础母牛 2 头，产权归户"))
    _course(ctx, pid, approved=12 * WAN, on=on, payments=[(12 * WAN, "superior", "北宽坪镇畜牧兽医站（代购）")],
            beneficiaries={h: 1_5000_00 for h in homes},
            findings="母牛已全部到户，耳标登记齐全，防疫到位，同意验收")
    return pid


def _accepted_on(view: project_records.ProjectView) -> dt.date:
    return max((a.date for a in view.acceptances if a.passed), default=view.actual_end or dt.date.today())


def _assets_of(ctx: AppContext, view: project_records.ProjectView, today: dt.date) -> list[str]:
    """The assets a demo project made, their income and its distribution, and a few signed changes."""
    money = view.approved_amount or 0
    households = [b for b in view.beneficiaries if b.amount > 0]
    drafts: list[service.AssetDraft] = []
    if view.type == "industry" and households and sum(b.amount for b in households) >= money * 9 // 10:
        # the money went to the households (到户类): one asset per household, its planned amount
        for b in households:
            head = _head(ctx, b.household_id)
            drafts.append(service.AssetDraft("基础母牛 2 头" if "牛" in view.name else f"{view.name}（到户）",
                                             rules.HOUSEHOLD, b.amount, head, location=f"{head}家圈舍",
                                             owner_household_id=b.household_id, note="耳标已登记"))
    elif view.type == "industry":
        works = money // 8
        drafts.append(service.AssetDraft(view.name.replace("项目", ""), rules.OPERATING, money - works,
                                         "村股份经济合作社", location=f"{view.area_name}二组向阳坡"))
        drafts.append(service.AssetDraft("电站围栏及检修便道" if "光伏" in view.name else "配套道路及围栏",
                                         rules.PUBLIC, works, "村民委员会", location=f"{view.area_name}二组"))
    else:
        drafts.append(service.AssetDraft(view.name.replace("项目", ""), rules.PUBLIC, money, "村民委员会",
                                         location=view.area_name))
    if money <= 0:
        return []
    ids = service.from_project(ctx, view.id, drafts)
    start = _accepted_on(view)
    for asset_id, draft in zip(ids, drafts, strict=True):
        if draft.kind == rules.OPERATING:
            # a village asset with no beneficiaries of its own pays its share to the village's poor households
            shared = [b.household_id for b in view.beneficiaries] or _households(ctx, view.village_id, 20)
            _income(ctx, asset_id, draft.value, shared, start=start,
                    last=today.year - 1)
        elif draft.kind == rules.HOUSEHOLD and draft.owner_household_id:  # calves sold: all the household's
            for year in range(start.year + 1, today.year):
                service.record_income(ctx, asset_id, year, 4_200_00, note="出售牛犊 1 头",
                                      shares={draft.owner_household_id: 4_200_00})
    _changes(ctx, ids, drafts, households, start=start, today=today)
    return ids


def _income(ctx: AppContext, asset_id: str, value: int, households: list[str], *, start: dt.date, last: int) -> None:
    """Each year a yield of about 8% of the value (a little more each year), 80% of it shared evenly; the year
    of acceptance earns for the months after it."""
    for n, year in enumerate(range(start.year, last + 1)):
        income = value * (75 + 4 * n) // 1000 + 1234 * n
        if year == start.year:
            income = income * (12 - start.month) // 12
        if income <= 0:
            continue
        shares = rules.split_evenly(income * SHARED_PERCENT // 100, households) if households else None
        service.record_income(ctx, asset_id, year, income, note="上网电费结算" if n % 2 == 0 else "上网电费及补贴结算",
                              shares=shares)


def _changes(ctx: AppContext, ids: list[str], drafts: list[service.AssetDraft],
             households: Sequence[project_records.Beneficiary], *, start: dt.date, today: dt.date) -> None:
    """A storm-damaged access road, a household's dead cattle disposed of, another's handed to a neighbour."""
    for asset_id, draft in zip(ids, drafts, strict=True):
        damaged = start + dt.timedelta(days=150)
        if draft.kind == rules.PUBLIC and "便道" in draft.name and damaged < today:
            service.damage(ctx, asset_id, day=damaged, reason="冬季冻融致检修便道路面开裂约 40 米，已报镇政府，待修复")
    household_assets = [(a, d) for a, d in zip(ids, drafts, strict=True) if d.kind == rules.HOUSEHOLD]
    if len(household_assets) >= 3:
        day = max(start + dt.timedelta(days=200), dt.date(today.year - 1, 2, 1))
        if day < today:
            dead, _ = household_assets[0]
            service.dispose(ctx, dead, day=day, reason="母牛患病死亡，经镇畜牧兽医站出具死亡证明，按程序报废核销")
            moved, _ = household_assets[1]
            neighbour = households[2]
            service.transfer(ctx, moved, day=day + dt.timedelta(days=30),
                             reason="户主外出务工无人饲养，经村民代表会议同意，交由同组受益户代养，收益归原户",
                             manager=_head(ctx, neighbour.household_id))


def add_demo_assets(ctx: AppContext, today: dt.date, accounts: Mapping[str, str], password: str) -> list[str]:
    """As the demo's township reviewer (``accounts``: role → account name): the ledger of the village's accepted
    projects (:func:`make_demo_assets`; a demo of fewer than :data:`MINIMUM_HOUSEHOLDS` households without an
    accepted project gets none); ``ctx`` keeps its own session afterwards."""
    from fieldapp.services.people.auth import session_in

    with ctx.db.read() as conn:
        accepted = list(conn.execute(select(_P.c.id).where(_P.c.status == "accepted", _P.c.deleted.is_(False))
                                     .order_by(_P.c.name)).scalars())
        many = conn.execute(select(func.count()).select_from(_H).where(_H.c.deleted.is_(False))).scalar_one()
    if not accepted and many < MINIMUM_HOUSEHOLDS:
        return []
    saved = ctx.session
    ctx.session = session_in(ctx, accounts["township"], password)
    ctx.reset_writer()
    try:
        return make_demo_assets(ctx, accepted, today=today)
    finally:
        ctx.session = saved
        ctx.reset_writer()
