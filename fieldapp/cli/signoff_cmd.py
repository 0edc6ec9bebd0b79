"""``fieldapp sign``: sign off (签字背书) a household's record or a visit, and show a sign-off's status.

    fieldapp sign household ID_OR_HH_NO      sign the household's record as it is now
    fieldapp sign visit VISIT_ID             sign a visit
    fieldapp sign show household|visit ID    the latest sign-off: who, in which role, when, the code,
                                             and whether it still holds (with the differences if not)

Signing needs the ``signoff`` permission (team leader, village committee); the refusal names it.
``show`` exits 0 when the sign-off holds, 3 when the record is unsigned or changed since signed, 1 when
a signature does not check.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from fieldapp.domain.refdata import LANGUAGES

OpenCtx = Callable[[argparse.Namespace], Any]
NOT_VALID = 3


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``sign`` to the ``fieldapp`` parser."""
    p = sub.add_parser("sign", help="签字背书：农户档案或走访记录；查看签字状态",
                       description="以本人账户签字（需要“签字背书”权限：队长、村两委）。")
    cmds = p.add_subparsers(dest="sign_command", metavar="WHAT", required=True)
    h = cmds.add_parser("household", help="签字背书一户的档案（八个搞清楚、成员、收入、指标、措施）")
    h.add_argument("household", metavar="ID_OR_HH_NO", help="户的标识、户编号或公示牌编码")
    h.set_defaults(func=lambda a: _sign(open_ctx, a, "household", a.household))
    v = cmds.add_parser("visit", help="签字背书一条走访记录")
    v.add_argument("visit", metavar="VISIT_ID", help="走访记录的标识（或至少 8 位末尾）")
    v.set_defaults(func=lambda a: _sign(open_ctx, a, "visit", a.visit))
    s = cmds.add_parser("show", help="最近一次签字：签字人、身份、时间、验证码，签字后是否修改")
    s.add_argument("subject", choices=["household", "visit"])
    s.add_argument("id", metavar="ID")
    s.add_argument("--lang", choices=LANGUAGES, default="zh-Hans", help="语言（默认简体中文）")
    s.set_defaults(func=lambda a: _show(open_ctx, a))


def resolve(ctx: Any, subject: str, text: str) -> str:
    """The id of the household (id, 户编号, card code) or visit (id or its last 8+ characters) named."""
    from sqlalchemy import select

    from fieldapp.services.printing.common import resolve_household
    from fieldapp.store.models import Visit

    if subject == "household":
        return str(resolve_household(ctx, text))
    wanted = text.strip().lower()
    v = Visit.__table__
    with ctx.db.read() as conn:
        if len(wanted) < 8:
            raise LookupError(f"走访记录标识至少 8 位：{text}")
        ids = conn.execute(select(v.c.id).where(v.c.deleted.is_(False), v.c.id.like(f"%{wanted}"))
                           .limit(2)).scalars().all()
    if len(ids) == 1:
        return str(ids[0])
    raise LookupError(f"走访记录“{text}”{'不唯一' if ids else '不存在或已删除'}")


def _sign(open_ctx: OpenCtx, args: argparse.Namespace, subject: str, text: str) -> int:
    from fieldapp.domain.signoff import SignoffError
    from fieldapp.services.signoff import service
    from fieldapp.services.signoff.keys import NoSigningKey

    ctx = open_ctx(args)
    try:
        subject_id = resolve(ctx, subject, text)
        made = service.sign(ctx, subject, subject_id)
        what = service.subject_text(ctx.db, made, ctx.ref)
    except (LookupError, NoSigningKey, SignoffError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    print(f"已签字：{what}")
    print(f"签字人 {made.person_name}（{made.role_label(ctx.ref)}），{made.signed_text}")
    print(f"验证码 {made.code}（区县可用 fieldapp-server verify {made.code} 核对）")
    return 0


def _show(open_ctx: OpenCtx, args: argparse.Namespace) -> int:
    from fieldapp.services.signoff import service

    ctx = open_ctx(args)
    try:
        subject_id = resolve(ctx, args.subject, args.id)
        found = service.status(ctx.db, args.subject, subject_id, ref=ctx.ref, lang=args.lang)
        what = service.subject_text(ctx.db, found.signoff, ctx.ref) if found.signoff else ""
    except LookupError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
    record = found.signoff
    if record is None:
        print("未签字")
        return NOT_VALID
    print(what)
    print(f"签字人 {record.person_name}（{record.role_label(ctx.ref, args.lang)}），{record.signed_text}，"
          f"验证码 {record.code}")
    if found.state == service.VALID:
        print("状态：已签字，签字后未修改，签名有效")
        return 0
    if found.state == service.INVALID:
        print("状态：签名无效")
        for problem in found.problems:
            print(f"  {problem}")
        return 1
    print(f"状态：签字后已修改（{len(found.lines)} 处），需要重新签字")
    for line in found.lines:
        field = f" {line.field}" if line.field else ""
        print(f"  {line.where}{field}：{line.old or '（空）'} → {line.new or '（空）'}")
    return NOT_VALID
