"""``fieldapp import``, ``fieldapp export``, ``fieldapp check-list``: Excel in and out from the command line.

    fieldapp import households FILE [--dry-run] [--rejects OUT.xlsx] [--village V] [--sheet S] [--all]
    fieldapp import projects FILE [--dry-run] [--rejects OUT.xlsx] [--all] | --template OUT.xlsx
                                                             (:mod:`fieldapp.cli.projects_import_cmd`)
    fieldapp export households --out FILE.xlsx
    fieldapp export ledger [--village V] [--group G] [--status CODE] [--attribute CODE] [--cause CODE]
                           [--search TEXT] --out FILE.xlsx
    fieldapp export archive --cadre C (--month YYYY-MM | --year YYYY) --out FILE.xlsx
    fieldapp export attendance --year YYYY --out FILE.xlsx
    fieldapp export notice --households ID,ID… --kind entry|exit --out FILE.xlsx
    fieldapp export assets [--area A] [--kind K] [--state S] --out FILE.xlsx   (资产台账, cli/assets_cmd.py)
    fieldapp export projects|funds [--village V | --town T | --district] [--year Y] --out FILE.xlsx
    fieldapp check-list FILE --kind dibao|tekun|disability|insurance --out REPORT.xlsx [--pdf REPORT.pdf]

Exit codes: 0 done (mismatches of ``check-list`` are results, listed on stdout), 1 a file that
cannot be used or another user error (the message on stderr), 2 bad usage. ``import`` (with or
without ``--dry-run``) also exits 1 when the file holds no valid household (every one rejected, or
none found), and :data:`PARTLY_REJECTED` (3) when some households were rejected and the others were
(or, in a dry run, would be) imported: a script can tell "all in" from "look at the rejects".
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.cli import argtypes

OpenCtx = Callable[[argparse.Namespace], Any]
SHOWN = 50
NOTHING_VALID = 1  # every household rejected, or none in the file
PARTLY_REJECTED = 3  # some households rejected, the rest imported (or importable, in a dry run)
IMPORT_EXIT_CODES = ("退出码：0 全部导入（或预览无误）；1 文件无法使用，或表中没有一户有效（全部被拒绝或没有农户）；"
                     "2 用法错误；3 部分户被拒绝、其余已导入（预览时为“将导入”），被拒绝的见输出或 --rejects 工作簿")


def _xlsx_path(text: str) -> Path:
    if not text.lower().endswith(".xlsx"):
        raise argparse.ArgumentTypeError(f"输出文件应以 .xlsx 结尾：{text}")
    return Path(text)



def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``import``, ``export`` and ``check-list`` to the ``fieldapp`` parser."""
    _register_import(sub, open_ctx)
    _register_export(sub, open_ctx)
    _register_check_list(sub, open_ctx)


def _register_import(sub: Any, open_ctx: OpenCtx) -> None:
    imp = sub.add_parser("import", help="从 Excel/CSV 导入（国家系统导出的农户成员表、项目库）")
    imp_sub = imp.add_subparsers(dest="import_command", required=True, metavar="WHAT")
    p = imp_sub.add_parser("households", help="导入农户及家庭成员（按户编号和证件号码匹配，重复导入不会重复登记）",
                           epilog=IMPORT_EXIT_CODES)
    p.add_argument("file", metavar="FILE", help=".xlsx 或 .csv 文件")
    p.add_argument("--dry-run", action="store_true", help="只预览：列出将新增、更新、无变化和拒绝的户，不写入")
    p.add_argument("--rejects", type=_xlsx_path, metavar="OUT.xlsx", help="把被拒绝的行（附原因）保存为工作簿")
    p.add_argument("--village", help="表中没有“行政村”列时，新户归入的村（村名或标识）")
    p.add_argument("--sheet", help="工作表名称（默认：第一个能识别表头的工作表）")
    p.add_argument("--all", action="store_true", help="列出每一户（默认只列出被拒绝的和前50个有更新的）")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _import))
    from fieldapp.cli import projects_import_cmd

    projects_import_cmd.register(imp_sub, open_ctx)


