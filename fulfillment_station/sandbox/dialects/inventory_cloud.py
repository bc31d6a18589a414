"""Inventory Cloud sandbox (seed 003): ``GET /v1/orders`` and ``POST /v1/orders``, nothing else.

The seed documents the Order object, the list (filters ``status``, ``customer_id``, ``limit``
max 100, ``offset``) and create (reserves stock; 422 ``OUT_OF_STOCK``; 401 ``INVALID_AUTH``).
It documents no get-one, ship, cancel or line items, so this server has none of them.

Choices where the seed is silent (the connector's docstring repeats them):

- Mounted at the server root (``base_path`` ""); paths carry the ``/v1`` of the seed.
- Errors: ``{"error": {"code", "message", "details"?}}``. Malformed input (bad query value,
  bad body) is 422 ``VALIDATION_ERROR``; 429 ``RATE_LIMITED``; 5xx ``INTERNAL_ERROR``.
- List envelope: ``{"data": [Order...], "total", "limit", "offset"}``. ``limit`` defaults to
  20; a limit outside 1..100 or a negative offset is refused (422 ``VALIDATION_ERROR``), not
  clamped, since the seed states the maximum as a rule. Newest first (``created_at``
  descending, ties by insertion). ``status`` must be one of the five documented values;
  ``customer_id`` is an exact match. The seed mentions a "date range" filter but names no
  parameter, so none exists.
- Order fields are exactly the documented ones. ``total_amount``/``tax_amount`` are JSON
  numbers; ``created_at`` ISO 8601 UTC with milliseconds; ``payment_status`` is ``authorized``
  before processing, ``captured`` after, ``refunded`` for refunded orders; ``shipping_method``
  is the first shipment's ``carrier_service`` (lower case) or, before shipping, the method
  chosen at checkout; ``tracking_number`` the latest shipment's; ``external_id`` the source
  system's id (generated orders get a numeric one; null for orders created through the API
  without one).
- Create body: ``{"number"?, "external_id"?, "currency", "customer_id",
  "line_items": [{"sku", "quantity"}], "shipping_address"?: {"name", "company"?, "line1",
  "line2"?, "city", "region"?, "postal_code"?, "country"}, "shipping_method"?}``. Unit prices
  come from the catalogue; tax and shipping are 0. The answer is 201 with the new Order
  (``status`` pending, ``payment_status`` authorized). A ``number`` already in use is 409
  ``DUPLICATE_ORDER``; an unknown SKU is 422 ``VALIDATION_ERROR``; short stock is 422
  ``OUT_OF_STOCK`` with ``details.skus`` = ``[{"sku", "requested", "available"}]`` and
  nothing is reserved. No ``Idempotency-Key`` (the seed has none).
- Stock lives in the ``kv`` table (key ``inventory_cloud.stock``), seeded from the catalogue on
  first use by ``initial_stock``: every 12th SKU from SKU-0006 on is sold out, every 12th from
  SKU-0012 on has 1-3 units, the rest 20-499. A create reserves (decrements) stock in the same
  transaction that inserts the order and records the ``create`` effect.
"""

from __future__ import annotations

import random
import secrets
import zlib
from collections import Counter
from datetime import datetime
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from fulfillment_station.domain import Order
from fulfillment_station.sandbox.data import Product, catalogue
from fulfillment_station.sandbox.db import MAX_POSITION, utc_text
from fulfillment_station.sandbox.dialects.base import DialectSpec, SandboxContext, SandboxError

STATUSES = ("pending", "processing", "shipped", "delivered", "cancelled")
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
STOCK_KEY = "inventory_cloud.stock"
_CHECKOUT_METHODS = (
    "ups_ground",
    "fedex_home_delivery",
    "dhl_express_worldwide",
    "usps_ground_advantage",
)
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def initial_stock(seed: int) -> dict[str, int]:
    """Units on hand per SKU when the sandbox starts: some sold out, some low."""
    rng = random.Random(f"inventory-cloud-stock-{seed}")
    stock = {}
    for i, product in enumerate(catalogue(seed)):
        if i % 12 == 5:
            stock[product.sku] = 0
        elif i % 12 == 11:
            stock[product.sku] = rng.randrange(1, 4)
        else:
            stock[product.sku] = rng.randrange(20, 500)
    return stock


