"""``fieldapp workflow …``: identification, exit, return and monitoring as signed workflows.

    fieldapp workflow start identification|exit|return|monitoring|risk_elimination HOUSEHOLD
                            [--category C --risk-type R]           (monitoring: category and risk type)
    fieldapp workflow decide HOUSEHOLD STEP pass|fail|return [--reason TEXT] [--override] [--settle]
                            [--workflow W]
    fieldapp workflow queue                                        households waiting for my roles
    fieldapp workflow candidates                                   households the exit standard proposes
    fieldapp workflow show HOUSEHOLD                               where it stands, with every decision
    fieldapp workflow deliberation|objection|notice …              评议 meetings, objections, notices
                                                                   (:mod:`fieldapp.cli.notice_cmd`)

A deliberation step's pass or fail names its meeting (``decide … --meeting MEETING``); any pass is
refused while an objection to the workflow is unhandled.

HOUSEHOLD is the household's id, 户编号 or card code; STEP the step's code (``show`` lists them).
A refusal names the problem: the missing permission, the first day a step may be decided, the income
or indicator that fails the exit standard. ``show`` exits 3 when a workflow has conflicting decisions.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

OpenCtx = Callable[[argparse.Namespace], Any]
CONFLICT_EXIT = 3
KINDS = ("identification", "exit", "return", "monitoring", "risk_elimination")


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``workflow`` and its subcommands to the ``fieldapp`` parser."""
    sp = sub.add_parser("workflow", help="动态管理：识别、退出、返贫与监测流程（逐级决定并签字）")
    cmds = sp.add_subparsers(dest="workflow_command", required=True, metavar="ACTION")

    p = cmds.add_parser("start", help="发起流程")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("household", metavar="HOUSEHOLD", help="户的标识、户编号或公示牌编码")
    p.add_argument("--category", help="监测对象类别代码（monitoring 必填，如 02 边缘易致贫户）")
    p.add_argument("--risk-type", dest="risk_type", help="风险类型代码（monitoring 必填，如 01 因病）")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _start))

    p = cmds.add_parser("decide", help="决定当前步骤：通过、不通过或退回")
    p.add_argument("household", metavar="HOUSEHOLD")
    p.add_argument("step", metavar="STEP", help="步骤代码（workflow show 列出）")
    p.add_argument("decision", choices=["pass", "fail", "return"])
    p.add_argument("--reason", default="", help="理由（不通过、退回和越过退出标准时必填）")
    p.add_argument("--override", action="store_true", help="不符合退出标准仍拟退出：须写明理由，并签字")
    p.add_argument("--workflow", help="该户有两个同时进行的流程时，指明哪一个（标识或其末尾至少 8 位）")
    p.add_argument("--settle", action="store_true", help="本步骤有冲突的决定时，以本决定处理冲突：须写明理由，并签字")
    p.add_argument("--meeting", help="评议步骤：评议会议的标识（workflow deliberation add 登记）")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _decide))

    p = cmds.add_parser("queue", help="等待本人决定的农户")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _queue))

    p = cmds.add_parser("candidates", help="符合退出标准、尚未脱贫且没有进行中流程的户（拟退出对象）")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _candidates))

    p = cmds.add_parser("show", help="一户的流程：当前所处步骤与全部决定")
    p.add_argument("household", metavar="HOUSEHOLD")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _show))

    from fieldapp.cli import notice_cmd

    notice_cmd.register(cmds, lambda a, command: _run(open_ctx, a, command))


