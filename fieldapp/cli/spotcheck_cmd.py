"""``fieldapp spotcheck …``: spot checks (抽查) from the command line.

    fieldapp spotcheck draw (--village V | --town T) --percent P [--seed S] [--strata village|type]
                            [--role township|district] [--due-days N]
    fieldapp spotcheck list
    fieldapp spotcheck show DRAW [--household H]            items with their ids and findings
    fieldapp spotcheck redraw DRAW                          re-draw from the seed and frame: verify
    fieldapp spotcheck mark ITEM correct|incorrect|clear [--note N] [--photo F]
    fieldapp spotcheck rectifications [--all]               mine (or this laptop's villages')
    fieldapp spotcheck done RECT --note N [--date D]        the cadre: rectified
    fieldapp spotcheck confirm RECT | reopen RECT --note N [--due D]   the reviewer
    fieldapp spotcheck summary [--draw D]… [--out F.pdf]
    fieldapp spotcheck print DRAW [--household H] --out F.pdf

Draws, items and rectifications are named by their id or its first 8 or more characters.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.cli import argtypes
from fieldapp.cli.runner import run
from fieldapp.domain.spotcheck import STATUS_WORDS

OpenCtx = Callable[[argparse.Namespace], Any]
RESULT_WORDS = {"correct": "正确", "incorrect": "不正确", None: "未查"}


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``spotcheck`` and its subcommands to the ``fieldapp`` parser."""
    sp = sub.add_parser("spotcheck", help="抽查：抽取样本、核查、整改与汇总")
    cmds = sp.add_subparsers(dest="spotcheck_command", required=True, metavar="ACTION")

    p = cmds.add_parser("draw", help="随机抽取样本（同一种子与抽样框总是得到同一样本）")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--village", help="村名或村的标识")
    where.add_argument("--town", help="乡镇名或乡镇的标识")
    p.add_argument("--percent", required=True, type=int, help="抽查比例（%%；乡镇不少于20，区县不少于10）")
    p.add_argument("--seed", help="随机种子（默认随机生成并打印）")
    p.add_argument("--strata", choices=["village", "type"], help="分层：village 按村，type 按户类型（兜底户/脱贫户）")
    p.add_argument("--role", choices=["township", "district"], help="以哪个审核角色抽查（默认按账户的角色）")
    p.add_argument("--due-days", type=int, help="整改期限（天，默认按参考数据）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _draw))

    p = cmds.add_parser("list", help="列出本机的抽样")
    p.set_defaults(func=lambda a: run(open_ctx, a, _list))

    p = cmds.add_parser("show", help="列出一次抽样的核查项目及结果")
    p.add_argument("draw", metavar="DRAW")
    p.add_argument("--household", help="只列这一户（标识或户编号）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _show))

    p = cmds.add_parser("redraw", help="按记录的种子与抽样框重新抽取，核对样本未被人为挑选")
    p.add_argument("draw", metavar="DRAW")
    p.set_defaults(func=lambda a: run(open_ctx, a, _redraw))

    p = cmds.add_parser("mark", help="填写一个项目的核查结果")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("result", choices=["correct", "incorrect", "clear"])
    p.add_argument("--note", default="", help="说明（判为不正确时必填：哪里不对、应当如何）")
    p.add_argument("--photo", type=Path, help="照片文件")
    p.set_defaults(func=lambda a: run(open_ctx, a, _mark))

    _register_rectifications(cmds, open_ctx)


def _register_rectifications(cmds: Any, open_ctx: OpenCtx) -> None:
    p = cmds.add_parser("rectifications", help="整改任务：本人的（或本机各村的）")
    p.add_argument("--all", action="store_true", help="包括已确认关闭的")
    p.set_defaults(func=lambda a: run(open_ctx, a, _rectifications))

    p = cmds.add_parser("done", help="报告整改完成（责任干部）")
    p.add_argument("rect", metavar="RECT")
    p.add_argument("--note", required=True, help="整改情况")
    p.add_argument("--date", type=argtypes.date, help="完成日期（默认今天）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _done))

    p = cmds.add_parser("confirm", help="确认整改完成（审核员）")
    p.add_argument("rect", metavar="RECT")
    p.set_defaults(func=lambda a: run(open_ctx, a, _confirm))

    p = cmds.add_parser("reopen", help="退回整改（审核员）")
    p.add_argument("rect", metavar="RECT")
    p.add_argument("--note", required=True, help="退回的原因")
    p.add_argument("--due", type=argtypes.date, help="新的整改期限")
    p.set_defaults(func=lambda a: run(open_ctx, a, _reopen))

    _register_reports(cmds, open_ctx)


def _register_reports(cmds: Any, open_ctx: OpenCtx) -> None:

    p = cmds.add_parser("summary", help="按村、按责任人汇总：检查项数、差错率、按期整改")
    p.add_argument("--draw", action="append", default=[], metavar="DRAW", help="只统计这些抽样（可重复）")
    p.add_argument("--out", help="输出 PDF 文件")
    p.set_defaults(func=lambda a: run(open_ctx, a, _summary))

    p = cmds.add_parser("print", help="打印入户抽查核查表（纸质核查后再录入）")
    p.add_argument("draw", metavar="DRAW")
    p.add_argument("--household", help="只打印这一户（标识或户编号）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=lambda a: run(open_ctx, a, _print))


def _town(ctx: Any, text: str) -> str:
    with ctx.db.read() as conn:
        found = conn.exec_driver_sql("SELECT id, name FROM area WHERE level = 'town' AND deleted = 0").all()
    hits = [r[0] for r in found if text.strip() in (r[0], r[1])]
    if len(hits) != 1:
        raise LookupError(f"没有乡镇“{text}”。本机的乡镇：{'、'.join(r[1] for r in found) or '（无）'}"
                          if not hits else f"有多个乡镇名为“{text}”，请改用标识")
    return str(hits[0])


def _draw(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.common import resolve_village
    from fieldapp.services.spotcheck import checklist, draw

    level, area = ("village", resolve_village(ctx, args.village)) if args.village else ("town", _town(ctx, args.town))
    result = draw.draw_sample(ctx, level=level, area_id=area, percent=args.percent, seed=args.seed,
                              strata=args.strata or "", role=args.role, due_days=args.due_days)
    d = result.draw
    print(f"抽样 {result.draw_id}")
    print(f"种子：{d.seed}")
    print(f"抽样框：{d.frame_size} 户，校验值 {d.frame_hash}")
    print(f"比例：{d.percent}%（{ctx.ref['role'].label(result.role)}），抽中 {len(d.sample)} 户")
    if result.strata:
        names = checklist.names_for(ctx.db)
        for stratum, (k, n) in d.per_stratum.items():
            label = names.get(stratum) or ctx.ref["household_kind"].label(stratum)
            print(f"  分层 {label}：抽中 {k} 户 / 共 {n} 户")
    for n, h in enumerate(result.households, start=1):
        print(f"{n}\t{h.household_id}\t{h.hh_no or ''}\t{h.head_name or ''}\t{h.items} 项")
    return 0


def _list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.spotcheck import when_text
    from fieldapp.services.spotcheck import checklist

    draws = checklist.list_draws(ctx.db)
    if not draws:
        print("本机没有抽样")
    for d in draws:
        print(f"{d.id}\t{when_text(d.drawn_at)}\t{d.area_name}\t{d.percent}%\t{len(d.sample)}/{d.frame_size} 户\t"
              f"种子 {d.seed}\t{d.drawn_by_name or '—'}\t已查 {d.checked}/{d.items} 项，不正确 {d.incorrect} 项")
    return 0


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.common import resolve_household
    from fieldapp.services.spotcheck import checklist

    info = checklist.get_draw(ctx.db, args.draw)
    household = resolve_household(ctx, args.household) if args.household else None
    names = checklist.names_for(ctx.db)
    for item in checklist.draw_items(ctx.db, info.id, household):
        print(f"{item.id}\t{item.household_id[:8]}\t{item.position}\t{checklist.item_title(ctx.ref, item)}\t"
              f"{checklist.item_text(ctx.ref, item, names)}\t{RESULT_WORDS.get(item.result, item.result)}\t"
              f"{item.note or ''}")
    return 0


def _redraw(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.spotcheck import checklist, draw

    info = checklist.get_draw(ctx.db, args.draw)
    check = draw.verify_draw(ctx, info.id)
    print(f"抽样 {check.draw_id}：种子 {check.seed}，比例 {check.percent}%，抽样框 {check.frame_size} 户")
    print(f"抽样框校验值：记录 {check.recorded_hash}")
    print(f"              重算 {check.computed_hash}")
    print(f"重抽样本 {len(check.redrawn_sample)} 户：")
    for n, hid in enumerate(check.redrawn_sample, start=1):
        print(f"{n}\t{hid}")
    if check.added_since or check.removed_since:
        print(f"说明：抽样之后该范围新增 {check.added_since} 户、减少 {check.removed_since} 户（不影响复核）")
    if check.ok:
        print("复核通过：样本与按种子重抽的结果一致，不是人为挑选")
        return 0
    for problem in check.problems:
        print(f"复核不通过：{problem}", file=sys.stderr)
    return 1


def _find_item(ctx: Any, text: str) -> str:
    wanted = text.strip()
    with ctx.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT id FROM spotcheck_item WHERE id LIKE ? AND deleted = 0 LIMIT 2",
                                    (wanted + "%",)).all() if len(wanted) >= 8 else []
    if len(rows) != 1:
        raise LookupError(f"没有抽查项目“{text}”（fieldapp spotcheck show 列出各项目的标识）" if not rows
                          else f"项目标识 {text} 不唯一，请写全")
    return str(rows[0][0])


def _mark(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.spotcheck import checklist

    result = None if args.result == "clear" else args.result
    outcome = checklist.mark_item(ctx, _find_item(ctx, args.item), result, args.note, photo=args.photo)
    print(f"已记录：{RESULT_WORDS.get(outcome.result, outcome.result)}")
    if outcome.rectification_id:
        rect = _rect_line(ctx, outcome.rectification_id)
        print(f"整改任务 {outcome.rectification_id}：{rect}")
    if outcome.withdrawn:
        print("原有的整改任务已撤回")
    return 0


def _rect_line(ctx: Any, rect_id: str) -> str:
    from fieldapp.services.spotcheck import rectify

    r = rectify.get(ctx.db, rect_id)
    return f"责任人 {r.cadre_name or '（未定）'}，期限 {r.due_date.isoformat()}，{STATUS_WORDS[r.status]}"


def _rectifications(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.spotcheck import rectify

    if ctx.cadre_id and not ctx.allows("rectification.confirm"):
        rows = rectify.rectifications(ctx.db, cadre_id=ctx.cadre_id, open_only=not args.all)
    else:
        rows = rectify.rectifications(ctx.db, village_ids=ctx.settings["village_ids"], open_only=not args.all)
    if not rows:
        print("没有整改任务")
    for r in rows:
        late = "（已逾期）" if r.overdue else ""
        print(f"{r.id}\t{r.due_date.isoformat()}{late}\t{STATUS_WORDS[r.status]}\t{r.village_name}\t"
              f"{r.head_name or ''}\t{ctx.ref['spotcheck_item'].label(r.kind)}\t{r.finding or ''}\t"
              f"{r.cadre_name or '（未定）'}")
    return 0


def _done(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.spotcheck import rectify

    rect = rectify.get(ctx.db, args.rect)
    rectify.report_done(ctx, rect.id, args.note, done_on=args.date)
    print(f"已报告整改完成，等待审核员确认：{rect.id}")
    return 0


def _confirm(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.spotcheck import rectify

    rect = rectify.confirm(ctx, rectify.get(ctx.db, args.rect).id)
    print(f"已确认整改完成：{rect.id}（{'按期' if rect.on_time else '逾期'}）")
    return 0


def _reopen(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.spotcheck import rectify

    rect = rectify.reopen(ctx, rectify.get(ctx.db, args.rect).id, args.note, due_date=args.due)
    print(f"已退回整改（第 {rect.round} 轮），期限 {rect.due_date.isoformat()}：{rect.id}")
    return 0


def _summary(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import spotcheck as sc
    from fieldapp.services.spotcheck import checklist, summary

    draws = tuple(checklist.get_draw(ctx.db, d).id for d in args.draw)
    if args.out:
        from fieldapp.services.printing.spotcheck import render_summary

        print(f"已生成抽查情况汇总：{render_summary(ctx, args.out, draw_ids=draws)}")
        return 0
    result = summary.summary(ctx.db, draws)
    print("\t检查项数\t不正确\t差错率\t整改数\t已确认\t按期整改\t逾期未改")
    for title, lines in (("按村", result.by_village), ("按责任人", result.by_cadre)):
        print(f"[{title}]")
        for line in (*lines, summary.Line("", "合计", result.total)):
            t = line.tally
            print(f"{line.name}\t{t.checked}\t{t.incorrect}\t{sc.percent_text(t.error_rate)}\t{t.rectifications}\t"
                  f"{t.closed}\t{t.closed_on_time}\t{t.open_overdue}")
    return 0


def _print(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.common import resolve_household
    from fieldapp.services.printing.spotcheck import render_checklist
    from fieldapp.services.spotcheck import checklist

    info = checklist.get_draw(ctx.db, args.draw)
    household = resolve_household(ctx, args.household) if args.household else None
    path = render_checklist(ctx, info.id, args.out, household_id=household)
    print(f"已生成入户抽查核查表：{path}")
    return 0
