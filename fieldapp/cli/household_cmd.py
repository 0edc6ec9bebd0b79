"""``fieldapp household delete HOUSEHOLD --yes``: delete a household (a tombstone; its history stays).

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
    p = sub.add_parser("household", help="农户：删除（需要“删除农户”权限）")
    cmds = p.add_subparsers(dest="household_command", metavar="ACTION", required=True)
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
