"""``fieldapp history HOUSEHOLD``: a household's change history (变更记录) in words, newest first.

    fieldapp history ID_OR_HH_NO [--limit N] [--lang zh-Hans|zh-Hant|en] [--full-ids]

One line per field change: time, record, field, old → new, who and on which device.
Sensitive numbers (ID, certificates, bank accounts) are masked unless ``--full-ids``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from fieldapp.domain.refdata import LANGUAGES

OpenCtx = Callable[[argparse.Namespace], Any]


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``history`` to the ``fieldapp`` parser."""
    p = sub.add_parser("history", help="一户的变更记录（谁填报谁负责）")
    p.add_argument("household", metavar="ID_OR_HH_NO", help="户的标识、户编号或公示牌编码")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="只列最近 N 条（默认全部）")
    p.add_argument("--lang", choices=LANGUAGES, default="zh-Hans", help="语言（默认简体中文）")
    p.add_argument("--full-ids", action="store_true", help="显示完整证件号码、银行账号（仅限内部核查）")
    p.set_defaults(func=lambda a: _run(open_ctx, a))


def _run(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.services import history
    from fieldapp.services.printing.common import resolve_household

    ctx = open_ctx(args)
    try:
        household_id = resolve_household(ctx, args.household)
        with ctx.db.read() as conn:
            lines = history.full_household_history(
                conn, ctx.ref, household_id, lang=args.lang, masked=not args.full_ids,
                own_device=ctx.identity.device_id if ctx.identity else "")
    except LookupError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    if args.limit > 0:
        lines = lines[:args.limit]
    left, right = ("（", "）") if args.lang.startswith("zh") else (" (", ")")
    for line in lines:
        change = f"{line.old} → {line.new}" if line.op != "insert" else line.new
        print(f"{line.when}\t{line.target}\t{line.field}\t{change}\t{line.user}{left}{line.device}{right}")
    return 0
