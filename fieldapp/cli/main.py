"""``fieldapp [--db PATH] [--portable] [COMMAND …]``: the desktop app and its commands.

No command starts the GUI (imported lazily, so CLI commands never load Qt).
Exit codes: 0 ok, 1 a user-facing error (message on stderr), 2 bad usage (``import`` adds 3:
some households rejected; ``audit verify`` 4: the change log's chain is broken). Expected failures end
in one line naming the problem and the path, never a traceback: :func:`main` is the one place that
turns them into that line (file-system errors through :mod:`fieldapp.cli.errors`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldapp import __version__, paths
from fieldapp.cli.errors import (
    OUTPUT_FILES,
    OUTPUT_FOLDERS,
    CommandError,
    data_folder_message,
    os_error_message,
    output_problem,
)
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.services.context import NotSetUpError
from fieldapp.services.identity import IdentityError
from fieldapp.services.people.keystore import KeystoreError
from fieldapp.store.db import StoreError

if TYPE_CHECKING:
    from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp", description="驻村帮扶工作台 FieldApp")
    parser.add_argument("--version", action="version", version=f"FieldApp {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在数据文件夹中）")
    parser.add_argument("--portable", action="store_true", help="便携模式：数据保存在程序旁边")
    parser.add_argument("--user", metavar="NAME",
                        help="以哪个账户操作（或环境变量 FIELDAPP_USER）；密码取自 FIELDAPP_PASSWORD 或提示输入")
    parser.add_argument("--self-test", action="store_true",
                        help="自检：在临时文件夹中建库、建户、生成门牌 PDF、读写同步包并启动离屏界面，不动用户数据")
    parser.add_argument("--self-test-cards", type=int, default=0, metavar="N",
                        help="自检时另外批量打印 N 张门牌（1–999，与桌面程序一样由子进程绘制）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="生成演示村数据")
    demo.add_argument("--households", type=int, default=948, help="户数（默认948，仿照讲话中的村）")
    demo.add_argument("--seed", type=int, default=1, help="随机种子：同一种子生成相同数据")
    demo.add_argument("--if-missing", action="store_true", help="数据库已有农户时什么也不做")
    demo.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD",
                      help="演示数据的“今天”：走访、事项等日期以此为准（默认固定日期，保证同一种子数据相同）")
    demo.set_defaults(func=_cmd_demo)

    from fieldapp.cli import setup_cmd

    setup_cmd.register(sub, _open)

    from fieldapp.cli import refdata_cmd

    refdata_cmd.register(sub, _open)

    from fieldapp.cli import print_cmd

    print_cmd.register(sub, _open)

    from fieldapp.cli import sync_cmd

    sync_cmd.register(sub, _open)

    from fieldapp.cli import excel_cmd

    excel_cmd.register(sub, _open)

    from fieldapp.cli import history_cmd

    history_cmd.register(sub, _open)

    from fieldapp.cli import audit_cmd

    audit_cmd.register(sub, _open)

    from fieldapp.cli import household_cmd

    household_cmd.register(sub, _open)

    from fieldapp.cli import db_cmd

    db_cmd.register(sub, _open)

    from fieldapp.cli import people_cmd

    people_cmd.register(sub, _open)

    from fieldapp.cli import attendance_cmd

    attendance_cmd.register(sub, _open)

    from fieldapp.cli import signoff_cmd

    signoff_cmd.register(sub, _open)

    from fieldapp.cli import spotcheck_cmd

    spotcheck_cmd.register(sub, _open)

    from fieldapp.cli import workflow_cmd

    workflow_cmd.register(sub, _open)

    from fieldapp.cli import charts_cmd

    charts_cmd.register(sub, _open)

    from fieldapp.cli import report_cmd

    report_cmd.register(sub, _open)
    from fieldapp.cli import assets_cmd, disclosure_cmd, projects_cmd, targets_cmd

    for command in (targets_cmd, projects_cmd, assets_cmd, disclosure_cmd):
        command.register(sub, _open)

    gui = sub.add_parser("gui", help="启动桌面程序（默认）")
    gui.set_defaults(func=_cmd_gui)
    return parser


def _iso_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None
    if day > dt.date.today():
        raise argparse.ArgumentTypeError(f"日期不能晚于今天：{text}")
    return day


def _open(args: argparse.Namespace, *, login: bool = True) -> AppContext:
    """The context of the account that logs in (``--user``); the program's own before any account exists
    (or with ``login=False``: the demo filling an empty register)."""
    from fieldapp.cli.people_cmd import sign_in
    from fieldapp.services.context import open_context

    data = paths.resolve(args.db, portable=args.portable)
    try:
        signed = sign_in(args, data) if login else None
        return signed if signed is not None else open_context(data)
    except OSError as exc:
        portable = bool(args.portable) or (paths.ENV_HOME not in os.environ and paths.is_portable())
        raise CommandError(data_folder_message(data.home, exc, portable=portable)) from exc


def _cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.domain import people
    from fieldapp.services import demo

    if args.households < 1:
        print("户数必须大于0", file=sys.stderr)
        return 2
    from fieldapp.services.people.auth import login_names
    from fieldapp.services.people.demo import DEMO_PASSWORD, demo_accounts

    if args.if_missing and login_names(paths.resolve(args.db, portable=args.portable)):
        # accounts exist: the laptop is set up and its register is encrypted; adding a demo needs a login
        print("本机已有账户，未生成演示数据")
        return 0
    # the demo sets a new laptop up as the program itself; more households for a laptop with accounts need a login
    ctx = _open(args, login=False)
    try:
        if args.if_missing and demo.has_households(ctx):
            print(f"数据库已有农户，未生成演示数据：{ctx.paths.database}")
            return 0
        if ctx.session is None and login_names(ctx.paths):
            ctx.close()
            ctx = _open(args)

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\r生成中 {done}/{total}", end="", file=sys.stderr, flush=True)

        summary = demo.build_demo(ctx, households=args.households, seed=args.seed, progress=progress,
                                  today=args.today)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(f"已生成演示村：{summary}；数据库 {ctx.paths.database}")
        made = demo_accounts(ctx, args.today)
        if made:
            print(f"演示账户（密码都是 {DEMO_PASSWORD}）：")
            for account in made:
                print(f"  {account.name}\t{people.role_labels(account.roles, ctx.ref)}")
    finally:
        ctx.close()
    if made:  # the first login encrypts the register, photos and device keys: do it now, not on a cadre's laptop
        from fieldapp.services.people.auth import sign_in

        sign_in(ctx.paths, made[0].name, DEMO_PASSWORD).close()
        print("数据库已加密（账户密码解锁）")
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from fieldapp.gui.first import run  # the login first when there are accounts, else the app's set-up

    return run(paths.resolve(args.db, portable=args.portable))


def _check_outputs(args: argparse.Namespace) -> None:
    """Every file or folder the command will write, checked before it does any work."""
    for dest in (*OUTPUT_FILES, *OUTPUT_FOLDERS):
        value = getattr(args, dest, None)
        problem = output_problem(dest, str(value)) if value is not None else None
        if problem:
            raise CommandError(problem)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from fieldapp import selftest

        if not 0 <= args.self_test_cards <= 999:
            parser.error("--self-test-cards 应在 1–999 之间")
        return selftest.run(cards=args.self_test_cards)
    func = getattr(args, "func", _cmd_gui)
    try:
        _check_outputs(args)
        return int(func(args))
    except (StoreError, ValidationError, NotSetUpError, IdentityError, CommandError, PermissionDenied,
            KeystoreError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except OSError as exc:  # an output folder missing, read-only or a file; a full disk
        log.info("command failed: %s", exc)
        print(f"错误：{os_error_message(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
