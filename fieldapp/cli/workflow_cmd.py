"""``fieldapp workflow …``: identification, exit, return and monitoring as signed workflows.

    fieldapp workflow start identification|exit|return|monitoring|risk_elimination HOUSEHOLD
                            [--category C --risk-type R]           (monitoring: category and risk type)
    fieldapp workflow decide HOUSEHOLD STEP pass|fail|return [--reason TEXT] [--override] [--settle]
                            [--workflow W] [--attach FILE[:KIND]]… [--caption TEXT]
    fieldapp workflow decide H1 H2 … STEP pass|fail|return [--reason TEXT] [--meeting M] [--attach …]
                            several households' same step at once: all or none, under ONE signature
    fieldapp workflow queue                                        households waiting for my roles
    fieldapp workflow candidates [--monitoring]                    households the exit standard proposes
                                                                   (or, at or below the monitoring line,
                                                                   those proposed for monitoring)
    fieldapp workflow show HOUSEHOLD                               where it stands, with every decision
    fieldapp workflow deliberation|objection|notice …              评议 meetings, objections, notices
                                                                   (:mod:`fieldapp.cli.notice_cmd`)

A deliberation step's pass or fail names its meeting (``decide … --meeting MEETING``); any pass is
refused while an objection to the workflow is unhandled. ``--attach`` adds a photo (JPEG or PNG) of the
minutes (``:minutes``), of the signed 脱贫确认书 (``:confirmation``, which 户认可 needs to pass) or another
(``:other``, the default) to the decision, covered by its signature; ``show`` lists them.

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

    p = cmds.add_parser("decide", help="决定当前步骤：通过、不通过或退回（多户同一步骤可一并决定，一个签字）")
    p.add_argument("households", nargs="+", metavar="HOUSEHOLD",
                   help="户：一户，或同一步骤的多户（一并决定，一个签字）；标识、户编号或公示牌编码")
    p.add_argument("step", metavar="STEP", help="步骤代码（workflow show 列出）")
    p.add_argument("decision", choices=["pass", "fail", "return"])
    p.add_argument("--reason", default="", help="理由（不通过、退回和越过退出标准时必填）")
    p.add_argument("--override", action="store_true", help="不符合退出标准仍拟退出：须写明理由，并签字")
    p.add_argument("--workflow", help="该户有两个同时进行的流程时，指明哪一个（标识或其末尾至少 8 位）")
    p.add_argument("--settle", action="store_true", help="本步骤有冲突的决定时，以本决定处理冲突：须写明理由，并签字")
    p.add_argument("--meeting", help="评议步骤：评议会议的标识（workflow deliberation add 登记）")
    add_attach_options(p)
    p.set_defaults(func=lambda a: _run(open_ctx, a, _decide))

    p = cmds.add_parser("queue", help="等待本人决定的农户")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _queue))

    p = cmds.add_parser("candidates", help="符合退出标准、尚未脱贫且没有进行中流程的户（拟退出对象）")
    p.add_argument("--monitoring", action="store_true",
                   help="改列建议纳入监测的户：人均纯收入不高于当年监测线、未纳入监测且没有进行中流程")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _candidates))

    p = cmds.add_parser("show", help="一户的流程：当前所处步骤与全部决定")
    p.add_argument("household", metavar="HOUSEHOLD")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _show))

    from fieldapp.cli import notice_cmd

    notice_cmd.register(cmds, lambda a, command: _run(open_ctx, a, command))


def _run(open_ctx: OpenCtx, args: argparse.Namespace, command: Callable[[Any, argparse.Namespace], int]) -> int:
    from fieldapp.domain.notice import NoticeError
    from fieldapp.domain.workflow import WorkflowError
    from fieldapp.services.photos import PhotoError
    from fieldapp.services.signoff.keys import NoSigningKey

    ctx = open_ctx(args)
    try:
        return command(ctx, args)
    except PhotoError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
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


def add_attach_options(p: Any) -> None:
    """``--attach FILE[:KIND]`` (repeatable) and ``--caption``: photos attached to a decision or a meeting."""
    p.add_argument("--attach", action="append", default=[], metavar="FILE[:KIND]",
                   help="附件照片（JPEG 或 PNG），可多次；类别：minutes 会议记录、confirmation 脱贫确认书、"
                        "other 其他（默认）")
    p.add_argument("--caption", default="", help="附件说明（用于本次的全部附件）")


def attachments_of(ctx: Any, args: argparse.Namespace) -> list[Any]:
    """``--attach`` as attachments: FILE, or FILE:KIND when the text after the last colon is a kind code."""
    from pathlib import Path

    from fieldapp.services.workflow.attachments import KINDS, OTHER, NewAttachment

    codes = {c.code for c in ctx.ref[KINDS].codes}
    found = []
    for text in args.attach:
        path, _, kind = text.rpartition(":")
        if not path or kind not in codes:
            if path and kind and "/" not in kind and "\\" not in kind:
                raise LookupError(f"附件类别 {kind} 不存在（可用：{'、'.join(sorted(codes))}）：{text}")
            path, kind = text, OTHER
        if not Path(path).is_file():
            raise LookupError(f"附件文件不存在：{path}")
        found.append(NewAttachment(Path(path), kind, args.caption))
    return found


def _decide(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import workflow as rules
    from fieldapp.services.workflow import service

    households, step_code, decision = args.households, args.step, args.decision
    attach = attachments_of(ctx, args)
    if len(households) > 1:
        return _decide_batch(ctx, args, [_household(ctx, h) for h in households], step_code=step_code,
                             decision=decision, attach=attach)
    hid = _household(ctx, households[0])
    made = service.decide(ctx, hid, step_code, decision, args.reason, override=args.override,
                          settle=args.settle, workflow_id=args.workflow, meeting_id=args.meeting, attach=attach)
    view = made.workflow
    step = view.definition.steps[view.definition.index(made.decision.step)]
    print(f"已{rules.DECISION_WORDS[made.decision.decision]}：{step.code} {step.text()}"
          + (f"（理由：{made.decision.reason}）" if made.decision.reason else ""))
    if made.decision.override:
        print("已越过退出标准：理由与签字一并保留，查看流程时可见")
    if attach:
        print(f"附件 {len(attach)} 个已保存" + ("，包含在签字内容中" if made.signature is not None else ""))
    if made.signature is not None:
        print(f"签字人 {made.signature.person_name}（{made.signature.role_label(ctx.ref)}），"
              f"{made.signature.signed_text}，验证码 {made.signature.code}")
    print(f"流程：{_where(ctx, view)}")
    return 0


def _decide_batch(ctx: Any, args: argparse.Namespace, households: list[str], *, step_code: str, decision: str,
                  attach: list[Any]) -> int:
    """Several households' same step, all or none, under one signature."""
    from fieldapp.domain import workflow as rules
    from fieldapp.services.workflow import batch

    for flag, name in ((args.override, "--override"), (args.settle, "--settle"), (args.workflow, "--workflow")):
        if flag:
            raise LookupError(f"{name} 只用于逐户决定：越过退出标准、处理冲突或指明流程的户请单独决定")
    done = batch.decide_batch(ctx, households, step_code, decision, args.reason, meeting_id=args.meeting,
                              attach=attach)
    first = done.decided[0]
    step = first.workflow.definition.steps[first.workflow.definition.index(step_code)]
    print(f"已{rules.DECISION_WORDS[decision]} {len(done.decided)} 户：{step.code} {step.text()}"
          + (f"（理由：{args.reason.strip()}）" if args.reason.strip() else ""))
    for made in done.decided:
        print(f"  {_names(ctx, made.workflow.household_id)}：{_where(ctx, made.workflow)}")
    if attach:
        print(f"附件 {len(attach)} 个，附在每户的决定上" + ("，包含在签字内容中" if done.signature is not None else ""))
    if done.signature is not None:
        sig = done.signature
        print(f"一个签字覆盖全部 {len(done.decided)} 户的决定：签字人 {sig.person_name}（{sig.role_label(ctx.ref)}），"
              f"{sig.signed_text}，验证码 {sig.code}")
    return 0


