"""``fieldapp-server``: the district server and its administration commands.

    fieldapp-server [--home DIR] [--db URL] [--host H] [--port P] [--cert F --key F] [--max-body-mb N]
                    [--busy-wait-s S] [--workers N]
        start the HTTP service (the same as ``serve``); TLS when given a certificate and key;
        ``--workers N``: N uvicorn worker processes on the one database (see the README);
        ``--upstream-every MINUTES``: the upward sync's schedule when enrolled with a parent (default 15, 0 off)
    fieldapp-server enrol-code --cadre NAME --villages V1,V2 [--role R] [--ttl-hours 72]  one-time enrolment code
    fieldapp-server enrol-code --server --scope AREA [--name N]   a code for a child server (every village of AREA;
                                                          or --villages V1,V2 while this server lacks the area)
    fieldapp-server upstream enrol URL CODE [--name N] [--ca FILE]   enrol this server with its parent server
    fieldapp-server upstream sync | status                 one upward sync round; the parent, lag, last error
    fieldapp-server target-set --area A --year Y --kind K --value V  a target set here (synced down)
    fieldapp-server revoke DEVICE [--reason TEXT]        refuse a device from now on
    fieldapp-server ingest STICK_DIR [--wait-s 300]       the USB desk: apply packages, write replies
                                                          (may run beside the network server on one database)
    fieldapp-server devices|villages|quarantine|audit [--json] [--limit N]   the administrator's view
    fieldapp-server admin-token | whoami                  the admin page's token; the server's identity
    fieldapp-server verify CODE                           check a printed sign-off code against the district
    fieldapp-server export-analytics --out FILE.sqlite3 [--year Y …] [--force]
        the district's de-identified analytic extract (counts per village, project totals;
        see services/analytics/extract.py)

Data lives in ``FIELDAPP_HOME/server`` (``--home`` overrides); ``--db`` picks the database (default:
``server.sqlite3`` there). Exit codes: 0 ok, 1 refused or a user-facing error, 2 bad usage
(``verify`` adds 3: the signature is valid but the record changed since it was signed; ``upstream sync``
and ``upstream status`` 3: the parent was unreachable, nothing applied, and 4: another process is running
a round).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldapp import __version__
from fieldapp.server import admin, registry
from fieldapp.server.storage import SERVER_NAME, Server, ServerConfig, open_server
from fieldapp.services.identity import IdentityError
from fieldapp.store.db import StoreError
from fieldapp.sync import district
from fieldapp.sync.http_client import fingerprint

log = logging.getLogger("fieldapp.server")
MB = 1024 * 1024
WORKER_HEALTHCHECK_S = 30  # how long a worker may take to answer its supervisor: a start on a busy machine took 11 s


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument("--home", type=Path, default=default, metavar="DIR",
                        help="服务器数据文件夹（默认 FIELDAPP_HOME/server）")
    parser.add_argument("--db", default=default, metavar="URL",
                        help="数据库：SQLite 文件路径或 URL（默认在数据文件夹中）")


def _serve_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    def d(value: Any) -> Any:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument("--host", default=d("127.0.0.1"), help="监听地址（默认 127.0.0.1；对外服务用 0.0.0.0）")
    parser.add_argument("--port", type=int, default=d(8443), help="端口（默认 8443）")
    parser.add_argument("--cert", default=d(None), metavar="FILE", help="TLS 证书（PEM）；与 --key 一起使用")
    parser.add_argument("--key", default=d(None), metavar="FILE", help="TLS 私钥（PEM）")
    parser.add_argument("--max-body-mb", type=int, default=d(64), metavar="N", help="请求大小上限（MB，默认 64）")
    parser.add_argument("--forwarded-allow-ips", default=d("127.0.0.1"), metavar="IPS",
                        help="信任其 X-Forwarded-For 的反向代理地址（默认 127.0.0.1）")
    parser.add_argument("--workers", type=int, default=d(1), metavar="N",
                        help="工作进程数（默认 1；多个进程共用一个数据库，建议用 PostgreSQL）")
    parser.add_argument("--busy-wait-s", type=float, default=d(15.0), metavar="S",
                        help="SQLite：等待其他进程（如 U 盘收件）释放写锁的最长秒数，超过则答 503 让笔记本稍后重试"
                             "（默认 15）")
    parser.add_argument("--name", dest="server_name", default=d(SERVER_NAME), metavar="NAME",
                        help=f"本服务器在页面上显示的名称（默认“{SERVER_NAME}”；市级、省级服务器如“商洛市服务器”）")
    parser.add_argument("--timezone", default=d("Asia/Shanghai"), metavar="ZONE",
                        help="管理页面显示时间所用的时区（默认 Asia/Shanghai，北京时间）")
    parser.add_argument("--upstream-every", type=float, default=d(None), metavar="MINUTES",
                        help="已加入上级服务器时，每隔多少分钟向上同步一次（默认 15；0 为不自动同步）")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp-server", description="FieldApp 区县服务器")
    parser.add_argument("--version", action="version", version=f"FieldApp server {__version__}")
    _common(parser, suppress=False)
    _serve_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Any, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        _common(p, suppress=True)
        p.set_defaults(func=func)
        return p

    _serve_options(add("serve", _serve, "启动服务（默认）"), suppress=True)
    p = add("enrol-code", _enrol_code, "为干部（或 --server：下级服务器）生成一次性加入码")
    p.add_argument("--cadre", help="干部姓名")
    p.add_argument("--role", default="member", metavar="CODE",
                   help="此人的角色（member leader committee township district admin；默认 member）")
    p.add_argument("--villages", help="负责的村：村编号、区划代码或村名，逗号分隔")
    p.add_argument("--server", action="store_true", help="加入码给下级服务器（如区县服务器加入市级服务器）")
    p.add_argument("--scope", metavar="AREA", help="下级服务器的区域（区县或乡镇的名称、区划代码或编号）：其下所有村")
    p.add_argument("--name", help="下级服务器的名称（默认按区域命名）")
    p.add_argument("--ttl-hours", type=float, default=72.0, help="有效期（小时，默认 72）")
    _hierarchy_commands(add)
    p = add("revoke", _revoke, "吊销设备")
    p.add_argument("device", help="设备编号（或至少 6 位前缀，或名称）")
    p.add_argument("--reason", default="", help="原因（记入审计日志）")
    p = add("thresholds-set", _thresholds_set, "设定贫困线、退出标准或监测线（区县统一维护，同步到各笔记本）")
    p.add_argument("--kind", required=True, choices=["poverty_line", "exit_standard", "monitoring_line"])
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--area", required=True, help="6位地区代码，全国为000000")
    p.add_argument("--amount", required=True, help="元/人/年")
    p.add_argument("--source", required=True, help="来源文件或通知")
    p.add_argument("--note")
    p = add("ingest", _ingest, "U 盘收件：导入同步包并写回回复")
    p.add_argument("stick", type=Path, metavar="STICK_DIR")
    p.add_argument("--wait-s", type=float, default=None, metavar="S",
                   help="SQLite：网络服务正在写入时每个同步包最多等待的秒数（默认 300）")
    for name, help_ in (("devices", "设备列表"), ("villages", "各村数量"), ("quarantine", "隔离与拒绝的修改"),
                        ("audit", "审计日志")):
        p = add(name, _view, help_)
        p.add_argument("--json", action="store_true", help="输出 JSON")
        p.add_argument("--limit", type=int, default=50, help="最多显示条数（隔离、审计）")
    p = add("verify", _verify, "核对打印件上的签字验证码：谁在何时签了什么，签名是否有效，区县数据是否一致")
    p.add_argument("code", metavar="CODE", help="验证码（如 ABCDE-12345-X，大小写与连字符不限）")
    p = add("export-analytics", _export_analytics,
            "导出供分析的 SQLite 文件（各村数量、措施、产业、进度、目标与汇总；不含任何个人信息）")
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="导出文件（.sqlite3）")
    p.add_argument("--year", type=int, action="append", default=[], metavar="YEAR",
                   help="年度（可多次给出；默认今年）")
    p.add_argument("--force", action="store_true", help="替换已有的文件")
    add("admin-token", _admin_token, "显示管理页面口令")
    add("whoami", _whoami, "显示服务器身份与指纹")
    return parser


def _hierarchy_commands(add: Any) -> None:
    """``upstream enrol|sync|status`` (this server's parent) and ``target-set`` (what comes down)."""
    p = add("upstream", _upstream, "上级服务器：加入、向上同步、状态")
    up = p.add_subparsers(dest="upstream_command", metavar="ACTION", required=True)
    q = up.add_parser("enrol", help="用上级给的加入码加入上级服务器")
    q.add_argument("url", metavar="URL", help="上级服务器地址（https://…）")
    q.add_argument("code", metavar="CODE", help="上级服务器管理员给的加入码")
    q.add_argument("--name", default="", help="本服务器在上级显示的名称（默认本服务器名称）")
    q.add_argument("--ca", metavar="FILE", help="上级服务器自签名证书的 CA 文件")
    q.add_argument("--replace", action="store_true", help="改为加入另一台上级服务器")
    up.add_parser("sync", help="立即向上同步一次")
    up.add_parser("status", help="上级地址、范围、上次同步、待上传的修改、上次错误")
    p = add("target-set", _target_set, "设定年度目标任务（随同步下发到下级与各笔记本）")
    p.add_argument("--area", required=True, help="区域：编号、区划代码或名称")
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--kind", required=True, help="目标类型代码（参考数据 target_kind）")
    p.add_argument("--value", required=True, help="目标值（整数）")


@contextlib.contextmanager
def _opened(args: argparse.Namespace, config: ServerConfig | None = None) -> Iterator[Server]:
    """The server of ``--home``/``--db`` for one command, closed when the command is done, also on an error."""
    server = open_server(args.db, args.home, config)
    try:
        yield server
    finally:
        server.close()


def _serve_usage_error(args: argparse.Namespace) -> str | None:  # noqa: PLR0911 - one return per option
    """What is wrong with ``serve``'s options, or None."""
    if bool(args.cert) != bool(args.key):
        return "--cert 与 --key 要一起给出"
    if args.max_body_mb < 1:
        return "--max-body-mb 至少为 1"
    if args.workers < 1:
        return "--workers 至少为 1"
    if args.busy_wait_s <= 0:
        return "--busy-wait-s 要大于 0"
    if args.upstream_every is not None and args.upstream_every < 0:
        return "--upstream-every 不能为负数（0 为不自动向上同步）"
    try:
        ZoneInfo(args.timezone)
    except (ValueError, ZoneInfoNotFoundError):
        return f"--timezone {args.timezone} 不是时区名（如 Asia/Shanghai）"
    return None


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from fieldapp.server.app import ENV_CONFIG, ENV_DB, ENV_HOME, create_app

    problem = _serve_usage_error(args)
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return 2
    config = ServerConfig(max_body=args.max_body_mb * MB, busy_wait_s=args.busy_wait_s, timezone=args.timezone,
                          name=args.server_name.strip() or SERVER_NAME)
    options: dict[str, Any] = {"host": args.host, "port": args.port, "ssl_certfile": args.cert,
                               "ssl_keyfile": args.key, "proxy_headers": True,
                               "forwarded_allow_ips": args.forwarded_allow_ips, "log_level": "info",
                               "timeout_keep_alive": 30}
    with _opened(args, config) as server:  # creates, migrates and seeds once, before any worker starts
        schedule = _upstream_schedule(args, config, server)
        try:
            scheme = "https" if args.cert else "http"
            print(f"FieldApp 区县服务器 {server.device_id}，{scheme}://{args.host}:{args.port}/ ，"
                  f"数据 {server.home}；指纹 {fingerprint(server.identity.public_signing())}"
                  + (f"；{args.workers} 个工作进程" if args.workers > 1 else ""), flush=True)
            if args.workers == 1:
                uvicorn.run(create_app(server), **options)
                return 0
        finally:
            if args.workers == 1 and schedule is not None:
                schedule.stop()
                schedule.server.close()
    # Workers are started from an import string; each opens its own server object on the same database.
    os.environ[ENV_HOME] = str(server.home)
    os.environ[ENV_DB] = args.db or ""
    os.environ[ENV_CONFIG] = json.dumps(dataclasses.asdict(config))
    try:
        # uvicorn kills a worker that does not answer its supervisor's ping within the health-check timeout
        # (5 s by default) and starts another. A new worker imports the app first, which on a loaded or slow
        # machine takes longer than that, so every worker was killed while starting and started again for ever.
        uvicorn.run("fieldapp.server.app:app_from_env", factory=True, workers=args.workers,
                    timeout_worker_healthcheck=WORKER_HEALTHCHECK_S, **options)
    finally:
        if schedule is not None:
            schedule.stop()
            schedule.server.close()
    return 0


def _upstream_schedule(args: argparse.Namespace, config: ServerConfig, server: Server) -> Any:
    """The upward sync's schedule (its own server object: the web server's closes first), when enrolled."""
    from fieldapp.server import upstream

    if upstream.load(server.home) is None:
        return None
    every = upstream.DEFAULT_EVERY_MIN if args.upstream_every is None else args.upstream_every
    if every <= 0:
        return None
    print(f"已加入上级服务器：每 {every:g} 分钟向上同步一次", flush=True)
    own = open_server(args.db, server.home, config, log_to_file=False)
    return upstream.Schedule(own, every * 60).start()


def _enrol_code(args: argparse.Namespace) -> int:
    if args.server:
        return _server_code(args)
    if not args.cadre or not args.villages:
        print("错误：请给出 --cadre 与 --villages（下级服务器的加入码用 --server --scope 区域）", file=sys.stderr)
        return 2
    with _opened(args) as server:
        with server.db.transaction() as conn:
            scope = registry.resolve_villages(conn, args.villages.split(","))
            code, expires = registry.create_code(conn, args.cadre, scope, args.ttl_hours, role=args.role)
            names = registry.village_names(conn, scope)
        print(code)
        villages = "、".join(names.get(v, v) for v in scope)
        print(f"干部：{args.cadre}（{args.role}）；村：{villages}；有效期至 {expires}（只能使用一次）")
        print(f"服务器指纹：{fingerprint(server.identity.public_signing())}")
        print(f"在笔记本上运行：fieldapp enrol https://服务器地址 {code}")
    return 0


def _server_code(args: argparse.Namespace) -> int:
    """A code for a child server: its scope is every village of ``--scope`` (or the ``--villages`` listed)."""
    if bool(args.scope) == bool(args.villages):
        print("错误：下级服务器的加入码要给出 --scope 区域（或在本服务器尚无该区域数据时给出 --villages 村编号）之一",
              file=sys.stderr)
        return 2
    with _opened(args) as server:
        with server.db.transaction() as conn:
            area_id = None
            if args.scope:
                area_id, _level, scope = registry.resolve_area(conn, args.scope)
                label = registry.village_names(conn, [area_id]).get(area_id, args.scope)
            else:
                scope = registry.resolve_villages(conn, args.villages.split(","))
                label = f"{len(scope)} 个村"
            name = args.name or args.cadre or f"{label}服务器"
            code, expires = registry.create_code(conn, name, scope, args.ttl_hours, kind=registry.SERVER_KIND,
                                                 area_id=area_id)
        print(code)
        print(f"下级服务器：{name}；范围：{label}（{len(scope)} 个村）；有效期至 {expires}（只能使用一次）")
        print(f"本服务器指纹：{fingerprint(server.identity.public_signing())}")
        print(f"在下级服务器上运行：fieldapp-server upstream enrol https://本服务器地址 {code}")
    return 0


def _upstream(args: argparse.Namespace) -> int:
    """``upstream enrol|sync|status``: exit 0 ok, 1 refused or not enrolled, 3 unreachable, 4 busy."""
    from fieldapp.server import upstream
    from fieldapp.sync.http_client import Offline, SyncError

    with _opened(args) as server:
        try:
            if args.upstream_command == "enrol":
                enrolment = upstream.enrol(server, args.url, args.code, name=args.name, ca=args.ca,
                                           replace_parent=args.replace)
                names = "、".join(str(v.get("name") or v.get("id")) for v in enrolment.villages) or "（无）"
                print(f"已加入上级服务器 {enrolment.server.get('name') or ''}（{enrolment.server['device_id']}）；"
                      f"范围 {len(enrolment.scope)} 个村：{names}")
                print(f"上级服务器指纹：{enrolment.fingerprint}（请与上级管理员核对）")
                return 0
            if args.upstream_command == "sync":
                done = upstream.sync(server)
                print(done.summary())
                for refusal in done.refusals:
                    print(f"  被拒绝：{refusal.get('tbl')} {refusal.get('row_id')}：{refusal.get('reason')}")
                return 0
            return _upstream_status(server, upstream.status(server))
        except upstream.RoundBusy as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 4
        except Offline as exc:
            print(f"错误：{exc}（未做任何改动，稍后重试）", file=sys.stderr)
            return 3
        except SyncError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 1


def _upstream_status(server: Server, found: Any) -> int:
    from fieldapp.server.upstream import local_time

    up, zone = found.upstream, server.config.timezone
    names = "、".join(found.village_names) or "（无）"
    print(f"上级服务器：{up.parent_name}（{up.parent_id}） {up.url}")
    print(f"本服务器在上级的名称：{up.name}；范围：{names}")
    print(f"上次同步：{local_time(up.last_sync, zone)}；上次尝试：{local_time(up.last_attempt, zone)}")
    if up.last_result:
        r = up.last_result
        print(f"上次结果：上传 {r.get('sent', 0)} 条，收到 {r.get('received', 0)} 条，被拒绝 {r.get('refused', 0)} 条")
    print(f"待上传的修改：{found.waiting} 条")
    if up.last_error:
        print(f"上次错误：{up.last_error}")
        return 3
    print("上次同步成功" if up.last_sync else "尚未同步")
    return 0


def _target_set(args: argparse.Namespace) -> int:
    """A target set at this server: a change of the server's, sent down with the next syncs."""
    from fieldapp.domain.errors import ValidationError
    from fieldapp.domain.refdata import RefData
    from fieldapp.services.targets.records import write_target
    from fieldapp.store.writer import Actor, ChangeWriter, shared_clock

    try:
        with _opened(args) as server:
            with server.db.read() as conn:
                area_id, name = registry.resolve_any_area(conn, args.area)
            writer = ChangeWriter(server.db, Actor(server.device_id, None, SERVER_NAME), shared_clock(server.db))
            with server.write_lock:
                record = write_target(writer, RefData(), area_id, args.year, args.kind, value=args.value)
    except ValidationError as exc:
        print("错误：" + "；".join(exc.problems.values()), file=sys.stderr)
        return 1
    print(f"已保存：{name} {record.year} 年 {record.kind} = {record.value}（下级与各笔记本下次同步时得到）")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with _opened(args) as server, server.db.transaction() as conn:
        found = registry.revoke(conn, args.device, args.reason)
    print(f"已吊销设备 {found.device_id}（{found.name}，{found.cadre}），时间 {found.revoked_at}")
    return 0


def _thresholds_set(args: argparse.Namespace) -> int:
    """The district's edit of a threshold: a change of the server's, sent to every laptop with its next sync."""
    from fieldapp.domain.errors import ValidationError
    from fieldapp.services.thresholds import set_threshold
    from fieldapp.store.writer import Actor, ChangeWriter, shared_clock

    try:
        with _opened(args) as server:
            writer = ChangeWriter(server.db, Actor(server.device_id, None, SERVER_NAME), shared_clock(server.db))
            with server.write_lock:
                set_threshold(writer, kind=args.kind, year=args.year, area_code=args.area,
                              amount_yuan=args.amount, source=args.source, note=args.note)
    except ValidationError as exc:
        print("错误：" + "；".join(exc.problems.values()), file=sys.stderr)
        return 1
    print(f"已保存：{args.kind} {args.year} {args.area} {args.amount}元（各笔记本下次同步时得到）")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from fieldapp.server.ingest import WAIT_S, ingest

    wait = WAIT_S if args.wait_s is None else args.wait_s
    if wait <= 0:
        print("错误：--wait-s 要大于 0", file=sys.stderr)
        return 2
    with _opened(args, ServerConfig(busy_wait_s=wait)) as server:  # the network server may be merging: wait
        report = ingest(server, args.stick)
    for path, text in report.applied:
        print(f"{path.name}：{text}")
    for path, reason, message in report.refused:
        print(f"已拒绝 {path.name}（{reason}）：{message}", file=sys.stderr)
    for path in report.replies:
        print(f"回复：{path}")
    if not report.applied and not report.refused:
        print(f"{args.stick} 中没有发给本服务器的同步包")
    return 1 if report.refused else 0


def _rows(name: str, rows: list[dict[str, Any]]) -> list[str]:
    if name == "devices":
        return [f"{d['device_id']}  {d['name']}  {d['cadre']}  村：{'、'.join(d['villages'])}  "
                f"上次同步：{d['last_sync_local'] or '从未'}（{d['last_transport'] or '—'}）"
                f"{'  超过一周未同步' if d['stale'] else ''}  待发给它：{d['not_yet_sent']}  "
                f"未解决冲突：{d['open_conflicts']}  "
                f"{'已吊销 ' + d['revoked_at'] if d['revoked_at'] else '正常'}" for d in rows]
    if name == "villages":
        return [f"{v['name']}（{v['code'] or v['village_id'][:8]}）：{v['households']} 户，{v['members']} 人，"
                f"走访 {v['visits']} 次，设备 {v['devices']} 台" for v in rows]
    if name == "quarantine":
        return [f"#{q['id']} [{q['status_text']}] {q['origin_who']}#{q['origin_seq']} {q['table']} "
                f"{q['hh_no'] or ''} {q['head_name'] or ''}：{q['reason_text']}" for q in rows]
    return [f"{a['at_local']}  {a['device_who']}  {a['action_text']}  {a['outcome_text']}"
            f"{'（' + a['reason_text'] + '）' if a['reason_text'] else ''}  {a['transport_text']}  "
            f"{a['remote'] or ''}  "
            f"{a['detail_text']}" for a in rows]


def _view(args: argparse.Namespace) -> int:
    with _opened(args) as server:
        if args.command in ("quarantine", "audit"):
            rows = getattr(admin, args.command)(server, args.limit).rows
        else:
            rows = getattr(admin, args.command)(server).rows
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print("\n".join(_rows(args.command, rows)) or "（无）")
    return 0


def _verify(args: argparse.Namespace) -> int:
    """Exit 0: valid and the district's copy matches; 3: valid but changed since; 1: invalid or unknown code."""
    from fieldapp.domain.signoff import SignoffError
    from fieldapp.services.signoff.verify import check_code

    try:
        with _opened(args) as server:
            reports = check_code(server.db, args.code)
    except SignoffError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    if not reports:
        print(f"未找到验证码 {args.code.strip()} 的签字（尚未同步到区县，或验证码有误）", file=sys.stderr)
        return 1
    for r in reports:
        print(f"验证码 {r.code}：{r.verdict}")
        print(f"  签字对象：{r.subject}")
        print(f"  签字人：{r.signer}（{r.role}），签字时间 {r.signed_at}")
        print(f"  {r.key_note}")
        for problem in r.problems:
            print(f"  问题：{problem}")
        for line in r.lines:
            field = f" {line.field}" if line.field else ""
            print(f"  修改：{line.where}{field}：{line.old or '（空）'} → {line.new or '（空）'}")
    if any(not r.valid for r in reports):
        return 1
    return 0 if all(r.matches is not False for r in reports) else 3


def _export_analytics(args: argparse.Namespace) -> int:
    from fieldapp.domain.refdata import RefData
    from fieldapp.services.analytics.extract import ExtractError, export

    bad = [y for y in args.year if not 2000 <= y <= 2100]
    if bad:
        print(f"错误：年度应在 2000–2100 之间：{bad[0]}", file=sys.stderr)
        return 2
    try:
        with _opened(args) as server:
            source = f"{server.config.name}（{server.device_id}），{server.db.dialect}"
            done = export(server.db, RefData(), args.out, args.year, source=source, force=args.force)
    except ExtractError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    years = "、".join(str(y) for y in done.years)
    print(f"已导出 {done.path}（{years}年）：" + "，".join(f"{name} {n} 行" for name, n in done.rows.items()))
    if not done.summaries:
        print("数据库中没有周汇总、月更新表：文件不含汇总（readme 表中说明）。")
    return 0


def _admin_token(args: argparse.Namespace) -> int:
    with _opened(args) as server:
        print(server.admin_token())
        print("在服务器本机打开 /admin 无需口令；在其他电脑上打开时，浏览器询问用户名（随意）和密码（此口令）。",
              file=sys.stderr)
    return 0


def _whoami(args: argparse.Namespace) -> int:
    with _opened(args) as server:
        print(json.dumps(district.public_identity(server.identity, server.config.name), ensure_ascii=False))
        print(f"指纹：{fingerprint(server.identity.public_signing())}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", _serve)
    try:
        return int(func(args))
    except (StoreError, IdentityError, ValueError, LookupError, OSError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
