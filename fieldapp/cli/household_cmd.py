"""``fieldapp household list|delete``: the household list, and deleting a household.

``list [TEXT] [--workflow KIND [--step CODE]] [--status CODE] [--limit N]`` prints the households the
list shows (search as in the app: name, pinyin initials, ID number, 户编号), with the exit status and year
derived from the workflows and where each stands (流程/环节); ``--workflow exit --step 04`` keeps the
households whose open exit workflow is at its 公示.

``delete HOUSEHOLD --yes`` deletes a household (a tombstone; its history stays).

Deleting needs the ``household.delete`` permission (the team leader's); the write path checks it,
as for the GUI and sync. Without ``--yes`` nothing is deleted: the command names the household and
asks for ``--yes``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

OpenCtx = Callable[[argparse.Namespace], Any]


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``household`` to the ``fieldapp`` parser."""
    p = sub.add_parser("household", help="农户：列表（可按流程和环节筛选）、删除（需要“删除农户”权限）")
    cmds = p.add_subparsers(dest="household_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help="农户列表：脱贫状态（由流程确定）与所处流程/环节")
    listing.add_argument("text", nargs="?", default="", help="搜索：姓名 / 拼音首字母 / 身份证号 / 户编号")
    listing.add_argument("--workflow", help="只列进行中该流程的户：identification、exit、return、monitoring、"
                                            "risk_elimination")
    listing.add_argument("--step", help="与 --workflow 一起：只列处于该步骤的户（步骤代码，workflow show 列出）")
    listing.add_argument("--status", help="脱贫状态代码（fieldapp refdata show exit_status）")
    listing.add_argument("--limit", type=int, default=200, help="最多列出的户数（默认 200）")
    listing.set_defaults(func=lambda a: _list(open_ctx, a))
    delete = cmds.add_parser("delete", help="删除一户（保留变更记录；需要 --yes 确认）")
    delete.add_argument("household", metavar="ID_OR_HH_NO", help="户的标识、户编号或公示牌编码")
    delete.add_argument("--yes", action="store_true", help="确认删除")
    delete.set_defaults(func=lambda a: _delete(open_ctx, a))


def _delete(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.services import register as register_service
    from fieldapp.services.printing.common import resolve_household

    ctx = open_ctx(args)
    try:
        try:
            household_id = resolve_household(ctx, args.household)
        except LookupError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 1
        hh_no = ctx.db.scalar("SELECT hh_no FROM household WHERE id = :i", i=household_id)
        if not args.yes:
            print(f"将删除户 {hh_no or household_id}（变更记录保留）；确认请加 --yes，未做改动", file=sys.stderr)
            return 1
        register_service.delete_household(ctx.writer, household_id)
    finally:
        ctx.close()
    print(f"已删除户 {hh_no or household_id}")
    return 0


def _list(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.domain import workflow as rules
    from fieldapp.services import browse

    ctx = open_ctx(args)
    try:
        defs = rules.definitions(ctx.ref)
        filters: dict[str, str] = {}
        if args.step and not args.workflow:
            print("错误：--step 须与 --workflow 一起使用（步骤代码在各流程中含义不同）", file=sys.stderr)
            return 1
        if args.workflow:
            try:
                definition = defs.get(args.workflow)
                if args.step:
                    definition.index(args.step)
            except rules.WorkflowError as exc:
                print(f"错误：{exc}", file=sys.stderr)
                return 1
            filters["wf_kind"] = args.workflow
            if args.step:
                filters["wf_step"] = args.step
        if args.status:
            if args.status not in {c.code for c in ctx.ref["exit_status"].codes}:
                codes = "、".join(f"{c.code} {c.text()}" for c in ctx.ref["exit_status"].codes)
                print(f"错误：脱贫状态代码 {args.status} 不存在（可用：{codes}）", file=sys.stderr)
                return 1
            filters["exit_status"] = args.status
        query = browse.HouseholdQuery(text=args.text, filters=filters, sort="hh_no")
        page = browse.household_page(ctx.db, query, limit=max(1, args.limit), count_cap=100_000)
        sources = {rules.SOURCE_WORKFLOW: "由流程确定", rules.SOURCE_IMPORTED: "导入"}
        for r in page.rows:
            status = ctx.ref["exit_status"].label(r["exit_status"]) if r["exit_status"] else "—"
            status += f"（{sources.get(r['status_source'] or '', '—')}）"
            if r["exit_year"]:
                status += f"，{r['exit_year']}年脱贫"
            where = rules.where_text(defs, r["wf_kind"], r["wf_step"], conflict=bool(r["wf_conflict"])) or "—"
            print(f"{r['hh_no'] or r['household_id']}\t{r['head_name'] or '—'}\t{status}\t{where}")
    finally:
        ctx.close()
    shown = min(len(page.rows), page.total or 0)
    more = f"，列出前 {shown} 户" if (page.total or 0) > shown else ""
    print(f"共 {page.total} 户{more}")
    return 0
