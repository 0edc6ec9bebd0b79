"""``fieldapp workflow deliberation|objection|notice …``: 评议 meetings, objections and posted notices.

    fieldapp workflow deliberation add --village V --date D --present N [--names TEXT] --for N --against N
                                       --households H,H… [--votes H:FOR:AGAINST,…] [--summary TEXT]
                                       [--attach FILE[:KIND]]… [--caption TEXT]   (photos of the minutes)
    fieldapp workflow deliberation list [--village V]
    fieldapp workflow deliberation show MEETING
    fieldapp workflow objection add HOUSEHOLD --from WHO --content TEXT [--received D]
    fieldapp workflow objection handle OBJECTION --result upheld|dismissed --handling TEXT [--on D]
    fieldapp workflow objection list [HOUSEHOLD] [--open]
    fieldapp workflow notice list
    fieldapp workflow notice post NOTICE [--on D]

A notice is made (issued, signed and printed) by ``fieldapp print notice --workflow W --step S``.
MEETING, OBJECTION and NOTICE are ids, or their last 8 or more characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from fieldapp.cli import argtypes

Run = Callable[[argparse.Namespace, Callable[[Any, argparse.Namespace], int]], int]


def register(cmds: Any, run: Run) -> None:
    """Add ``deliberation``, ``objection`` and ``notice`` under ``fieldapp workflow``."""
    d = cmds.add_parser("deliberation", help="评议会议：到会代表、票数、评议的户").add_subparsers(
        dest="deliberation_command", required=True, metavar="ACTION")
    p = d.add_parser("add", help="登记一次评议会议（一次会议可评议多户）")
    p.add_argument("--village", required=True, help="村名或村的标识")
    p.add_argument("--date", required=True, type=argtypes.date, help="会议日期 YYYY-MM-DD")
    p.add_argument("--present", required=True, type=int, help="到会代表人数")
    p.add_argument("--names", default="", help="到会代表姓名")
    p.add_argument("--for", dest="votes_for", required=True, type=int, help="赞成票")
    p.add_argument("--against", dest="votes_against", required=True, type=int, help="反对票")
    p.add_argument("--households", required=True, help="评议的户（标识或户编号，逗号分隔）")
    p.add_argument("--votes", default="", help="逐户表决的票数：户编号:赞成:反对，逗号分隔")
    p.add_argument("--summary", default="", help="会议纪要")
    from fieldapp.cli.workflow_cmd import add_attach_options

    add_attach_options(p)
    p.set_defaults(func=lambda a: run(a, _meeting_add))
    p = d.add_parser("list", help="评议会议列表")
    p.add_argument("--village", help="村名或村的标识")
    p.set_defaults(func=lambda a: run(a, _meeting_list))
    p = d.add_parser("show", help="一次评议会议及其评议的户")
    p.add_argument("meeting", metavar="MEETING")
    p.set_defaults(func=lambda a: run(a, _meeting_show))

    o = cmds.add_parser("objection", help="公示期间的异议：登记、办理、列表").add_subparsers(
        dest="objection_command", required=True, metavar="ACTION")
    p = o.add_parser("add", help="登记公示期内收到的异议")
    p.add_argument("household", metavar="HOUSEHOLD")
    p.add_argument("--from", dest="from_whom", required=True, help="异议人")
    p.add_argument("--content", required=True, help="异议内容")
    p.add_argument("--received", type=argtypes.date, help="收到日期（默认今天）")
    p.set_defaults(func=lambda a: run(a, _objection_add))
    p = o.add_parser("handle", help="记录异议的办理情况和结果")
    p.add_argument("objection", metavar="OBJECTION")
    p.add_argument("--result", required=True, choices=["upheld", "dismissed"], help="upheld 成立，dismissed 不成立")
    p.add_argument("--handling", required=True, help="办理情况：如何核实、结论")
    p.add_argument("--on", dest="handled_on", type=argtypes.date, help="办结日期（默认今天）")
    p.set_defaults(func=lambda a: run(a, _objection_handle))
    p = o.add_parser("list", help="异议列表")
    p.add_argument("household", metavar="HOUSEHOLD", nargs="?")
    p.add_argument("--open", action="store_true", help="只列未办结的")
    p.set_defaults(func=lambda a: run(a, _objection_list))

    n = cmds.add_parser("notice", help="由流程生成的公示、公告：列表、记录张贴日期").add_subparsers(
        dest="notice_command", required=True, metavar="ACTION")
    p = n.add_parser("list", help="已签发的公示、公告")
    p.set_defaults(func=lambda a: run(a, _notice_list))
    p = n.add_parser("post", help="记录公示的张贴日期")
    p.add_argument("notice", metavar="NOTICE")
    p.add_argument("--on", dest="posted_on", type=argtypes.date, help="张贴日期（默认今天）")
    p.set_defaults(func=lambda a: run(a, _notice_post))


def _households(ctx: Any, text: str) -> list[str]:
    from fieldapp.services.printing.common import resolve_household

    return [str(resolve_household(ctx, t)) for t in text.replace("，", ",").split(",") if t.strip()]


def _meeting_add(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.cli.workflow_cmd import attachments_of
    from fieldapp.domain.notice import NoticeError
    from fieldapp.services.printing.common import resolve_household, resolve_village
    from fieldapp.services.workflow import deliberation

    votes: dict[str, tuple[int, int]] = {}
    for item in (v for v in args.votes.replace("，", ",").split(",") if v.strip()):
        parts = item.strip().split(":")
        if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
            raise NoticeError(f"逐户票数应写作 户编号:赞成:反对，收到：{item.strip()}")
        votes[str(resolve_household(ctx, parts[0]))] = (int(parts[1]), int(parts[2]))
    meeting = deliberation.record(
        ctx, resolve_village(ctx, args.village), args.date, present_count=args.present, present_names=args.names,
        votes_for=args.votes_for, votes_against=args.votes_against, summary=args.summary,
        household_ids=_households(ctx, args.households), household_votes=votes, attach=attachments_of(ctx, args))
    print(f"已登记评议会议 {meeting.id}：{meeting.held_on.isoformat()}，到会代表 {meeting.present_count} 人，"
          f"评议 {len(meeting.households)} 户")
    if args.attach:
        print(f"附件 {len(args.attach)} 个已保存（workflow deliberation show 列出）")
    print(f"各户的评议步骤决定时注明：--meeting {meeting.id[-8:]}")
    return 0


def _meeting_list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.printing.common import resolve_village
    from fieldapp.services.workflow import deliberation

    found = deliberation.meetings(ctx, resolve_village(ctx, args.village) if args.village else None)
    for m in found:
        print(f"{m.id}\t{m.held_on.isoformat()}\t到会 {m.present_count} 人\t赞成 {m.votes_for} 反对 {m.votes_against}"
              f"\t评议 {len(m.households)} 户")
    print(f"共 {len(found)} 次评议会议")
    return 0


def _meeting_show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import deliberation

    m = deliberation.get(ctx, args.meeting)
    print(f"评议会议 {m.id}")
    names = f"（{m.present_names}）" if m.present_names else ""
    print(f"日期：{m.held_on.isoformat()}　到会代表：{m.present_count} 人{names}")
    print(f"表决：赞成 {m.votes_for} 票，反对 {m.votes_against} 票　记录人：{m.recorded_by_name or '—'}")
    if m.summary:
        print(f"纪要：{m.summary}")
    for h in m.households:
        vote = f"\t赞成 {h.votes_for} 反对 {h.votes_against}" if h.votes_for is not None else ""
        print(f"  {h.hh_no or h.household_id}\t{h.head_name}{vote}")
    from fieldapp.cli.workflow_cmd import attachment_line
    from fieldapp.services.workflow import attachments

    for a in attachments.of_meeting(ctx, m.id):
        print("  " + attachment_line(ctx, a))
    return 0


def _objection_add(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import objections

    hid = _households(ctx, args.household)[0]
    made = objections.add(ctx, hid, from_whom=args.from_whom, content=args.content,
                          received_on=args.received or dt.date.today())
    print(f"已登记{made.text()}，标识 {made.id}；办结前该户的流程不能通过")
    return 0


def _objection_handle(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.notice import RESULTS
    from fieldapp.services.workflow import objections

    done = objections.handle(ctx, args.objection, result=args.result, handling=args.handling,
                             handled_on=args.handled_on or dt.date.today())
    print(f"已办结{done.text()}：{RESULTS[done.result or '']}（{done.handling}）")
    if done.result == "upheld":
        print("异议成立：请由该步骤的决定人退回（return）或不通过（fail）并写明理由")
    return 0


def _objection_list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.notice import RESULTS
    from fieldapp.services.workflow import objections

    hid = _households(ctx, args.household)[0] if args.household else None
    found = objections.listed(ctx.db, hid, open_only=args.open)
    for o in found:
        state = f"{RESULTS[o.result]}，{o.handled_on}，{o.handling}" if o.result else "未办结"
        print(f"{o.id}\t{o.hh_no}\t{o.received_on.isoformat()}\t{o.from_whom}\t{o.content}\t{state}")
    print(f"共 {len(found)} 条异议")
    return 0


def _notice_list(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import notices

    found = notices.listed(ctx)
    words = {"unposted": "未张贴", "posted": "已张贴，未到公示期", "running": "公示中", "ended": "公示期已满"}
    for n in found:
        posted = f"{n.posted_on.isoformat()} 张贴" if n.posted_on else "未记录张贴"
        print(f"{n.id}\t{n.kind} {n.step}\t{len(n.household_ids)} 户\t{n.period_start.isoformat()} 至 "
              f"{n.period_end.isoformat()}\t{n.issued_by_name}\t{posted}\t{words[n.status(dt.date.today())]}")
    print(f"共 {len(found)} 份公示")
    return 0


def _notice_post(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.workflow import notices

    done = notices.post(ctx, args.notice, args.posted_on or dt.date.today())
    print(f"已记录张贴：{done.posted_on.isoformat() if done.posted_on else ''}，"
          f"公示期 {done.period_start.isoformat()} 至 "
          f"{done.period_end.isoformat()}（{done.days} 天）")
    return 0
