"""The project ledgers from the command line: .xlsx, PDF and the integrated-fund view as text.

    fieldapp export projects [--village V | --town T | --district] --out F.xlsx
    fieldapp export funds [--village V | --town T | --district] [--year Y] --out F.xlsx
    fieldapp print projects [--village V | --town T | --district] --out F.pdf
    fieldapp print funds [--village V | --town T | --district] [--year Y] --out F.pdf
    fieldapp project funds [--village V | --town T | --district] [--year Y]      涉农资金整合 (text)

Without a scope the ledgers are of the narrowest area holding everything this laptop holds (a village laptop:
its village; a township laptop: its town; the district server's copy: the district). Registered by
:mod:`fieldapp.cli.excel_cmd`, :mod:`fieldapp.cli.print_cmd` and :mod:`fieldapp.cli.projects_cmd`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from fieldapp.cli.runner import run

OpenCtx = Callable[[argparse.Namespace], Any]


def _scope_arguments(p: argparse.ArgumentParser, *, year: bool) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--village", help="村名或村的标识")
    where.add_argument("--town", help="乡镇名或乡镇的标识")
    where.add_argument("--district", action="store_true", help="全区县（本机所有的村）")
    if year:
        p.add_argument("--year", type=int, help="年度（默认：全部年度）")


def _xlsx(text: str) -> str:
    if not text.lower().endswith(".xlsx"):
        raise argparse.ArgumentTypeError(f"输出文件应以 .xlsx 结尾：{text}")
    return text


def register_export(exp_sub: Any, open_ctx: OpenCtx) -> None:
    """``fieldapp export projects|funds``."""
    p = exp_sub.add_parser("projects", help="项目台账（每个项目的预算、批复、各渠道拨付、受益户、进度；按村汇总）")
    _scope_arguments(p, year=False)
    p.add_argument("--out", required=True, type=_xlsx)
    p.set_defaults(func=lambda a: run(open_ctx, a, _export_projects))
    p = exp_sub.add_parser("funds", help="资金台账（按年度和资金渠道；按村汇总；拨付明细及凭证号）")
    _scope_arguments(p, year=True)
    p.add_argument("--out", required=True, type=_xlsx)
    p.set_defaults(func=lambda a: run(open_ctx, a, _export_funds))


def register_print(pr_sub: Any, open_ctx: OpenCtx) -> None:
    """``fieldapp print projects|funds``."""
    p = pr_sub.add_parser("projects", help="项目台账（PDF，横向 A4）")
    _scope_arguments(p, year=False)
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.set_defaults(func=lambda a: run(open_ctx, a, _print_projects))
    p = pr_sub.add_parser("funds", help="资金台账（PDF，横向 A4）")
    _scope_arguments(p, year=True)
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.set_defaults(func=lambda a: run(open_ctx, a, _print_funds))


def register_project(add: Callable[..., argparse.ArgumentParser]) -> None:
    """``fieldapp project funds`` (``add`` is the project command's own: refusals printed its way)."""
    p = add("funds", "涉农资金整合：各资金渠道到位多少、投向哪里（按项目类型、项目、到户）", _funds)
    _scope_arguments(p, year=True)


def _area(ctx: Any, args: argparse.Namespace) -> Any:
    from fieldapp.domain import charts as ch
    from fieldapp.services.charts import figures

    if args.district:
        return figures.resolve_area(ctx.db, ch.DISTRICT, None)
    if args.town is not None:
        return figures.resolve_area(ctx.db, ch.TOWN, args.town)
    if args.village is not None:
        return figures.resolve_area(ctx.db, ch.VILLAGE, args.village)
    scope = figures.default_scope(ctx.db)
    if scope is None:
        raise LookupError("本机还没有村（先完成设置）")
    return scope


def _export_projects(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.project_ledgers import export_project_ledger

    ledger = export_project_ledger(ctx, _area(ctx, args).area_id, args.out)
    print(f"已导出{ledger.scope.name}项目台账（{ledger.total.projects} 个项目）：{args.out}")
    return 0


def _export_funds(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.project_ledgers import export_fund_ledger

    ledger = export_fund_ledger(ctx, _area(ctx, args).area_id, args.out, year=args.year)
    print(f"已导出{ledger.scope.name}{f'{args.year}年' if args.year else ''}资金台账"
          f"（{len(ledger.disbursements)} 笔拨付）：{args.out}")
    return 0


def _print_projects(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.project_ledgers import render_project_ledger

    ledger = render_project_ledger(ctx, _area(ctx, args).area_id, args.out)
    print(f"已生成{ledger.scope.name}项目台账（{ledger.total.projects} 个项目）：{args.out}")
    return 0


def _print_funds(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.project_ledgers import render_fund_ledger

    ledger = render_fund_ledger(ctx, _area(ctx, args).area_id, args.out, year=args.year)
    print(f"已生成{ledger.scope.name}{f'{args.year}年' if args.year else ''}资金台账"
          f"（{len(ledger.disbursements)} 笔拨付）：{args.out}")
    return 0


def funds_text(ctx: Any, view: Any) -> list[str]:
    """The integrated-fund view as lines of text (amounts in 元, two decimals)."""
    from fieldapp.domain.money import format_yuan
    from fieldapp.services.projects.ledgers import channel_codes, channel_label

    def y(fen: int) -> str:
        return format_yuan(fen)

    def split(by_channel: Any) -> str:
        keys = [c for c in channel_codes(ctx.ref, by_channel) if by_channel.get(c)]
        keys += [None] if by_channel.get(None) else []
        return "，".join(f"{channel_label(ctx.ref, c)} {y(by_channel[c])}" for c in keys) or "—"

    period = f"{view.year}年" if view.year else "全部年度"
    lines = [f"{view.scope.name} 涉农资金整合（{period}，金额单位：元）", "",
             "资金渠道\t预算\t已拨付\t其中到户"]
    channels = channel_codes(ctx.ref, view.budgeted, view.disbursed, [c for c in view.to_households.by_channel if c])
    for c in channels:
        lines.append(f"{channel_label(ctx.ref, c)}\t{y(view.budgeted.get(c, 0))}\t{y(view.disbursed.get(c, 0))}\t"
                     f"{y(view.to_households.by_channel.get(c, 0))}")
    if view.to_households.by_channel.get(None):
        lines.append(f"未注明渠道\t\t\t{y(view.to_households.by_channel[None])}")
    lines.append(f"合计\t{y(sum(view.budgeted.values()))}\t{y(sum(view.disbursed.values()))}\t"
                 f"{y(view.to_households.total)}")
    lines += ["", "投向（已拨付）——按项目类型："]
    lines += [f"  {ctx.ref['project_type'].label(f.key)}\t{y(f.total)}\t{split(f.by_channel)}" for f in view.by_type]
    lines += ["", "投向（已拨付）——按项目："]
    for f in view.by_project:
        home = view.per_project_households.get(f.key)
        lines.append(f"  {f.name}\t{y(f.total)}\t{split(f.by_channel)}" + (f"\t到户 {y(home)}" if home else ""))
    if not view.by_project:
        lines.append("  （没有拨付）")
    lines += ["", f"到户（帮扶措施注明了项目的）：{view.households} 户 {view.measures} 项，合计 "
                  f"{y(view.to_households.total)}：{split(view.to_households.by_channel)}"]
    return lines


def _funds(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects.ledgers import integrated_funds

    view = integrated_funds(ctx.db, _area(ctx, args).area_id, args.year)
    print("\n".join(funds_text(ctx, view)))
    return 0
