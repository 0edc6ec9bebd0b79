"""``fieldapp asset …``: assets (扶贫资产) made by accepted projects, their income and its distribution, their changes.

    fieldapp asset add PROJECT --name N --kind operating|public|household --value YUAN --manager M
                       [--location L] [--owner HOUSEHOLD] [--note T]
    fieldapp asset list [--area A] [--kind K] [--state S] [--project P]
    fieldapp asset show ASSET
    fieldapp asset income ASSET --year Y --amount YUAN [--note T] [--split HOUSEHOLD,…]
    fieldapp asset distribute ASSET --year Y --share HOUSEHOLD=YUAN … [--replace]
    fieldapp asset transfer ASSET --date D --reason R [--owner HOUSEHOLD|collective] [--manager M] [--state S]
    fieldapp asset damage ASSET --date D --reason R [--state damaged|idle]
    fieldapp asset dispose ASSET --date D --reason R
    fieldapp asset household HOUSEHOLD      what the household received from assets' income, per year
    fieldapp print assets [--area A] [--kind K] [--state S] --out F.pdf      资产台账
    fieldapp export assets [--area A] [--kind K] [--state S] --out F.xlsx    资产台账 as a workbook

An asset is named by its id, its id's first characters or its exact name; a project as ``fieldapp project``
names it; a household by its 户编号 or 户主. Amounts are yuan (``5万`` allowed), stored as fen. ``--split``
shares the year's income evenly among the households, to the fen. A refused change prints every problem
(``错误：…`` one a line) and exits 1: nothing is saved. Transfers, damage and disposal are signed by the account
recording them and are never deleted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from fieldapp.cli import argtypes
from fieldapp.cli.projects_cmd import _area, _codes, _day, _household, _project, _signature_words, yuan
from fieldapp.cli.runner import run

OpenCtx = Callable[[argparse.Namespace], Any]


def _share(text: str) -> tuple[str, int]:
    household, sep, amount = text.replace("＝", "=").partition("=")
    if not sep or not household.strip():
        raise argparse.ArgumentTypeError(f"分配应写成 户编号=金额（如 611002000001=1200）：{text}")
    return household.strip(), yuan(amount)


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``asset`` to the ``fieldapp`` parser."""
    pp = sub.add_parser("asset", help="扶贫资产：由验收项目形成的资产、年度收益及分配、移交毁损处置")
    cmds = pp.add_subparsers(dest="asset_command", required=True, metavar="ACTION")

    def add(name: str, help_text: str, command: Callable[[Any, argparse.Namespace], int]) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = cmds.add_parser(name, help=help_text)
        p.set_defaults(func=lambda a: run(open_ctx, a, _refusing(command)))
        return p

    p = add("add", "登记已验收项目形成的资产", _add)
    p.add_argument("project")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, help="资产类别：" + ",".join(_codes("asset_kind")))
    p.add_argument("--value", type=yuan, required=True, help="资产价值（元）")
    p.add_argument("--manager", required=True, help="管护主体")
    p.add_argument("--location", default="", help="坐落位置")
    p.add_argument("--owner", help="产权户（户编号或户主；不写：村集体）")
    p.add_argument("--note", default="")
    p = add("list", "列出资产台账", _list)
    p.add_argument("--area", help="村或乡镇（默认全部）")
    p.add_argument("--kind", help="资产类别：" + ",".join(_codes("asset_kind")))
    p.add_argument("--state", help="资产状态：" + ",".join(_codes("asset_state")))
    p.add_argument("--project", help="只列出该项目的资产")
    p = add("show", "显示一项资产：收益、分配、变更", _show)
    p.add_argument("asset")
    p = add("income", "登记一年的收益（可同时平均分配到户）", _income)
    p.add_argument("asset")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--amount", type=yuan, required=True, help="收益（元）")
    p.add_argument("--note", default="")
    p.add_argument("--split", help="把收益平均分配给这些户（户编号或户主，逗号分隔；精确到分，替换当年原有分配）")
    p = add("distribute", "把一年的收益分配到户", _distribute)
    p.add_argument("asset")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--share", type=_share, action="append", required=True, help="户编号=金额（元），可重复")
    p.add_argument("--replace", action="store_true", help="当年的分配就是这些（其余户移出）")
    for name, text in (("transfer", "登记资产移交（产权或管护主体变更）并签字"), ("damage", "登记资产毁损并签字"),
                       ("dispose", "登记资产处置（报废、拍卖、核销）并签字")):
        p = add(name, text, _change)
        p.add_argument("asset")
        p.add_argument("--date", type=argtypes.date, required=True)
        p.add_argument("--reason", required=True)
        if name == "transfer":
            p.add_argument("--owner", help="新产权：户编号或户主，或 collective（村集体）")
            p.add_argument("--manager", help="新管护主体")
        if name != "dispose":
            p.add_argument("--state", help="变更后的状态：" + ",".join(_codes("asset_state")))
    p = add("household", "某户从资产收益中分到的金额及每年合计", _household_shares)
    p.add_argument("household", help="户编号或户主姓名")


