"""The printed summary (A4: the figures, the cadres' days, the workflow decisions, the narrative and the
sign-off block with its verification code) and the printed roll-up (each village's standing, the town and
district totals).

Neither carries personal data beyond the cadres' names: the figures are counts and sums, the narrative is
printed with any ID-length number masked (``printing.common.para``), and no health detail is kept in a
summary at all.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from fieldapp.domain import report as rules
from fieldapp.domain import workflow as flows
from fieldapp.domain.refdata import RefData
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import heading, label_pairs, para, ruled_table, styles, write_a4
from fieldapp.services.printing.signoff_block import signoff_block
from fieldapp.services.report import service
from fieldapp.services.report.rollup import AreaTotal, Rollup

WIDTH_MM = 174  # A4 less the margins of write_a4


def figure_rows(f: rules.Figures) -> list[tuple[str, str]]:
    """The figures in words, in the order the summary prints and the app shows them."""
    rows = [("入户走访（户次）", str(f.visits)), ("走访户数", str(f.households_visited)),
            ("村级活动（次）", str(f.activities)), ("帮扶措施（项）", str(f.measures)),
            ("措施金额", rules.fen_text(f.measure_amount)), ("纳入（识别完成，户）", str(f.identified)),
            ("退出（脱贫，户）", str(f.exited)), ("抽查核实（项）", str(f.spot_checked)),
            ("抽查发现问题（项）", str(f.spot_incorrect)), ("整改报告完成（项）", str(f.rectified_reported)),
            ("整改核实销号（项）", str(f.rectified_confirmed)), ("期末未销号整改（项）", str(f.rectifications_open)),
            ("新提出问题（项）", str(f.problems_raised)), ("解决问题（项）", str(f.problems_resolved)),
            ("期末未解决问题（项）", str(f.problems_open)), ("其中逾期（项）", str(f.problems_overdue)),
            ("驻村干部（人）", str(len(f.cadre_days))), ("在村天数合计（人天）", str(f.cadre_day_total))]
    if f.attendance_minimum:
        rows += [(f"在村达标（≥{f.attendance_minimum}天，人）", str(f.cadres_met)),
                 ("在村未达标（人）", str(f.cadres_short))]
    return rows


def total_rows(t: rules.Totals) -> list[tuple[str, str]]:
    return [("村数", str(t.villages)), ("已签字上报（村）", str(t.reported)), ("入户走访（户次）", str(t.visits)),
            ("走访户数", str(t.households_visited)), ("村级活动（次）", str(t.activities)),
            ("帮扶措施（项）", str(t.measures)), ("措施金额", rules.fen_text(t.measure_amount)),
            ("纳入（户）", str(t.identified)), ("退出（户）", str(t.exited)), ("抽查核实（项）", str(t.spot_checked)),
            ("抽查发现问题（项）", str(t.spot_incorrect)), ("整改核实销号（项）", str(t.rectified_confirmed)),
            ("期末未销号整改（项）", str(t.rectifications_open)), ("新提出问题（项）", str(t.problems_raised)),
            ("解决问题（项）", str(t.problems_resolved)), ("期末未解决问题（项）", str(t.problems_open)),
            ("驻村干部（人）", str(t.cadres)), ("在村天数合计（人天）", str(t.cadre_days)),
            ("在村达标（人）", str(t.cadres_met)), ("在村未达标（人）", str(t.cadres_short))]


def step_rows(steps: tuple[rules.StepCount, ...], ref: RefData) -> list[list[str]]:
    defs = flows.definitions(ref)
    rows = []
    for s in steps:
        definition = defs.workflows.get(s.kind)
        try:
            what = definition.steps[definition.index(s.step)].text() if definition else s.step
        except flows.WorkflowError:
            what = s.step
        rows.append([definition.text() if definition else s.kind, f"{s.step} {what}",
                     flows.DECISION_WORDS.get(s.decision, s.decision), str(s.count)])
    return rows


def _pairs_table(rows: list[tuple[str, str]], st: dict[str, object]) -> Flowable:
    cells = [["项目", "数量", "项目", "数量"]]
    for i in range(0, len(rows), 2):
        pair = list(rows[i:i + 2])
        pair += [("", "")] * (2 - len(pair))
        cells.append([pair[0][0], pair[0][1], pair[1][0], pair[1][1]])
    return ruled_table(cells, [55, 32, 55, 32], st)  # type: ignore[arg-type]


def render_summary(ctx: AppContext, view: service.SummaryView, out_path: Path | str) -> Path:
    """Write the summary's PDF."""
    st = styles(9.5)
    state = service.status(ctx.db, view.id)
    words = {"valid": "已签字上报", "changed": "签字后被改动，须重新签字", "invalid": "签字无法核验",
             "unsigned": "未签字（草稿，尚未上报）"}[state.state]
    due = service.due_rule(ctx).due(view.period)
    if view.signed_on is not None and view.signed_on > due:
        words += f"（迟报：{view.signed_on.isoformat()} 签字）"
    story: list[Flowable] = [
        Paragraph(f"{view.village_name} {rules.KIND_WORDS[view.kind]}", st["title"]),
        para(view.period.words, st["subtitle"]),
        label_pairs([("村", view.village_name), ("期间", view.period.words),
                     ("生成时间", flows.when_text(view.generated_at)), ("生成人", view.author_name or "—"),
                     ("上报期限", due.isoformat()), ("状态", words)],
                    st, WIDTH_MM),
        *heading("一、工作数据", st), _pairs_table(figure_rows(view.figures), st),
    ]
    f = view.figures
    story += heading("二、驻村干部在村天数", st)
    if f.cadre_days:
        head = ["干部", "在村天数"] + (["是否达标", "考勤签字关闭"] if f.attendance_minimum else [])
        words = {True: "达标", False: "未达标", None: "—"}
        body = [[c.name, str(c.days)] + ([words[c.met], {True: "已关闭", False: "未关闭", None: "—"}[c.closed]]
                                         if f.attendance_minimum else []) for c in f.cadre_days]
        story.append(ruled_table([head, *body], [70, 34, 34, 36] if f.attendance_minimum else [110, 64], st))
    else:
        story.append(para("本期无驻村干部在村记录。", st["body"]))
    story += heading("三、纳入、退出等流程决定", st)
    steps = step_rows(f.steps, ctx.ref)
    story.append(ruled_table([["流程", "步骤", "决定", "户数"], *steps], [44, 80, 25, 25], st) if steps
                 else para("本期无流程决定。", st["body"]))
    story += heading("四、情况说明", st)
    story.append(para(view.narrative or "（未填写）", st["body"]))
    story += [Spacer(1, 4 * mm), *signoff_block(ctx, "summary", view.id, st, WIDTH_MM * mm)]
    return write_a4(story, out_path, title=view.title, footer=f"{view.village_name} {rules.KIND_WORDS[view.kind]}"
                    f" {view.period.text}")


