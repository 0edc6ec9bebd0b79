"""``fieldapp print …``: the printed documents from the command line.

    fieldapp print cards [--village V] [--group G] [--paper P] --out cards.pdf
    fieldapp print household ID_OR_HH_NO [--full-ids] [--bank] --out F
    fieldapp print notice --workflow W --step S [--village V] [--start D] [--days N] --contact TEXT --out F
    fieldapp print notice --id NOTICE --out F                 (print an issued notice again)
    fieldapp print notice --households ID,ID… --kind entry|exit --start D --end D --contact TEXT --out F
                                                               (older: a hand-picked list, not signed)
    fieldapp print ledger [--village V] [--group G] [--status CODE] [--attribute CODE] [--search TEXT] --out F
    fieldapp print archive --cadre C (--month YYYY-MM | --year YYYY) --out F
    fieldapp print projects|funds [--village V | --town T | --district] [--year Y] --out F  (cli/project_ledgers_cmd.py)
    fieldapp print charts (--village V | --town T | --district) --size A3|A1 --out F  (挂图作战, cli/charts_cmd.py)
    fieldapp print assets [--area A] [--kind K] [--state S] --out F   (资产台账, cli/assets_cmd.py)
    fieldapp print disclosure --kind plan|project|completion|subsidy (--village V --year Y | --project P)
                              --contact TEXT [--start D] [--days N] --out F   (资金公示, cli/disclosure_cmd.py)
    fieldapp print disclosure --id NOTICE --out F             (print an issued disclosure again)

A village is named by its name or id; a household by its id, its 户编号 or the code
on its card. Services are imported when a command runs (reportlab is not loaded for
other commands).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from fieldapp.cli import argtypes
from fieldapp.cli.runner import run

OpenCtx = Callable[[argparse.Namespace], Any]




def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``print`` and its subcommands to the ``fieldapp`` parser."""
    pr = sub.add_parser("print", help="打印：公示牌、一户一档、公示名单、台账、包扶纪实档案、挂图、"
                                      "项目和资金台账（PDF）")
    pr_sub = pr.add_subparsers(dest="print_command", required=True, metavar="DOCUMENT")

    p = pr_sub.add_parser("cards", help="信息公示牌（门牌），不指定村时打印本机全部村")
    p.add_argument("--village", help="村名或村的标识")
    p.add_argument("--group", type=int, help="组号")
    p.add_argument("--paper", choices=["A4-landscape", "A3-landscape", "A4-2up"], help="纸张（默认按区县设置）")
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.set_defaults(func=lambda a: run(open_ctx, a, _cards))

    p = pr_sub.add_parser("household", help="一户一档")
    p.add_argument("household", metavar="ID_OR_HH_NO", help="户的标识、户编号或公示牌编码")
    p.add_argument("--full-ids", action="store_true", help="显示完整证件号码（仅限内部存档）")
    p.add_argument("--bank", action="store_true",
                   help="显示完整银行账号（敏感信息，仅在发放补贴等确需时使用；--full-ids 不含银行账号）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=lambda a: run(open_ctx, a, _household))

    _register_notice(pr_sub, open_ctx)

    from fieldapp.cli import assets_cmd

    assets_cmd.register_ledger(pr_sub, open_ctx, pdf=True)

    p = pr_sub.add_parser("ledger", help="村台账（可按村、组、状态等筛选）")
    p.add_argument("--village", help="村名或村的标识")
    p.add_argument("--group", type=int)
    p.add_argument("--status", help="脱贫状态代码（fieldapp refdata show exit_status）")
    p.add_argument("--attribute", help="贫困户属性代码")
    p.add_argument("--cause", help="主要致贫原因代码")
    p.add_argument("--search", default="", help="户主姓名、拼音、户编号或证件号码")
    p.add_argument("--sort", default="hh_no", help="排序列（默认户编号）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=lambda a: run(open_ctx, a, _ledger))

    p = pr_sub.add_parser("archive", help="包扶纪实档案（按月或按年）")
    p.add_argument("--cadre", required=True, help="干部姓名或标识")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=argtypes.month, help="YYYY-MM")
    period.add_argument("--year", type=int, help="YYYY")
    p.add_argument("--out", required=True)
    p.set_defaults(func=lambda a: run(open_ctx, a, _archive))

    from fieldapp.cli import charts_cmd, disclosure_cmd

    charts_cmd.register_print(pr_sub, open_ctx)
    from fieldapp.cli import project_ledgers_cmd

    project_ledgers_cmd.register_print(pr_sub, open_ctx)  # projects, funds
    disclosure_cmd.register_print(pr_sub, open_ctx)


def _register_notice(pr_sub: Any, open_ctx: OpenCtx) -> None:
    p = pr_sub.add_parser("notice", help="公示、公告：由流程步骤上的户生成（签字并带验证二维码）")
    p.add_argument("--workflow", choices=["identification", "exit", "return", "monitoring", "risk_elimination"],
                   help="流程（与 --step 一起：签发并打印处于该步骤的户的公示）")
    p.add_argument("--step", help="公示或公告步骤的代码（workflow show 列出）")
    p.add_argument("--village", help="村名或村的标识（处于该步骤的户分属多个村时必填）")
    p.add_argument("--days", type=int, help="公示天数（默认且至少为 workflows.json 的 notice_minimum_days）")
    p.add_argument("--id", dest="notice_id", help="重新打印已签发的公示（标识或其末尾至少 8 位）")
    p.add_argument("--households", help="旧用法：手工列出的户（不签字，不记录张贴），以逗号分隔")
    p.add_argument("--kind", choices=["entry", "exit"], help="旧用法：entry 纳入，exit 退出")
    p.add_argument("--start", type=argtypes.date, help="公示开始日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--end", type=argtypes.date, help="旧用法：公示结束日期 YYYY-MM-DD")
    p.add_argument("--contact", help="异议受理的地点、联系人及电话")
    p.add_argument("--issuer", help="公示单位（默认：村民委员会）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=lambda a: run(open_ctx, a, _notice))


def _cards(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing import cards
    from fieldapp.services.printing.common import resolve_village

    village = resolve_village(ctx, args.village) if args.village else None
    ids = cards.household_ids(ctx, village, args.group)
    if not ids:
        print("没有符合条件的农户，未生成文件", file=sys.stderr)
        return 1

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and (done % 20 == 0 or done == total):
            print(f"\r生成中 {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        result = cards.render_cards(ctx, ids, args.out, progress=progress, paper=args.paper)
    finally:
        if sys.stderr.isatty():
            print(file=sys.stderr)
    for reason in result.skipped:
        print(f"警告：{reason}", file=sys.stderr)
    print(f"已生成 {result.cards} 张公示牌（{result.pages} 页）：{result.path}")
    return 0


def _household(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.common import resolve_household
    from fieldapp.services.printing.household_file import render_household_file

    path = render_household_file(ctx, resolve_household(ctx, args.household), args.out, full_ids=args.full_ids,
                                 bank=args.bank)
    if args.bank:
        print(f"警告：{path} 含完整银行账号，打印件须专人保管，不得张贴或外传", file=sys.stderr)
    if args.full_ids:
        print(f"警告：{path} 含完整证件号码，仅供内部存档，不得公开", file=sys.stderr)
    print(f"已生成一户一档：{path}")
    return 0


def _notice(ctx: Any, args: argparse.Namespace) -> int:
    if args.workflow or args.step or args.notice_id:
        return _workflow_notice(ctx, args)
    missing = [o for o, v in (("--households", args.households), ("--kind", args.kind), ("--start", args.start),
                              ("--end", args.end), ("--contact", args.contact)) if not v]
    if missing:
        print("错误：公示由流程生成：--workflow W --step S --contact …；手工列出户的旧用法还须 "
              + "、".join(missing), file=sys.stderr)
        return 2
    from fieldapp.services.printing.common import resolve_household
    from fieldapp.services.printing.notice import render_notice

    ids = [resolve_household(ctx, t) for t in args.households.replace("，", ",").split(",") if t.strip()]
    path = render_notice(ctx, ids, args.out, kind=args.kind, start=args.start, end=args.end, contact=args.contact,
                         issuer=args.issuer)
    print(f"已生成公示名单（{len(ids)} 户）：{path}")
    print("注意：手工列出的名单不签字、不记录张贴，也不核对户所处的流程；请改用 --workflow W --step S", file=sys.stderr)
    return 0


def _workflow_notice(ctx: Any, args: argparse.Namespace) -> int:
    """Issue (signed) the notice of the households at a workflow's 公示/公告 step and print it, or print
    an issued one again (``--id``)."""
    import datetime as dt

    from fieldapp.domain import workflow as flows
    from fieldapp.domain.notice import NoticeError
    from fieldapp.services.printing.common import resolve_village
    from fieldapp.services.printing.workflow_notice import notice_word, render_workflow_notice
    from fieldapp.services.signoff.keys import NoSigningKey
    from fieldapp.services.workflow import notices

    try:
        if args.notice_id:
            notice = notices.get(ctx, args.notice_id)
        else:
            if not (args.workflow and args.step):
                raise NoticeError("由流程生成公示须同时指明 --workflow 和 --step")
            if args.households or args.kind or args.end:
                raise NoticeError("由流程生成的公示取处于该步骤的户和 --days 天的公示期，"
                                  "不用 --households、--kind、--end")
            days = args.days if args.days is not None else flows.definitions(ctx.ref).notice_minimum_days
            notice = notices.issue(ctx, args.workflow, args.step, start=args.start or dt.date.today(), days=days,
                                   contact=args.contact or "",
                                   village_id=resolve_village(ctx, args.village) if args.village else None)
        path = render_workflow_notice(ctx, notice, args.out)
    except (NoticeError, flows.WorkflowError, NoSigningKey) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    word = notice_word(ctx, notice)
    again = "重新打印" if args.notice_id else "已生成"
    print(f"{again}{word}（{len(notice.household_ids)} 户，{notice.period_start.isoformat()} 至 "
          f"{notice.period_end.isoformat()}，共 {notice.days} 天）：{path}")
    if notice.posted_on is not None:
        print(f"{word}标识 {notice.id}；已于 {notice.posted_on.isoformat()} 张贴"
              + (f"（{notice.posted_by_name}）" if notice.posted_by_name else ""))
    else:
        print(f"{word}标识 {notice.id}；张贴后记录日期：fieldapp workflow notice post {notice.id[-8:]} --on YYYY-MM-DD")
    return 0


def _ledger(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.common import resolve_village
    from fieldapp.services.printing.ledger import render_ledger
    from fieldapp.store.queries import SORT_COLUMNS, HouseholdQuery

    if args.sort not in SORT_COLUMNS:
        print(f"错误：不能按 {args.sort} 排序；可用：{'、'.join(SORT_COLUMNS)}", file=sys.stderr)
        return 2
    filters = {"village_id": resolve_village(ctx, args.village) if args.village else None,
               "group_no": args.group, "exit_status": args.status, "attribute": args.attribute,
               "main_cause": args.cause}
    query = HouseholdQuery(text=args.search, filters={k: v for k, v in filters.items() if v is not None},
                           sort=args.sort)
    count = render_ledger(ctx, query, args.out)
    print(f"已生成台账（{count} 户）：{args.out}")
    return 0


def _archive(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services import lookups
    from fieldapp.services.printing import archive

    year, month = args.month if args.month else (args.year, None)
    path = archive.render_archive(ctx, lookups.resolve_cadre(ctx.db, args.cadre), args.out, year=year, month=month)
    print(f"已生成包扶纪实档案：{path}")
    return 0
