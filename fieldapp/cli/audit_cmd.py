"""``fieldapp audit verify``: check the tamper-evident change log and say exactly where it breaks.

    fieldapp audit verify

Checks this device's hash chain (every entry, the head it signed with its key) and every other
device's chain as far as this register holds it. Prints one line per device, then each break
(device, entry number, what differs). Exit code 0 when every chain holds, 4 on a break.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

OpenCtx = Callable[[argparse.Namespace], Any]
BROKEN = 4


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``audit`` to the ``fieldapp`` parser."""
    p = sub.add_parser("audit", help="审计：校验修改记录是否被篡改")
    commands = p.add_subparsers(dest="audit_command", required=True)
    verify = commands.add_parser("verify", help="校验本机的修改记录链（防篡改），指出断在哪里")
    verify.set_defaults(func=lambda a: _verify(open_ctx, a))


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