def _run(open_ctx: OpenCtx, args: argparse.Namespace, command: Callable[[Any, argparse.Namespace], int]) -> int:
    from fieldapp.domain.notice import NoticeError
    from fieldapp.domain.workflow import WorkflowError
    from fieldapp.services.signoff.keys import NoSigningKey

    ctx = open_ctx(args)
    try:
        return command(ctx, args)
    except (LookupError, WorkflowError, NoticeError, NoSigningKey) as exc:
        print(f"错误：{exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _household(ctx: Any, text: str) -> str:
    from fieldapp.services.printing.common import resolve_household

    return str(resolve_household(ctx, text))


def _start(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import service

    hid = _household(ctx, args.household)
    view = service.start(ctx, hid, args.kind, category=args.category, risk_type=args.risk_type)
    step = view.current
    print(f"已发起“{view.definition.text()}”（{view.id}）")
    if step is not None:
        print(f"当前步骤：{step.code} {step.text()}，由{_role(ctx, step.role)}决定")
    return 0


def _decide(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import workflow as rules
    from fieldapp.services.workflow import service

    hid = _household(ctx, args.household)
    made = service.decide(ctx, hid, args.step, args.decision, args.reason, override=args.override,
                          settle=args.settle, workflow_id=args.workflow, meeting_id=args.meeting)
    view = made.workflow
    step = view.definition.steps[view.definition.index(made.decision.step)]
    print(f"已{rules.DECISION_WORDS[made.decision.decision]}：{step.code} {step.text()}"
          + (f"（理由：{made.decision.reason}）" if made.decision.reason else ""))
    if made.decision.override:
        print("已越过退出标准：理由与签字一并保留，查看流程时可见")
    if made.signature is not None:
        print(f"签字人 {made.signature.person_name}（{made.signature.role_label(ctx.ref)}），"
              f"{made.signature.signed_text}，验证码 {made.signature.code}")
    print(f"流程：{_where(ctx, view)}")
    return 0


def _queue(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import queue

    found = queue.waiting(ctx)
    if not found:
        print("没有等待本人决定的农户")
        return 0
    for e in found:
        note = "有冲突的决定，待处理" if e.conflict else f"{e.earliest.isoformat()} 起可决定"
        print(f"{e.hh_no or e.household_id}\t{e.head_name}\t{e.workflow.definition.text()}\t"
              f"{e.step.code} {e.step.text()}\t{note}")
    print(f"共 {len(found)} 户")
    return 0


def _candidates(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import queue

    found = queue.exit_candidates(ctx)
    if not found:
        print("没有符合退出标准的未脱贫户")
        return 0
    for c in found:
        g = c.gate
        print(f"{c.hh_no or c.household_id}\t{c.head_name}\t{g.year} 年人均纯收入 {(g.per_person or 0) / 100:.2f} 元"
              f"（退出标准 {(g.standard or 0) / 100:.2f} 元），两不愁三保障全部达到")
    print(f"共 {len(found)} 户；发起退出：fieldapp workflow start exit 户编号")
    return 0


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import workflow as rules
    from fieldapp.domain.notice import RESULTS
    from fieldapp.services.workflow import objections, store

    hid = _household(ctx, args.household)
    views = store.workflows_of(ctx.db, hid, rules.definitions(ctx.ref))
    stands = store.standing_of(ctx.db, hid, rules.definitions(ctx.ref))
    status_text = ctx.ref["exit_status"].label(stands.exit_status) if stands.exit_status else "（空）"
    year_text = f"；脱贫年度：{stands.exit_year}年" if stands.exit_year else ""
    if not views:
        imported = "导入的状态，不是逐级决定产生的" if stands.exit_status else "没有导入的状态"
        print(f"没有流程记录。脱贫状态：{status_text}（{imported}）{year_text}")
        return 0
    source = {rules.SOURCE_WORKFLOW: "由流程得出", rules.SOURCE_IMPORTED: "导入的状态"}.get(stands.source, "未知")
    print(f"脱贫状态（{source}）：{status_text}{year_text}")
    running = [v for v in views if v.state.is_open]
    conflict = len(running) > 1
    if conflict:
        print(f"注意：该户有 {len(running)} 个同时进行的流程（在不同笔记本上各自发起），决定时请用 --workflow 指明")
    for view in views:
        print(f"{view.definition.text()}（{view.id}）：{_where(ctx, view)}")
        if view.origin == rules.ORIGIN_IMPORTED:
            value = ctx.ref["exit_status"].label(view.imported_value) if view.imported_value else "（空）"
            print(f"  来源：导入（升级时档案中填写的脱贫状态“{value}”，不是逐级决定产生的）")
            continue
        print(f"  发起：{view.started_by_name or '—'} {rules.day_of(view.started_at).isoformat()}")
        if view.category or view.risk_type:
            print(f"  监测类别：{_label(ctx, 'monitoring_category', view.category)}，"
                  f"风险类型：{_label(ctx, 'risk_type', view.risk_type)}")
        for d in view.state.history:
            print("  " + _decision_line(ctx, view, d))
        for d in view.state.conflicts:
            print("  冲突 " + _decision_line(ctx, view, d))
        for d in view.state.superseded:
            print("  已由处理冲突的决定取代 " + _decision_line(ctx, view, d))
        for problem in view.state.problems:
            print(f"  问题：{problem}")
        for o in objections.listed(ctx.db, hid):
            if o.workflow_id == view.id:
                state = f"{RESULTS[o.result]}（{o.handling}）" if o.result else "未办结，阻止通过"
                print(f"  {o.text()}：{state}")
        conflict = conflict or view.state.status == rules.CONFLICT
        if view.state.status == rules.OPEN:
            step = view.definition.steps[view.state.position]
            print("  步骤：" + " → ".join(
                f"[{s.code} {s.text()}]" if i == view.state.position else f"{s.code} {s.text()}"
                for i, s in enumerate(view.definition.steps)))
            print(f"  待{_role(ctx, step.role)}决定，{rules.earliest(step, view.state.since).isoformat()} 起可决定")
    return CONFLICT_EXIT if conflict else 0


def _where(ctx: Any, view: Any) -> str:
    from fieldapp.domain import workflow as rules

    state = view.state
    if state.status == rules.OPEN:
        step = view.definition.steps[state.position]
        return f"进行中，当前步骤 {step.code} {step.text()}（{_role(ctx, step.role)}）"
    overridden = any(d.override for d in state.history)
    return rules.STATE_WORDS[state.status] + ("（曾越过退出标准）" if overridden else "")


def _decision_line(ctx: Any, view: Any, d: Any) -> str:
    from fieldapp.domain import workflow as rules

    try:
        name = view.definition.steps[view.definition.index(d.step)].text()
    except rules.WorkflowError:
        name = "?"
    line = (f"{rules.when_text(d.decided_at)} {d.step} {name}：{rules.DECISION_WORDS.get(d.decision, d.decision)}，"
            f"{d.person_name}（{_role(ctx, d.decided_as or d.role)}）")
    if d.reason:
        line += f"，理由：{d.reason}"
    if d.override:
        line += "，越过退出标准"
    if d.settles:
        line += f"，处理了 {len(d.settles)} 个冲突的决定"
    if d.meeting_id:
        line += f"，评议会议 {d.meeting_id[-8:]}"
    if d.signoff_id:
        line += f"，{_signature(ctx, d.signoff_id)}"
    return line


def _signature(ctx: Any, signoff_id: str) -> str:
    from fieldapp.services.workflow import store

    record, problems = store.signature(ctx.db, signoff_id)
    if record is None:
        return "签字未同步到本机"
    return f"已签字，验证码 {record.code}" + (f"（签名无效：{'；'.join(problems)}）" if problems else "")


def _label(ctx: Any, codes: str, code: str | None) -> str:
    return f"{code} {ctx.ref[codes].label(code)}" if code else "—"


def _role(ctx: Any, role: str) -> str:
    return str(ctx.ref["role"].label(role))
