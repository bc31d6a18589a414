"""Builds a dialect's FastAPI app and wraps it with what every sandbox shares: Bearer auth
(done in the dialect's routes via ``ctx.require_auth``), the dialect's error envelope for every
error, fault injection (latency, random 5xx, 429 with Retry-After, drop-after-commit) and the
sandbox-only journal under ``/_sandbox/`` (journal and faults behind the same token; health
open). Connectors never use ``/_sandbox/``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fulfillment_station import APP_NAME
from fulfillment_station.sandbox.dialects.base import (
    DialectSpec,
    Faults,
    SandboxContext,
    SandboxError,
)

log = logging.getLogger(__name__)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SANDBOX_PREFIX = "/_sandbox"


class DroppedConnection(Exception):
    """Raised after a write was applied, so uvicorn cuts the connection mid-answer."""


class _HideDroppedConnection(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DroppedConnection)


def create_app(spec: DialectSpec, ctx: SandboxContext) -> FastAPI:
    app = FastAPI(
        title=f"{APP_NAME} sandbox: {spec.id}",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    logging.getLogger("uvicorn.error").addFilter(_HideDroppedConnection())

    def render(
        status: int,
        code: str,
        message: str,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> JSONResponse:
        return JSONResponse(
            spec.error_body(status, code, message, details), status_code=status, headers=headers
        )

    @app.exception_handler(SandboxError)
    async def _sandbox_error(_: Request, exc: SandboxError) -> JSONResponse:
        return render(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {
                "field": ".".join(str(p) for p in e["loc"] if p not in ("body", "query")),
                "message": e["msg"],
            }
            for e in exc.errors()
        ]
        first = details[0] if details else {"field": "", "message": "invalid request"}
        message = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
        return render(spec.validation_status, spec.validation_code, message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = spec.not_found_code if exc.status_code == 404 else f"HTTP_{exc.status_code}"
        return render(exc.status_code, code, str(exc.detail))

    def same_token(request: Request) -> None:
        # The journal holds every request body (names, addresses) and the faults can break
        # the sandbox for everyone on the machine: the API's own token guards both.
        ctx.require_auth(request, spec)

    guarded = [Depends(same_token)]

    @app.get(f"{SANDBOX_PREFIX}/journal", dependencies=guarded)
    def journal() -> dict[str, Any]:
        return ctx.db.journal()

    @app.get(f"{SANDBOX_PREFIX}/faults", dependencies=guarded)
    def get_faults() -> dict[str, Any]:
        return ctx.faults.public()

    @app.post(f"{SANDBOX_PREFIX}/faults", dependencies=guarded)
    def set_faults(body: dict[str, Any]) -> dict[str, Any]:
        for key in ("latency_ms", "fail_rate", "rate_limit", "drop_after_commit"):
            if key in body:
                setattr(ctx.faults, key, type(getattr(ctx.faults, key))(body[key]))
        return ctx.faults.public()

    @app.get(f"{SANDBOX_PREFIX}/health")
    def health() -> dict[str, Any]:
        return {"ok": True, "dialect": spec.id, "orders": ctx.db.count_all()}

    app.include_router(spec.make_router(ctx), prefix=spec.base_path)
    app.add_middleware(_FaultsAndJournal, spec=spec, ctx=ctx, render=render)
    return app


class _FaultsAndJournal:
    """Pure ASGI middleware: fault injection before the app, journal of writes after it."""

    def __init__(self, app: ASGIApp, spec: DialectSpec, ctx: SandboxContext, render: Any) -> None:
        self.app = app
        self.spec = spec
        self.ctx = ctx
        self.render = render
        self._window_start = time.monotonic()
        self._window_count = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(SANDBOX_PREFIX):
            await self.app(scope, receive, send)
            return
        faults: Faults = self.ctx.faults
        if faults.latency_ms:
            await asyncio.sleep(faults.latency_ms / 1000)
        # Auth first, as the real services' gateways do: a request without a valid token gets
        # 401 whatever its body (FastAPI would otherwise reject a malformed body first).
        try:
            self.ctx.require_auth(Request(scope), self.spec)
        except SandboxError as exc:
            await self.render(exc.status, exc.code, exc.message, None, None)(scope, receive, send)
            return
        if faults.rate_limit and self._over_rate_limit(faults.rate_limit):
            response = self.render(
                429,
                self.spec.rate_limit_code,
                "Too many requests: slow down and retry after the delay.",
                None,
                {"Retry-After": "1"},
            )
            await response(scope, receive, send)
            return
        if faults.fail_rate and faults.rng.random() < faults.fail_rate:
            status = faults.rng.choice((500, 502, 503))
            response = self.render(
                status,
                self.spec.server_error_code,
                "The server hit a temporary error (sandbox fault).",
                None,
                None,
            )
            await response(scope, receive, send)
            return
        method = scope["method"]
        if method not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        await self._write(scope, receive, send)

    def _over_rate_limit(self, per_second: int) -> bool:
        with self._lock:
            now = time.monotonic()
            if now - self._window_start >= 1.0:
                self._window_start, self._window_count = now, 0
            self._window_count += 1
            return self._window_count > per_second

    async def _write(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = bytearray()

        async def recording_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                body.extend(message.get("body", b""))
            return message

        faults = self.ctx.faults
        with self._lock:
            drop = faults.drop_after_commit > 0
            if drop:
                faults.drop_after_commit -= 1
        status: dict[str, int] = {}

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            if not drop:
                await send(message)

        try:
            await self.app(scope, recording_receive, recording_send)
        finally:
            headers = {k.decode().lower(): v.decode() for k, v in scope.get("headers", [])}
            self.ctx.db.journal_request(
                scope["method"],
                scope["path"],
                scope.get("query_string", b"").decode(),
                body.decode("utf-8", "replace"),
                headers.get("idempotency-key"),
                status.get("code"),
                drop,
            )
        if drop:
            log.warning(
                "sandbox fault: %s %s applied, cutting the connection",
                scope["method"],
                scope["path"],
            )
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", b"4096"),
                    ],
                }
            )
            raise DroppedConnection(scope["path"])
