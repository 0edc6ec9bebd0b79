"""``fieldapp sync …``: sync packages from the command line (USB or any transport).

- ``sync export --to DIR [--for PEER]`` writes the package for a peer (default: the district).
- ``sync import FILE|DIR … [--reply-to DIR]`` applies packages (a folder: those addressed to this
  device); with ``--reply-to`` it writes each sender's reply package there (the district's USB desk).
- ``sync status`` shows pending changes per peer, last exchanges, open conflicts and quarantine.
- ``sync whoami [--create]`` prints this device's public identity (JSON) for the other side.
- ``sync peer-add IDENTITY [--name N] [--scope V,…]`` registers a peer from its ``whoami`` JSON.
- ``sync conflicts`` / ``sync resolve ID winner|loser`` list and resolve conflicts.
Exit codes: 0 ok, 1 a package was refused or an error a user should see.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldapp.domain.ids import short_id
from fieldapp.services import syncing
from fieldapp.sync import district, review, service, state
from fieldapp.sync.package import PackageRefused


def register(sub: Any, open_ctx: Any) -> None:
    sync = sub.add_parser("sync", help="同步包：导出、导入与状态")
    s = sync.add_subparsers(dest="sync_command", required=True, metavar="ACTION")
    p = s.add_parser("export", help="为区县或指定设备导出同步包")
    p.add_argument("--to", required=True, metavar="DIR", help="目标文件夹（如U盘）")
    p.add_argument("--for", dest="peer", metavar="PEER", help="接收方（设备编号、前缀或名称；默认区县）")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _export, a))
    p = s.add_parser("import", help="导入同步包")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--reply-to", metavar="DIR", help="导入后为每个发送方写回复同步包")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _import, a))
    p = s.add_parser("status", help="同步状态")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _status, a))
    p = s.add_parser("whoami", help="显示本机同步身份（JSON）")
    p.add_argument("--create", action="store_true", help="没有设备身份时创建（区县端）")
    p.add_argument("--name", default="", help="写入 JSON 的名称")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _whoami, a))
    p = s.add_parser("peer-add", help="登记同步对象")
    p.add_argument("identity", help="对方 whoami 输出的 JSON 或其文件")
    p.add_argument("--name")
    p.add_argument("--scope", help="对方负责的村（逗号分隔的村编号）；不填为全区县")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _peer_add, a))
    p = s.add_parser("conflicts", help="列出未解决的冲突与隔离的修改")
    p.set_defaults(func=lambda a: _with(open_ctx(a), _conflicts, a))
    p = s.add_parser("resolve", help="解决冲突：保留胜出值或采用另一值")
    p.add_argument("conflict_id", type=int)
    p.add_argument("choose", choices=["winner", "loser"])
    p.set_defaults(func=lambda a: _with(open_ctx(a), _resolve, a))
    from fieldapp.cli import net_cmd  # `fieldapp enrol`, `fieldapp sync now`

    net_cmd.register(sub, s, open_ctx)


def _with(ctx: Any, func: Any, args: argparse.Namespace) -> int:
    try:
        return int(func(ctx, args))
    finally:
        ctx.close()


def _default_peer(rep: service.Replica, key: str | None) -> state.Peer:
    with rep.db.read() as conn:
        if key:
            found = state.find_peer(conn, key)
            if found is None:
                raise SystemExit(f"错误：找不到同步对象 {key}")
            return found
        chosen = state.default_peer(state.peers(conn))
    if chosen is None:
        raise SystemExit("错误：还没有登记任何同步对象（fieldapp sync peer-add …）")
    return chosen


def _export(ctx: Any, args: argparse.Namespace) -> int:
    rep = syncing.replica_of(ctx)
    peer = _default_peer(rep, args.peer or ctx.settings["server_device_id"] or None)  # enrolled: the server
    path = service.export_to(rep, peer.device_id, Path(args.to))
    print(f"已导出给 {peer.name}：{path}")
    return 0


def _import(ctx: Any, args: argparse.Namespace) -> int:
    rep = syncing.replica_of(ctx)
    files: list[Path] = []
    for item in args.files:
        path = Path(item)
        files += service.addressed_to_me(rep, path) if path.is_dir() else [path]
    refused = 0
    senders: set[str] = set()
    for path in files:
        try:
            result = service.import_file(rep, path)
        except PackageRefused as exc:
            refused += 1
            print(f"已拒绝 {path.name}（{exc.reason}）：{exc}", file=sys.stderr)
            continue
        except OSError as exc:
            refused += 1
            print(f"无法读取 {path}：{exc}", file=sys.stderr)
            continue
        senders.add(str(result.header["sender"]))
        print(f"{path.name}：{result.summary()}")
    if args.reply_to:
        for sender in sorted(senders):
            print(f"回复：{service.export_to(rep, sender, Path(args.reply_to))}")
    return 1 if refused else 0


def _status(ctx: Any, args: argparse.Namespace) -> int:
    rep = syncing.replica_of(ctx)
    st = review.status(rep)
    print(f"本机 {st.device_id}；持有 {sum(st.held.values())} 条修改，来自 {len(st.held)} 台设备")
    for p in st.peers:
        print(f"  {p.name}（{short_id(p.device_id)}）：待发送 {p.pending} 条；上次导出 {p.last_sent or '—'}；"
              f"上次导入 {p.last_received or '—'}")
    print(f"未解决冲突 {st.open_conflicts} 条；隔离待审 {st.open_quarantine} 条")
    return 0


def _whoami(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services import identity as identity_mod

    if ctx.identity is None:
        if not args.create:
            print("错误：本机没有设备身份（区县端可用 --create 创建）", file=sys.stderr)
            return 1
        ctx.identity = identity_mod.create(ctx.paths.identity, key=ctx.vault_key)
    print(json.dumps(district.public_identity(ctx.identity, args.name), ensure_ascii=False))
    return 0


def _peer_add(ctx: Any, args: argparse.Namespace) -> int:
    public = district.load_public(args.identity)
    scope = [v for v in args.scope.split(",") if v] if args.scope else None
    syncing.add_peer(ctx, public, name=args.name, scope=scope)
    print(f"已登记同步对象 {args.name or public.get('name') or public['device_id']}")
    return 0


def _conflicts(ctx: Any, args: argparse.Namespace) -> int:
    rep = syncing.replica_of(ctx)
    for c in review.conflicts(rep):
        print(f"#{c['id']} {c['kind']} {c['tbl']}.{c['field']} {c['row_id'][:8]}：保留 {c['winner_value']}"
              f"（{c['winner_device'][:8]}）覆盖 {c['loser_value']}（{c['loser_device'][:8]}）")
    for q in review.quarantined(rep):
        print(f"隔离#{q['id']} {q['tbl']} {q['row_id'][:8]}：{q['reason']}")
    return 0


def _resolve(ctx: Any, args: argparse.Namespace) -> int:
    review.resolve_conflict(syncing.replica_of(ctx), ctx.writer, args.conflict_id, args.choose)
    print(f"冲突 #{args.conflict_id} 已解决（{args.choose}）")
    return 0