def _names(ctx: Any, household_id: str) -> str:
    from fieldapp.services import lookups

    summary = lookups.household_summary(ctx.db, household_id)
    if summary is None:
        return household_id
    return f"{summary.head_name or '—'}（{summary.hh_no or '—'}）"


def _queue(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import queue

    found = queue.waiting(ctx)
    if not found:
        print("没有等待本人决定的农户")
        return 0
    for e in found:
        note = "有冲突的决定，待处理" if e.conflict else (f"{e.earliest.isoformat()} 起可决定" if e.earliest
                                                        else f"{e.waiting}，不能通过")
        print(f"{e.hh_no or e.household_id}\t{e.head_name}\t{e.workflow.definition.text()}\t"
              f"{e.step.code} {e.step.text()}\t{note}")
    print(f"共 {len(found)} 户")
    return 0


def _candidates(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import queue

    if args.monitoring:
        return _monitoring_candidates(ctx)
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


def _monitoring_candidates(ctx: Any) -> int:
    """The workbench's 建议纳入监测 of every village of this laptop (no limit)."""
    from fieldapp.services import workbench

    scope = workbench.Scope(None, tuple(ctx.settings["village_ids"]))
    lines, missing = workbench.monitoring_lines(ctx, scope)
    for year in missing:
        print(f"注意：参考数据中没有 {year} 年的监测线，该年度收入的户未判断", file=sys.stderr)
    found = workbench.monitoring_candidates(ctx, scope, lines, limit=1_000_000).items
    if not found:
        print("没有建议纳入监测的户")
        return 0
    for c in found:
        print(f"{c.hh_no or c.household_id}\t{c.head_name or ''}\t{c.year} 年人均纯收入 "
              f"{c.per_person_income / 100:.2f} 元（监测线 {c.line / 100:.2f} 元）")
    print(f"共 {len(found)} 户；发起监测：fieldapp workflow start monitoring 户编号 "
          "--category 类别 --risk-type 风险类型")
    return 0


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import workflow as rules
    from fieldapp.domain.notice import RESULTS
    from fieldapp.services.workflow import attachments, notices, objections, store

    hid = _household(ctx, args.household)
    views = store.workflows_of(ctx.db, hid, rules.definitions(ctx.ref))
    attached = attachments.of_household(ctx, hid)
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
            _print_attachments(ctx, d, attached.get(d.id, []))
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
            blocked = [o for o in objections.listed(ctx.db, hid) if o.workflow_id == view.id and not o.handled]
            due = notices.pass_from(ctx, view, step)
            when = (f"有 {len(blocked)} 条异议未办结，办结前不能通过" if blocked
                    else f"{due.day.isoformat()} 起可决定" if due.day else f"{due.waiting}，不能通过")
            print(f"  待{_role(ctx, step.role)}决定，{when}")
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


def _print_attachments(ctx: Any, d: Any, attached: list[Any]) -> None:
    """A decision's attachments, then those of the 评议 meeting it rests on."""
    from fieldapp.services.workflow import attachments

    for a in attached:
        print("    " + attachment_line(ctx, a))
    for a in attachments.of_meeting(ctx, d.meeting_id) if d.meeting_id else ():
        print("    评议会议的" + attachment_line(ctx, a))


def attachment_line(ctx: Any, a: Any) -> str:
    """An attachment in one line: its kind, caption, size, whether its file is on this laptop, its checksum."""
    from fieldapp.services.workflow.attachments import kind_label

    here = "" if ctx.photos.has(a.sha256) else "，照片文件尚未同步到本机"
    caption = f"“{a.caption}”" if a.caption else ""
    return f"附件：{kind_label(ctx, a.kind)}{caption}，{a.width}×{a.height}{here}，校验值 {a.sha256[:12]}"


def _signature(ctx: Any, signoff_id: str) -> str:
    from fieldapp.services.workflow import store

    record, problems = store.signature(ctx.db, signoff_id)
    if record is None:
        return "签字未同步到本机"
    many = store.batch_size(record)
    batch = f"（批量决定，一个签字覆盖 {many} 户）" if many > 1 else ""
    return f"已签字{batch}，验证码 {record.code}" + (f"（签名无效：{'；'.join(problems)}）" if problems else "")


def _label(ctx: Any, codes: str, code: str | None) -> str:
    return f"{code} {ctx.ref[codes].label(code)}" if code else "—"


def _role(ctx: Any, role: str) -> str:
    return str(ctx.ref["role"].label(role))
