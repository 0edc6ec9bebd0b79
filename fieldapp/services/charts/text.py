"""The four charts' figures as plain text (``fieldapp charts show``): the same numbers as the posters."""

from __future__ import annotations

from fieldapp.domain.refdata import RefData
from fieldapp.services.charts.figures import Charts


def _goal(done: int, target: int | None, unit: str) -> str:
    if target is None:
        return f"{done}{unit}（未定目标）"
    return f"{done}/{target}{unit}，还差 {max(0, target - done)}{unit}"


def as_text(charts: Charts, ref: RefData, lang: str = "zh-Hans") -> str:
    data = f"{charts.data_time:%Y-%m-%d %H:%M}" if charts.data_time else "无"
    lines = [f"{charts.scope.name} {charts.year}年 挂图作战（{charts.as_of:%Y-%m-%d %H:%M}，数据截至 {data}）", "",
             "贫困对象分布图：单位  户  人  一般  低保  特困  未脱贫  已脱贫  监测"]
    for r in (*charts.distribution.rows, charts.distribution.total):
        name = "合计" if r is charts.distribution.total else r.unit.name
        lines.append(f"  {name}  {r.households.value}  {r.people.value}  {r.general.value}  {r.dibao.value}  "
                     f"{r.tekun.value}  {r.poor.value}  {r.exited.value}  {r.monitored.value}")
    lines += ["", "计划措施细则图：类型  计划  已落实  覆盖户  金额（元）"]
    for m in charts.measures.rows:
        if m.pathway or m.planned.value:
            lines.append(f"  {'★' if m.pathway else ''}{ref['measure_type'].label(m.type, lang)}  {m.planned.value}  "
                         f"{m.done.value}  {m.covered.value}  {m.amount / 100:.0f}")
    lines += ["", "产业发展规划图：产业  户  计划  投入（元）"]
    for i in charts.industries.rows:
        plan = "" if i.total.plan is None else str(i.total.plan)
        lines.append(f"  {ref['industry'].label(i.industry, lang)}  {i.total.households.value}  {plan or '-'}  "
                     f"{i.total.amount / 100:.0f}")
    p = charts.progress
    months = "  ".join(f"{m.month}月 {m.households.value}" for m in p.months if not m.future)
    lines += ["", "任务进度进展图：",
              f"  脱贫户 {_goal(p.households.done, p.households.target, '户')}",
              f"  脱贫人口 {_goal(p.people.done, p.people.target, '人')}",
              f"  贫困村摘帽 {_goal(p.villages.done, p.villages.target, '个')}",
              f"  按月脱贫户：{months or '无'}"
              + (f"；月份不详 {p.undated_households.value}" if p.undated_households.value else ""),
              f"  新识别 {p.entries.value}户，返贫 {p.returns.value}户，纳入监测 {p.monitored.value}户"]
    return "\n".join(lines)