def register_ledger(sub: Any, open_ctx: OpenCtx, *, pdf: bool) -> None:
    """Add ``assets`` to ``fieldapp print`` (``pdf``) or ``fieldapp export`` (.xlsx): the 资产台账."""
    p = sub.add_parser("assets", help="资产台账（资产、收益及分配、变更）" + ("" if pdf else "，.xlsx"))
    p.add_argument("--area", help="村或乡镇（默认全部）")
    p.add_argument("--kind", help="资产类别：" + ",".join(_codes("asset_kind")))
    p.add_argument("--state", help="资产状态：" + ",".join(_codes("asset_state")))
    p.add_argument("--out", required=True, help="输出文件（" + (".pdf" if pdf else ".xlsx") + "）")
    p.set_defaults(func=lambda a: run(open_ctx, a, _ledger_pdf if pdf else _ledger_xlsx))


def _ledger_filter(ctx: Any, args: argparse.Namespace) -> Any:
    from fieldapp.services.assets import records

    for name, value in (("asset_kind", args.kind), ("asset_state", args.state)):
        if value is not None and value not in ctx.ref[name]:
            raise LookupError(f"代码“{value}”不存在（可用：{'、'.join(_codes(name))}）")
    return records.Filter(area_ids=(_area(ctx, args.area),) if args.area else None, kind=args.kind, state=args.state)