def _register_export(sub: Any, open_ctx: OpenCtx) -> None:
    exp = sub.add_parser("export", help="导出为 Excel：农户及成员、村台账、包扶纪实档案、驻村考勤、公示名单、"
                                        "项目和资金台账")
    exp_sub = exp.add_subparsers(dest="export_command", required=True, metavar="WHAT")
    p = exp_sub.add_parser("households", help="农户及家庭成员（与导入格式相同，可再导入）")
    p.add_argument("--out", required=True, type=_xlsx_path)
    p.set_defaults(func=lambda a: _run(open_ctx, a, _export_households))
    p = exp_sub.add_parser("ledger", help="村台账")
    p.add_argument("--village", help="村名或村的标识")
    p.add_argument("--group", type=int)
    p.add_argument("--status", help="脱贫状态代码")
    p.add_argument("--attribute", help="贫困户属性代码")
    p.add_argument("--cause", help="主要致贫原因代码")
    p.add_argument("--search", default="", help="户主姓名、拼音、户编号或证件号码")
    p.add_argument("--out", required=True, type=_xlsx_path)
    p.set_defaults(func=lambda a: _run(open_ctx, a, _export_ledger))
    p = exp_sub.add_parser("archive", help="包扶纪实档案（按月或按年）")
    p.add_argument("--cadre", required=True, help="干部姓名或标识")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=argtypes.month, help="YYYY-MM")
    period.add_argument("--year", type=int, help="YYYY")
    p.add_argument("--out", required=True, type=_xlsx_path)
    p.set_defaults(func=lambda a: _run(open_ctx, a, _export_archive))
    p = exp_sub.add_parser("attendance", help="驻村考勤（每人每月在村天数，单位领导走访次数）")
    p.add_argument("--year", type=int, default=dt.date.today().year)
    p.add_argument("--out", required=True, type=_xlsx_path)
    p.set_defaults(func=lambda a: _run(open_ctx, a, _export_attendance))
    p = exp_sub.add_parser("notice", help="拟纳入/拟退出公示名单")
    p.add_argument("--households", required=True, help="户的标识或户编号，以逗号分隔")
    p.add_argument("--kind", required=True, choices=["entry", "exit"])
    p.add_argument("--out", required=True, type=_xlsx_path)
    p.set_defaults(func=lambda a: _run(open_ctx, a, _export_notice))
    from fieldapp.cli import assets_cmd

    assets_cmd.register_ledger(exp_sub, open_ctx, pdf=False)
    from fieldapp.cli import project_ledgers_cmd

    project_ledgers_cmd.register_export(exp_sub, open_ctx)  # projects, funds


def _register_check_list(sub: Any, open_ctx: OpenCtx) -> None:
    p = sub.add_parser("check-list", help="部门名单比对：低保、特困供养、残疾人、医保参保名单与登记册按证件号码核对")
    p.add_argument("file", metavar="FILE", help="名单 .xlsx 或 .csv（须有证件号码列）")
    p.add_argument("--kind", required=True, choices=["dibao", "tekun", "disability", "insurance"],
                   help="dibao 低保，tekun 特困供养，disability 残疾人，insurance 医保参保")
    p.add_argument("--out", required=True, type=_xlsx_path, metavar="REPORT.xlsx")
    p.add_argument("--pdf", metavar="REPORT.pdf", help="同时生成 PDF 报告（证件号码去标识化）")
    p.set_defaults(func=lambda a: _run(open_ctx, a, _check_list))


