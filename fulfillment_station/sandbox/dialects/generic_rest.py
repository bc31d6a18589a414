"""Generic REST sandbox (seed 004), mounted at ``/v1`` (the seed's example URL is
``https://api.example.com/v1/orders``): ``GET /orders``, ``GET /orders/{orderId}``,
``POST /orders`` (201), ``PUT /orders/{orderId}`` and ``DELETE /orders/{orderId}`` (204).

Errors are ``{"error": {"code", "message"}}``: 401 ``UNAUTHENTICATED``, 404 ``NOT_FOUND``,
400 ``BAD_REQUEST``, exactly as the seed shows them.

Choices where the seed is silent (the connector's docstring repeats them):

- Every malformed request (bad query value, bad body, unknown field value) is 400
  ``BAD_REQUEST`` with a message naming the field; so is a change the order's status does not
  allow ("subject to business logic rules"). 429 is ``RATE_LIMITED``, 5xx ``INTERNAL_ERROR``.
- List: ``limit`` defaults to 20, the undocumented maximum is 100 and larger values are clamped
  (the answer's ``pagination.limit`` shows the limit used); a limit below 1 or a negative
  offset is 400. ``sortBy`` is ``createdAt`` (default) or ``updatedAt``, ``sortOrder`` ``asc`` or
  ``desc`` (default); ties are broken by insertion order in the same direction. ``status`` must
  be one of pending, processing, shipped, delivered, cancelled. ``pagination`` is
  ``{total, limit, offset, nextOffset, prevOffset}``; ``nextOffset`` is null on the last page,
  ``prevOffset`` null on the first.
- Orders: ``orderId``, ``customerId``, ``status``, ``totalAmount`` (JSON number), ``currency``,
  ``createdAt``/``updatedAt`` (ISO 8601 UTC, whole seconds, ``Z``), ``items``
  [{``productId``, ``quantity``, ``price``}] and, on single-order answers (GET one, POST, PUT)
  only, ``shippingAddress`` {street, city, state, zipCode, country} (the list example has none).
  Products are ``PROD001``..``PROD240`` (the seed's examples name PROD001 and PROD004).
- POST: ``customerId`` and a non-empty ``items`` are required; prices come from the catalogue;
  currency is USD; the new order is ``pending``. An unknown ``productId`` is 400.
  ``paymentMethodId`` is accepted and ignored. No ``Idempotency-Key`` (the seed has none).
- PUT ``status`` follows the app's workflow rules: pending -> processing/shipped/cancelled,
  processing -> shipped/cancelled, shipped -> delivered; anything else is 400. Setting the status
  the order already has changes nothing and answers 200 (PUT is idempotent), so a repeated
  "mark shipped" is harmless. ``shippingAddress`` may change only before the order ships. An
  empty body is 400. Moving to ``shipped`` marks every item shipped; there is no tracking
  field, so the effect recorded has ``tracking_number`` null.
- DELETE cancels (204) while nothing has shipped; a shipped or delivered order is 400
  ``BAD_REQUEST`` with the seed's message; an order already cancelled answers 204 again and
  changes nothing. The cancelled order stays readable with ``status`` cancelled.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from fulfillment_station.domain import Address, DomainError, Order, OrderStatus
from fulfillment_station.domain.workflow import SHIPPED_STATUSES, apply_status, check_cancel
from fulfillment_station.sandbox.data import Product, catalogue
from fulfillment_station.sandbox.db import MAX_POSITION, StoredOrder, utc_text
from fulfillment_station.sandbox.dialects.base import DialectSpec, SandboxContext, SandboxError

STATUSES = ("pending", "processing", "shipped", "delivered", "cancelled")
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
_SORT_COLUMNS = {"createdAt": "created_key", "updatedAt": "updated_key"}
_FIRST_PRODUCT_ID = 12000  # data.catalogue numbers products from here


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def product_code(product_id: int) -> str:
    return f"PROD{product_id - _FIRST_PRODUCT_ID + 1:03d}"


def _bad(message: str) -> SandboxError:
    return SandboxError(400, "BAD_REQUEST", message)


def _not_found(order_id: str) -> SandboxError:
    return SandboxError(404, "NOT_FOUND", f"Order with ID {order_id} not found.")


def _iso(value: datetime) -> str:
    return utc_text(value, 0) + "Z"


def _money(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def render_address(address: Address) -> dict[str, Any]:
    street = ", ".join(p for p in (address.line1, address.line2) if p)
    return {
        "street": street,
        "city": address.city,
        "state": address.region,
        "zipCode": address.postal_code,
        "country": address.country,
    }


def render_order(order: Order, extra: dict[str, Any], *, full: bool) -> dict[str, Any]:
    """The seed's order object; ``full`` adds ``shippingAddress`` (single-order answers)."""
    product_ids = extra.get("product_ids", {})
    items = []
    for line in order.lines:
        pid = product_ids.get(line.id)
        items.append(
            {
                "productId": product_code(pid) if pid is not None else line.id,
                "quantity": line.quantity,
                "price": _money(line.unit_price),
            }
        )
    out: dict[str, Any] = {
        "orderId": order.id,
        "customerId": extra.get("customer_id"),
        "status": order.status.value,
        "totalAmount": _money(order.total),
        "currency": order.currency,
        "createdAt": _iso(order.created_at),
        "updatedAt": _iso(order.updated_at),
    }
    if full and order.ship_to is not None:
        out["shippingAddress"] = render_address(order.ship_to)
    out["items"] = items
    return out


