"""NexusCommerce sandbox (seed 000): the multi-marketplace Orders API under ``/api/orders``.

Renders canonical orders into NexusCommerce's wire shape and applies its writes with the
domain workflow. What the seed shows is followed exactly (paths, query names, the list envelope
``{"data": [...], "meta": {"total", "limit", "nextCursor"}}``, snake_case order fields, numbers
for money, the four error codes). Where the seed is silent, these are the choices (the connector
docstring repeats them):

* Errors: ``{"error": {"code", "message", "details"?}}``. Codes beyond the seed's four:
  ``UNAUTHORIZED`` 401, ``VALIDATION_ERROR`` 400 (a malformed request: bad query parameter,
  missing field, unknown line id, more units than remain), ``NOT_FOUND`` 404 (unknown path),
  ``RATE_LIMITED`` 429 with Retry-After, ``INTERNAL_ERROR`` 5xx. The seed's 422s stay business
  rejections (status transition, marketplace).
* Tokens: every sandbox token carries both scopes (``orders:read``, ``orders:write``); no
  read-only token is modelled.
* List: newest placed first, stable under writes. ``limit`` outside 1..200 is REFUSED with
  400 VALIDATION_ERROR (not clamped), so a client asking for more learns it at once.
  ``cursor`` is opaque; ``meta.total`` counts every order matching the filters;
  ``meta.nextCursor`` is null on the last page. ``status`` takes one of the seven documented
  values and ``fulfillment_method`` one of FBM/FBA/FBS (any case); anything else is 400.
  ``marketplace`` is matched exactly (an unknown marketplace gives an empty list).
  ``start_date``/``end_date`` take a date or a date-time; a bare ``end_date`` includes that
  whole day (UTC). ``has_returns`` takes true/false. There is no updated-since filter.
* List items are summaries: the seed's fields plus ``external_line_item_id`` on each line
  item. ``GET /api/orders/:id`` answers ``{"data": order}`` with the full detail: ``updated_at``,
  ``payment_status``, amounts (``subtotal_amount``, ``tax_amount``, ``shipping_amount``,
  ``total_amount``), ``customer``, ``shipping_address``/``billing_address``
  (``name, company, address_line1, address_line2, city, state_or_region, postal_code,
  country_code``), line items with ``quantity_shipped``, ``barcode``, ``weight_kg``,
  ``shipments`` (``id, carrier, service, tracking_number, tracking_url, shipped_date,
  line_items [{external_line_item_id, quantity}]``), ``sync_history``
  (``[{timestamp, event, message}]``), ``has_returns``, ``notes``, ``gift_message``.
* Confirm shipment: ``carrier`` and ``tracking_number`` are required, ``shipped_date`` defaults
  to now, ``line_items`` omitted means everything that remains. 200 ``{"data": order}``.
  409 ALREADY_SHIPPED when nothing remains to ship (the order is shipped, delivered, completed)
  or when the same carrier + tracking number is already confirmed on the order (a repeated
  request is not applied twice). 422 INVALID_STATUS_TRANSITION for a cancelled order.
* MARKETPLACE_REJECTION (422), the sandbox's documented rule: the marketplace rejects a
  tracking number that is not plausible for the carrier: after removing spaces it must be 8 to
  40 letters and digits, and a UPS number must be ``1Z`` followed by 16 letters and digits.
* Cancel: ``reason`` is required (any text up to 200 characters). The simulated marketplace
  approves at once: the order reads back cancelled right away. The answer is 202 with
  ``{"data": {"order_id", "status": "cancellation_requested"}}``; it does not carry the order.
  An order with shipped goods, or already cancelled, gets 422 INVALID_STATUS_TRANSITION.
* Bulk shipment: 1..100 items; each item takes the single shipment's fields (``order_id``,
  ``carrier``, ``tracking_number``, optional ``shipped_date`` and ``line_items``) and is applied
  on its own. 200 ``{"data": {"succeeded", "failed", "errors": [{"index", "order_id", "code",
  "message"}]}}``; per-item codes are those of the single shipment.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fulfillment_station.domain import DomainError, Order
from fulfillment_station.domain.errors import NotShippable
from fulfillment_station.domain.models import Address, OrderStatus, Shipment, ShipmentLine
from fulfillment_station.domain.workflow import apply_cancel, apply_shipment
from fulfillment_station.sandbox.db import StoredOrder, time_key
from fulfillment_station.sandbox.dialects.base import DialectSpec, SandboxContext, SandboxError
from fulfillment_station.sandbox.routing import parse_when, write_order

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_BULK = 100
STATUSES = ("pending", "confirmed", "processing", "shipped", "delivered", "completed", "cancelled")
FULFILLMENT_METHODS = ("FBM", "FBA", "FBS")
VALIDATION = (400, "VALIDATION_ERROR")
_CURSOR_PREFIX = "c1."
_TRACKING_OK = re.compile(r"[A-Z0-9]{8,40}")
_UPS_OK = re.compile(r"1Z[A-Z0-9]{16}")


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def _bad_request(message: str, field: str | None = None) -> SandboxError:
    details = [{"field": field, "message": message}] if field else None
    return SandboxError(*VALIDATION, f"{field}: {message}" if field else message, details)


def _not_found(order_id: str) -> SandboxError:
    return SandboxError(404, "ORDER_NOT_FOUND", f"Order {order_id} does not exist")


# -- rendering ---------------------------------------------------------------------------------


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _address(address: Address | None) -> dict[str, Any] | None:
    if address is None:
        return None
    return {
        "name": address.name,
        "company": address.company,
        "address_line1": address.line1,
        "address_line2": address.line2,
        "city": address.city,
        "state_or_region": address.region,
        "postal_code": address.postal_code,
        "country_code": address.country,
    }


def render_summary(order: Order) -> dict[str, Any]:
    """A list item: the seed's example fields, plus the line items' ids."""
    return {
        "id": order.id,
        "external_order_id": order.number,
        "marketplace": order.marketplace or order.channel,
        "status": order.status.value,
        "fulfillment_method": order.fulfillment_method,
        "total_amount": _num(order.total),
        "currency": order.currency,
        "created_at": _iso(order.created_at),
        "line_items": [
            {
                "external_line_item_id": line.id,
                "sku": line.sku,
                "title": line.name,
                "quantity": line.quantity,
                "unit_price": _num(line.unit_price),
                "line_total": _num(line.unit_price * line.quantity),
            }
            for line in order.lines
        ],
    }


def render_detail(order: Order, extra: dict[str, Any]) -> dict[str, Any]:
    """``GET /api/orders/:id``: everything, incl. shipping address and sync history."""
    body = render_summary(order)
    body.update(
        {
            "updated_at": _iso(order.updated_at),
            "payment_status": order.payment_status,
            "subtotal_amount": _num(order.subtotal),
            "tax_amount": _num(order.tax),
            "shipping_amount": _num(order.shipping),
            "customer": {
                "id": extra.get("customer_id"),
                "name": order.customer.name,
                "email": order.customer.email,
                "phone": order.customer.phone,
            },
            "shipping_address": _address(order.ship_to),
            "billing_address": _address(order.bill_to),
            "has_returns": bool(extra.get("has_returns")),
            "notes": order.notes,
            "gift_message": order.gift_message,
            "shipments": [
                {
                    "id": s.id,
                    "carrier": s.carrier,
                    "service": s.service,
                    "tracking_number": s.tracking_number,
                    "tracking_url": s.tracking_url,
                    "shipped_date": _iso(s.shipped_at) if s.shipped_at else None,
                    "line_items": [
                        {"external_line_item_id": sl.line_id, "quantity": sl.quantity}
                        for sl in s.lines
                    ],
                }
                for s in order.shipments
            ],
            "sync_history": [
                {"timestamp": _iso(e.at), "event": e.kind, "message": e.message}
                for e in order.timeline
            ],
        }
    )
    for wire, line in zip(body["line_items"], order.lines, strict=True):
        wire.update(
            {
                "quantity_shipped": line.quantity_fulfilled,
                "barcode": line.barcode,
                "weight_kg": _num(line.weight),
            }
        )
    return body


# -- cursors -----------------------------------------------------------------------------------


def encode_cursor(seq: int) -> str:
    return _CURSOR_PREFIX + base64.urlsafe_b64encode(str(seq).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        if not cursor.startswith(_CURSOR_PREFIX):
            raise ValueError(cursor)
        text = cursor[len(_CURSOR_PREFIX) :]
        return int(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode())
    except ValueError:
        raise _bad_request("is not a cursor this API issued", "cursor") from None


# -- write bodies ------------------------------------------------------------------------------


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class LineRef(_Body):
    external_line_item_id: str = Field(min_length=1)
    quantity: int = Field(gt=0)


class ShipmentBody(_Body):
    carrier: str = Field(min_length=1, max_length=100)
    tracking_number: str = Field(min_length=1, max_length=100)
    shipped_date: str | None = None
    line_items: list[LineRef] | None = None


class BulkItem(ShipmentBody):
    order_id: str = Field(min_length=1)


class BulkBody(_Body):
    shipments: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_BULK)


class CancelBody(_Body):
    reason: str = Field(min_length=1, max_length=200)


def marketplace_rejection(carrier: str, tracking_number: str) -> str | None:
    """The sandbox marketplace's one rule, or None when it accepts the tracking number."""
    compact = tracking_number.replace(" ", "").upper()
    if not _TRACKING_OK.fullmatch(compact):
        return (
            f"The marketplace rejected tracking number {tracking_number!r}: it must be 8 to "
            "40 letters and digits"
        )
    if carrier.strip().upper() == "UPS" and not _UPS_OK.fullmatch(compact):
        return (
            f"The marketplace rejected tracking number {tracking_number!r}: a UPS number "
            "is 1Z followed by 16 letters and digits"
        )
    return None