def _run(open_ctx: OpenCtx, args: argparse.Namespace, command: Callable[[Any, argparse.Namespace], int]) -> int:
    from fieldapp.services.excel.apply import PlanOutdated
    from fieldapp.services.excel.read import SpreadsheetError

    ctx = open_ctx(args)
    try:
        return command(ctx, args)
    except (KeyError, IndexError):  # bugs, not the user's doing: the traceback is wanted
        raise
    except (SpreadsheetError, PlanOutdated, LookupError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _progress(done: int, total: int, text: str) -> None:
    if sys.stderr.isatty():
        shown = f"{done}/{total}" if total else str(done)
        print(f"\r{text} {shown}    ", end="", file=sys.stderr, flush=True)


def _import(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.apply import apply_plan
    from fieldapp.services.excel.plan import STATUS_LABELS, ImportOptions, build_plan
    from fieldapp.services.excel.rejects import write_rejects
    from fieldapp.services.printing.common import resolve_village

    village = resolve_village(ctx, args.village) if args.village else None
    options = ImportOptions(sheet=args.sheet, default_village=village)
    with build_plan(ctx, args.file, options, progress=_progress) as plan:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        for note in plan.notes:
            print(f"说明：{note}")
        shown = 0
        for entry in plan.entries:
            wanted = args.all or entry.status == "rejected" or (entry.status == "update" and shown < SHOWN)
            if not wanted:
                continue
            shown += entry.status == "update"
            where = f"户编号 {entry.hh_no}" if entry.hh_no else "无户编号"
            head = f"（户主 {entry.head}）" if entry.head else ""
            print(f"{STATUS_LABELS[entry.status]}\t第{entry.rows_text()}行\t{where}{head}\t{entry.message}")
        print(("预览（未写入）：" if args.dry_run else "核对结果：") + plan.summary())
        if args.rejects is not None and plan.rejected_rows:
            count = write_rejects(plan, args.rejects)
            print(f"被拒绝的 {count} 行已保存到 {args.rejects}；改正后可再次导入")
        counts = plan.counts()
        valid = counts["create"] + counts["update"] + counts["unchanged"]
        if not valid:
            print("错误：表中没有一户有效的农户" + (f"（{counts['rejected']} 户全部被拒绝）" if counts["rejected"]
                                                   else "（没有找到农户）") + "，未导入", file=sys.stderr)
            return NOTHING_VALID
        outcome = PARTLY_REJECTED if counts["rejected"] else 0
        if args.dry_run:
            return outcome
        if not plan.has_writes:
            print("没有需要写入的内容")
        else:
            result = apply_plan(ctx, plan, progress=_progress)
            if sys.stderr.isatty():
                print(file=sys.stderr)
            print(result.summary())
        if counts["rejected"]:
            print(f"注意：有 {counts['rejected']} 户被拒绝，未导入", file=sys.stderr)
    return outcome


def _export_households(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.export import export_households

    result = export_households(ctx, args.out, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(result.summary())
    return 0


def _export_ledger(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.ledgers import export_ledger
    from fieldapp.services.printing.common import resolve_village
    from fieldapp.store.queries import HouseholdQuery

    filters = {"village_id": resolve_village(ctx, args.village) if args.village else None,
               "group_no": args.group, "exit_status": args.status, "attribute": args.attribute,
               "main_cause": args.cause}
    query = HouseholdQuery(text=args.search, filters={k: v for k, v in filters.items() if v is not None},
                           sort="hh_no")
    count = export_ledger(ctx, query, args.out)
    print(f"已导出村台账（{count} 户）：{args.out}")
    return 0


def _export_archive(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.ledgers import export_archive
    from fieldapp.services.lookups import resolve_cadre

    year, month = args.month if args.month else (args.year, None)
    path = export_archive(ctx, resolve_cadre(ctx.db, args.cadre), args.out, year=year, month=month)
    print(f"已导出包扶纪实档案：{path}")
    return 0


def _export_attendance(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.ledgers import export_attendance

    path = export_attendance(ctx, args.out, args.year)
    print(f"已导出{args.year}年驻村考勤：{path}")
    return 0


def _export_notice(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.ledgers import export_notice
    from fieldapp.services.printing.common import resolve_household

    ids = [resolve_household(ctx, t) for t in args.households.replace("，", ",").split(",") if t.strip()]
    path = export_notice(ctx, ids, args.out, kind=args.kind)
    print(f"已导出公示名单（{len(ids)} 户）：{path}")
    return 0


def _check_list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.excel.crosscheck import check_list
    from fieldapp.services.excel.report import write_report_pdf, write_report_xlsx

    result = check_list(ctx, args.file, args.kind, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    write_report_xlsx(result, args.out)
    print(f"{result.title}：{result.summary()}")
    print(f"报告：{args.out}")
    if args.pdf:
        from fieldapp.services.printing.fonts import missing_glyphs, missing_message

        with missing_glyphs() as missing:
            write_report_pdf(result, args.pdf)
        print(f"PDF 报告：{args.pdf}")
        if missing:
            print(f"警告：{missing_message(missing)}", file=sys.stderr)
    return 0
