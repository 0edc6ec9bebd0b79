"""``fieldapp audit``: the tamper-evident change log and tracing responsibility back (责任倒查).

    fieldapp audit verify
    fieldapp audit trace HOUSEHOLD [--field LABEL] [--out F.pdf] [--full-ids]
    fieldapp audit person NAME --from YYYY-MM-DD --to YYYY-MM-DD [--out F.pdf]

``verify`` checks this device's hash chain (every entry, the head it signed with its key) and every
other device's chain as far as this register holds it. It prints one line per device, then each
break (device, entry number, what differs); exit code 0 when every chain holds, 4 on a break.
``trace`` and ``person`` print tab-separated lines, or write a PDF with ``--out``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from fieldapp.cli import argtypes
from fieldapp.cli.runner import OpenCtx, run

BROKEN = 4


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``audit`` to the ``fieldapp`` parser."""
    p = sub.add_parser("audit", help="审计：校验修改记录是否被篡改；责任倒查：一户或一人的填报、签字、抽查与整改")
    cmds = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = cmds.add_parser("verify", help="校验本机的修改记录链（防篡改），指出断在哪里")
    verify.set_defaults(func=lambda a: _verify(open_ctx, a))
    t = cmds.add_parser("trace", help="一户的责任倒查：谁识别、谁填报了每一项、谁签字、谁抽查、谁整改")
    t.add_argument("household", metavar="HOUSEHOLD", help="户的标识、户编号或公示牌编码")
    t.add_argument("--field", metavar="LABEL", help="只追查这一项（如“联系电话”）的每一次填报")
    t.add_argument("--out", metavar="F.pdf", help="写成 PDF")
    t.add_argument("--full-ids", action="store_true", help="显示完整证件号码（仅限内部核查）")
    t.set_defaults(func=lambda a: run(open_ctx, a, _trace))
    person = cmds.add_parser("person", help="一人在一段时间内填报、签字的内容和抽查发现的问题")
    person.add_argument("person", metavar="NAME", help="人员姓名或标识")
    person.add_argument("--from", dest="start", type=argtypes.date, required=True, metavar="YYYY-MM-DD")
    person.add_argument("--to", dest="end", type=argtypes.date, required=True, metavar="YYYY-MM-DD")
    person.add_argument("--out", metavar="F.pdf", help="写成 PDF")
    person.set_defaults(func=lambda a: _person(open_ctx, a))


def _print_sections(sections: Any) -> None:
    for section in sections:
        print(f"[{section.title}]")
        for row in section.rows:
            print("\t".join(row))
        if not section.rows:
            print(section.empty)
        if section.note:
            print(section.note)


def _trace(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.audit import trace
    from fieldapp.services.printing.common import resolve_household

    household_id = resolve_household(ctx, args.household)
    if args.out:
        from fieldapp.services.printing.trace import render_household_trace

        path = render_household_trace(ctx, household_id, args.out, field_label=args.field, full_ids=args.full_ids)
        print(f"已生成责任倒查表：{path}")
        return 0
    device = ctx.identity.device_id if ctx.identity else ""
    t = trace.household_trace(ctx.db, ctx.ref, household_id, field_label=args.field, own_device=device,
                              masked=not args.full_ids)
    print(f"{t.village} {t.title}")
    print(f"识别\t首次识别时间 {t.identified_on or '（未填）'}\t建档人 {t.identified_by}\t{t.identified_at}")
    for ln in t.field_history:
        print(f"{ln.when}\t{ln.target}\t{ln.field}\t{ln.old} → {ln.new}\t{ln.user}")
    if not args.field:
        for v in t.values:
            print(f"{v.target}\t{v.field}\t{v.value}\t{v.entered_by}\t{v.entered_at}\t填报{v.times_set}次")
    _print_sections(t.sections)
    return 0


def _person(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    if args.end < args.start:
        print("错误：--to 早于 --from", file=sys.stderr)
        return 2
    return run(open_ctx, args, _person_report)


def _person_report(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.audit import trace

    person_id = trace.resolve_person(ctx.db, args.person)
    if args.out:
        from fieldapp.services.printing.trace import render_person_trace

        path = render_person_trace(ctx, person_id, args.start, args.end, args.out)
        print(f"已生成个人填报与核查情况：{path}")
        return 0
    device = ctx.identity.device_id if ctx.identity else ""
    p = trace.person_trace(ctx.db, ctx.ref, person_id, args.start, args.end, own_device=device)
    print(f"{p.name}（{p.roles}）{args.start.isoformat()} 至 {args.end.isoformat()}："
          f"填报 {len(p.entered)} 项，涉及 {p.households} 户")
    for ln in p.entered:
        print(f"{ln.when}\t{ln.target}\t{ln.field}\t{ln.old} → {ln.new}")
    _print_sections(p.sections)
    return 0


def _verify(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.services.audit import chain

    ctx = open_ctx(args)
    try:
        ctx.require("audit.verify")
        ident = ctx.identity
        report = chain.verify(ctx.db, ident.device_id if ident else None,
                              ident.public_signing() if ident else None)
    finally:
        ctx.close()
    for o in report.origins:
        who = "本机" if o.own else "设备"
        head = f"签名链头到第 {o.head_seq} 条" if o.head_seq else "无签名链头"
        unchecked = "未核对签名（无该设备公钥）" if o.head_seq else ""
        sig = {True: "签名有效", False: "签名无效", None: unchecked}[o.signature]
        state = "正常" if not o.breaks else f"断裂 {len(o.breaks)} 处"
        parts = [f"{o.entries} 条（第 {o.first}–{o.last} 条）", head, sig, state]
        print(f"{who} {o.origin}：" + "，".join(p for p in parts if p))
    for found in report.breaks:
        print(f"断裂：{found.describe()}", file=sys.stderr)
    if report.ok:
        print(f"修改记录链完好：共校验 {report.entries} 条")
        return 0
    print(f"修改记录链断裂：{len(report.breaks)} 处（见上）", file=sys.stderr)
    return BROKEN