def _shipment_change(
    body: ShipmentBody, now: datetime
) -> Callable[[StoredOrder], tuple[Order, str, dict[str, Any]]]:
    shipped_at = parse_when(body.shipped_date, "shipped_date", *VALIDATION) or now
    if body.line_items == []:
        raise _bad_request("is empty; leave it out to ship everything that remains", "line_items")
    wanted: dict[str, int] = {}
    for ref in body.line_items or ():
        if ref.external_line_item_id in wanted:
            raise _bad_request(f"{ref.external_line_item_id} is listed twice", "line_items")
        wanted[ref.external_line_item_id] = ref.quantity
    carrier, tracking = body.carrier.strip(), body.tracking_number.strip()

    def change(stored: StoredOrder) -> tuple[Order, str, dict[str, Any]]:
        order = stored.order
        if order.status == OrderStatus.CANCELLED:
            raise SandboxError(
                422, "INVALID_STATUS_TRANSITION", "The order is cancelled; it cannot be shipped"
            )
        remaining = sum(line.remaining for line in order.lines)
        if remaining == 0 or order.status not in (
            OrderStatus.PENDING,
            OrderStatus.CONFIRMED,
            OrderStatus.PROCESSING,
        ):
            raise SandboxError(
                409,
                "ALREADY_SHIPPED",
                f"Order {order.id} already has a confirmed shipment (status {order.status.value})",
            )
        if any(
            s.tracking_number == tracking and s.carrier.upper() == carrier.upper()
            for s in order.shipments
        ):
            raise SandboxError(
                409,
                "ALREADY_SHIPPED",
                f"{carrier} {tracking} is already confirmed on order {order.id}",
            )
        for line_id in wanted:
            if order.line(line_id) is None:
                raise _bad_request(f"the order has no line item {line_id}", "line_items")
        rejection = marketplace_rejection(carrier, tracking)
        if rejection:
            raise SandboxError(422, "MARKETPLACE_REJECTION", rejection)
        shipment = Shipment(
            id=f"shp_{order.id[-6:]}_{len(order.shipments) + 1}",
            carrier=carrier,
            tracking_number=tracking,
            shipped_at=shipped_at,
            lines=[ShipmentLine(line_id=k, quantity=v) for k, v in wanted.items()],
        )
        try:
            new = apply_shipment(order, shipment, now)
        except NotShippable as exc:
            raise _bad_request(exc.message, "line_items") from None
        lines = {sl.line_id: sl.quantity for sl in new.shipments[-1].lines}
        return new, "shipment", {"tracking_number": tracking, "carrier": carrier, "lines": lines}

    return change


