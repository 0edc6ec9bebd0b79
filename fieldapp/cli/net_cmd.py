"""``fieldapp enrol SERVER_URL CODE`` and ``fieldapp sync now``: the laptop and the district server.

- ``enrol`` creates the device identity if the laptop has none, sends its public keys with the
  one-time code, pins the server's keys as the district peer and stores the server address
  (settings ``server_url``/``server_device_id``). A laptop without villages takes the granted ones.
- ``sync now`` uploads what the server lacks and applies the server's reply (one HTTP request).
``--ca FILE`` trusts a self-signed server certificate (kept in the ``server_ca`` setting).
Exit codes: 0 ok, 1 refused or unreachable (the message names why).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from fieldapp.services import syncing
from fieldapp.sync import http_client
from fieldapp.sync.http_client import SyncError


def register(sub: Any, sync_actions: Any, open_ctx: Any) -> None:
    p = sub.add_parser("enrol", help="用加入码加入区县服务器")
    p.add_argument("url", metavar="SERVER_URL", help="区县服务器地址，如 https://sync.example.gov.cn")
    p.add_argument("code", metavar="CODE", help="区县管理员给的一次性加入码")
    p.add_argument("--name", default="", help="本机名称（显示在服务器的设备列表中）")
    p.add_argument("--replace", action="store_true", help="改为加入另一台服务器（替换已登记的服务器）")
    p.add_argument("--ca", metavar="FILE", help="服务器使用自签证书时，其 CA 证书文件")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _enrol, a))
    p = sync_actions.add_parser("now", help="立即与区县服务器同步")
    p.add_argument("--ca", metavar="FILE", help="服务器使用自签证书时，其 CA 证书文件")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _sync_now, a))


def _with(ctx: Any, func: Any, args: argparse.Namespace) -> int:
    try:
        return int(func(ctx, args))
    except SyncError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _verify(ctx: Any, args: argparse.Namespace) -> bool | str:
    if args.ca:
        ctx.settings["server_ca"] = str(args.ca)
    return str(ctx.settings["server_ca"]) or True


def _enrol(ctx: Any, args: argparse.Namespace) -> int:
    verify = _verify(ctx, args)
    import os

    # the first account (the cadre and role the code names) when the laptop has none yet
    password = os.environ.get("FIELDAPP_NEW_PASSWORD", "") if ctx.session is None else ""
    enrolment = syncing.enrol(ctx, args.url, args.code, name=args.name, replace=args.replace, verify=verify,
                              password=password)
    names = {str(v.get("id")): str(v.get("name") or "") for v in enrolment.villages}
    server = enrolment.server
    print(f"已加入 {server.get('name') or http_client.SERVER_NAME}（{server['device_id'][:8]}），地址 "
          f"{ctx.settings['server_url']}")
    if password:
        print(f"已创建本机第一个账户：{enrolment.cadre}（{enrolment.role}）；用 --user {enrolment.cadre} 登录")
    print(f"干部：{enrolment.cadre}；负责的村：{'、'.join(names.get(v) or v for v in enrolment.scope)}")
    print(f"服务器指纹：{enrolment.fingerprint}（请与区县管理员核对）")
    outside = sorted(set(ctx.settings["village_ids"]) - set(enrolment.scope))
    if outside:
        print(f"注意：本机还有服务器未授权的村（{'、'.join(v[:8] for v in outside)}），这些村的修改会被服务器拒绝",
              file=sys.stderr)
    print("接着运行 fieldapp sync now 与服务器同步")
    return 0


def _progress(done: int, total: int, text: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{text} {done}/{total}   ", end="", file=sys.stderr, flush=True)


def _sync_now(ctx: Any, args: argparse.Namespace) -> int:
    with syncing.client(ctx, verify=_verify(ctx, args)) as client:
        outcome = client.sync_now(progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(outcome.summary())
    for entry in outcome.refusals:
        print(f"  服务器拒绝 {entry.get('tbl')} {str(entry.get('row_id'))[:8]}：{entry.get('reason')}")
    return 0
