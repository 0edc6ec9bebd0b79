"""``fieldapp import projects``: the project library (项目库) from a spreadsheet.

    fieldapp import projects FILE [--dry-run] [--rejects OUT.xlsx] [--all]
    fieldapp import projects --template OUT.xlsx

Every project is checked before anything is written (:mod:`fieldapp.services.projects.importing`); a project
with any problem is rejected whole and its rows, with the reason of each, go to a rejects workbook: ``--rejects``,
or by default ``FILE的被拒绝行.xlsx`` beside the file (not in a dry run unless ``--rejects`` is given). The other
projects are written in one transaction. Exit codes as ``import households``: 0 all in (or, dry run, all
importable), 1 a file that cannot be used or no valid project, 2 bad usage, 3 some projects rejected.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.cli.runner import run

OpenCtx = Callable[[argparse.Namespace], Any]
NOTHING_VALID, PARTLY_REJECTED = 1, 3
EXIT_CODES = ("退出码：0 全部导入（或预览无误）；1 文件无法使用，或表中没有一个有效项目；2 用法错误；"
              "3 部分项目被拒绝、其余已导入（预览时为“将导入”），被拒绝的行及原因见输出和被拒绝行工作簿")


def _xlsx_path(text: str) -> Path:
    if not text.lower().endswith(".xlsx"):
        raise argparse.ArgumentTypeError(f"输出文件应以 .xlsx 结尾：{text}")
    return Path(text)


def register(imp_sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``projects`` to ``fieldapp import``."""
    p = imp_sub.add_parser("projects", help="导入项目库（按村和项目名称匹配，重复导入不会重复登记）",
                           epilog=EXIT_CODES)
    p.add_argument("file", metavar="FILE", nargs="?", help=".xlsx（项目库表，可另有受益户表）或 .csv 文件")
    p.add_argument("--dry-run", action="store_true", help="只预览：列出将新增、更新、无变化和拒绝的项目，不写入")
    p.add_argument("--rejects", type=_xlsx_path, metavar="OUT.xlsx",
                   help="被拒绝的行（附原因）保存到此工作簿（默认：原文件旁的“…的被拒绝行.xlsx”）")
    p.add_argument("--template", type=_xlsx_path, metavar="OUT.xlsx", help="生成空白导入模板（含填写说明），不导入")
    p.add_argument("--all", action="store_true", help="列出每个项目（默认只列出新增、更新和被拒绝的）")
    p.set_defaults(func=lambda a: _dispatch(open_ctx, a))


def _dispatch(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    if (args.file is None) == (args.template is None):
        print("错误：请给出要导入的文件，或用 --template OUT.xlsx 生成模板（二者选一）", file=sys.stderr)
        return 2
    return run(open_ctx, args, _template if args.template is not None else _import)


def _template(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.projects.import_sheets import write_template

    print(f"已生成项目库导入模板：{write_template(args.template, ctx.ref)}")
    return 0


def default_rejects(path: Path) -> Path:
    return path.with_name(f"{path.stem}的被拒绝行.xlsx")


def _import(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.read import SpreadsheetError
    from fieldapp.services.projects import importing
    from fieldapp.services.projects.import_sheets import write_rejects
    from fieldapp.store.db import StoreEnvironmentError

    try:
        plan = importing.build_plan(ctx, args.file)
    except SpreadsheetError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    for note in plan.notes:
        print(f"说明：{note}")
    for entry in plan.entries:
        if args.all or entry.status != "unchanged":
            place = f"{entry.area} " if entry.area else ""
            print(f"{importing.STATUS_LABELS[entry.status]}\t{entry.where()}\t{place}{entry.name}\t{entry.message}")
    print(("预览（未写入）：" if args.dry_run else "核对结果：") + plan.summary())
    if plan.rejected_rows and (args.rejects is not None or not args.dry_run):
        out = args.rejects or default_rejects(Path(args.file))
        try:
            count = write_rejects(plan.book, plan.rejected, out)
            print(f"被拒绝的 {count} 行及原因已保存到 {out}；改正后可再次导入")
        except StoreEnvironmentError as exc:
            print(f"警告：被拒绝行工作簿未能保存（{exc}）；可用 --rejects 指定其他位置", file=sys.stderr)
    counts = plan.counts()
    if not counts["create"] + counts["update"] + counts["unchanged"]:
        print("错误：表中没有一个有效的项目" + (f"（{counts['rejected']} 个全部被拒绝）" if counts["rejected"]
                                              else "（没有找到项目）") + "，未导入", file=sys.stderr)
        return NOTHING_VALID
    outcome = PARTLY_REJECTED if counts["rejected"] else 0
    if args.dry_run:
        return outcome
    if not plan.saves:
        print("没有需要写入的内容")
    else:
        try:
            importing.apply_plan(ctx, plan)
        except importing.PlanOutdated as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 1
        print(f"已导入：新增 {counts['create']} 个项目，更新 {counts['update']} 个")
    if counts["rejected"]:
        print(f"注意：有 {counts['rejected']} 个项目被拒绝，未导入", file=sys.stderr)
    return outcome
