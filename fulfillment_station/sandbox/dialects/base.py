"""What every sandbox dialect module provides, and the context its routes work with."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from fastapi import APIRouter, Request

from fulfillment_station.sandbox.db import SandboxDB


class SandboxError(Exception):
    """Raised by a route to answer with the dialect's error envelope."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers or {}


@dataclass
class Faults:
    """Knobs for a bad day. Changed at run time through ``/_sandbox/faults`` or directly."""

    latency_ms: int = 0
    fail_rate: float = 0.0  # share of API requests answered with a random 5xx
    rate_limit: int = 0  # requests per second before 429 (0: no limit)
    drop_after_commit: int = 0  # the next N writes are applied, then the connection is cut
    seed: int = 0
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def public(self) -> dict[str, Any]:
        return {
            "latency_ms": self.latency_ms,
            "fail_rate": self.fail_rate,
            "rate_limit": self.rate_limit,
            "drop_after_commit": self.drop_after_commit,
        }


@dataclass
class SandboxContext:
    dialect: str
    db: SandboxDB
    token: str
    faults: Faults
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    seed: int = 1
    lock: threading.RLock = field(default_factory=threading.RLock)

    def require_auth(self, request: Request, spec: DialectSpec) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value:
            raise SandboxError(401, spec.auth_error_code, spec.auth_missing_message)
        if value.strip() != self.token:
            raise SandboxError(401, spec.auth_error_code, spec.auth_invalid_message)


class RouterFactory(Protocol):
    def __call__(self, ctx: SandboxContext) -> APIRouter: ...


@dataclass(frozen=True)
class DialectSpec:
    """One dialect's sandbox: where it is mounted, its routes and how its errors look."""

    id: str
    base_path: str  # prefix of the API below the server root; part of the base URL
    make_router: RouterFactory
    error_body: Callable[[int, str, str, Any], dict[str, Any]]
    auth_error_code: str
    auth_missing_message: str = "Authentication required: send Authorization: Bearer <token>."
    auth_invalid_message: str = "Authentication token is invalid or expired."
    validation_status: int = 422
    validation_code: str = "VALIDATION_ERROR"
    rate_limit_code: str = "RATE_LIMITED"
    server_error_code: str = "INTERNAL_ERROR"
    not_found_code: str = "NOT_FOUND"
    requires_user_agent: bool = False
    extra_headers: dict[str, str] = field(default_factory=dict)
