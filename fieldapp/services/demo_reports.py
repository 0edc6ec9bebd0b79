"""Demo 挂图作战 plans and 汇总上报: what makes the progress chart, the industry plan and the summaries page
show something in the demo.

- :func:`add_demo_plans` (the demo builder, as the program itself): the current year's targets the
  targets demo leaves out — the village's 贫困村摘帽 target (the village plans to be lifted out this
  year) and every industry's planned households (``industry_<code>``) for the district, the town and each
  village. A village's plan is a little above the households its register already has in that industry;
  the town plans its three leading industries and the district its first one with figures of their own
  (they hold villages this laptop does not), so the charts show both rules: an area's own target, else the
  sum of the areas below.
- :func:`add_demo_summaries` (while the demo's team leader is signed in, with a signing key): the last
  three weekly summaries and the last monthly update of each village, generated from the register and
  signed by the leader, each with a short 情况说明.

Made-up figures for the demo only; every write goes through the services (permissions, signatures).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter

from sqlalchemy import select

from fieldapp.domain import report as report_rules
from fieldapp.domain import targets as target_rules
from fieldapp.services.context import AppContext
from fieldapp.services.report import service as reports
from fieldapp.services.targets import records
from fieldapp.services.targets.areas import area_tree
from fieldapp.store.models import Household, Measure

log = logging.getLogger("fieldapp.services.demo")
_H, _M = Household.__table__, Measure.__table__
TOWN_FACTOR, DISTRICT_FACTOR = 3, 5  # the town's and district's own plans against the demo villages' sum
WEEKS = 3
WEEKLY_NOTES = (
    "本周完成入户走访，逐户核实家庭人口和收入情况；对新纳入监测的农户制定了帮扶计划。",
    "本周组织产业培训一次，协调种苗和饲料到户；跟进危房改造进度，督促施工方按期完工。",
    "本周召开村民代表会议，讨论脱贫户评议名单；整理扶贫档案，补齐缺失的签字材料。",
)
MONTHLY_NOTE = ("本月驻村工作队按计划开展走访和产业帮扶，在村天数达到要求；下月重点做好脱贫户评议、"
                "公示和监测户帮扶措施落实。")


def _industry_households(ctx: AppContext, village_id: str) -> Counter[str]:
    """Households of the village with an industry measure, per industry."""
    with ctx.db.read() as conn:
        rows = conn.execute(
            select(_M.c.industry, _M.c.household_id).distinct()
            .select_from(_M.join(_H, _H.c.id == _M.c.household_id))
            .where(_H.c.village_id == village_id, _M.c.type == "industry", _M.c.industry.is_not(None),
                   _M.c.deleted.is_(False), _H.c.deleted.is_(False))).all()
    return Counter(r.industry for r in rows)


def add_demo_plans(ctx: AppContext, year: int) -> None:
    """The current year's 摘帽 target of each village and every area's industry plans (``targets.edit``)."""
    if not records.may_edit_targets(ctx):
        return
    tree = area_tree(ctx.db)
    villages = [a for a in tree.ordered() if a.level == "village"]
    industries = [c.code for c in ctx.ref["industry"].codes]
    total: Counter[str] = Counter()
    for village in villages:
        records.set_target(ctx, village.id, year, "villages_out", 1)
        have = _industry_households(ctx, village.id)
        for code in industries:
            plan = have[code] + max(2, have[code] // 5)  # a fifth more than the households already in it
            records.set_target(ctx, village.id, year, target_rules.industry_kind(code), plan)
            total[code] += plan
    above = {a.parent_id for a in villages if a.parent_id}
    for town_id in sorted(above):
        town = tree.get(town_id)
        if town is None:
            continue
        for code in industries[:3]:  # the town's leading industries; the rest sum up from its villages
            records.set_target(ctx, town.id, year, target_rules.industry_kind(code), total[code] * TOWN_FACTOR)
        district = tree.get(town.parent_id) if town.parent_id else None
        if district is not None and industries:  # the district's own plan for its first industry
            records.set_target(ctx, district.id, year, target_rules.industry_kind(industries[0]),
                               total[industries[0]] * DISTRICT_FACTOR)


def _at(day: dt.date, hour: int) -> int:
    return int(dt.datetime.combine(day, dt.time(hour, 0)).timestamp() * 1000)


def add_demo_summaries(ctx: AppContext, today: dt.date | None = None) -> None:
    """The last :data:`WEEKS` weekly summaries and the last monthly update of each village, signed by the
    signed-in team leader on the day after each period ended."""
    if ctx.session is None or not (ctx.allows(reports.WRITE) and ctx.allows(reports.SIGN)):
        return
    today = today or dt.date.today()
    villages = list(ctx.settings["village_ids"])
    week = report_rules.previous(report_rules.WEEKLY, today)
    weeks = []
    for _ in range(WEEKS):
        weeks.append(week)
        week = report_rules.previous(report_rules.WEEKLY, week.first)
    month = report_rules.previous(report_rules.MONTHLY, today)
    now_ms = int(dt.datetime.now().timestamp() * 1000)
    for village_id in villages:
        for i, period in enumerate(reversed(weeks)):
            at = min(_at(period.last + dt.timedelta(days=1), 17), now_ms)
            reports.generate(ctx, village_id, period.text, narrative=WEEKLY_NOTES[i % len(WEEKLY_NOTES)],
                             sign=True, today=today, at_ms=at)
        at = min(_at(month.last + dt.timedelta(days=1), 18), now_ms)
        reports.generate(ctx, village_id, month.text, narrative=MONTHLY_NOTE, sign=True, today=today, at_ms=at)
    log.info("demo summaries: %d weekly and 1 monthly per village", WEEKS)