def _ship(ctx: SandboxContext, order_id: str, body: ShipmentBody) -> tuple[StoredOrder, Order]:
    with ctx.lock:
        return write_order(ctx, order_id, _not_found(order_id), _shipment_change(body, ctx.now()))


def _cancel_change(
    reason: str, now: datetime
) -> Callable[[StoredOrder], tuple[Order, str, dict[str, Any]]]:
    def change(stored: StoredOrder) -> tuple[Order, str, dict[str, Any]]:
        try:
            new = apply_cancel(stored.order, reason, now)
        except DomainError as exc:
            raise SandboxError(
                422,
                "INVALID_STATUS_TRANSITION",
                f"Order {stored.order.id} cannot be cancelled: {exc.message}",
            ) from None
        return new, "cancel", {"reason": reason}

    return change


# -- routes ------------------------------------------------------------------------------------


def _list_where(
    status: str | None,
    marketplace: str | None,
    fulfillment_method: str | None,
    start_date: str | None,
    end_date: str | None,
    has_returns: bool | None,
) -> list[tuple[str, Any]]:
    where: list[tuple[str, Any]] = []
    if status is not None:
        if status not in STATUSES:
            raise _bad_request(f"must be one of {', '.join(STATUSES)}", "status")
        where.append(("status = ?", status))
    if marketplace is not None:
        where.append(("channel = ?", marketplace))
    if fulfillment_method is not None:
        method = fulfillment_method.upper()
        if method not in FULFILLMENT_METHODS:
            raise _bad_request("must be FBM, FBA or FBS", "fulfillment_method")
        where.append(("fulfillment_method = ?", method))
    start = parse_when(start_date, "start_date", *VALIDATION)
    if start is not None:
        where.append(("created_key >= ?", time_key(start)))
    end = parse_when(end_date, "end_date", *VALIDATION)
    if end is not None and end_date is not None:
        if len(end_date.strip()) == 10:  # a bare date: "on or before" takes in the whole day
            where.append(("created_key < ?", time_key(end + timedelta(days=1))))
        else:
            where.append(("created_key <= ?", time_key(end)))
    if has_returns is not None:
        where.append(("has_returns = ?", int(has_returns)))
    return where