def _ledger_pdf(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.assets import ledger

    n = ledger.render_pdf(ctx, args.out, _ledger_filter(ctx, args))
    print(f"已生成资产台账：{args.out}（{n} 项资产）")
    return 0


def _ledger_xlsx(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.assets import ledger

    if not str(args.out).lower().endswith(".xlsx"):
        print(f"错误：输出文件应以 .xlsx 结尾：{args.out}", file=sys.stderr)
        return 2
    n = ledger.export_xlsx(ctx, args.out, _ledger_filter(ctx, args))
    print(f"已导出资产台账：{args.out}（{n} 项资产）")
    return 0


def _refusing(command: Callable[[Any, argparse.Namespace], int]) -> Callable[[Any, argparse.Namespace], int]:
    """Print a refusal's every problem (one a line) and exit 1."""
    def wrapped(ctx: Any, args: argparse.Namespace) -> int:
        from fieldapp.domain import assets as rules
        from fieldapp.domain import projects

        try:
            return command(ctx, args)
        except rules.InconsistentAsset as exc:
            print("错误：资产数据不一致，未保存：", file=sys.stderr)
            for problem in exc.problems:
                print(f"错误：{problem.message}", file=sys.stderr)
            return 1
        except (rules.AssetError, projects.ProjectError) as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 1
    return wrapped


def _asset(ctx: Any, text: str) -> str:
    from fieldapp.cli.lookup import record_id
    from fieldapp.store.models import Asset

    return record_id(ctx, Asset.__table__, text, noun="资产", measure="项", listing="fieldapp asset list")


def _yuan(fen: int) -> str:
    from fieldapp.domain.assets import yuan as words

    return words(fen)


def _add(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.assets import service

    owner = _household(ctx, args.owner) if args.owner else None
    [asset_id] = service.from_project(ctx, _project(ctx, args.project), [service.AssetDraft(
        args.name, args.kind, args.value, args.manager, location=args.location, owner_household_id=owner,
        note=args.note)])
    print(f"已登记资产“{args.name.strip()}”（{asset_id}），价值 {_yuan(args.value)}")
    return 0


def _list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.assets import records

    for name, value in (("asset_kind", args.kind), ("asset_state", args.state)):
        if value is not None and value not in ctx.ref[name]:
            raise LookupError(f"代码“{value}”不存在（可用：{'、'.join(_codes(name))}）")
    f = records.Filter(area_ids=(_area(ctx, args.area),) if args.area else None, kind=args.kind, state=args.state,
                       project_id=_project(ctx, args.project) if args.project else None)
    lines = records.ledger(ctx.db, f)
    if not lines:
        print("没有资产")
        return 0
    kinds, states = ctx.ref["asset_kind"], ctx.ref["asset_state"]
    print("编号\t村\t名称\t类别\t价值\t产权归属\t管护主体\t状态\t累计收益\t累计分配")
    for a in lines:
        print(f"{a.id[-8:]}\t{a.area_name}\t{a.name}\t{kinds.label(a.kind)}\t{_yuan(a.value)}\t{a.owner_name}\t"
              f"{a.manager}\t{states.label(a.state)}\t{_yuan(a.income)}\t{_yuan(a.distributed)}")
    print(f"合计 {len(lines)} 项，价值 {_yuan(sum(a.value for a in lines))}，收益 {_yuan(sum(a.income for a in lines))}"
          f"，分配 {_yuan(sum(a.distributed for a in lines))}")
    return 0


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.assets import records
    from fieldapp.services.signoff import service as signoff

    v = records.get(ctx.db, _asset(ctx, args.asset))
    ref = ctx.ref
    print(f"资产：{v.name}（{v.id}）")
    print(f"所属：{v.area_name}；项目：{v.project_name}（{ref['project_status'].label(v.project_status)}）")
    print(f"类别：{ref['asset_kind'].label(v.kind)}；价值：{_yuan(v.value)}；坐落位置：{v.location or '—'}")
    print(f"产权归属：{v.owner_name}；管护主体：{v.manager}；状态：{ref['asset_state'].label(v.state)}；"
          f"登记日期：{_day(v.recorded_on)}")
    for i in v.incomes:
        print(f"{i.year}年收益 {_yuan(i.income)}，分配到户 {_yuan(i.distributed)}（{len(i.shares)} 户），"
              f"村集体留存 {_yuan(i.retained)}{'；' + i.note if i.note else ''}")
        for s in i.shares:
            print(f"  {s.hh_no or s.household_id[:8]} {s.head or ''}：{_yuan(s.amount)}")
    for e in v.events:
        print(f"{ref['asset_event'].label(e.kind)} {e.date.isoformat()}：{e.reason}；产权 {e.owner_before_name} → "
              f"{e.owner_after_name}；管护 {e.manager_before} → {e.manager_after}；状态 "
              f"{ref['asset_state'].label(e.state_before)} → {ref['asset_state'].label(e.state_after)}")
        print(f"  签字：{_signature_words(signoff.status(ctx.db, 'asset_event', e.id))}")
    return 0


def _income(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import assets as rules
    from fieldapp.services.assets import service

    shares = None
    if args.split:
        households = [_household(ctx, h) for h in args.split.replace("，", ",").split(",") if h.strip()]
        shares = rules.split_evenly(args.amount, households)
    service.record_income(ctx, _asset(ctx, args.asset), args.year, args.amount, note=args.note, shares=shares)
    split = f"，平均分配给 {len(shares)} 户" if shares else ""
    print(f"已登记 {args.year} 年收益 {_yuan(args.amount)}{split}")
    return 0


def _distribute(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.assets import service

    shares: dict[str, int] = {}
    for household, amount in args.share:
        hid = _household(ctx, household)
        if hid in shares:
            print(f"错误：{household} 写了两次", file=sys.stderr)
            return 1
        shares[hid] = amount
    service.distribute(ctx, _asset(ctx, args.asset), args.year, shares, replace=args.replace)
    print(f"已分配 {args.year} 年收益给 {len(shares)} 户，合计 {_yuan(sum(shares.values()))}")
    return 0


def _change(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain import assets as rules
    from fieldapp.services.assets import service

    kind = {"transfer": rules.TRANSFER, "damage": rules.DAMAGE, "dispose": rules.DISPOSAL}[args.asset_command]
    owner: Any = service.KEEP
    if getattr(args, "owner", None):
        owner = None if args.owner.strip() in ("collective", "村集体") else _household(ctx, args.owner)
    record = service.change(ctx, _asset(ctx, args.asset), kind, day=args.date, reason=args.reason, owner=owner,
                            manager=getattr(args, "manager", None), state=getattr(args, "state", None))
    print(f"已登记{rules.event_word(kind)}并签字，验证码 {record.code}")
    return 0


def _household_shares(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.assets import records

    shares = records.household_shares(ctx.db, _household(ctx, args.household))
    if not shares:
        print("该户没有分到资产收益")
        return 0
    for s in shares:
        print(f"{s.year}\t{s.asset_name}\t{ctx.ref['asset_kind'].label(s.asset_kind)}\t项目“{s.project_name}”\t"
              f"{_yuan(s.amount)}")
    for year, total in sorted(records.household_totals(shares).items()):
        print(f"{year}年合计 {_yuan(total)}")
    return 0
