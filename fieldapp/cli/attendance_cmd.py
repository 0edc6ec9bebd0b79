"""``fieldapp attendance``: 在村签到 for oneself, the leader's confirmation of late check-ins, closing a month.

    fieldapp attendance checkin [--date YYYY-MM-DD] [--note TEXT]
    fieldapp attendance late [--all]
    fieldapp attendance confirm CADRE YYYY-MM-DD
    fieldapp attendance month [CADRE] YYYY-MM
    fieldapp attendance close CADRE YYYY-MM
    fieldapp attendance reopen CADRE YYYY-MM --reason TEXT

A check-in is always the logged-in account's own. One entered more than ``late_checkin_days``
(a setting, default 3) after its date is marked 补登 and counts once the team leader confirms it.
The team leader closes a cadre's month by signing it; a closed month takes no change until it is
reopened with a reason, which stays on record.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from fieldapp.cli import argtypes
from fieldapp.cli.runner import OpenCtx, run


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``attendance`` to the ``fieldapp`` parser."""
    p = sub.add_parser("attendance", help="驻村考勤：本人签到、补登确认、月度在村天数、签字关闭月份")
    cmds = p.add_subparsers(dest="attendance_command", metavar="ACTION", required=True)
    c = cmds.add_parser("checkin", help="本人在村签到（只能为自己签到）")
    c.add_argument("--date", type=argtypes.date, default=None, metavar="YYYY-MM-DD", help="日期（默认今天）")
    c.add_argument("--note", default=None, help="备注")
    c.set_defaults(func=lambda a: run(open_ctx, a, _checkin))
    late = cmds.add_parser("late", help="补登的签到（默认只列待确认的）")
    late.add_argument("--all", action="store_true", help="也列已确认的")
    late.set_defaults(func=lambda a: run(open_ctx, a, _late))
    confirm = cmds.add_parser("confirm", help="队长确认他人补登的签到")
    confirm.add_argument("cadre", metavar="CADRE", help="干部姓名或标识")
    confirm.add_argument("date", type=argtypes.date, metavar="YYYY-MM-DD")
    confirm.set_defaults(func=lambda a: run(open_ctx, a, _confirm))
    close = cmds.add_parser("close", help="队长签字关闭某干部某月的考勤")
    close.add_argument("cadre", metavar="CADRE", help="干部姓名或标识")
    close.add_argument("month", type=argtypes.month, metavar="YYYY-MM")
    close.set_defaults(func=lambda a: run(open_ctx, a, _close))
    reopen = cmds.add_parser("reopen", help="说明原因后重新打开已关闭的月份")
    reopen.add_argument("cadre", metavar="CADRE", help="干部姓名或标识")
    reopen.add_argument("month", type=argtypes.month, metavar="YYYY-MM")
    reopen.add_argument("--reason", required=True, help="重新打开的原因（永久保留）")
    reopen.set_defaults(func=lambda a: run(open_ctx, a, _reopen))
    month = cmds.add_parser("month", help="某月的在村天数（默认本人）")
    month.add_argument("args", nargs="+", metavar="[CADRE] YYYY-MM")
    month.set_defaults(func=lambda a: _month_days(open_ctx, a))


def _checkin(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import visits as rules
    from fieldapp.services import attendance

    today = dt.date.today()
    day = args.date or today
    attendance.checkin(ctx, day, note=args.note, today=today)
    late = rules.is_late_checkin(day, today, attendance.late_days(ctx))
    print(f"已签到：{day.isoformat()} 在村" + ("（补登：队长确认后计入在村天数）" if late else ""))
    return 0


def _late(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services import attendance

    with ctx.db.read() as conn:
        rows = attendance.late_checkins(conn, pending_only=not args.all, late_after=attendance.late_days(ctx))
    for r in rows:
        state = "已确认" if r.confirmed else "待确认"
        print(f"{r.name}\t{r.date.isoformat()}\t登记于 {r.entered_on.isoformat()}\t{state}\t{r.note or ''}")
    if not rows:
        print("没有补登的签到" if args.all else "没有待确认的补登签到")
    return 0


def _confirm(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services import attendance, lookups

    attendance.confirm_checkin(ctx, lookups.resolve_cadre(ctx.db, args.cadre), args.date)
    print(f"已确认 {args.cadre} {args.date.isoformat()} 的补登签到")
    return 0


def _close(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.visits import Month
    from fieldapp.services import attendance, lookups

    record = attendance.close_month(ctx, lookups.resolve_cadre(ctx.db, args.cadre), Month(*args.month))
    print(f"已签字关闭 {args.cadre} {args.month[0]}年{args.month[1]}月的考勤；验证码 {record.code}")
    return 0


def _reopen(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.visits import Month
    from fieldapp.services import attendance, lookups

    attendance.reopen_month(ctx, lookups.resolve_cadre(ctx.db, args.cadre), Month(*args.month), args.reason)
    print(f"已重新打开 {args.cadre} {args.month[0]}年{args.month[1]}月的考勤")
    return 0


def _month_days(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    if len(args.args) > 2:
        print("错误：用法 fieldapp attendance month [CADRE] YYYY-MM", file=sys.stderr)
        return 2
    try:
        args.month = argtypes.month(args.args[-1])
    except argparse.ArgumentTypeError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    args.cadre = args.args[0] if len(args.args) == 2 else None
    return run(open_ctx, args, _show_month)


def _show_month(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.visits import Month
    from fieldapp.services import attendance, lookups

    cadre_id = lookups.resolve_cadre(ctx.db, args.cadre) if args.cadre else ctx.cadre_id
    if not cadre_id:
        print("错误：本账户没有对应的干部，请指定干部", file=sys.stderr)
        return 1
    year, month = args.month
    with ctx.db.read() as conn:
        days = attendance.days_of_month(conn, cadre_id, Month(year, month), late_after=attendance.late_days(ctx))
        state = attendance.month_close(conn, cadre_id, Month(year, month))
    for d in days:
        what = [f"走访 {d.visits} 次" if d.visits else "", "签到" if d.checked_in else "",
                "补登待确认（不计入）" if d.pending else ""]
        print(f"{d.date.isoformat()}\t{' '.join(w for w in what if w)}\t{d.note or ''}")
    counted = sum(not d.pending for d in days)
    print(f"{year}年{month}月在村 {counted} 天" + (f"（{state.signed_by} 已签字关闭）" if state.closed else ""))
    for r in state.reopenings:
        when = dt.datetime.fromtimestamp(r.at / 1000).strftime("%Y-%m-%d %H:%M")
        print(f"重新打开\t{when}\t{r.who}\t{r.reason}")
    return 0
