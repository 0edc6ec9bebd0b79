"""``fieldapp report``: a village's weekly summary (周汇总) or monthly update (月更新), and the roll-up.

    fieldapp report weekly  --village V --period 2026-W49 [--narrative TEXT] [--sign] [--out F.pdf]
    fieldapp report monthly --village V --period 2026-12  [--narrative TEXT] [--sign] [--out F.pdf]
    fieldapp report show    --village V --period P        the stored summary, its signature and history
    fieldapp report rollup  weekly|monthly --period P [--out F.pdf]

``weekly``/``monthly`` generate the summary from the register (``report.write``: the team leader) and
print its figures; ``--sign`` signs it in the same step (``report.sign``). A summary already signed is
generated again only with ``--sign`` (a new signature; the earlier one stays in the history).
``rollup`` lists every village's standing (missing, unsigned, on time, late) and the town and district
totals from the stored summaries; it exits 3 when a village is flagged.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

OpenCtx = Callable[[argparse.Namespace], Any]
FLAGGED = 3


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``report`` to the ``fieldapp`` parser."""
    p = sub.add_parser("report", help="汇总上报：周汇总、月更新、乡镇和区县汇总",
                       description="由登记数据生成本村的周汇总或月更新，队长撰写说明并签字上报。")
    cmds = p.add_subparsers(dest="report_command", metavar="WHAT", required=True)
    for kind, words, example in (("weekly", "周汇总", "2026-W49"), ("monthly", "月更新", "2026-12")):
        k = cmds.add_parser(kind, help=f"生成本村的{words}（可同时签字、打印）")
        k.add_argument("--village", required=True, help="村名或村的标识")
        k.add_argument("--period", required=True, help=f"期间，如 {example}")
        k.add_argument("--narrative", help="情况说明（不写则保留已有的说明）")
        k.add_argument("--sign", action="store_true", help="以本人账户签字上报（队长）")
        k.add_argument("--out", help="打印为 PDF 文件")
        k.set_defaults(func=lambda a, kind=kind: _generate(open_ctx, a, kind))
    s = cmds.add_parser("show", help="已生成的汇总：数据、说明、签字状态和签字历史")
    s.add_argument("--village", required=True, help="村名或村的标识")
    s.add_argument("--period", required=True, help="期间，如 2026-W49 或 2026-12")
    s.add_argument("--out", help="打印为 PDF 文件")
    s.set_defaults(func=lambda a: _show(open_ctx, a))
    r = cmds.add_parser("rollup", help="各村上报情况及乡镇、区县合计（来自各村已上报的汇总）")
    r.add_argument("kind", choices=["weekly", "monthly"])
    r.add_argument("--period", required=True, help="期间，如 2026-W49 或 2026-12")
    r.add_argument("--out", help="打印为 PDF 文件")
    r.set_defaults(func=lambda a: _rollup(open_ctx, a))


def _errors() -> tuple[type[BaseException], ...]:
    from fieldapp.domain.report import ReportError
    from fieldapp.domain.signoff import SignoffError
    from fieldapp.services.signoff.keys import NoSigningKey

    return LookupError, ReportError, SignoffError, NoSigningKey


def _generate(open_ctx: OpenCtx, args: argparse.Namespace, kind: str) -> int:
    from fieldapp.services.printing.common import resolve_village
    from fieldapp.services.report import printing, service

    ctx = open_ctx(args)
    try:
        village = resolve_village(ctx, args.village)
        made = service.generate(ctx, village, args.period, kind=kind, narrative=args.narrative, sign=args.sign)
        _print_view(ctx, made)
        if args.out:
            printing.render_summary(ctx, made, args.out)
            print(f"已打印：{args.out}")
    except _errors() as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    return 0


def _show(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.domain import report as rules
    from fieldapp.services.printing.common import resolve_village
    from fieldapp.services.report import printing, service
    from fieldapp.services.signoff import service as signoff

    ctx = open_ctx(args)
    try:
        village = resolve_village(ctx, args.village)
        period = rules.parse_period(args.period)
        found = service.find(ctx.db, village, period)
        if found is None:
            raise LookupError(f"{period.text} 还没有生成{rules.KIND_WORDS[period.kind]}")
        _print_view(ctx, found)
        for record in service.history(ctx.db, found.id):
            print(f"签字 {record.signed_text} {record.person_name}（{record.role_label(ctx.ref)}）验证码 {record.code}")
        if args.out:
            printing.render_summary(ctx, found, args.out)
            print(f"已打印：{args.out}")
        state = service.status(ctx.db, found.id).state
    except _errors() as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    return 0 if state == signoff.VALID else FLAGGED


def _print_view(ctx: Any, view: Any) -> None:
    from fieldapp.services.report import printing, service
    from fieldapp.services.signoff import service as signoff

    print(view.title)
    for label, value in printing.figure_rows(view.figures):
        print(f"  {label}：{value}")
    for c in view.figures.cadre_days:
        met = {True: "，达标", False: "，未达标", None: ""}[c.met]
        print(f"  在村天数 {c.name}：{c.days}{met}")
    if view.narrative:
        print(f"情况说明：{view.narrative}")
    state = service.status(ctx.db, view.id)
    if state.signoff is None:
        print("状态：未签字（草稿，尚未上报）")
    else:
        words = {signoff.VALID: "已签字上报", signoff.CHANGED: "签字后被改动，须重新签字",
                 signoff.INVALID: "签名无法核验"}[state.state]
        print(f"状态：{words}；签字人 {state.signoff.person_name}，{state.signoff.signed_text}，"
              f"验证码 {state.signoff.code}")


def _rollup(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.domain import report as rules
    from fieldapp.services.report import printing, rollup, service

    ctx = open_ctx(args)
    try:
        period = rules.parse_period(args.period, args.kind)
        up = rollup.rollup(ctx.db, period, rule=service.due_rule(ctx))
        print(f"{rules.KIND_WORDS[period.kind]} {period.words}，上报期限 {up.due.isoformat()}")
        for v in up.villages:
            print(f"  {v.town_name} {v.name}：{'※ ' if v.standing.flagged else ''}{v.standing.words}")
        for t in (*up.towns, *up.districts):
            print(f"{t.name}：{t.totals.reported}/{t.totals.villages} 村已签字上报，未上报 {t.missing}，"
                  f"未签字 {t.unsigned}，迟报 {t.late}；走访 {t.totals.visits} 户次，措施 {t.totals.measures} 项，"
                  f"退出 {t.totals.exited} 户")
        if args.out:
            printing.render_rollup(ctx, up, args.out)
            print(f"已打印：{args.out}")
    except _errors() as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    return FLAGGED if up.flagged else 0
