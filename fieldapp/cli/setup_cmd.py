"""``fieldapp setup``: first-start setup without the wizard, for staff who prepare many laptops.

    fieldapp setup --district 商州区 [--district-code 611002] --town 北宽坪镇 --village 东村 --village 西村
                   --cadre 王伟 [--unit 区国土资源局] [--phone 13912345678] [--role member]

It builds the same :class:`fieldapp.services.setup.SetupInfo` the wizard builds and runs the same
:func:`fieldapp.services.setup.run_setup`: the same checks (each problem named with its option),
the same device identity, areas, cadre, thresholds and settings. A laptop already set up is left
alone. Exit codes: 0 set up, 1 refused (the problems on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from fieldapp.domain.errors import ValidationError

# SetupInfo's field → the option that fills it (for messages)
OPTIONS = {"district": "--district", "district_code": "--district-code", "town": "--town",
           "villages": "--village", "cadre_name": "--cadre", "cadre_unit": "--unit", "cadre_phone": "--phone",
           "cadre_role": "--role", "password": "FIELDAPP_NEW_PASSWORD"}


def register(sub: Any, open_ctx: Any) -> None:
    p = sub.add_parser("setup", help="首次使用设置（不用设置向导）：服务区域与使用本机的干部",
                       description="与设置向导做同样的事：创建设备身份、区县/乡镇/村、干部和标准，保存设置。")
    p.add_argument("--district", required=True, metavar="NAME", help="区县名称，如 商州区")
    p.add_argument("--district-code", default="", metavar="CODE", help="区县代码（6位数字，可不填）")
    p.add_argument("--town", required=True, metavar="NAME", help="乡镇名称")
    p.add_argument("--village", dest="villages", action="append", required=True, metavar="NAME",
                   help="村名；可重复，或用逗号分隔多个村")
    p.add_argument("--cadre", required=True, metavar="NAME", help="使用本机的干部姓名")
    p.add_argument("--unit", default="", metavar="UNIT", help="派出单位")
    p.add_argument("--phone", default="", metavar="PHONE", help="电话（手机号11位，或座机如 0914-1234567）")
    p.add_argument("--role", default="member", metavar="CODE",
                   help="角色代码（fieldapp refdata show cadre_role；默认 member）")
    p.set_defaults(func=lambda a: _setup(open_ctx(a), a))


def info_from(args: argparse.Namespace) -> Any:
    """The wizard's :class:`SetupInfo`, from the options."""
    from fieldapp.services.setup import SetupInfo

    villages = [v.strip() for item in args.villages for v in item.replace("，", ",").split(",") if v.strip()]
    return SetupInfo(district=args.district.strip(), town=args.town.strip(), villages=villages,
                     district_code=args.district_code.strip(), cadre_name=args.cadre.strip(),
                     cadre_unit=args.unit.strip(), cadre_phone=args.phone.strip(), cadre_role=args.role.strip())


def _first_password() -> str:
    """The first account's password: FIELDAPP_NEW_PASSWORD, or asked twice at a terminal; empty otherwise."""
    import getpass
    import os

    if os.environ.get("FIELDAPP_NEW_PASSWORD"):
        return os.environ["FIELDAPP_NEW_PASSWORD"]
    if not sys.stdin.isatty():
        return ""
    first = getpass.getpass("第一个账户（本人，队长兼管理员）的密码：")
    if getpass.getpass("再输入一次：") != first:
        print("错误：两次输入的密码不一致", file=sys.stderr)
        raise SystemExit(1)
    return first


def _setup(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.setup import run_setup, villages

    try:
        if ctx.is_set_up:
            names = "、".join(name for _id, name in villages(ctx))
            print(f"错误：本机已完成设置（{ctx.settings['district_name']} {ctx.settings['town_name']}：{names}），"
                  f"未做改动；数据文件夹 {ctx.paths.home}", file=sys.stderr)
            return 1
        info = info_from(args)
        info.password = _first_password()
        if info.cadre_role not in ctx.ref["cadre_role"]:
            codes = "、".join(c.code for c in ctx.ref["cadre_role"].codes)
            print(f"错误：--role {info.cadre_role} 不是角色代码（可用：{codes}）", file=sys.stderr)
            return 1
        try:
            run_setup(ctx, info)
        except ValidationError as exc:
            for field, message in exc.problems.items():
                print(f"错误：{OPTIONS.get(field, field)}：{message}", file=sys.stderr)
            return 1
        names = "、".join(name for _id, name in villages(ctx))
        print(f"已完成设置：{info.district} {info.town}，村 {names}；干部 {info.cadre_name}；"
              f"设备 {ctx.identity.device_id}；数据文件夹 {ctx.paths.home}")
        if info.password:
            print(f"已创建第一个账户：{info.cadre_name}（队长、管理员）；用 --user {info.cadre_name} 登录")
        else:
            print("注意：本机还没有账户（没有输入密码）。请用 fieldapp people add 创建第一个账户，"
                  "在此之前任何人都能使用本机。", file=sys.stderr)
        return 0
    finally:
        ctx.close()
