"""``fieldapp disclosure …``: disclosure notices (资金公示) of projects and of a village's year.

    fieldapp disclosure issue --kind plan|project|completion|subsidy (--village V --year Y | --project P)
                              --contact TEXT [--start D] [--days N] [--out F.pdf]
    fieldapp disclosure list [--village V]
    fieldapp disclosure show NOTICE            its figures and whether the ledger still agrees
    fieldapp disclosure post NOTICE [--on D]
    fieldapp disclosure objection add NOTICE --from WHO --content TEXT [--received D] [--household H]
    fieldapp disclosure objection handle OBJECTION --result upheld|dismissed --handling TEXT [--on D]
    fieldapp disclosure objection list [NOTICE] [--open]

``fieldapp print disclosure …`` issues and prints in one step (or prints an issued one again with --id).
The figures come from the project ledger; a notice is never changed: when the ledger changes after it is
issued, ``show`` and the print say it is out of date. NOTICE and OBJECTION are ids or their last 8+ characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from fieldapp.cli import argtypes
from fieldapp.cli.runner import run

OpenCtx = Callable[[argparse.Namespace], Any]
KINDS = ["plan", "project", "completion", "subsidy"]


def add_scope_options(p: argparse.ArgumentParser) -> None:
    """The options naming what a notice is about and its period (``issue`` and ``print disclosure``)."""
    p.add_argument("--kind", choices=KINDS, help="plan 资金使用计划，project 项目公示，completion 项目完成公告，"
                                                 "subsidy 到户补助公示")
    p.add_argument("--village", help="村名或村的标识（plan、subsidy：与 --year 一起）")
    p.add_argument("--year", type=int, help="年度（plan、subsidy）")
    p.add_argument("--project", help="项目编号或完整名称（project、completion、subsidy）")
    p.add_argument("--contact", help="异议受理的地点、联系人及电话")
    p.add_argument("--start", type=argtypes.date, help="公示开始日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--days", type=int, help="公示天数（默认且至少为 workflows.json 的 disclosure_minimum_days）")


def register(sub: Any, open_ctx: OpenCtx) -> None:
    d = sub.add_parser("disclosure", help="资金公示：资金使用计划、项目公示、项目完成公告、到户补助公示")
    cmds = d.add_subparsers(dest="disclosure_command", required=True, metavar="ACTION")
    p = cmds.add_parser("issue", help="签发资金公示（金额取自项目台账，签字并带验证二维码）")
    add_scope_options(p)
    p.add_argument("--out", help="同时生成 PDF")
    p.set_defaults(func=lambda a: run(open_ctx, a, _issue))
    p = cmds.add_parser("list", help="已签发的资金公示")
    p.add_argument("--village", help="村名或村的标识")
    p.set_defaults(func=lambda a: run(open_ctx, a, _list))
    p = cmds.add_parser("show", help="一份资金公示的金额，及其与现账目是否一致")
    p.add_argument("notice", metavar="NOTICE")
    p.set_defaults(func=lambda a: run(open_ctx, a, _show))
    p = cmds.add_parser("post", help="记录张贴日期")
    p.add_argument("notice", metavar="NOTICE")
    p.add_argument("--on", dest="posted_on", type=argtypes.date, help="张贴日期（默认今天）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _post))
    o = cmds.add_parser("objection", help="公示期间的异议：登记、办理、列表").add_subparsers(
        dest="objection_command", required=True, metavar="ACTION")
    p = o.add_parser("add", help="登记公示期内收到的异议")
    p.add_argument("notice", metavar="NOTICE")
    p.add_argument("--from", dest="from_whom", required=True, help="异议人")
    p.add_argument("--content", required=True, help="异议内容")
    p.add_argument("--received", type=argtypes.date, help="收到日期（默认今天）")
    p.add_argument("--household", help="异议所涉的户（户编号或标识，须在公示上）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _objection_add))
    p = o.add_parser("handle", help="记录异议的办理情况和结果")
    p.add_argument("objection", metavar="OBJECTION")
    p.add_argument("--result", required=True, choices=["upheld", "dismissed"], help="upheld 成立，dismissed 不成立")
    p.add_argument("--handling", required=True, help="办理情况：如何核实、结论")
    p.add_argument("--on", dest="handled_on", type=argtypes.date, help="办结日期（默认今天）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _objection_handle))
    p = o.add_parser("list", help="资金公示的异议")
    p.add_argument("notice", metavar="NOTICE", nargs="?")
    p.add_argument("--open", action="store_true", help="只列未办结的")
    p.set_defaults(func=lambda a: run(open_ctx, a, _objection_list))


def register_print(pr_sub: Any, open_ctx: OpenCtx) -> None:
    """``fieldapp print disclosure``: issue and print in one step, or print an issued notice again."""
    p = pr_sub.add_parser("disclosure", help="资金公示：签发（金额取自项目台账，签字并带验证二维码）并打印")
    add_scope_options(p)
    p.add_argument("--id", dest="notice_id", help="重新打印已签发的资金公示（标识或其末尾至少 8 位）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=lambda a: run(open_ctx, a, _print))


def _print(ctx: Any, args: argparse.Namespace) -> int:
    """Issue (signed, figures from the ledger) and print a disclosure notice, or print an issued one again."""
    from fieldapp.domain.notice import NoticeError
    from fieldapp.services.disclosure import service
    from fieldapp.services.printing.disclosure import render_disclosure
    from fieldapp.services.signoff.keys import NoSigningKey

    try:
        view = service.get(ctx, args.notice_id) if args.notice_id else issue_from_args(ctx, args)
        path = render_disclosure(ctx, view, args.out)
    except (NoticeError, NoSigningKey) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    report_issued(ctx, view, path, again=bool(args.notice_id))
    return 0


def issue_from_args(ctx: Any, args: argparse.Namespace) -> Any:
    """Issue the notice the options name; raises ``DisclosureError``, ``LookupError``, ``NoSigningKey``."""
    from fieldapp.cli.projects_cmd import _project
    from fieldapp.domain.disclosure import DisclosureError
    from fieldapp.services.disclosure import service
    from fieldapp.services.printing.common import resolve_village

    if not args.kind:
        raise DisclosureError("请指明公示类别 --kind plan|project|completion|subsidy")
    if args.project and (args.village or args.year):
        raise DisclosureError("--project 与 --village/--year 只能选一种")
    days = args.days if args.days is not None else service.minimum_days(ctx)
    return service.issue(ctx, args.kind, start=args.start or dt.date.today(), days=days, contact=args.contact or "",
                         project_id=_project(ctx, args.project) if args.project else None,
                         village_id=resolve_village(ctx, args.village) if args.village else None, year=args.year)


def report_issued(ctx: Any, view: Any, path: Any = None, *, again: bool = False) -> None:
    from fieldapp.services.disclosure import service

    word = "重新打印" if again else "已签发"
    print(f"{word}{view.title}（{view.scope}，{view.period_start.isoformat()} 至 {view.period_end.isoformat()}，"
          f"共 {view.days} 天）" + (f"：{path}" if path else ""))
    state = service.standing(ctx, view)
    if not state.holds:
        print(f"警告：{state.text()}", file=sys.stderr)
    if view.posted_on is not None:
        print(f"公示标识 {view.id}；已于 {view.posted_on.isoformat()} 张贴")
    else:
        print(f"公示标识 {view.id}；张贴后记录日期：fieldapp disclosure post {view.id[-8:]} --on YYYY-MM-DD")


def _issue(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.notice import NoticeError
    from fieldapp.services.signoff.keys import NoSigningKey

    try:
        view = issue_from_args(ctx, args)
        path = None
        if args.out:
            from fieldapp.services.printing.disclosure import render_disclosure

            path = render_disclosure(ctx, view, args.out)
    except (NoticeError, NoSigningKey) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    report_issued(ctx, view, path)
    return 0


def _villages(ctx: Any, text: str | None) -> list[str] | None:
    from fieldapp.services.printing.common import resolve_village

    return [resolve_village(ctx, text)] if text else None


def _list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.disclosure import STATUS_WORDS
    from fieldapp.services.disclosure import service

    today = dt.date.today()
    for v in service.listed(ctx, _villages(ctx, args.village)):
        state = service.standing(ctx, v)
        print(f"{v.id}\t{v.title}\t{v.scope}\t{v.period_start.isoformat()} 至 {v.period_end.isoformat()}\t"
              f"{STATUS_WORDS.get(v.status(today), v.status(today))}\t"
              f"{'有效' if state.holds else state.text()}")
    return 0


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.money import format_yuan
    from fieldapp.services.disclosure import service

    v = service.get(ctx, args.notice)
    print(f"{v.title}：{v.scope}")
    print(f"公示期：{v.period_start.isoformat()} 至 {v.period_end.isoformat()}（{v.days} 天）；异议受理：{v.contact}")
    print(f"签发：{v.issued_by_name}；张贴：{v.posted_on.isoformat() if v.posted_on else '未记录'}")
    f = v.figures
    for key, word in (("budget_total", "预算合计"), ("approved_total", "批复合计"), ("approved", "批复金额"),
                      ("beneficiary_total", "到户资金合计"), ("disbursed_total", "拨付合计"), ("total", "补助合计")):
        if f.get(key) is not None:
            print(f"{word}：{format_yuan(f[key])} 元")
    state = service.standing(ctx, v)
    print(state.text())
    for line in state.differences:
        print(f"  {line}")
    for o in service.objections_of(ctx, v.id):
        print(f"  {o.text()}：{'已办结' if o.handled else '未办结'}")
    return 0 if state.holds else 3


def _post(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.notice import NoticeError
    from fieldapp.services.disclosure import service

    try:
        view = service.post(ctx, args.notice, args.posted_on or dt.date.today())
    except NoticeError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已记录张贴：{view.title}（{view.scope}）于 {view.posted_on.isoformat() if view.posted_on else ''}")
    return 0


def _objection_add(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.notice import NoticeError
    from fieldapp.services.disclosure import service
    from fieldapp.services.printing.common import resolve_household

    try:
        made = service.object_to(ctx, args.notice, from_whom=args.from_whom, content=args.content,
                                 received_on=args.received or dt.date.today(),
                                 household_id=resolve_household(ctx, args.household) if args.household else None)
    except NoticeError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已登记{made.text()}；办理后：fieldapp disclosure objection handle {made.id[-8:]} --result … --handling …")
    return 0


def _objection_handle(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.notice import NoticeError
    from fieldapp.services.disclosure import service

    try:
        done = service.handle(ctx, args.objection, result=args.result, handling=args.handling,
                              handled_on=args.handled_on or dt.date.today())
    except NoticeError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已办结{done.text()}")
    return 0


def _objection_list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.notice import RESULTS
    from fieldapp.services.disclosure import service

    notice = service.get(ctx, args.notice).id if args.notice else None
    for o in service.objections_of(ctx, notice, open_only=args.open):
        result = RESULTS.get(o.result or "", "未办结")
        print(f"{o.id}\t{o.received_on.isoformat()}\t{o.from_whom}\t{o.content}\t{result}")
    return 0