class AddressIn(BaseModel):
    street: str | None = Field(default=None, max_length=300)
    city: str | None = Field(default=None, max_length=100)
    state: str | None = Field(default=None, max_length=100)
    zipCode: str | None = Field(default=None, max_length=20)
    country: str | None = Field(default=None, max_length=60)

    def to_address(self, name: str = "") -> Address:
        return Address(
            name=name,
            line1=self.street or "",
            city=self.city or "",
            region=self.state,
            postal_code=self.zipCode,
            country=self.country or "",
        )


class ItemIn(BaseModel):
    productId: str = Field(min_length=1, max_length=64)
    quantity: int = Field(gt=0, le=10_000)


class CreateOrderIn(BaseModel):
    customerId: str = Field(min_length=1, max_length=100)
    items: list[ItemIn] = Field(min_length=1, max_length=100)
    shippingAddress: AddressIn | None = None
    paymentMethodId: str | None = Field(default=None, max_length=100)


class UpdateOrderIn(BaseModel):
    status: str | None = None
    shippingAddress: AddressIn | None = None


def make_router(ctx: SandboxContext) -> APIRouter:
    def authenticate(request: Request) -> None:
        ctx.require_auth(request, SPEC)

    # A router dependency runs before query and body validation: no token means 401 first.
    router = APIRouter(dependencies=[Depends(authenticate)])
    products = {product_code(p.product_id): p for p in catalogue(ctx.seed)}

    @router.get("/orders")
    def list_orders(
        status: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
        sortBy: str = "createdAt",
        sortOrder: str = "desc",
    ) -> dict[str, Any]:
        if limit < 1:
            raise _bad("limit must be at least 1")
        limit = min(limit, MAX_LIMIT)
        if offset < 0:
            raise _bad("offset cannot be negative")
        if offset > MAX_POSITION:
            raise _bad(f"offset must be at most {MAX_POSITION}")
        if sortBy not in _SORT_COLUMNS:
            raise _bad("sortBy must be createdAt or updatedAt")
        if sortOrder not in ("asc", "desc"):
            raise _bad("sortOrder must be asc or desc")
        where: list[tuple[str, Any]] = []
        if status is not None:
            if status not in STATUSES:
                raise _bad(f"status must be one of {', '.join(STATUSES)}")
            where.append(("status = ?", status))
        direction = sortOrder.upper()
        rows = ctx.db.query(
            where, f"{_SORT_COLUMNS[sortBy]} {direction}, seq {direction}", limit, offset
        )
        total = ctx.db.count(where)
        return {
            "data": [render_order(r.order, r.extra, full=False) for r in rows],
            "pagination": {
                "total": total,
                "limit": limit,
                "offset": offset,
                "nextOffset": offset + limit if offset + limit < total else None,
                "prevOffset": max(0, offset - limit) if offset > 0 else None,
            },
        }

    @router.get("/orders/{orderId}")
    def get_order(orderId: str) -> dict[str, Any]:
        stored = ctx.db.get(orderId)
        if stored is None:
            raise _not_found(orderId)
        return render_order(stored.order, stored.extra, full=True)

    @router.post("/orders", status_code=201)
    def create_order(body: CreateOrderIn) -> JSONResponse:
        for n, item in enumerate(body.items):
            if item.productId not in products:
                raise _bad(f"items[{n}].productId: unknown product {item.productId!r}")
        with ctx.db.transaction() as conn:
            order, extra = _new_order(ctx, body, products)
            # One transaction with the effect (and the stock): a create is all or nothing.
            ctx.db.insert_order(order, extra, conn)
            ctx.db.record_effect(
                conn, "create", order.id, {"items": {i.productId: i.quantity for i in body.items}}
            )
        return JSONResponse(render_order(order, extra, full=True), status_code=201)

    @router.put("/orders/{orderId}")
    def update_order(orderId: str, body: UpdateOrderIn) -> dict[str, Any]:
        if body.status is None and body.shippingAddress is None:
            raise _bad("nothing to update: send status and/or shippingAddress")
        if body.status is not None and body.status not in STATUSES:
            raise _bad(f"status must be one of {', '.join(STATUSES)}")
        target = OrderStatus(body.status) if body.status else None
        order, extra = _write(ctx, orderId, target, body.shippingAddress)
        return render_order(order, extra, full=True)

    @router.delete("/orders/{orderId}", status_code=204)
    def cancel_order(orderId: str) -> Response:
        _write(ctx, orderId, OrderStatus.CANCELLED, None)
        return Response(status_code=204)

    return router