def make_router(ctx: SandboxContext) -> APIRouter:
    def authenticated(request: Request) -> None:
        ctx.require_auth(request, SPEC)

    # A router dependency runs before the body is validated: no token is 401, whatever is sent.
    router = APIRouter(dependencies=[Depends(authenticated)])

    @router.get("/api/orders")
    def list_orders(
        limit: int = DEFAULT_LIMIT,
        cursor: str | None = None,
        status: str | None = None,
        marketplace: str | None = None,
        fulfillment_method: str | None = None,
        start_date: str | None = None,
        end_date: str | None = None,
        has_returns: bool | None = None,
    ) -> dict[str, Any]:
        if not 1 <= limit <= MAX_LIMIT:
            raise _bad_request(f"must be between 1 and {MAX_LIMIT}", "limit")
        where = _list_where(
            status, marketplace, fulfillment_method, start_date, end_date, has_returns
        )
        total = ctx.db.count(where)
        if cursor:
            where.append(("seq < ?", decode_cursor(cursor)))
        rows = ctx.db.query(where, order_by="seq DESC", limit=limit + 1)
        page, more = rows[:limit], len(rows) > limit
        return {
            "data": [render_summary(r.order) for r in page],
            "meta": {
                "total": total,
                "limit": limit,
                "nextCursor": encode_cursor(page[-1].seq) if more else None,
            },
        }

    @router.post("/api/orders/bulk-shipment")
    def bulk_shipment(body: BulkBody) -> dict[str, Any]:
        succeeded, errors = 0, []
        for index, raw in enumerate(body.shipments):
            order_id = raw.get("order_id") if isinstance(raw.get("order_id"), str) else None
            try:
                item = BulkItem.model_validate(raw)
                _ship(ctx, item.order_id, item)
            except ValidationError as exc:
                first = exc.errors()[0]
                field = ".".join(str(p) for p in first["loc"])
                errors.append(
                    {
                        "index": index,
                        "order_id": order_id,
                        "code": "VALIDATION_ERROR",
                        "message": f"{field}: {first['msg']}",
                    }
                )
            except SandboxError as exc:
                errors.append(
                    {"index": index, "order_id": order_id, "code": exc.code, "message": exc.message}
                )
            else:
                succeeded += 1
        return {"data": {"succeeded": succeeded, "failed": len(errors), "errors": errors}}

    @router.get("/api/orders/{order_id}")
    def get_order(order_id: str) -> dict[str, Any]:
        stored = ctx.db.get(order_id)
        if stored is None:
            raise _not_found(order_id)
        return {"data": render_detail(stored.order, stored.extra)}

    @router.post("/api/orders/{order_id}/shipment")
    def confirm_shipment(order_id: str, body: ShipmentBody) -> dict[str, Any]:
        stored, order = _ship(ctx, order_id, body)
        return {"data": render_detail(order, stored.extra)}

    @router.post("/api/orders/{order_id}/cancel", status_code=202)
    def cancel(order_id: str, body: CancelBody) -> JSONResponse:
        with ctx.lock:
            write_order(
                ctx, order_id, _not_found(order_id), _cancel_change(body.reason.strip(), ctx.now())
            )
        return JSONResponse(
            {"data": {"order_id": order_id, "status": "cancellation_requested"}}, status_code=202
        )

    return router


SPEC = DialectSpec(
    id="nexus",
    base_path="",
    make_router=make_router,
    error_body=error_body,
    auth_error_code="UNAUTHORIZED",
    validation_status=400,
    validation_code="VALIDATION_ERROR",
    rate_limit_code="RATE_LIMITED",
    server_error_code="INTERNAL_ERROR",
    not_found_code="NOT_FOUND",
)
