"""The district server's HTTP API (FastAPI): health, enrolment, sync, and the admin view.

- ``GET /api/v1/health`` — unauthenticated, no database work: the laptops' reachability probe.
- ``POST /api/v1/enrol`` — JSON ``{code, device: {device_id, name, signing, agreement}}``, signed
  with the key it carries; answers the server's public identity, the villages granted and the
  server time.
- ``POST /api/v1/sync`` — body: an issue-5 package addressed to the server, signed by an enrolled
  device (see :mod:`.auth`); answer: the device's reply package (``application/octet-stream``)
  with the import result in the ``X-FieldApp-Import`` header (JSON).
- ``/admin`` and ``/admin/api/{devices,villages,quarantine,audit}`` — see :mod:`.admin`.
- ``/dashboard`` (挂图作战, read-only, the admin page's access) and ``/dashboard/api/status`` — see :mod:`.dashboard`.

Every refusal is a 4xx JSON ``{reason, message}``: 401/403 for authentication, 400/409/422 for
bad packages and input, 413 above the size limit (checked from ``Content-Length`` before reading,
and while reading a body without one). A connection dropped mid-upload leaves nothing applied.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldapp import __version__
from fieldapp.server import admin, auth, dashboard, registry, syncing
from fieldapp.server.registry import Refused
from fieldapp.server.storage import Server, ServerConfig, open_server
from fieldapp.store.db import StoreEnvironmentError
from fieldapp.sync import district
from fieldapp.sync.http_client import (
    ENROL_PATH,
    HEADER_DEVICE,
    HEADER_NONCE,
    HEADER_RESULT,
    HEADER_SIGNATURE,
    HEADER_TIME,
    HEALTH_PATH,
    SYNC_PATH,
)
from fieldapp.sync.state import now_iso

log = logging.getLogger("fieldapp.server.http")

SMALL_BODY = 256 * 1024  # every endpoint but sync
LOCKED_RETRY_S = 10  # Retry-After when another process held the SQLite write lock too long


def _locked(exc: BaseException) -> bool:
    """Whether ``exc`` (or its cause) is SQLite's "database is locked" (another process is writing)."""
    while exc is not None:
        if "database is locked" in str(getattr(exc, "orig", exc)).lower():
            return True
        exc = exc.__cause__  # type: ignore[assignment]
    return False


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 for a declared or streamed body above the endpoint's limit."""

    def __init__(self, app: ASGIApp, sync_limit: int) -> None:
        self.app = app
        self.sync_limit = sync_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.sync_limit if scope.get("path") == SYNC_PATH else SMALL_BODY
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            text = declared.decode("latin-1").strip()
            if not text.isdigit():
                await _send_json(send, 400, {"reason": "bad-length", "message": "Content-Length 格式错误"})
                return
            if int(text) > limit:
                await _send_json(send, 413, _too_large(limit))
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge()
            return message

        await self.app(scope, counted, send)


def _too_large(limit: int) -> dict[str, Any]:
    return {"reason": "too-large", "message": f"请求过大：上限 {limit // (1024 * 1024) or 1} MB（{limit} 字节）"}


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": data})


_KEY32 = r"^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$"  # canonical base64 of 32 bytes, nothing else


class PublicIdentity(BaseModel):
    device_id: str = Field(pattern=r"^[0-9A-Za-z-]{8,36}$")
    name: str = Field("", max_length=64)
    signing: str = Field(min_length=44, max_length=44, pattern=_KEY32, description="base64 Ed25519 public key")
    agreement: str = Field(min_length=44, max_length=44, pattern=_KEY32, description="base64 X25519 public key")


class EnrolIn(BaseModel):
    code: str = Field(min_length=1, max_length=64)
    device: PublicIdentity


class Village(BaseModel):
    id: str
    name: str


class EnrolOut(BaseModel):
    server: PublicIdentity
    scope: list[str]
    villages: list[Village]
    cadre: str
    server_time: int
    role: str = "member"


class Health(BaseModel):
    status: str
    server_id: str
    signing: str  # the server's public signing key: a laptop checks it against the key it pinned
    name: str
    version: str
    server_time: int


class RefusalOut(BaseModel):
    reason: str
    message: str


_SIGNED_HEADERS = [{"name": h, "in": "header", "required": False, "schema": {"type": "string"}}
                   for h in (HEADER_DEVICE, HEADER_TIME, HEADER_NONCE, HEADER_SIGNATURE)]
_REFUSALS: dict[int | str, dict[str, Any]] = {
    code: {"model": RefusalOut, "description": text} for code, text in (
        (400, "malformed package or request"), (401, "not authenticated, replayed or tampered request"),
        (403, "revoked device, used or expired code"), (409, "package out of order, or device id taken"),
        (413, "request too large"), (422, "invalid input"), (503, "server busy, retry later"))}


_HTTP_REASONS = {400: ("bad-request", "请求内容无法解析（应为 UTF-8 编码的 JSON）"), 404: ("not-found", "没有这个地址"),
                 405: ("method-not-allowed", "这个地址不接受该请求方法")}


def _remote(request: Request) -> str | None:
    return request.client.host if request.client else None


#: what :func:`app_from_env` opens: set by ``fieldapp-server serve --workers N`` for its worker processes
ENV_HOME, ENV_DB, ENV_CONFIG = "FIELDAPP_SERVER_HOME", "FIELDAPP_SERVER_DB", "FIELDAPP_SERVER_CONFIG"


