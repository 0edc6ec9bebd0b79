"""The demo village's project library (项目库): what a village like the seed's has built and is building.

Modelled on the seed speech: the village's 党群综合服务中心 (about 75万元: some 45万元 from the party committees,
the government and the work teams, and 30万元 the village owes the builder, of which it has repaid part), its
pumping stations and group paths (4万, 3万, 3万, 8万, 5万元), 130亩 of land levelling (10万元, in reserve), a
village photovoltaic station for the collective's income, and the industry projects of the households (walnuts,
pigs), plus a town project. Each project goes through the services as the real accounts would: the team leader
records it, its budget and beneficiaries, the township reviewer approves, disburses (voucher numbers) and signs the
acceptance (签字背书), the team reports progress. The beneficiaries' measures name their project and channel, so a
household's record shows what it received and from where.

The 30万元 the village owes the builder is booked on the 社会 channel (money from outside the government's
budget, advanced by the builder), the project's note says so.

Dates count back from the demo's "today": projects of past years are finished (most accepted), this year's are
under way, one is in reserve. :func:`make_demo_projects` returns the ids in the order made; the accepted ones are
those whose status is ``accepted`` (the asset ledger starts from them).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain import projects as rules
from fieldapp.services.context import AppContext
from fieldapp.services.projects import service
from fieldapp.store.models import Area, Household, Measure

log = logging.getLogger("fieldapp.services.demo")

WAN = 1_000_000  # 1万元 in fen
YUAN = 100
LEADER, TOWNSHIP = "leader", "township"
TOWNSHIP_ACCOUNT = "乡镇审核员"  # the demo's township reviewer (fieldapp.services.people.demo.REVIEWERS)

_H, _A = Household.__table__, Area.__table__


@dataclass(frozen=True)
class Paid:
    back: int  # days before "today"
    amount: int
    channel: str
    payee: str
    voucher: str


@dataclass(frozen=True)
class Plan:
    """One project of the library (amounts fen, dates as days before today)."""

    name: str
    type: str
    unit: str
    budget: Mapping[str, int]
    industry: str | None = None
    town: bool = False
    note: str = ""
    planned: tuple[int, int] | None = None  # planned start, finish (days before today; negative: ahead)
    approved: tuple[int, int] | None = None  # amount, days before today
    started: int | None = None
    finished: int | None = None
    progress: tuple[tuple[int, int, str], ...] = ()  # (days before today, percent, note)
    paid: tuple[Paid, ...] = ()
    households: int = 0  # beneficiaries (the first households of the pool not yet taken)
    per_household: int = 0  # planned fen each; a linked measure each, on ``measure_channel``
    measure: tuple[str, str] = ("industry", "")  # measure type, content
    measure_channel: str = "superior"
    measure_back: int = 0
    accepted: tuple[int, tuple[str, ...], str] | None = None  # days before today, members, findings
    failed_first: tuple[int, str] | None = None  # an acceptance that found defects first: (days before, findings)


def _library(today: dt.date) -> list[Plan]:
    """The projects, with dates as days before ``today`` (years back computed from today's year)."""

    def ago(year_back: int, month: int, day: int) -> int:
        """Days from a date ``year_back`` years ago to today."""
        return (today - dt.date(today.year - year_back, month, day)).days

    village_unit = "桃园村村民委员会"
    return [
        Plan("党群综合服务中心建设（585平方米）", "infrastructure", village_unit,
             {"superior": 45 * WAN, "social": 30 * WAN},
             note="总投资75万元：党委政府、市县扶贫工作队投入45万元；村集体负债30万元由施工方垫资，计入社会渠道，"
                  "按年偿还。",
             planned=(ago(3, 9, 1), ago(2, 6, 30)), approved=(75 * WAN, ago(3, 8, 20)), started=ago(3, 9, 5),
             finished=ago(2, 7, 20),
             progress=((ago(3, 12, 20), 35, "主体封顶"), (ago(2, 4, 15), 80, "内外装修"),
                       (ago(2, 7, 20), 100, "竣工")),
             paid=(Paid(ago(3, 10, 10), 20 * WAN, "superior", "商州区建安工程公司", "记-{y3}-041"),
                   Paid(ago(2, 8, 15), 25 * WAN, "superior", "商州区建安工程公司", "记-{y2}-067"),
                   Paid(ago(1, 1, 20), 10 * WAN, "social", "商州区建安工程公司（偿还垫资）", "记-{y1}-006")),
             accepted=(ago(2, 8, 5), ("北宽坪镇 赵镇长", "村监委会主任 刘明", "村民代表 王秋生"),
                       "主体结构及装修符合设计，消防验收合格，同意验收；尚欠施工方垫资20万元，按协议逐年偿还。")),
        Plan("西大站排灌站标准化建设", "infrastructure", village_unit, {"local_finance": 4 * WAN},
             planned=(ago(1, 3, 1), ago(1, 5, 31)), approved=(4 * WAN, ago(1, 2, 20)), started=ago(1, 3, 5),
             finished=ago(1, 5, 20), progress=((ago(1, 4, 10), 50, "机泵更换"), (ago(1, 5, 20), 100, "试运行")),
             paid=(Paid(ago(1, 3, 10), 2 * WAN, "local_finance", "镇水利站", "记-{y1}-021"),
                   Paid(ago(1, 6, 10), 2 * WAN, "local_finance", "镇水利站", "记-{y1}-044")),
             accepted=(ago(1, 6, 5), ("镇水利站 陈工", "村监委会主任 刘明"),
                       "机泵运行正常，灌溉面积达到设计要求，同意验收。")),
        Plan("原一组人行路改造（800米）", "infrastructure", "北宽坪镇交通管理站", {"superior": 8 * WAN},
             planned=(ago(1, 4, 1), ago(1, 9, 30)), approved=(8 * WAN, ago(1, 3, 15)), started=ago(1, 4, 8),
             finished=ago(1, 9, 10),
             progress=((ago(1, 6, 1), 40, "路基完成"), (ago(1, 9, 10), 100, "硬化完成")),
             paid=(Paid(ago(1, 5, 5), 4 * WAN, "superior", "镇交管站", "记-{y1}-032"),
                   Paid(ago(1, 10, 12), 3_980_000, "superior", "镇交管站", "记-{y1}-071")),
             failed_first=(ago(1, 9, 20), "路面两处开裂，须返修"),
             accepted=(ago(1, 10, 8), ("镇交管站 周站长", "村监委会主任 刘明", "一组组长 李成"),
                       "返修完成，路面平整，同意验收。")),
        Plan("村级光伏电站（100千瓦）", "industry", "北宽坪镇扶贫开发办公室",
             {"superior": 40 * WAN, "financial": 5 * WAN},
             industry="other", note="收益归村集体，用于公益岗位和贫困户分红（资产收益扶贫）。",
             planned=(ago(1, 3, 1), ago(1, 8, 31)), approved=(45 * WAN, ago(1, 2, 25)), started=ago(1, 3, 20),
             finished=ago(1, 8, 25),
             progress=((ago(1, 5, 15), 50, "支架及组件安装"), (ago(1, 8, 25), 100, "并网发电")),
             paid=(Paid(ago(1, 4, 1), 20 * WAN, "superior", "陕西某新能源公司", "记-{y1}-026"),
                   Paid(ago(1, 9, 15), 20 * WAN, "superior", "陕西某新能源公司", "记-{y1}-058"),
                   Paid(ago(1, 9, 15), 4 * WAN, "financial", "县农信社（贴息）", "记-{y1}-059")),
             accepted=(ago(1, 9, 10), ("镇扶贫办 孙主任", "供电所 黄工", "村监委会主任 刘明"),
                       "并网发电正常，首月发电量符合设计，同意验收。")),
        Plan("生猪养殖到户扶持", "industry", "北宽坪镇畜牧兽医站", {"superior": 5 * WAN, "social": 1 * WAN},
             industry="livestock", note="社会资金为帮扶单位捐赠。",
             planned=(ago(1, 4, 1), ago(1, 11, 30)), approved=(6 * WAN, ago(1, 3, 20)), started=ago(1, 4, 10),
             finished=ago(1, 11, 20), progress=((ago(1, 7, 1), 60, "仔猪发放完毕"), (ago(1, 11, 20), 100, "出栏")),
             paid=(Paid(ago(1, 4, 15), 5 * WAN, "superior", "镇畜牧兽医站", "记-{y1}-029"),
                   Paid(ago(1, 5, 10), 1 * WAN, "social", "镇畜牧兽医站", "记-{y1}-036")),
             households=10, per_household=5_000 * YUAN, measure=("industry", "仔猪3头及饲料补助（生猪养殖到户扶持）"),
             measure_back=ago(1, 4, 20),
             accepted=(ago(1, 12, 5), ("镇畜牧兽医站 吴站长", "村监委会主任 刘明"),
                       "到户仔猪及饲料全部发放，户均出栏3头，同意验收。")),
        Plan("核桃产业园提质增效", "industry", "北宽坪镇农业综合服务站",
             {"superior": 40 * WAN, "local_finance": 10 * WAN, "financial": 10 * WAN}, industry="fruit",
             planned=(150, -90), approved=(58 * WAN, 140), started=130,
             progress=((100, 25, "嫁接改良完成"), (45, 60, "栽植及水肥一体化")),
             paid=(Paid(125, 20 * WAN, "superior", "镇农业综合服务站", "记-{y0}-018"),
                   Paid(90, 5 * WAN + 3_050, "local_finance", "镇农业综合服务站", "记-{y0}-027"),
                   Paid(40, 12 * WAN, "superior", "镇农业综合服务站", "记-{y0}-049")),
             households=20, per_household=3_000 * YUAN, measure=("industry", "核桃苗木200株及管护补助（核桃产业园）"),
             measure_back=110),
        Plan("原跃东八组人行路改造（500米）", "infrastructure", "北宽坪镇交通管理站",
             {"superior": 3 * WAN, "local_finance": 2 * WAN},
             planned=(100, -30), approved=(5 * WAN, 95), started=80, progress=((30, 60, "路基及排水完成"),),
             paid=(Paid(75, 2 * WAN, "superior", "镇交管站", "记-{y0}-031"),)),
        Plan("东大站、南站排灌站标准化建设", "infrastructure", village_unit,
             {"superior": 3 * WAN, "local_finance": 3 * WAN}, planned=(40, -60), approved=(6 * WAN, 20)),
        Plan("原六组土地平整（130亩）", "infrastructure", village_unit, {"superior": 10 * WAN}, planned=(-90, -200),
             note="储备项目，待上级资金下达后实施。"),
        Plan("北宽坪镇农村电商服务站", "industry", "北宽坪镇人民政府", {"superior": 20 * WAN, "social": 5 * WAN},
             industry="ecommerce", town=True, planned=(160, -20), approved=(25 * WAN, 150), started=140,
             progress=((60, 70, "站点装修及物流对接"),),
             paid=(Paid(135, 10 * WAN, "superior", "镇电商中心", "镇记-{y0}-009"),
                   Paid(50, 5 * WAN, "social", "镇电商中心", "镇记-{y0}-022"))),
    ]


@contextlib.contextmanager
def _acting(ctx: AppContext, session: object) -> Iterator[AppContext]:
    """``ctx`` acting as ``session`` for the block (the writer signs the account's changes)."""
    saved = ctx.session
    if session is not saved:
        ctx.session = session  # type: ignore[assignment]
        ctx.reset_writer()
    try:
        yield ctx
    finally:
        if ctx.session is not saved:
            ctx.session = saved
            ctx.reset_writer()


def demo_sessions(ctx: AppContext) -> dict[str, object]:
    """The team leader's session (``ctx``'s) and the demo township reviewer's when that account exists (None:
    act as ``ctx`` does)."""
    from fieldapp.services.demo_data import DEMO_PASSWORD
    from fieldapp.services.people.auth import LoginError, session_in

    township: object = None
    try:
        township = session_in(ctx, TOWNSHIP_ACCOUNT, DEMO_PASSWORD)
    except (LoginError, LookupError):
        township = None
    return {LEADER: ctx.session, TOWNSHIP: township if township is not None else ctx.session}


def _pool(ctx: AppContext, village_id: str) -> list[str]:
    """The village's households to pick beneficiaries from (户编号 order: the same in every build)."""
    with ctx.db.read() as conn:
        return [r[0] for r in conn.execute(select(_H.c.id).where(_H.c.village_id == village_id,
                                                                 _H.c.deleted.is_(False)).order_by(_H.c.hh_no))]


def make_demo_projects(ctx: AppContext, *, today: dt.date | None = None,
                       sessions: Mapping[str, object] | None = None) -> list[str]:
    """Record the demo project library for the first village of this laptop (and its town); returns the ids.

    ``sessions``: the accounts acting, by role (``leader`` records, ``township`` approves, disburses and signs
    the acceptances); default :func:`demo_sessions`. An acceptance needs a signed-in account: without one the
    project stays 已完工."""
    from fieldapp.services import demo

    today = today or demo.reference_date()
    acting = dict(sessions) if sessions is not None else demo_sessions(ctx)
    villages = list(ctx.settings["village_ids"] or [])
    if not villages:
        return []
    village = villages[0]
    with ctx.db.read() as conn:
        town = conn.execute(select(_A.c.parent_id).where(_A.c.id == village)).scalar()
    pool = _pool(ctx, village)
    made: list[str] = []
    for plan in _library(today):
        if plan.town and not town:
            continue
        taken, pool = pool[:plan.households], pool[plan.households:]
        made.append(_make(ctx, plan, town if plan.town else village, taken, today=today, acting=acting))
    log.info("demo project library: %d projects", len(made))
    return made


def _day(today: dt.date, back: int) -> dt.date:
    return today - dt.timedelta(days=back)


def _make(ctx: AppContext, plan: Plan, area_id: str, households: Sequence[str], *, today: dt.date,
          acting: Mapping[str, object]) -> str:
    """One project: recorded, approved, its beneficiaries and their measures, then its course in date order."""
    def day(back: int) -> dt.date:
        return _day(today, back)

    township = acting.get(TOWNSHIP)
    leader = township if plan.town else acting.get(LEADER)  # a town's project is the town's reviewers' to keep
    with _acting(ctx, leader) as c:
        pid = service.create(c, service.ProjectDraft(
            area_id=area_id, name=plan.name, type=plan.type, unit=plan.unit, budget=dict(plan.budget),
            industry=plan.industry, planned_start=day(plan.planned[0]) if plan.planned else None,
            planned_end=day(plan.planned[1]) if plan.planned else None, note=plan.note))
    if plan.approved is not None:
        with _acting(ctx, township) as c:
            service.approve(c, pid, plan.approved[0], day(plan.approved[1]))
    if households:
        with _acting(ctx, leader) as c:
            for hid in households:
                service.set_beneficiary(c, pid, hid, plan.per_household)
            with c.writer.transaction() as txn:
                for hid in households:
                    txn.insert(Measure, {"household_id": hid, "type": plan.measure[0], "content": plan.measure[1],
                                         "amount": plan.per_household, "fund_channel": plan.measure_channel,
                                         "date": day(plan.measure_back), "industry": plan.industry,
                                         "responsible_unit": plan.unit, "project_id": pid})
    if plan.started is not None:
        with _acting(ctx, leader) as c:
            service.change_status(c, pid, rules.IN_PROGRESS, actual_start=day(plan.started))
    _course(ctx, plan, pid, today=today, acting=acting)
    if plan.accepted is not None:
        back, members, findings = plan.accepted
        _accept(ctx, township, pid, on=day(back), members=members, findings=findings, passed=True)
    return pid


def _course(ctx: AppContext, plan: Plan, pid: str, *, today: dt.date, acting: Mapping[str, object]) -> None:
    """Progress reports, disbursements, the finish (and a failed acceptance sending it back), by date."""
    township = acting.get(TOWNSHIP)
    leader = township if plan.town else acting.get(LEADER)  # a town's project is the town's reviewers' to keep
    years = {f"y{n}": str(today.year - n) for n in range(4)}
    events: list[tuple[int, int, object]] = [(p[0], 0, p) for p in plan.progress]
    events += [(p.back, 1, p) for p in plan.paid]
    if plan.finished is not None:
        events.append((plan.finished, 2, "finish"))
    if plan.failed_first is not None:
        events.append((plan.failed_first[0], 3, plan.failed_first[1]))
    for back, order, what in sorted(events, key=lambda e: (-e[0], e[1])):
        on = _day(today, back)
        if isinstance(what, Paid):
            with _acting(ctx, township) as c:
                service.disburse(c, pid, day=on, amount=what.amount, channel=what.channel, payee=what.payee,
                                 voucher_no=what.voucher.format(**years))
        elif order == 2:
            with _acting(ctx, leader) as c:
                service.change_status(c, pid, rules.COMPLETED, actual_end=on)
        elif order == 3:
            _accept(ctx, township, pid, on=on, members=("镇验收小组",), findings=str(what), passed=False)
            with _acting(ctx, leader) as c:
                service.change_status(c, pid, rules.IN_PROGRESS)
                service.change_status(c, pid, rules.COMPLETED, actual_end=_day(today, back - 5))
        else:
            _back, percent, note = what  # type: ignore[misc]
            with _acting(ctx, leader) as c:
                service.record_progress(c, pid, on, percent, note=note)


def _accept(ctx: AppContext, session: object, pid: str, *, on: dt.date, members: Sequence[str], findings: str,
            passed: bool) -> None:
    if session is None:
        log.info("demo project %s not accepted: no account to sign", pid)
        return
    with _acting(ctx, session) as c:
        at = int(dt.datetime.combine(on, dt.time(10, 0)).timestamp() * 1000)
        service.accept(c, pid, day=on, members=list(members), findings=findings, passed=passed, at_ms=at)
