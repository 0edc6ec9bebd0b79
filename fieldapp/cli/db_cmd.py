"""``fieldapp db export-plain --out FILE``: an unencrypted copy of the register for support.

Warned on stderr before and after; the service checks the ``export.plain`` permission and audits it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

OpenCtx = Callable[[argparse.Namespace], Any]


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``db`` to the ``fieldapp`` parser."""
    p = sub.add_parser("db", help="数据库维护")
    db_sub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    exp = db_sub.add_parser("export-plain", help="导出未加密的数据库副本（仅供技术支持，需管理员权限）")
    exp.add_argument("--out", required=True, metavar="FILE", help="副本文件（不能已存在）")
    exp.set_defaults(func=lambda a: _export_plain(open_ctx, a))


def _export_plain(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.services import plain_export

    ctx = open_ctx(args)
    try:
        written = plain_export.export_plain(ctx, Path(args.out))
    finally:
        ctx.close()
    print(plain_export.WARNING, file=sys.stderr)
    print(f"已导出未加密副本：{written}")
    return 0
