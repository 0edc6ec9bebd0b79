"""``fieldapp people list|add|passwd|reset|roles`` and the CLI's login (``--user``, FIELDAPP_USER/FIELDAPP_PASSWORD).

Every command that reads or changes data logs in first once the laptop has accounts: the name
from ``--user`` or ``FIELDAPP_USER``, the password from ``FIELDAPP_PASSWORD`` (scripts, tests) or a
prompt. The permission checks are the services' (the same as the GUI's and sync's).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from fieldapp import paths as paths_mod
from fieldapp.cli.errors import CommandError

#: said after a wrong password: the way back, and what re-enrolling costs, before anyone starts over
FORGOTTEN = ("忘记密码：请本机的队长或管理员用 fieldapp people reset 姓名 重设。"
             "本机没有人能登录时，只能重新加入区县服务器（fieldapp enrol），从区县重新接收所负责的村；"
             "本机尚未同步的修改届时将全部丢失，无法找回。")
ENV_USER = "FIELDAPP_USER"
ENV_PASSWORD = "FIELDAPP_PASSWORD"


def ask_password(prompt: str = "密码：", *, env: bool = True) -> str:
    if env and os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    if not sys.stdin.isatty():
        raise CommandError(f"需要密码：请在终端中运行，或设置环境变量 {ENV_PASSWORD}")
    return getpass.getpass(prompt)


def sign_in(args: argparse.Namespace, data: paths_mod.DataPaths) -> Any:
    """The context opened for the account named by ``--user``/FIELDAPP_USER (the register opened once, by the
    login itself), or None while the laptop has no account."""
    from fieldapp.services.people.auth import LoginError, login_names
    from fieldapp.services.people.auth import sign_in as sign_in_service

    names = login_names(data)
    if not names:
        return None
    name = getattr(args, "user", None) or os.environ.get(ENV_USER)
    if not name:
        raise CommandError(f"请用 --user 指定账户（或设置 {ENV_USER}）；本机账户：{'、'.join(names)}")
    try:
        return sign_in_service(data, name, ask_password(f"{name} 的密码："))
    except LoginError as exc:
        hint = f"。{FORGOTTEN}" if exc.reason in ("wrong_password", "throttled") else ""
        raise CommandError(f"{exc}{hint}") from exc


def register(sub: Any, open_ctx: Any) -> None:
    p = sub.add_parser("people", help="账户与角色：列出、新增、改密码、重设密码、授予角色",
                       description="管理本机账户（需要“管理账户”权限，改自己的密码除外）。")
    cmds = p.add_subparsers(dest="people_command", metavar="ACTION", required=True)

    ls = cmds.add_parser("list", help="列出人员、角色与能否在本机登录")
    ls.set_defaults(func=lambda a: _list(open_ctx(a)))

    add = cmds.add_parser("add", help="新增账户（密码取自 FIELDAPP_NEW_PASSWORD 或提示输入）")
    add.add_argument("name", help="登录名（姓名）")
    add.add_argument("--role", dest="roles", action="append", required=True, metavar="CODE",
                     help="角色代码，可重复：member leader committee township district admin")
    add.add_argument("--cadre", default=None, metavar="NAME", help="对应的干部（姓名）")
    add.add_argument("--village", dest="villages", action="append", metavar="NAME",
                     help="负责的村（默认本机所有村）")
    add.set_defaults(func=lambda a: _add(open_ctx(a), a))

    pw = cmds.add_parser("passwd", help="修改自己的密码（旧密码取自 FIELDAPP_PASSWORD，"
                                        "新密码取自 FIELDAPP_NEW_PASSWORD）")
    pw.set_defaults(func=_passwd)

    reset = cmds.add_parser("reset", help="为忘记密码的人重设密码（队长或管理员）")
    reset.add_argument("name")
    reset.set_defaults(func=lambda a: _reset(open_ctx(a), a))

    roles = cmds.add_parser("roles", help="授予或撤销角色（列出的角色即全部角色）")
    roles.add_argument("name")
    roles.add_argument("--role", dest="roles", action="append", required=True, metavar="CODE")
    roles.add_argument("--village", dest="villages", action="append", metavar="NAME")
    roles.set_defaults(func=lambda a: _roles(open_ctx(a), a))


def _new_password() -> str:
    found = os.environ.get("FIELDAPP_NEW_PASSWORD")
    if found:
        return found
    first = ask_password("新密码：", env=False)
    if ask_password("再输入一次：", env=False) != first:
        raise CommandError("两次输入的密码不一致")
    return first


def _village_ids(ctx: Any, names: list[str] | None) -> list[str]:
    from fieldapp.services.setup import villages

    mine = villages(ctx)
    if not names:
        return [i for i, _n in mine]
    by_name = {n: i for i, n in mine}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise CommandError(f"--village：本机没有村 {'、'.join(unknown)}（可用：{'、'.join(by_name)}）")
    return [by_name[n] for n in names]


def _list(ctx: Any) -> int:
    from fieldapp.domain import people
    from fieldapp.services.people.accounts import list_accounts
    from fieldapp.services.setup import villages

    try:
        names = dict(villages(ctx))
        for a in list_accounts(ctx):
            state = ("" if a.active else "（已停用）") + ("" if a.can_log_in else "（本机不能登录）")
            where = "、".join(names.get(v, v) for v in a.village_ids)
            print(f"{a.name}\t{people.role_labels(a.roles, ctx.ref)}\t{where}{state}")
        return 0
    finally:
        ctx.close()


def _add(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.people.accounts import create_account
    from fieldapp.services.setup import cadres

    try:
        cadre_id = None
        if args.cadre:
            found = [i for i, n in cadres(ctx) if n == args.cadre]
            if not found:
                raise CommandError(f"--cadre：干部名册中没有 {args.cadre}")
            cadre_id = found[0]
        create_account(ctx, args.name, cadre_id, args.roles, _village_ids(ctx, args.villages), _new_password())
        print(f"已新增账户 {args.name}")
        return 0
    finally:
        ctx.close()


def _passwd(args: argparse.Namespace) -> int:
    from fieldapp.services.people.accounts import change_password
    from fieldapp.services.people.auth import LoginError

    data = paths_mod.resolve(args.db, portable=args.portable)
    name = args.user or os.environ.get(ENV_USER)
    if not name:
        raise CommandError(f"请用 --user 指定账户（或设置 {ENV_USER}）")
    old = ask_password("原密码：")
    try:
        change_password(data, name, old, _new_password())
    except LoginError as exc:
        raise CommandError(str(exc)) from exc
    print(f"已修改 {name} 的密码")
    return 0


def _reset(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.people.accounts import reset_password

    try:
        reset_password(ctx, args.name, _new_password())
        print(f"已重设 {args.name} 的密码")
        return 0
    finally:
        ctx.close()


def _roles(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.people.accounts import set_roles

    try:
        set_roles(ctx, args.name, args.roles, _village_ids(ctx, args.villages))
        print(f"已更新 {args.name} 的角色")
        return 0
    finally:
        ctx.close()
