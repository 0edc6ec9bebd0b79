"""``fieldapp targets …`` and ``fieldapp village …``: annual targets (挂图作战) and a village's yearly record.

    fieldapp targets import FILE.xlsx [--dry-run]     the district's targets (all rows or none)
    fieldapp targets list [--year Y] [--area A]       targets, with the incidence of each area
    fieldapp targets template --out F.xlsx --year Y   the import's workbook, current values filled in
    fieldapp village show [--village V] [--year Y]    the record, computed vs official incidence, judgement
    fieldapp village set [--village V] --year Y [--poor yes|no] [--out-year Y|none] [--population N]
                         [--official P|none] [--income YUAN|none] [--met CODE,…] [--unmet CODE,…] [--note T]

An area is named by its 区划代码, its name or a name path (“北宽坪镇/东村”); ``--village`` may be left out
on a laptop with one village. ``targets import`` exits 0 when every row was imported (or, with
``--dry-run``, would be), 1 when the file cannot be read or any row is bad: then nothing is imported
and every bad row is listed with its row number.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from fieldapp.cli.runner import run
from fieldapp.domain import targets as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.services.excel.read import SpreadsheetError

OpenCtx = Callable[[argparse.Namespace], Any]


def _year(text: str) -> int:
    if not (text.isdigit() and 2000 <= int(text) <= 2100):
        raise argparse.ArgumentTypeError(f"年度应为2000到2100之间的四位数字：{text}")
    return int(text)


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``targets`` and ``village`` to the ``fieldapp`` parser."""
    tp = sub.add_parser("targets", help="年度目标任务（挂图作战）：导入、列出、导出模板")
    cmds = tp.add_subparsers(dest="targets_command", required=True, metavar="ACTION")
    p = cmds.add_parser("import", help="从 .xlsx 导入目标任务（有错误的行全部列出，整表不导入）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出将新增、修改的目标，不写入")
    p.set_defaults(func=lambda a: run(open_ctx, a, _import))
    p = cmds.add_parser("list", help="列出目标任务")
    p.add_argument("--year", type=_year, help="年度（默认全部）")
    p.add_argument("--area", help="区域：区划代码、名称或“乡镇/村”（默认全部）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _list))
    p = cmds.add_parser("template", help="导出目标任务表（导入用的格式，已有的目标值已填入）")
    p.add_argument("--out", required=True, help="输出 .xlsx 文件")
    p.add_argument("--year", type=_year, default=dt.date.today().year, help="年度（默认今年）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _template))

    vp = sub.add_parser("village", help="村级年度情况：贫困村、摘帽、集体经济收入、退出指标、贫困发生率")
    vcmds = vp.add_subparsers(dest="village_command", required=True, metavar="ACTION")
    p = vcmds.add_parser("show", help="显示村的年度情况、计算与官方贫困发生率及退出判断")
    p.add_argument("--village", help="村名或“乡镇/村”（本机只有一个村时可省略）")
    p.add_argument("--year", type=_year, default=dt.date.today().year, help="年度（默认今年）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _show))
    p = vcmds.add_parser("set", help="填写村的年度情况（只改给出的项目）")
    p.add_argument("--village", help="村名或“乡镇/村”（本机只有一个村时可省略）")
    p.add_argument("--year", type=_year, required=True)
    p.add_argument("--poor", choices=["yes", "no"], help="是否贫困村")
    p.add_argument("--out-year", help="摘帽年份（none 清除）")
    p.add_argument("--population", help="农村人口（none 清除）")
    p.add_argument("--official", help="官方贫困发生率，百分数，如 2.35（none 清除）")
    p.add_argument("--income", help="村集体经济收入（元，可写 5万；none 清除）")
    p.add_argument("--met", default="", help="已达标的指标代码，逗号分隔：" + ",".join(_indicator_codes()))
    p.add_argument("--unmet", default="", help="未达标的指标代码，逗号分隔")
    p.add_argument("--note", help="备注")
    p.set_defaults(func=lambda a: run(open_ctx, a, _set))


def _indicator_codes() -> list[str]:
    from fieldapp.domain.refdata import shipped

    return [c.code for c in shipped()["village_indicator"].codes]


# -------------------------------------------------------------------------------- targets


def _import(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.targets import importing
    from fieldapp.services.targets.areas import area_tree

    try:
        planned = importing.plan(ctx, args.file)
    except SpreadsheetError as exc:
        print(f"错误：{args.file}：{exc}", file=sys.stderr)
        return 1
    tree = area_tree(ctx.db)
    kinds = ctx.ref["target_kind"]
    words = {"new": "新增", "update": "修改", "same": "无变化"}
    for t in planned.targets:
        if t.status == "same":
            continue
        r = t.record
        was = f"（原为 {t.previous}）" if t.previous is not None else ""
        print(f"第 {t.row} 行\t{words[t.status]}\t{tree.path(r.area_id)}\t{r.year}\t"
              f"{rules.kind_label(r.kind, kinds, industries=ctx.ref['industry'])}\t{r.value}{was}")
    for problem in planned.problems:
        print(problem.text(), file=sys.stderr)
    print(("预览（未写入）：" if args.dry_run else "核对结果：") + planned.summary())
    if planned.problems:
        print(f"错误：{len(planned.problems)} 行有错误，未导入任何目标；改正后重新导入", file=sys.stderr)
        return 1
    if not planned.targets:
        print("错误：表中没有填写目标值的行", file=sys.stderr)
        return 1
    if args.dry_run:
        return 0
    written = importing.apply(ctx, planned)
    print(f"已导入：写入 {written} 条目标")
    return 0


def _area(ctx: Any, text: str) -> str:
    from fieldapp.services.targets.areas import area_tree

    found, why = area_tree(ctx.db).find(text)
    if found is None:
        raise LookupError(why)
    return found


def _list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.targets import incidence, records
    from fieldapp.services.targets.areas import area_tree

    tree = area_tree(ctx.db)
    areas = [_area(ctx, args.area)] if args.area else None
    found = records.targets_of(ctx.db, areas, args.year)
    kinds = ctx.ref["target_kind"]
    if not found:
        print("没有目标任务" + (f"（{args.year}年度）" if args.year else ""))
        return 0
    order = {a.id: i for i, a in enumerate(tree.ordered())}
    kind_order = {c.code: i for i, c in enumerate(kinds.codes)}
    found.sort(key=lambda t: (t.year, order.get(t.area_id, len(order)), kind_order.get(t.kind, len(kind_order)),
                              t.kind))
    rates: dict[tuple[str, int], str] = {}
    print("年度\t区域\t目标项目\t目标值\t贫困发生率（本系统计算）")
    for t in found:
        key = (t.area_id, t.year)
        if key not in rates:
            rate = incidence.incidence(ctx.db, ctx.ref, t.area_id, t.year, tree=tree)
            whole = len(rate.villages) == 1 and rate.villages[0] == t.area_id
            held = "" if whole else f"（本机 {len(rate.villages)} 个村）"  # a laptop holds its own villages only
            rates[key] = f"{rate.percent}%{held}" if rate.percent is not None else "—（缺农村人口）"
        unit = rules.kind_unit(t.kind, kinds)
        label = rules.kind_label(t.kind, kinds, industries=ctx.ref["industry"])
        print(f"{t.year}\t{tree.path(t.area_id)}\t{label}\t{t.value}{unit}\t{rates[key]}")
    return 0


def _template(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.targets.template import write_template

    rows = write_template(ctx, Path(args.out), args.year)
    print(f"已导出 {args.year} 年度目标任务表（{rows} 行）：{args.out}")
    return 0


# -------------------------------------------------------------------------------- village


def _village(ctx: Any, text: str | None) -> str:
    from fieldapp.services import setup

    if text:
        found = _area(ctx, text)
        from fieldapp.services.targets.areas import area_tree

        area = area_tree(ctx.db).get(found)
        if area is None or area.level != "village":
            raise LookupError(f"“{text}”不是村")
        return found
    mine = setup.villages(ctx)
    if len(mine) != 1:
        raise LookupError("本机有多个村，请用 --village 指明：" + "、".join(name for _id, name in mine))
    return mine[0][0]


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.money import fen_to_yuan
    from fieldapp.services.targets.incidence import village_exit

    view = village_exit(ctx.db, ctx.ref, _village(ctx, args.village), args.year,
                        district_code=str(ctx.settings["district_code"] or ""))
    r, ind = view.record, ctx.ref["village_indicator"]
    print(f"{view.name} {args.year} 年度" + ("" if r.stored else "（尚未填写）"))
    print(f"贫困村：{'是' if r.poor_village else '否'}" + (f"；摘帽年份：{r.out_year}" if r.out_year else ""))
    print(f"农村人口：{r.rural_population if r.rural_population is not None else '未填'}")
    i = view.incidence
    computed = f"{i.percent}%（贫困人口 {i.poor_people} 人 {i.poor_households} 户 / 农村人口 {i.population}）" \
        if i.percent is not None else f"无法计算：未填农村人口（贫困人口 {i.poor_people} 人）"
    print(f"贫困发生率（本系统计算）：{computed}")
    official = f"{rules.percent_text(r.official_incidence)}%" if r.official_incidence is not None else "未填"
    diff = f"（相差 {view.difference:+} 个百分点）" if view.difference is not None else ""
    print(f"贫困发生率（官方）：{official}{diff}")
    income = f"{fen_to_yuan(r.collective_income)}元" if r.collective_income is not None else "未填"
    print(f"村集体经济收入：{income}")
    print("退出指标：" + "；".join(f"{c.text()}{'✓' if r.indicators.get(c.code) else '✗'}" for c in ind.codes))
    if r.note:
        print(f"备注：{r.note}")
    if view.judgement.met:
        print("退出判断：达到贫困村退出标准")
    else:
        print("退出判断：未达到贫困村退出标准——" + "；".join(rules.describe(s, ind) for s in view.judgement.missing))
    return 0


def _none_or(text: str | None, parse: Callable[[str], Any], current: Any) -> Any:
    if text is None:
        return current
    if text.strip().lower() in ("none", "无", ""):
        return None
    return parse(text)


def _int(name: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.strip().isdigit():
            raise ValidationError({name: f"应为整数：{text}"})
        return int(text)

    return parse


def _percent(text: str) -> Any:
    try:
        return rules.parse_percent(text)
    except ValueError as exc:
        raise ValidationError({"official_incidence": str(exc)}) from None


def _set(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.targets import records

    village = _village(ctx, args.village)
    before = records.village_year(ctx.db, ctx.ref, village, args.year)
    listed = ctx.ref["village_indicator"]
    met = [c.strip() for c in args.met.split(",") if c.strip()]
    unmet = [c.strip() for c in args.unmet.split(",") if c.strip()]
    unknown = [c for c in met + unmet if c not in listed]
    if unknown:
        raise ValidationError({"indicators": f"没有指标 {'、'.join(unknown)}（可用：{'、'.join(_indicator_codes())}）"})
    record = replace(
        before,
        poor_village=before.poor_village if args.poor is None else args.poor == "yes",
        out_year=_none_or(args.out_year, _int("out_year"), before.out_year),
        rural_population=_none_or(args.population, _int("rural_population"), before.rural_population),
        official_incidence=_none_or(args.official, _percent, before.official_incidence),
        collective_income=_none_or(args.income, records.parse_yuan, before.collective_income),
        note=before.note if args.note is None else args.note)
    record = records.with_indicators(record, met, unmet)
    records.save_village_year(ctx, record, before)
    print(f"已保存 {args.year} 年度村级情况")
    return _show(ctx, args)
