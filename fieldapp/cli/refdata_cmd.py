"""``fieldapp refdata …`` and ``fieldapp thresholds …``: reference data for administrators.

Code lists are shipped files; ``refdata export`` copies one into the data folder's
override folder to be edited there. Thresholds are synced register rows.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import Any

from fieldapp import resources
from fieldapp.cli.errors import CommandError
from fieldapp.domain.money import format_yuan
from fieldapp.store import filemodes


def register(sub: Any, open_ctx: Any) -> None:
    ref = sub.add_parser("refdata", help="代码表（参考数据）")
    ref_sub = ref.add_subparsers(dest="refdata_command", required=True, metavar="ACTION")
    p = ref_sub.add_parser("list", help="列出全部代码表")
    p.set_defaults(func=lambda a: _list(open_ctx(a)))
    p = ref_sub.add_parser("show", help="显示一个代码表")
    p.add_argument("name")
    p.add_argument("--lang", default="zh-Hans", choices=["zh-Hans", "zh-Hant", "en"])
    p.set_defaults(func=lambda a: _show(open_ctx(a), a.name, a.lang))
    p = ref_sub.add_parser("export", help="复制代码表到覆盖文件夹以便编辑")
    p.add_argument("name")
    p.set_defaults(func=lambda a: _export(open_ctx(a), a.name))

    th = sub.add_parser("thresholds", help="贫困线、退出标准与监测线")
    th_sub = th.add_subparsers(dest="thresholds_command", required=True, metavar="ACTION")
    p = th_sub.add_parser("list", help="列出标准")
    p.add_argument("--kind", choices=["poverty_line", "exit_standard", "monitoring_line"])
    p.set_defaults(func=lambda a: _th_list(open_ctx(a), a.kind))
    p = th_sub.add_parser("set", help="新增或修改一条标准（会同步到各设备）")
    p.add_argument("--kind", required=True, choices=["poverty_line", "exit_standard", "monitoring_line"])
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--area", required=True, help="6位地区代码，全国为000000")
    p.add_argument("--amount", required=True, help="元/人/年")
    p.add_argument("--source", required=True, help="来源文件或通知")
    p.add_argument("--note")
    p.set_defaults(func=lambda a: _th_set(open_ctx(a), a))


def _list(ctx: Any) -> int:
    try:
        for name in ctx.ref.names():
            codes = ctx.ref[name]
            overridden = (ctx.paths.refdata_overrides / "enums" / f"{name}.json").is_file()
            flag = "（已覆盖）" if overridden else ""
            print(f"{name:28} {codes.title['zh-Hans']}{flag}  {len(codes.codes)}项")
    finally:
        ctx.close()
    return 0


def _show(ctx: Any, name: str, lang: str) -> int:
    try:
        if name not in ctx.ref.names():
            print(f"没有名为 {name} 的代码表（fieldapp refdata list 查看全部）", file=sys.stderr)
            return 1
        codes = ctx.ref[name]
        print(f"{codes.title[lang]} — {codes.source}")
        for c in codes.codes:
            extra = f"  （同义：{'、'.join(c.synonyms)}）" if c.synonyms else ""
            print(f"  {c.code:>4}  {c.text(lang)}{extra}")
    finally:
        ctx.close()
    return 0


def _export(ctx: Any, name: str) -> int:
    try:
        ctx.require("settings.edit")  # the override folder changes what this laptop's code tables say
        if name not in ctx.ref.names():
            print(f"没有名为 {name} 的代码表", file=sys.stderr)
            return 1
        target = ctx.paths.refdata_overrides / "enums" / f"{name}.json"
        if target.exists():
            print(f"覆盖文件已存在：{target}")
            return 0
        filemodes.private_dir(target.parent)
        with resources.as_path("refdata", "enums", f"{name}.json") as src:
            shutil.copyfile(src, target)
        filemodes.private_file(target)
        print(f"已复制到 {target}；编辑后重启 FieldApp 生效。代码不可改号，只能新增或修改名称。")
    finally:
        ctx.close()
    return 0


def _th_list(ctx: Any, kind: str | None) -> int:
    from fieldapp.services.thresholds import list_thresholds

    try:
        for t in list_thresholds(ctx.db, kind):
            basis = "（2010年不变价）" if t.price_basis == "2010" else ""
            print(f"{t.kind:16} {t.year} {t.area_code} {format_yuan(t.amount):>10}元{basis}  {t.source or ''}")
    finally:
        ctx.close()
    return 0


def _th_set(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.thresholds import set_threshold

    try:
        if ctx.settings["server_device_id"]:
            # Thresholds, like areas and cadres, are district-owned: the server would refuse this edit.
            raise CommandError("阈值由区县统一维护：本机已登记到区县服务器，在这里修改会在同步时被拒绝，"
                               "所以没有保存。请由区县修改，同步后本机即得到新值。")
        set_threshold(ctx.writer, kind=args.kind, year=args.year, area_code=args.area, amount_yuan=args.amount,
                      source=args.source, note=args.note)
        print(f"已保存：{args.kind} {args.year} {args.area} {args.amount}元")
    finally:
        ctx.close()
    return 0