def _write(
    ctx: SandboxContext, order_id: str, target: OrderStatus | None, address: AddressIn | None
) -> tuple[Order, dict[str, Any]]:
    """Apply a PUT/DELETE in one transaction with its effect; a no-op records nothing."""
    with ctx.db.transaction() as conn:
        stored = ctx.db.get(order_id)
        if stored is None:
            raise _not_found(order_id)
        changed = _updated(stored, target, address, ctx.now())
        if changed is None:
            return stored.order, stored.extra
        order, kind, detail = changed
        ctx.db.save(order, stored.extra, conn)
        ctx.db.record_effect(conn, kind, order_id, detail)
    return order, stored.extra


def _updated(
    stored: StoredOrder, target: OrderStatus | None, address: AddressIn | None, now: datetime
) -> tuple[Order, str, dict[str, Any]] | None:
    """The order after a PUT/DELETE, with the effect to record; None when nothing changes.
    Business-rule failures raise 400 BAD_REQUEST with a message the packer can read."""
    order = stored.order
    shipped = order.status in SHIPPED_STATUSES
    kind = "update"
    detail: dict[str, Any] = {}
    if address is not None:
        if shipped or order.status == OrderStatus.CANCELLED:
            raise _bad(
                f"Order {order.id} is {order.status.value}; its shipping address can "
                "no longer change."
            )
        name = order.ship_to.name if order.ship_to else order.customer.name
        new_address = address.to_address(name)
        if new_address != order.ship_to:
            order = order.model_copy(update={"ship_to": new_address, "updated_at": now})
            detail["shipping_address"] = address.model_dump()
    if target is not None and target != order.status:
        if target == OrderStatus.CANCELLED and shipped:
            raise _bad(f"Order {order.id} cannot be cancelled as it has already been shipped.")
        try:
            if target == OrderStatus.CANCELLED:
                check_cancel(order)
            order = apply_status(order, target, now)
        except DomainError as exc:
            raise _bad(f"Order {order.id}: {exc.message}.") from None
        detail["status"] = target.value
        if target == OrderStatus.SHIPPED:
            kind = "shipment"
            detail.update(
                tracking_number=None, lines={ln.id: ln.quantity for ln in stored.order.lines}
            )
        elif target == OrderStatus.CANCELLED:
            kind = "cancel"
    return (order, kind, detail) if detail else None


def _new_order(
    ctx: SandboxContext, body: CreateOrderIn, products: dict[str, Product]
) -> tuple[Order, dict[str, Any]]:
    serial = ctx.db.count_all()
    while True:
        order_id = f"ORD{100000000 + serial:09d}"
        if ctx.db.get(order_id) is None:
            break
        serial += 1
    now = ctx.now().replace(microsecond=0)
    quantities: dict[str, int] = {}
    for item in body.items:
        quantities[item.productId] = quantities.get(item.productId, 0) + item.quantity
    lines, product_ids, total = [], {}, Decimal("0")
    for code, qty in quantities.items():
        product = products[code]
        product_ids[code] = product.product_id
        total += product.price * qty
        lines.append(
            {
                "id": code,
                "sku": product.sku,
                "name": product.name,
                "quantity": qty,
                "unit_price": str(product.price),
                "barcode": product.barcode,
                "weight": product.weight,
            }
        )
    order = Order.model_validate(
        {
            "id": order_id,
            "number": order_id,
            "dialect": "generic-rest",
            "status": "pending",
            "payment_status": "paid" if body.paymentMethodId else None,
            "channel": "api",
            "currency": "USD",
            "subtotal": total,
            "total": total,
            "ship_to": body.shippingAddress.to_address() if body.shippingAddress else None,
            "lines": lines,
            "timeline": [{"at": now, "kind": "order_created", "message": "Order created via API"}],
            "created_at": now,
            "updated_at": now,
        }
    )
    return order, {"customer_id": body.customerId, "product_ids": product_ids, "has_returns": False}


SPEC = DialectSpec(
    id="generic-rest",
    base_path="/v1",
    make_router=make_router,
    error_body=error_body,
    auth_error_code="UNAUTHENTICATED",
    auth_invalid_message="Authentication token is invalid or expired.",
    validation_status=400,
    validation_code="BAD_REQUEST",
)
