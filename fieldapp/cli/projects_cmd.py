"""``fieldapp project …``: projects (帮扶项目) and their money.

    fieldapp project add --area 东村 --name N --type industry --unit U [--industry fruit]
                         [--budget superior=50万,local_finance=10万] [--total YUAN] [--start D] [--finish D]
    fieldapp project list [--area A] [--status S]
    fieldapp project show PROJECT
    fieldapp project budget PROJECT --budget CHANNEL=YUAN,… [--total YUAN]
    fieldapp project beneficiary PROJECT HOUSEHOLD --amount YUAN [--note T] | --remove
    fieldapp project status PROJECT approve --amount YUAN --date D | start --date D | finish --date D
                                    | withdraw | reopen
    fieldapp project progress PROJECT --date D --percent P [--note T] [--photo FILE …]
    fieldapp project disburse PROJECT --date D --amount YUAN --channel C --to WHOM --voucher NO
    fieldapp project accept PROJECT --date D --members 甲,乙 --findings T (--passed | --failed)
    fieldapp project received HOUSEHOLD        what the household received, by project, channel and year
    fieldapp project funds [--village V | --town T | --district] [--year Y]   涉农资金整合 (cli/project_ledgers_cmd.py)

A project is named by its id, its id's first characters or its exact name; an area by its name or
“乡镇/村”. Amounts are yuan (``5万`` allowed) and stored as fen. A refused change prints every problem
(``错误：…`` one a line) and exits 1: nothing is saved.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.cli import argtypes
from fieldapp.cli.runner import run

OpenCtx = Callable[[argparse.Namespace], Any]


def yuan(text: str) -> int:
    """Yuan as typed (``12.50``, ``5万``, ``1,200``) → fen."""
    from fieldapp.domain.money import MoneyError, yuan_to_fen

    raw = text.strip().replace("，", ",")
    factor = 1
    if raw.endswith("万"):
        raw, factor = raw[:-1], 10000
    try:
        fen = yuan_to_fen(raw)
    except MoneyError:
        fen = None
    if fen is None:
        raise argparse.ArgumentTypeError(f"金额应为元，如 1200、12.50 或 5万：{text}")
    return fen * factor


def budget(text: str) -> dict[str, int]:
    """``channel=yuan,channel=yuan`` → channel → fen."""
    found: dict[str, int] = {}
    for part in (p.strip() for p in text.replace("，", ",").split(",")):
        if not part:
            continue
        channel, sep, amount = part.partition("=")
        if not sep or not channel.strip():
            raise argparse.ArgumentTypeError(f"预算应写成 渠道=金额，逗号分隔（如 superior=50万）：{part}")
        if channel.strip() in found:
            raise argparse.ArgumentTypeError(f"资金渠道 {channel.strip()} 写了两次")
        found[channel.strip()] = yuan(amount)
    return found


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``project`` to the ``fieldapp`` parser."""
    pp = sub.add_parser("project", help="帮扶项目：预算、受益户、状态、进度、资金拨付、验收")
    cmds = pp.add_subparsers(dest="project_command", required=True, metavar="ACTION")

    def add(name: str, help_text: str, command: Callable[[Any, argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = cmds.add_parser(name, help=help_text)
        p.set_defaults(func=lambda a: run(open_ctx, a, _refusing(command)))
        return p

    p = add("add", "新建项目（储备）", _add)
    p.add_argument("--area", required=True, help="所属村或乡镇：名称或“乡镇/村”")
    p.add_argument("--name", required=True)
    p.add_argument("--type", required=True, help="项目类型代码：" + ",".join(_codes("project_type")))
    p.add_argument("--industry", help="产业代码：" + ",".join(_codes("industry")))
    p.add_argument("--unit", required=True, help="实施单位")
    p.add_argument("--budget", type=budget, default={}, help="各资金渠道预算：渠道=元，逗号分隔；渠道："
                   + ",".join(_codes("fund_channel")))
    p.add_argument("--total", type=yuan, help="总预算（元；默认为各渠道之和）")
    p.add_argument("--start", type=argtypes.date, help="计划开工日期")
    p.add_argument("--finish", type=argtypes.date, help="计划完工日期")
    p.add_argument("--note", default="")
    p = add("list", "列出项目", _list)
    p.add_argument("--area", help="村或乡镇（默认全部）")
    p.add_argument("--status", help="状态代码：" + ",".join(_codes("project_status")))
    p = add("show", "显示一个项目的全部情况", _show)
    p.add_argument("project")
    p = add("budget", "修改预算（已批复的项目须有批复权限）", _budget)
    p.add_argument("project")
    p.add_argument("--budget", type=budget, required=True, help="各资金渠道预算：渠道=元，逗号分隔")
    p.add_argument("--total", type=yuan, help="总预算（元；默认为各渠道之和）")
    p = add("beneficiary", "添加或修改受益户及其计划金额，或移除", _beneficiary)
    p.add_argument("project")
    p.add_argument("household", help="户编号或户主姓名")
    p.add_argument("--amount", type=yuan, help="计划金额（元）")
    p.add_argument("--note", default="")
    p.add_argument("--remove", action="store_true", help="移除该受益户")
    p = add("status", "改变项目状态：approve 批复、start 开始实施、finish 完工、withdraw 撤回批复、reopen 返工",
            _status)
    p.add_argument("project")
    p.add_argument("action", choices=["approve", "start", "finish", "withdraw", "reopen"])
    p.add_argument("--amount", type=yuan, help="批复金额（元；approve 必填）")
    p.add_argument("--date", type=argtypes.date, help="批复日期、实际开工或完工日期")
    _register_money(add)


def _register_money(add: Callable[..., argparse.ArgumentParser]) -> None:
    """The sub-commands of a project's course: progress, disbursements, acceptance, what households received."""
    p = add("progress", "报告进度（百分比、说明、照片）", _progress)
    p.add_argument("project")
    p.add_argument("--date", type=argtypes.date, required=True)
    p.add_argument("--percent", type=int, required=True)
    p.add_argument("--note", default="")
    p.add_argument("--photo", type=Path, action="append", default=[], help="照片文件（JPEG/PNG，可重复）")
    p = add("disburse", "登记资金拨付", _disburse)
    p.add_argument("project")
    p.add_argument("--date", type=argtypes.date, required=True)
    p.add_argument("--amount", type=yuan, required=True, help="金额（元）")
    p.add_argument("--channel", required=True, help="资金渠道：" + ",".join(_codes("fund_channel")))
    p.add_argument("--to", required=True, dest="payee", help="拨付对象")
    p.add_argument("--voucher", required=True, help="凭证号")
    p = add("accept", "记录验收并签字", _accept)
    p.add_argument("project")
    p.add_argument("--date", type=argtypes.date, required=True)
    p.add_argument("--members", required=True, help="参加验收的人员，逗号分隔")
    p.add_argument("--findings", required=True, help="验收意见")
    result = p.add_mutually_exclusive_group(required=True)
    result.add_argument("--passed", action="store_true", help="验收合格")
    result.add_argument("--failed", action="store_true", help="验收不合格（项目仍为已完工）")
    p = add("received", "某户从各项目、各资金渠道得到的帮扶及每年合计", _received)
    p.add_argument("household", help="户编号或户主姓名")
    from fieldapp.cli import project_ledgers_cmd

    project_ledgers_cmd.register_project(add)  # funds: 涉农资金整合


def _codes(name: str) -> list[str]:
    from fieldapp.domain.refdata import shipped

    return [c.code for c in shipped()[name].codes]


def _refusing(command: Callable[[Any, argparse.Namespace], int]) -> Callable[[Any, argparse.Namespace], int]:
    """Print a refusal's every problem (one a line) and exit 1."""
    def wrapped(ctx: Any, args: argparse.Namespace) -> int:
        from fieldapp.domain import projects as rules

        try:
            return command(ctx, args)
        except rules.InconsistentProject as exc:
            print("错误：项目数据不一致，未保存：", file=sys.stderr)
            for problem in exc.problems:
                print(f"错误：{problem.message}", file=sys.stderr)
            return 1
        except rules.ProjectError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 1
    return wrapped


def _area(ctx: Any, text: str) -> str:
    from fieldapp.services.targets.areas import area_tree

    found, why = area_tree(ctx.db).find(text)
    if found is None:
        raise LookupError(why)
    return found


def _project(ctx: Any, text: str) -> str:
    from fieldapp.cli.lookup import record_id
    from fieldapp.store.models import Project

    return record_id(ctx, Project.__table__, text, noun="项目", measure="个", listing="fieldapp project list")


def _household(ctx: Any, text: str) -> str:
    from fieldapp.services.printing.common import resolve_household

    return str(resolve_household(ctx, text))


def _yuan(fen: int | None) -> str:
    from fieldapp.domain.projects import yuan as words

    return "—" if fen is None else words(fen)


def _add(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import service

    draft = service.ProjectDraft(area_id=_area(ctx, args.area), name=args.name, type=args.type, unit=args.unit,
                                 budget=args.budget, budget_total=args.total, industry=args.industry,
                                 planned_start=args.start, planned_end=args.finish, note=args.note)
    project_id = service.create(ctx, draft)
    print(f"已新建项目“{args.name.strip()}”（{project_id}），状态：储备")
    return 0


def _list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import records

    if args.status is not None and args.status not in ctx.ref["project_status"]:
        raise LookupError(f"项目状态“{args.status}”不存在（可用：{'、'.join(_codes('project_status'))}）")
    areas = [_area(ctx, args.area)] if args.area else None
    found = records.list_projects(ctx.db, areas, args.status)
    if not found:
        print("没有项目")
        return 0
    types, states = ctx.ref["project_type"], ctx.ref["project_status"]
    print("编号\t所属\t名称\t类型\t状态\t总预算\t批复金额\t已拨付")
    for line in found:
        print(f"{line.id[-8:]}\t{line.area_name}\t{line.name}\t{types.label(line.type)}\t{states.label(line.status)}\t"
              f"{_yuan(line.budget_total)}\t{_yuan(line.approved_amount)}\t{_yuan(line.disbursed)}")
    return 0


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import projects as rules
    from fieldapp.services.projects import records

    v = records.get(ctx.db, _project(ctx, args.project))
    ref = ctx.ref
    channel = ref["fund_channel"]
    print(f"项目：{v.name}（{v.id}）")
    print(f"所属：{v.area_name}{'（乡镇项目）' if v.is_town_project else ''}")
    industry = f"，产业：{ref['industry'].label(v.industry)}" if v.industry else ""
    print(f"类型：{ref['project_type'].label(v.type)}{industry}")
    print(f"实施单位：{v.unit}")
    print(f"状态：{ref['project_status'].label(v.status)}")
    print(f"计划：{_day(v.planned_start)} 至 {_day(v.planned_end)}；"
          f"实际：{_day(v.actual_start)} 至 {_day(v.actual_end)}")
    print(f"总预算：{_yuan(v.budget_total)}；批复金额：{_yuan(v.approved_amount)}"
          + (f"（{v.approved_on.isoformat()} 批复）" if v.approved_on else ""))
    paid = {}
    for d in v.disbursements:
        paid[d.channel] = paid.get(d.channel, 0) + d.amount
    for code, amount in sorted(v.budget.items()):
        print(f"  预算 {channel.label(code)}：{_yuan(amount)}，已拨付 {_yuan(paid.get(code, 0))}")
    print(f"已拨付合计：{_yuan(v.disbursed)}")
    if v.beneficiaries:
        total = sum(b.amount for b in v.beneficiaries)
        print(f"受益户 {len(v.beneficiaries)} 户，计划金额合计 {_yuan(total)}：")
        for b in v.beneficiaries:
            note = f"（{b.note}）" if b.note else ""
            print(f"  {b.hh_no or b.household_id[:8]} {b.head or ''}：{_yuan(b.amount)}{note}")
    for p in v.progress:
        photos = f"，照片 {len(p.photo_ids)} 张" if p.photo_ids else ""
        print(f"进度 {p.date.isoformat()}：{p.percent}%{'，' + p.note if p.note else ''}{photos}")
    for d in v.disbursements:
        print(f"拨付 {d.date.isoformat()}：{_yuan(d.amount)}，{channel.label(d.channel)}，拨给 {d.payee}，"
              f"凭证号 {d.voucher_no}")
    for a in v.acceptances:
        print(f"验收 {a.date.isoformat()}：{'合格' if a.passed else '不合格'}；人员：{'、'.join(a.members)}；"
              f"意见：{a.findings}")
        if a.signoff_id:
            from fieldapp.services.signoff import service as signoff

            state = signoff.status(ctx.db, "project_acceptance", a.id)
            print(f"  签字：{_signature_words(state)}")
    found = rules.problems(v.figures(), [c.code for c in channel.codes])
    for problem in found:  # data that arrived inconsistent (another laptop, an old version): said, never hidden
        print(f"注意：{problem.message}")
    return 0


def _signature_words(state: Any) -> str:
    words = {"valid": "有效，内容未变", "changed": "签字后内容已被修改", "invalid": "签名无效", "unsigned": "未签字"}
    text = words.get(getattr(state, "state", ""), str(getattr(state, "state", "")))
    record = getattr(state, "signoff", None)
    if record is not None:
        text += f"（{record.person_name}，{record.signed_text}，验证码 {record.code}）"
    return text


def _day(day: Any) -> str:
    return day.isoformat() if day else "—"


def _budget(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import service

    pid = _project(ctx, args.project)
    service.set_budget(ctx, pid, args.budget, args.total)
    print(f"已修改预算：总预算 {_yuan(args.total if args.total is not None else sum(args.budget.values()))}")
    return 0


def _beneficiary(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import service

    pid, hid = _project(ctx, args.project), _household(ctx, args.household)
    if args.remove:
        service.remove_beneficiary(ctx, pid, hid)
        print("已移除受益户")
        return 0
    if args.amount is None:
        print("错误：请写计划金额（--amount 元），或用 --remove 移除", file=sys.stderr)
        return 1
    service.set_beneficiary(ctx, pid, hid, args.amount, args.note)
    print(f"已登记受益户，计划金额 {_yuan(args.amount)}")
    return 0


def _status(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import projects as rules
    from fieldapp.services.projects import service

    pid = _project(ctx, args.project)
    if args.action == "approve":
        if args.amount is None or args.date is None:
            print("错误：批复须写批复金额（--amount 元）和批复日期（--date）", file=sys.stderr)
            return 1
        service.approve(ctx, pid, args.amount, args.date)
        print(f"已批复，批复金额 {_yuan(args.amount)}")
        return 0
    if args.action in ("start", "finish") and args.date is None:
        print(f"错误：请写{'实际开工' if args.action == 'start' else '实际完工'}日期（--date）", file=sys.stderr)
        return 1
    target = {"start": rules.IN_PROGRESS, "finish": rules.COMPLETED, "withdraw": rules.PLANNED,
              "reopen": rules.IN_PROGRESS}[args.action]
    service.change_status(ctx, pid, target, actual_start=args.date if args.action == "start" else None,
                          actual_end=args.date if args.action == "finish" else None)
    print(f"项目状态已改为：{ctx.ref['project_status'].label(target)}")
    return 0


def _progress(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import service

    service.record_progress(ctx, _project(ctx, args.project), args.date, args.percent, note=args.note,
                            photos=args.photo)
    print(f"已报告进度 {args.percent}%" + (f"，照片 {len(args.photo)} 张" if args.photo else ""))
    return 0


def _disburse(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import service

    service.disburse(ctx, _project(ctx, args.project), day=args.date, amount=args.amount, channel=args.channel,
                     payee=args.payee, voucher_no=args.voucher)
    print(f"已登记拨付 {_yuan(args.amount)}（凭证号 {args.voucher.strip()}）")
    return 0


def _accept(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import service

    members = [m for m in args.members.replace("，", ",").replace("、", ",").split(",")]
    record = service.accept(ctx, _project(ctx, args.project), day=args.date, members=members,
                            findings=args.findings, passed=args.passed)
    print(f"已记录验收（{'合格，项目已验收' if args.passed else '不合格'}）并签字，验证码 {record.code}")
    return 0


def _received(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects import received

    hid = _household(ctx, args.household)
    channel = ctx.ref["fund_channel"]

    def channel_words(code: str | None) -> str:
        return channel.label(code) if code else "未注明渠道"

    lines = received.received(ctx.db, hid)
    if not lines:
        print("该户没有记有金额的帮扶措施")
        return 0
    for r in lines:
        source = f"项目“{r.project_name}”" if r.project_name else "非项目"
        print(f"{_day(r.date)}\t{ctx.ref['measure_type'].label(r.type)}\t{r.content}\t{_yuan(r.amount)}\t"
              f"{channel_words(r.channel)}\t{source}")
    for year in received.totals_by_year(ctx.db, hid):
        parts = "，".join(f"{channel_words(c)} {_yuan(a)}" for c, a in sorted(year.by_channel.items(),
                                                                                 key=lambda kv: kv[0] or "~"))
        print(f"{year.year or '未注明年度'}年合计 {_yuan(year.total)}：{parts}")
    return 0