def app_from_env() -> FastAPI:
    """The app of one uvicorn worker process (``--workers N``): its own server object on the shared database.

    uvicorn starts workers from an import string, so each worker opens the server's home and database
    named in the environment (:data:`ENV_HOME`, :data:`ENV_DB`; :data:`ENV_CONFIG`: the
    :class:`ServerConfig` fields as JSON). The workers share nothing in memory: merges are serialised by
    the database (SQLite's write lock, PostgreSQL's advisory lock), nonces are stored in it.
    """
    config = ServerConfig(**json.loads(os.environ.get(ENV_CONFIG) or "{}"))
    server = open_server(os.environ.get(ENV_DB) or None, Path(os.environ[ENV_HOME]), config)
    app = create_app(server)
    app.router.on_shutdown.append(server.close)
    return app


def create_app(server: Server) -> FastAPI:
    app = FastAPI(title="FieldApp district server", version=__version__, docs_url=None, redoc_url=None)

    @app.exception_handler(Refused)
    async def refused(_request: Request, exc: Refused) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers or None)

    @app.exception_handler(BodyTooLarge)
    async def too_large(_request: Request, _exc: BodyTooLarge) -> JSONResponse:
        return JSONResponse(_too_large(server.config.max_body), status_code=413, headers={"Connection": "close"})

    @app.exception_handler(ClientDisconnect)
    async def disconnected(request: Request, _exc: ClientDisconnect) -> Response:
        log.info("client %s disconnected mid-request on %s: nothing applied", _remote(request), request.url.path)
        return Response(status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Only where and what: the input itself may be bytes that are not even UTF-8.
        detail = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))}
                  for e in exc.errors()]
        return JSONResponse({"reason": "invalid", "message": "请求内容不符合要求", "detail": detail}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        """The framework's own refusals (an unparsable body, an unknown path or method) in the documented form."""
        reason, message = _HTTP_REASONS.get(exc.status_code, (f"http-{exc.status_code}", str(exc.detail)))
        return JSONResponse({"reason": reason, "message": message}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreEnvironmentError)
    @app.exception_handler(PoolTimeout)
    async def busy(request: Request, exc: Exception) -> JSONResponse:
        if _locked(exc):  # another process (the USB desk) held the SQLite file's write lock past the bound
            log.warning("database write lock busy for over %s s on %s: answered 503", server.config.busy_wait_s,
                        request.url.path)
            return JSONResponse({"reason": "busy", "message": "服务器数据库正忙（另一个进程正在写入，例如 U 盘收件）："
                                 "请稍后重试，本次请求未做任何改动"}, status_code=503,
                                headers={"Retry-After": str(LOCKED_RETRY_S)})
        log.warning("database unavailable: %s", exc)
        return JSONResponse({"reason": "busy", "message": f"服务器暂时无法处理：{exc}"}, status_code=503,
                            headers={"Retry-After": "30"})

    @app.get(HEALTH_PATH, response_model=Health)
    async def health() -> Health:
        return Health(status="ok", server_id=server.device_id, signing=server.identity.public_signing(),
                      name=server.config.name, version=__version__,
                      server_time=int(time.time()))

    @app.post(ENROL_PATH, response_model=EnrolOut, responses=_REFUSALS,
              openapi_extra={"parameters": _SIGNED_HEADERS})
    async def enrol(payload: EnrolIn, request: Request) -> EnrolOut:
        raw = await request.body()
        return await run_in_threadpool(_enrol, server, payload, dict(request.headers), raw, _remote(request))

    @app.post(SYNC_PATH, response_class=Response, responses={
        200: {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
              "description": "the device's reply package; the import result in the X-FieldApp-Import header"},
        **_REFUSALS}, openapi_extra={"parameters": _SIGNED_HEADERS, "requestBody": {"required": True, "content": {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def sync(request: Request) -> Response:
        body = await request.body()
        return await run_in_threadpool(_sync, server, dict(request.headers), body, _remote(request))

    admin.register(app, server)
    dashboard.register(app, server)
    app.add_middleware(BodyLimit, sync_limit=server.config.max_body)
    return app


def _enrol(server: Server, payload: EnrolIn, headers: dict[str, str], raw: bytes, remote: str | None) -> EnrolOut:
    public = payload.device.model_dump()
    auth.public_key(public["agreement"])  # both keys must decode (422 otherwise); X25519 keys are 32 bytes too
    signed = auth.parse(headers)
    if signed.device_id != public["device_id"]:
        raise Refused(401, "malformed-auth", "请求签名的设备与要加入的设备不一致")
    auth.authenticate(server, "POST", ENROL_PATH, headers, raw, signing_key=public["signing"], remote=remote)
    try:
        with server.write_lock, server.db.transaction() as conn:
            device = registry.redeem(conn, payload.code, public, remote=remote)
            names = registry.village_names(conn, device.scope)
    except Refused as exc:
        with server.write_lock, server.db.transaction() as conn:
            registry.audit(conn, "enrol", "refused", device_id=public["device_id"], reason=exc.reason,
                           transport="http", remote=remote, detail={"message": str(exc)})
        raise
    log.info("device %s enrolled (%s, %s)", device.device_id, device.cadre, device.scope)
    me = district.public_identity(server.identity, server.config.name)
    return EnrolOut(server=PublicIdentity(**me), scope=device.scope, cadre=device.cadre, role=device.role,
                    villages=[Village(id=v, name=names.get(v, "")) for v in device.scope],
                    server_time=int(time.time()))


def _sync(server: Server, headers: dict[str, str], body: bytes, remote: str | None) -> Response:
    device = auth.authenticate(server, "POST", SYNC_PATH, headers, body, remote=remote)
    assert device is not None
    applied = syncing.apply_package(server, device, body, transport="http", remote=remote)
    built = syncing.reply_to(server, device, [applied], transport="http", remote=remote)
    result = syncing.summary([applied]) | {"server_time_iso": now_iso()}
    return Response(built.data, media_type="application/octet-stream",
                    headers={HEADER_RESULT: json.dumps(result, ensure_ascii=True, separators=(",", ":"))})