def _money(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _iso(value: datetime) -> str:
    return utc_text(value, 3) + "Z"


def render_order(order: Order, extra: dict[str, Any]) -> dict[str, Any]:
    """The seed's Order object for a stored canonical order."""
    if order.payment_status in ("refunded", "voided", "authorized", "captured"):
        payment = order.payment_status
    elif order.status.value == "pending":
        payment = "authorized"
    else:
        payment = "captured"
    if order.shipments:
        first = order.shipments[0]
        method = "_".join(p for p in (first.carrier, first.service or "") if p)
        method = method.lower().replace(" ", "_")
    else:
        method = (
            extra.get("shipping_method")
            or _CHECKOUT_METHODS[zlib.crc32(order.id.encode()) % len(_CHECKOUT_METHODS)]
        )
    tracking = next(
        (s.tracking_number for s in reversed(order.shipments) if s.tracking_number), None
    )
    if "external_id" in extra:
        external_id = extra["external_id"]
    else:
        digits = "".join(ch for ch in order.number if ch.isdigit())
        external_id = str(9918000 + int(digits)) if digits else None
    return {
        "id": order.id,
        "number": order.number,
        "external_id": external_id,
        "created_at": _iso(order.created_at),
        "currency": order.currency,
        "total_amount": _money(order.total),
        "tax_amount": _money(order.tax),
        "payment_status": payment,
        "status": order.status.value,
        "shipping_method": method,
        "tracking_number": tracking,
    }


class LineItemIn(BaseModel):
    sku: str = Field(min_length=1, max_length=64)
    quantity: int = Field(gt=0, le=10_000)


class AddressIn(BaseModel):
    name: str = Field(default="", max_length=200)
    company: str | None = Field(default=None, max_length=200)
    line1: str = Field(min_length=1, max_length=200)
    line2: str | None = Field(default=None, max_length=200)
    city: str = Field(min_length=1, max_length=100)
    region: str | None = Field(default=None, max_length=100)
    postal_code: str | None = Field(default=None, max_length=20)
    country: str = Field(min_length=2, max_length=2)


class CreateOrderIn(BaseModel):
    number: str | None = Field(default=None, min_length=1, max_length=40)
    external_id: str | None = Field(default=None, max_length=100)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    customer_id: str = Field(min_length=1, max_length=100)
    line_items: list[LineItemIn] = Field(min_length=1, max_length=100)
    shipping_address: AddressIn | None = None
    shipping_method: str | None = Field(default=None, max_length=100)


def make_router(ctx: SandboxContext) -> APIRouter:
    def authenticate(request: Request) -> None:
        ctx.require_auth(request, SPEC)

    # A router dependency runs before query and body validation: no token means 401 first.
    router = APIRouter(dependencies=[Depends(authenticate)])
    products = {p.sku: p for p in catalogue(ctx.seed)}

    @router.get("/v1/orders")
    def list_orders(
        status: str | None = None,
        customer_id: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> dict[str, Any]:
        if not 1 <= limit <= MAX_LIMIT:
            raise _invalid(f"limit must be between 1 and {MAX_LIMIT}", "limit")
        if offset < 0:
            raise _invalid("offset cannot be negative", "offset")
        if offset > MAX_POSITION:
            raise _invalid(f"offset must be at most {MAX_POSITION}", "offset")
        where: list[tuple[str, Any]] = []
        if status is not None:
            if status not in STATUSES:
                raise _invalid(f"status must be one of {', '.join(STATUSES)}", "status")
            where.append(("status = ?", status))
        if customer_id is not None:
            where.append(("customer_id = ?", customer_id))
        rows = ctx.db.query(where, "created_key DESC, seq DESC", limit, offset)
        return {
            "data": [render_order(r.order, r.extra) for r in rows],
            "total": ctx.db.count(where),
            "limit": limit,
            "offset": offset,
        }

    @router.post("/v1/orders", status_code=201)
    def create_order(body: CreateOrderIn) -> JSONResponse:
        wanted: Counter[str] = Counter()
        for n, item in enumerate(body.line_items):
            if item.sku not in products:
                raise _invalid(
                    f"line_items[{n}].sku: unknown SKU {item.sku!r}", f"line_items[{n}].sku"
                )
            wanted[item.sku] += item.quantity
        with ctx.db.transaction() as conn:
            stock = ctx.db.kv_get(STOCK_KEY) or initial_stock(ctx.seed)
            short = [
                {"sku": sku, "requested": qty, "available": stock.get(sku, 0)}
                for sku, qty in wanted.items()
                if stock.get(sku, 0) < qty
            ]
            if short:
                names = ", ".join(str(s["sku"]) for s in short)
                raise SandboxError(
                    422,
                    "OUT_OF_STOCK",
                    f"Not enough stock for {names}; nothing was reserved.",
                    {"skus": short},
                )
            if body.number is not None and ctx.db.get_by_number(body.number) is not None:
                raise SandboxError(
                    409, "DUPLICATE_ORDER", f"An order with number {body.number} already exists."
                )
            order, extra = _new_order(ctx, body, wanted, products)
            for sku, qty in wanted.items():
                stock[sku] -= qty
            ctx.db.kv_set(STOCK_KEY, stock, conn)
            # One transaction with the effect (and the stock): a create is all or nothing.
            ctx.db.insert_order(order, extra, conn)
            ctx.db.record_effect(
                conn, "create", order.id, {"number": order.number, "lines": dict(wanted)}
            )
        return JSONResponse(render_order(order, extra), status_code=201)

    return router


def _invalid(message: str, field: str) -> SandboxError:
    return SandboxError(
        SPEC.validation_status,
        SPEC.validation_code,
        message,
        [{"field": field, "message": message}],
    )


def _new_order(
    ctx: SandboxContext, body: CreateOrderIn, wanted: Counter[str], products: dict[str, Product]
) -> tuple[Order, dict[str, Any]]:
    """Runs inside the create transaction, so the id and number it picks stay free."""
    while True:
        order_id = "ord_" + "".join(secrets.choice(_CROCKFORD) for _ in range(8))
        if ctx.db.get(order_id) is None:
            break
    number = body.number
    serial = ctx.db.count_all()
    while number is None or ctx.db.get_by_number(number) is not None:
        serial += 1
        number = f"BS-{10000 + serial}"
    now = ctx.now()
    lines = []
    product_ids = {}
    subtotal = Decimal("0")
    for n, (sku, qty) in enumerate(wanted.items(), start=1):
        product = products[sku]
        line_id = f"{order_id}-L{n}"
        product_ids[line_id] = product.product_id
        subtotal += product.price * qty
        lines.append(
            {
                "id": line_id,
                "sku": sku,
                "name": product.name,
                "quantity": qty,
                "unit_price": str(product.price),
                "barcode": product.barcode,
                "weight": product.weight,
            }
        )
    addr = body.shipping_address
    ship_to = addr.model_dump() if addr else None
    order = Order.model_validate(
        {
            "id": order_id,
            "number": number,
            "dialect": "inventory-cloud",
            "status": "pending",
            "payment_status": "authorized",
            "channel": "api",
            "currency": body.currency,
            "subtotal": subtotal,
            "tax": 0,
            "shipping": 0,
            "total": subtotal,
            "customer": {"name": addr.name if addr else ""},
            "ship_to": ship_to,
            "lines": lines,
            "timeline": [{"at": now, "kind": "order_created", "message": "Order created via API"}],
            "created_at": now,
            "updated_at": now,
        }
    )
    extra: dict[str, Any] = {
        "customer_id": body.customer_id,
        "product_ids": product_ids,
        "has_returns": False,
        "external_id": body.external_id,
    }
    if body.shipping_method:
        extra["shipping_method"] = body.shipping_method
    return order, extra


SPEC = DialectSpec(
    id="inventory-cloud",
    base_path="",
    make_router=make_router,
    error_body=error_body,
    auth_error_code="INVALID_AUTH",
    auth_invalid_message="The API key provided is invalid or expired.",
    validation_status=422,
    validation_code="VALIDATION_ERROR",
)