def render_rollup(ctx: AppContext, up: Rollup, out_path: Path | str, *, title: str = "") -> Path:
    """Write the roll-up's PDF: each village's standing, then the totals per town and district."""
    st = styles(9)
    kind = rules.KIND_WORDS[up.period.kind]
    title = title or f"{kind}汇总情况"
    story: list[Flowable] = [Paragraph(title, st["title"]),
                             para(f"{up.period.words}　上报期限 {up.due.isoformat()}　统计日 {up.today.isoformat()}",
                                  st["subtitle"])]
    story += heading("一、各村上报情况", st)
    rows = [["乡镇", "村", "状态", "走访（户次）", "措施（项）", "退出（户）", "问题未解决"]]
    for v in up.villages:
        f = v.summary.figures if v.summary is not None else None
        rows.append([v.town_name, v.name, ("※ " if v.standing.flagged else "") + v.standing.words,
                     *([str(f.visits), str(f.measures), str(f.exited), str(f.problems_open)] if f else ["—"] * 4)])
    story.append(ruled_table(rows, [24, 24, 50, 20, 18, 18, 20], st))
    story.append(para("※ 未上报、迟报或逾期未签字。只汇总已签字上报的村。", st["note"]))
    for level, totals in (("乡镇", up.towns), ("区县", up.districts)):
        for t in totals:
            story += heading(f"{level}合计：{t.name}", st)
            story.append(para(_flag_words(t), st["body"]))
            story.append(_pairs_table(total_rows(t.totals), st))
    return write_a4(story, out_path, title=title, footer=f"{kind} {up.period.text}")


def _flag_words(t: AreaTotal) -> str:
    return (f"共 {t.totals.villages} 个村，已签字上报 {t.totals.reported} 个；未上报 {t.missing} 个，"
            f"未签字 {t.unsigned} 个，迟报 {t.late} 个。")
