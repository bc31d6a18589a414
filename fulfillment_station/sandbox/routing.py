"""Small helpers the dialect routers share: query-parameter parsing and order writes that
record their effect in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fulfillment_station.domain import DomainError, Order
from fulfillment_station.domain.models import parse_utc
from fulfillment_station.sandbox.db import StoredOrder
from fulfillment_station.sandbox.dialects.base import SandboxContext, SandboxError


def parse_when(value: str | None, field: str, status: int, code: str) -> datetime | None:
    """An ISO 8601 query parameter; a bare date means midnight UTC."""
    if value is None or value == "":
        return None
    text = value.strip()
    if len(text) == 10:
        text += "T00:00:00Z"
    try:
        return parse_utc(text)
    except ValueError:
        raise SandboxError(status, code, f"{field} must be an ISO 8601 date and time") from None


def write_order(
    ctx: SandboxContext,
    order_id: str,
    not_found: SandboxError,
    change: Callable[[StoredOrder], tuple[Order, str, dict[str, Any]]],
) -> tuple[StoredOrder, Order]:
    """Load, change and save one order in one transaction, recording the effect.

    ``change`` returns (new order, effect kind, effect detail) or raises SandboxError /
    DomainError; a DomainError propagates for the caller to map to its dialect's error.
    """
    with ctx.db.transaction() as conn:
        stored = ctx.db.get(order_id)
        if stored is None:
            raise not_found
        new_order, kind, detail = change(stored)
        ctx.db.save(new_order, stored.extra, conn)
        ctx.db.record_effect(conn, kind, order_id, detail)
    return stored, new_order


__all__ = ["DomainError", "parse_when", "write_order"]
