"""Price2b sandbox (seed 001): the multi-marketplace Orders API under ``/api/v1/orders``.

Endpoints as the seed documents them: list, get, ``PUT`` update, ``POST /:id/ship`` (creates
the shipment, the tracking number and a label), ``POST /:id/fulfill`` (a shipment made outside
Price2b), ``POST /:id/cancel``, ``GET /:id/shipments``, ``POST /sync`` and
``GET /sync/status``; plus ``GET /v1/shipping/shipments/{id}/label``, the URL the seed's ship
answer shows in ``label_url``, which serves the label as a small PDF.

Choices where the seed is silent (the connector's docstring repeats them):

- Mounted at ``/api`` (the real base URL is ``https://app.price2b.com/api``).
- Success: ``{"success": true, "data": ...}`` plus ``"message"`` on writes. Errors:
  ``{"success": false, "message": "...", "error": {"code": "...", "details": ...}}``.
  Codes: 401 ``UNAUTHENTICATED``; 404 ``ORDER_NOT_FOUND`` / ``SHIPMENT_NOT_FOUND`` /
  ``NOT_FOUND``; 422 ``VALIDATION_ERROR`` (details ``[{"field", "message"}]``), 422
  ``INVALID_ITEMS`` (an item id the order lacks, or more units than remain), 422
  ``INVALID_STATUS_TRANSITION``, 422 ``STATUS_CHANGE_NOT_ALLOWED`` (channel owns the status),
  422 ``ADDRESS_LOCKED`` (address change after fulfillment began); 409 ``ALREADY_SHIPPED``
  (nothing left to ship), 409 ``ORDER_CANCELLED`` (ship/fulfill a cancelled order), 409
  ``ALREADY_CANCELLED``, 409 ``SYNC_IN_PROGRESS``; 429 ``RATE_LIMITED`` (Retry-After);
  5xx ``INTERNAL_ERROR``.
- Status codes: ship answers 201 (it creates a shipment), sync 202 (it starts a job), every
  other success 200.
- List: ``per_page`` outside 1..100 and ``page`` < 1 are refused (422), not clamped: the seed
  states the maximum as a rule. A page past ``last_page`` is an empty list (``last_page`` is 1
  when nothing matches). Newest first (``created_at`` descending, ties by id descending).
  ``status``, ``fulfillment_status`` and ``channel`` must be one of the documented values
  (422 otherwise). ``date_from`` is inclusive; ``date_to`` is inclusive to the second, and a
  bare date (``2026-01-31``) includes that whole day. ``search`` is a case-insensitive
  substring match on the order number or the customer name.
- Orders: ids, item ids and shipment ids are integers (generated shipments are numbered 1..N
  for N orders; new ones continue from N + 1). List rows have the seed's summary
  shape (no ``product_id``/``quantity_fulfilled``/``weight``, no ``updated_at``); the detail
  adds ``financial_status`` (the list has it; the detail example omits it). Addresses carry
  ``company`` and ``address2`` (null when empty) besides the seed's fields; a missing billing
  address is null. ``discount`` is 0. ``channel_order_id`` is derived from the order id in the
  marketplace's own format. Carriers are lower-case codes (``fedex``, ``ups``, ``dhl``,
  ``usps``). Shipment ``status`` is ``delivered`` once the order is, else ``in_transit``.
  Timeline events: ``order_created``, ``payment_received``, ``shipment_created``,
  ``order_fulfilled``, ``order_cancelled``, ``status_changed``, ``order_updated``.
- Ship: ``carrier``, ``service`` and ``packages`` (at least one, each with ``weight`` > 0 kg;
  ``length``/``width``/``height`` cm optional) are required. The shipment's units are the sum
  of the packages' ``items``; when no package lists items, everything that remains ships.
  ``notify_customer`` defaults to true. The tracking number is generated in the carrier's real
  format with a valid check digit (ups 1Z, fedex 12 digits, dhl 10, usps 22, others
  ``P2B`` + 12 digits). Only shipments made by ``/ship`` have a label.
- Fulfill: ``tracking_number`` and ``carrier`` required; ``items`` is
  ``[{"order_item_id", "quantity"}]`` (the ship endpoint's item shape); no items = everything
  that remains. The answer's ``fulfillment_status`` is ``partial`` after a partial fulfillment.
  ``notify_customer`` defaults to true on fulfill (as on ship) and to false on cancel.
- Cancel: body optional; only unfulfilled orders (a partly or fully fulfilled one is 422
  ``INVALID_STATUS_TRANSITION``).
- Update (``PUT``): at least one of ``notes`` (null clears), ``shipping_address`` (replaces the
  whole address; ``name``, ``address1``, ``city``, 2-letter ``country`` required; only while
  the order is unfulfilled and not cancelled) and ``status``. Status changes are allowed only
  on channels the seller owns (``shopify``, ``web``); marketplace channels (``amazon``,
  ``meli``, ``ebay``) set the status themselves. Allowed targets: ``processing`` (from
  pending) and ``delivered`` (from shipped); ``shipped`` and ``cancelled`` go through
  ``/ship``, ``/fulfill`` and ``/cancel``. Everything is checked before anything changes. The
  answer holds ``id``, ``notes``, ``updated_at`` and, when requested, ``status`` and
  ``shipping_address``.
- Sync: ``channels`` (any of the five list channels; default all), ``since`` (ISO 8601;
  default 24 h ago). Answers 202 with ``sync_id`` ``SYNC-<year>-<serial>``; a second sync
  while one is processing is 409 ``SYNC_IN_PROGRESS``. The job completes on the first
  ``/sync/status`` poll after it started; per channel, ``orders_synced`` counts that channel's
  orders updated since ``since``, ``orders_new`` those created since, ``orders_updated`` the
  difference. No orders are created. ``last_sync`` is null before the first sync;
  ``next_scheduled_sync`` is the next quarter hour.
- Labels: ``label_url`` is absolute, on the host the request came to. The label needs the
  same Bearer token; it is a 4x6 in PDF marked as a sandbox label, with the tracking number
  as Code 128 (Helvetica; characters outside Latin-1 lose their accents or print as ``?``).
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import unicodedata
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from fulfillment_station.domain import (
    Address,
    DomainError,
    FulfillmentStatus,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
    TimelineEvent,
)
from fulfillment_station.domain.workflow import apply_cancel, apply_shipment, apply_status
from fulfillment_station.sandbox.db import MAX_POSITION, StoredOrder, time_key, utc_text
from fulfillment_station.sandbox.dialects.base import DialectSpec, SandboxContext, SandboxError
from fulfillment_station.sandbox.routing import parse_when, write_order

STATUSES = ("pending", "processing", "shipped", "delivered", "cancelled")
FULFILLMENT_STATUSES = ("unfulfilled", "partial", "fulfilled")
CHANNELS = ("amazon", "meli", "shopify", "ebay", "web")
#: Channels whose status the seller may set by hand (the others follow the marketplace).
SELLER_CHANNELS = frozenset({"shopify", "web"})
#: Targets a ``PUT {status}`` may move to, from the statuses that allow it.
SETTABLE = {"processing": frozenset({"pending"}), "delivered": frozenset({"shipped"})}
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
SYNC_KEY = "price2b.sync"
SYNC_SERIAL_KEY = "price2b.sync_serial"
SHIPMENT_SERIAL_KEY = "price2b.shipment_serial"
LABEL_KEY = "price2b.label."
_WIRE_STATUS = {"confirmed": "processing", "completed": "delivered"}  # never generated
_TIMELINE_EVENTS = {
    "shipment": "shipment_created",
    "fulfill": "order_fulfilled",
    "cancel": "order_cancelled",
    "status": "status_changed",
    "update": "order_updated",
}

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"success": False, "message": message, "error": {"code": code, "details": details}}


def _invalid(message: str, field: str) -> SandboxError:
    return SandboxError(422, "VALIDATION_ERROR", message, [{"field": field, "message": message}])


def _when(value: str | None, field: str) -> datetime | None:
    try:
        return parse_when(value, field, 422, "VALIDATION_ERROR")
    except SandboxError as exc:
        raise _invalid(f"{exc.message}.", field) from None


def _order_not_found(order_id: str) -> SandboxError:
    return SandboxError(404, "ORDER_NOT_FOUND", f"Order {order_id[:40]} not found.")


# -- rendering ----------------------------------------------------------------------------------


def _ts(value: datetime) -> str:
    return utc_text(value, 0) + "Z"


def _int_id(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _shipment_wire_id(value: str | None) -> int | str | None:
    if value and value.startswith("shp_") and value[4:].isdigit():
        return int(value[4:])
    return _int_id(value) if value else value


def _money(value: Decimal) -> float:
    return float(value)


def _address(address: Address | None) -> dict[str, Any] | None:
    if address is None:
        return None
    return {
        "name": address.name,
        "company": address.company,
        "address1": address.line1,
        "address2": address.line2,
        "city": address.city,
        "state": address.region,
        "postal_code": address.postal_code,
        "country": address.country,
    }


def channel_order_id(order_id: str, channel: str | None) -> str:
    """The marketplace's own order number, derived from the order id so it never changes."""
    digits = str(int.from_bytes(hashlib.sha256(f"p2b-{order_id}".encode()).digest()[:12], "big"))
    match channel:
        case "amazon":
            return f"{digits[:3]}-{digits[3:10]}-{digits[10:17]}"
        case "ebay":
            return f"{digits[:2]}-{digits[2:7]}-{digits[7:12]}"
        case "meli":
            return "2000" + digits[:9]
        case "shopify":
            return "5" + digits[:12]
        case _:
            return f"WEB-{order_id}"


def _wire_status(order: Order) -> str:
    return _WIRE_STATUS.get(order.status.value, order.status.value)


def render_summary(order: Order) -> dict[str, Any]:
    """A list row, shaped as the seed's list example."""
    return {
        "id": _int_id(order.id),
        "order_number": order.number,
        "channel": order.channel,
        "channel_order_id": channel_order_id(order.id, order.channel),
        "status": _wire_status(order),
        "fulfillment_status": order.fulfillment_status.value,
        "financial_status": order.payment_status,
        "customer": {"name": order.customer.name, "email": order.customer.email},
        "shipping_address": _address(order.ship_to),
        "items": [
            {
                "id": _int_id(line.id),
                "sku": line.sku,
                "name": line.name,
                "quantity": line.quantity,
                "price": _money(line.unit_price),
                "currency": order.currency,
            }
            for line in order.lines
        ],
        "totals": _totals(order, discount=False),
        "created_at": _ts(order.created_at),
    }


def _totals(order: Order, *, discount: bool) -> dict[str, Any]:
    totals: dict[str, Any] = {
        "subtotal": _money(order.subtotal),
        "shipping": _money(order.shipping),
    }
    if discount:
        totals["discount"] = 0.0
    totals.update(
        {"tax": _money(order.tax), "total": _money(order.total), "currency": order.currency}
    )
    return totals


def render_shipment(order: Order, shipment: Shipment) -> dict[str, Any]:
    items = []
    for sl in shipment.lines:
        line = order.line(sl.line_id)
        items.append(
            {
                "order_item_id": _int_id(sl.line_id),
                "sku": line.sku if line else None,
                "quantity": sl.quantity,
            }
        )
    shipped_at = shipment.shipped_at or order.updated_at
    return {
        "id": _shipment_wire_id(shipment.id),
        "tracking_number": shipment.tracking_number,
        "carrier": shipment.carrier.lower(),
        "service": shipment.service,
        "status": "delivered" if order.status == OrderStatus.DELIVERED else "in_transit",
        "items": items,
        "created_at": _ts(shipped_at),
    }


def render_detail(order: Order, extra: dict[str, Any]) -> dict[str, Any]:
    product_ids = extra.get("product_ids") or {}
    items = [
        {
            "id": _int_id(line.id),
            "product_id": product_ids.get(line.id),
            "sku": line.sku,
            "name": line.name,
            "quantity": line.quantity,
            "quantity_fulfilled": line.quantity_fulfilled,
            "price": _money(line.unit_price),
            "currency": order.currency,
            "weight": float(line.weight) if line.weight is not None else None,
        }
        for line in order.lines
    ]
    return {
        "id": _int_id(order.id),
        "order_number": order.number,
        "channel": order.channel,
        "channel_order_id": channel_order_id(order.id, order.channel),
        "status": _wire_status(order),
        "fulfillment_status": order.fulfillment_status.value,
        "financial_status": order.payment_status,
        "customer": {
            "name": order.customer.name,
            "email": order.customer.email,
            "phone": order.customer.phone,
        },
        "billing_address": _address(order.bill_to),
        "shipping_address": _address(order.ship_to),
        "items": items,
        "totals": _totals(order, discount=True),
        "shipments": [render_shipment(order, s) for s in order.shipments],
        "timeline": [
            {
                "event": _TIMELINE_EVENTS.get(e.kind, e.kind),
                "timestamp": _ts(e.at),
                "description": e.message,
            }
            for e in order.timeline
        ],
        "notes": order.notes,
        "created_at": _ts(order.created_at),
        "updated_at": _ts(order.updated_at),
    }


def _ok(data: Any, message: str | None = None, status: int = 200) -> JSONResponse:
    body: dict[str, Any] = {"success": True}
    if message is not None:
        body["message"] = message
    body["data"] = data
    return JSONResponse(body, status_code=status)


# -- tracking numbers and labels ----------------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _weighted(body: str, weights: tuple[int, ...], letters: bool = False) -> int:
    total = 0
    for i, ch in enumerate(reversed(body)):
        value = int(ch) if ch.isdigit() else (ord(ch) - 3) % 10 if letters else 0
        total += value * weights[i % len(weights)]
    return total


def tracking_number(carrier: str, rng: random.Random) -> str:
    """A number in the carrier's real format, check digit included."""
    if carrier == "ups":
        body = (
            "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(6))
            + f"{rng.choice((1, 2, 3, 12, 13)):02d}"
            + _digits(rng, 7)
        )
        return "1Z" + body + str((10 - _weighted(body, (1, 2), letters=True) % 10) % 10)
    if carrier == "fedex":
        body = str(rng.randrange(1, 10)) + _digits(rng, 10)
        return body + str(_weighted(body, (1, 3, 7)) % 11 % 10)
    if carrier == "dhl":
        body = str(rng.randrange(1, 10)) + _digits(rng, 8)
        return body + str(int(body) % 7)
    if carrier == "usps":
        body = "92" + _digits(rng, 19)
        return body + str((10 - _weighted(body, (3, 1)) % 10) % 10)
    return "P2B" + _digits(rng, 12)


_NO_DECOMPOSITION = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Œ": "OE", "œ": "oe", "ı": "i"}


def _latin1(ch: str) -> str:
    if not ch.isprintable():
        return " "
    if ord(ch) < 256:
        return ch
    base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
    return base or _NO_DECOMPOSITION.get(ch, "?")


def _pdf_text(text: str) -> str:
    """Untrusted text for a standard PDF font: printable Latin-1 only (reportlab escapes the
    string delimiters)."""
    return "".join(_latin1(ch) for ch in text)


def label_pdf(lines: list[tuple[int, bool, str]], barcode: str | None = None) -> bytes:
    """A one-page 4x6 in PDF: ``(size, bold, text)`` lines from the top inside a frame, and
    ``barcode`` as Code 128 at the bottom. reportlab is imported on the first label only."""
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(288, 432), invariant=True)
    canvas.setTitle("Shipping label")
    canvas.setLineWidth(0.8)
    canvas.rect(9, 9, 270, 414)
    y = 396.0
    for size, bold, text in lines:
        canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        canvas.drawString(20, y, _pdf_text(text[:60]))
        y -= size + 7
    if barcode and barcode.isascii() and barcode.isprintable():
        symbol = Code128(barcode, barWidth=1.4, barHeight=64, humanReadable=False)
        if symbol.width > 250:
            symbol = Code128(
                barcode, barWidth=1.4 * 250 / symbol.width, barHeight=64, humanReadable=False
            )
        symbol.drawOn(canvas, (288 - symbol.width) / 2, 26)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _label_lines(
    order: Order, shipment: Shipment, record: dict[str, Any]
) -> list[tuple[int, bool, str]]:
    to = order.ship_to or Address()
    lines: list[tuple[int, bool, str]] = [
        (22, True, shipment.carrier.upper()),
        (11, True, shipment.service or ""),
        (9, False, "SANDBOX LABEL - NOT VALID FOR SHIPPING"),
        (9, False, "SHIP TO:"),
    ]
    for text in (
        to.name,
        to.company,
        to.line1,
        to.line2,
        " ".join(p for p in (to.postal_code, to.city, to.region) if p),
        to.country,
    ):
        if text:
            lines.append((13, True, text))
    lines += [
        (9, False, "TRACKING NUMBER:"),
        (18, True, shipment.tracking_number or ""),
        (9, False, f"Order {order.number}   Shipment {_shipment_wire_id(shipment.id)}"),
        (
            9,
            False,
            f"Weight {record.get('weight_kg', '?')} kg   Packages {record.get('packages', 1)}",
        ),
    ]
    return lines


# -- request bodies -----------------------------------------------------------------------------


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ItemIn(_Body):
    order_item_id: int
    quantity: int = Field(ge=1, le=100_000)


class PackageIn(_Body):
    weight: float = Field(gt=0, le=1000, allow_inf_nan=False)
    length: float | None = Field(default=None, gt=0, le=1000, allow_inf_nan=False)
    width: float | None = Field(default=None, gt=0, le=1000, allow_inf_nan=False)
    height: float | None = Field(default=None, gt=0, le=1000, allow_inf_nan=False)
    items: list[ItemIn] = Field(default_factory=list, max_length=500)


class ShipIn(_Body):
    carrier: Text
    service: Text
    packages: list[PackageIn] = Field(min_length=1, max_length=50)
    warehouse_id: int | None = None
    notify_customer: bool = True


class FulfillIn(_Body):
    tracking_number: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)
    ]
    carrier: Text
    items: list[ItemIn] | None = Field(default=None, max_length=500)
    notify_customer: bool = True


class CancelIn(_Body):
    reason: str | None = Field(default=None, max_length=500)
    notify_customer: bool = False


class AddressIn(_Body):
    name: Text
    company: str | None = Field(default=None, max_length=200)
    address1: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    address2: str | None = Field(default=None, max_length=200)
    city: Text
    state: str | None = Field(default=None, max_length=100)
    postal_code: str | None = Field(default=None, max_length=20)
    country: Annotated[
        str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{2}$")
    ]

    def to_domain(self) -> Address:
        return Address(
            name=self.name,
            company=self.company or None,
            line1=self.address1,
            line2=self.address2 or None,
            city=self.city,
            region=self.state or None,
            postal_code=self.postal_code or None,
            country=self.country,
        )


class UpdateIn(_Body):
    status: str | None = None
    notes: str | None = Field(default=None, max_length=5000)
    shipping_address: AddressIn | None = None


class SyncIn(_Body):
    channels: list[str] | None = Field(default=None, max_length=10)
    since: str | None = None


# -- routes -------------------------------------------------------------------------------------


def make_router(ctx: SandboxContext) -> APIRouter:
    router = APIRouter()

    def load(request: Request, order_id: str) -> StoredOrder:
        ctx.require_auth(request, SPEC)
        stored = ctx.db.get(order_id) if order_id.isdigit() else None
        if stored is None:
            raise _order_not_found(order_id)
        return stored

    @router.get("/v1/orders")
    def list_orders(
        request: Request,
        page: int = 1,
        per_page: int = DEFAULT_PER_PAGE,
        status: str | None = None,
        fulfillment_status: str | None = None,
        channel: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        search: str | None = None,
    ) -> JSONResponse:
        ctx.require_auth(request, SPEC)
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise _invalid(f"per_page must be between 1 and {MAX_PER_PAGE}.", "per_page")
        if page < 1:
            raise _invalid("page must be 1 or more.", "page")
        if (page - 1) * per_page > MAX_POSITION:
            raise _invalid(f"page must be at most {MAX_POSITION // per_page + 1}.", "page")
        where: list[tuple[str, Any]] = []
        for name, value, allowed in (
            ("status", status, STATUSES),
            ("fulfillment_status", fulfillment_status, FULFILLMENT_STATUSES),
            ("channel", channel, CHANNELS),
        ):
            if value is not None:
                if value not in allowed:
                    raise _invalid(f"{name} must be one of: {', '.join(allowed)}.", name)
                where.append((f"{name} = ?", value))
        start = _when(date_from, "date_from")
        if start is not None:
            where.append(("created_key >= ?", time_key(start)))
        end = _when(date_to, "date_to")
        if end is not None:
            whole_day = len(date_to.strip()) == 10 if date_to else False
            upper = (
                end + timedelta(days=1)
                if whole_day
                else (end.replace(microsecond=0) + timedelta(seconds=1))
            )
            where.append(("created_key < ?", time_key(upper)))
        if search is not None and search.strip():
            text = "".join(ch for ch in search.strip() if ch.isprintable())[:100]
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append(
                (
                    "(number || char(31) || coalesce(customer_name, '')) LIKE ? ESCAPE '\\'",
                    f"%{escaped}%",
                )
            )
        total = ctx.db.count(where)
        rows = ctx.db.query(where, "created_key DESC, seq DESC", per_page, (page - 1) * per_page)
        return _ok(
            {
                "orders": [render_summary(r.order) for r in rows],
                "pagination": {
                    "current_page": page,
                    "per_page": per_page,
                    "total": total,
                    "last_page": max(1, math.ceil(total / per_page)),
                },
            }
        )

    @router.post("/v1/orders/sync")
    def start_sync(request: Request, body: SyncIn | None = None) -> JSONResponse:
        ctx.require_auth(request, SPEC)
        body = body or SyncIn()
        channels = list(dict.fromkeys(body.channels)) if body.channels else list(CHANNELS)
        for n, name in enumerate(channels):
            if name not in CHANNELS:
                raise _invalid(
                    f"channels[{n}] must be one of: {', '.join(CHANNELS)}.", f"channels.{n}"
                )
        now = ctx.now()
        since = _when(body.since, "since") or now - timedelta(hours=24)
        with ctx.db.transaction() as conn:
            last = ctx.db.kv_get(SYNC_KEY)
            if last and last["status"] == "processing":
                raise SandboxError(
                    409,
                    "SYNC_IN_PROGRESS",
                    f"Sync {last['sync_id']} is still running.",
                    {"sync_id": last["sync_id"]},
                )
            serial = int(ctx.db.kv_get(SYNC_SERIAL_KEY) or 0) + 1
            sync_id = f"SYNC-{now.year}-{serial:03d}"
            ctx.db.kv_set(SYNC_SERIAL_KEY, serial, conn)
            ctx.db.kv_set(
                SYNC_KEY,
                {
                    "sync_id": sync_id,
                    "status": "processing",
                    "started_at": _ts(now),
                    "completed_at": None,
                    "channels": channels,
                    "since": _ts(since),
                },
                conn,
            )
            ctx.db.record_effect(
                conn, "sync", None, {"sync_id": sync_id, "channels": channels, "since": _ts(since)}
            )
        return _ok(
            {"sync_id": sync_id, "status": "processing", "channels": channels},
            "Order sync started",
            202,
        )

    @router.get("/v1/orders/sync/status")
    def sync_status(request: Request) -> JSONResponse:
        ctx.require_auth(request, SPEC)
        now = ctx.now()
        with ctx.db.transaction() as conn:
            last = ctx.db.kv_get(SYNC_KEY)
            if last and last["status"] == "processing":
                last = _complete_sync(ctx, last, now)
                ctx.db.kv_set(SYNC_KEY, last, conn)
        shown = None
        if last:
            shown = {k: last[k] for k in ("sync_id", "status", "started_at", "completed_at")}
            shown["channels"] = last["counts"]
        quarter = now.replace(second=0, microsecond=0) + timedelta(minutes=15 - now.minute % 15)
        return _ok({"last_sync": shown, "next_scheduled_sync": _ts(quarter)})

    @router.get("/v1/orders/{order_id}")
    def get_order(request: Request, order_id: str) -> JSONResponse:
        stored = load(request, order_id)
        return _ok(render_detail(stored.order, stored.extra))

    @router.get("/v1/orders/{order_id}/shipments")
    def list_shipments(request: Request, order_id: str) -> JSONResponse:
        order = load(request, order_id).order
        return _ok({"shipments": [render_shipment(order, s) for s in order.shipments]})

    @router.put("/v1/orders/{order_id}")
    def update_order(request: Request, order_id: str, body: UpdateIn) -> JSONResponse:
        load(request, order_id)
        fields = body.model_fields_set & {"status", "notes", "shipping_address"}
        if (
            not fields
            or ("status" in fields and body.status is None)
            or ("shipping_address" in fields and body.shipping_address is None)
        ):
            raise _invalid("Send at least one of status, notes or shipping_address.", "body")
        if body.status is not None and body.status not in STATUSES:
            raise _invalid(f"status must be one of: {', '.join(STATUSES)}.", "status")

        def change(stored: StoredOrder) -> tuple[Order, str, dict[str, Any]]:
            order, now = stored.order, ctx.now()
            detail: dict[str, Any] = {"fields": sorted(fields)}
            if body.status is not None:
                order = _change_status(order, body.status, now)
                detail["status"] = body.status
            if body.shipping_address is not None:
                if order.status == OrderStatus.CANCELLED or (
                    order.fulfillment_status != FulfillmentStatus.UNFULFILLED
                ):
                    raise SandboxError(
                        422,
                        "ADDRESS_LOCKED",
                        "The shipping address can only change before fulfillment.",
                        {"field": "shipping_address"},
                    )
                order = order.model_copy(update={"ship_to": body.shipping_address.to_domain()})
                detail["shipping_address"] = body.shipping_address.model_dump()
            if "notes" in fields:
                order = order.model_copy(update={"notes": body.notes or None})
                detail["notes"] = body.notes
            what = ", ".join(sorted(fields - {"status"}))
            if what:
                event = TimelineEvent(at=now, kind="update", message=f"Updated {what}")
                order = order.model_copy(update={"timeline": [*order.timeline, event]})
            return order.model_copy(update={"updated_at": now}), "update", detail

        _, order = write_order(ctx, order_id, _order_not_found(order_id), change)
        data: dict[str, Any] = {"id": _int_id(order.id), "notes": order.notes}
        if "status" in fields:
            data["status"] = _wire_status(order)
        if "shipping_address" in fields:
            data["shipping_address"] = _address(order.ship_to)
        data["updated_at"] = _ts(order.updated_at)
        return _ok(data, "Order updated successfully")

    @router.post("/v1/orders/{order_id}/ship")
    def ship_order(request: Request, order_id: str, body: ShipIn) -> JSONResponse:
        load(request, order_id)
        carrier = body.carrier.lower()
        wanted = _wanted([i for p in body.packages for i in p.items])
        weight = sum(Decimal(str(p.weight)) for p in body.packages)
        result: dict[str, Any] = {}

        def change(stored: StoredOrder) -> tuple[Order, str, dict[str, Any]]:
            serial = _next_shipment_serial(ctx)
            shipment_id = f"shp_{serial}"
            tracking = tracking_number(carrier, random.Random(f"price2b-{ctx.seed}-{serial}"))
            shipment = Shipment(
                id=shipment_id,
                carrier=carrier,
                service=body.service,
                tracking_number=tracking,
                lines=_lines(wanted),
            )
            order = _apply_shipment(stored.order, shipment, wanted, ctx.now())
            lines = {sl.line_id: sl.quantity for sl in order.shipments[-1].lines}
            # The db has one connection: this write joins write_order's transaction.
            ctx.db.kv_set(
                LABEL_KEY + str(serial),
                {
                    "order_id": order.id,
                    "shipment_id": shipment_id,
                    "weight_kg": str(weight),
                    "packages": len(body.packages),
                },
            )
            result.update(serial=serial, tracking=tracking)
            return (
                order,
                "shipment",
                {
                    "tracking_number": tracking,
                    "lines": lines,
                    "shipment_id": serial,
                    "carrier": carrier,
                    "service": body.service,
                    "notify_customer": body.notify_customer,
                },
            )

        _, order = write_order(ctx, order_id, _order_not_found(order_id), change)
        label_url = str(request.url_for("price2b_label", shipment_id=str(result["serial"])))
        return _ok(
            {
                "order_id": _int_id(order.id),
                "shipment_id": result["serial"],
                "tracking_number": result["tracking"],
                "carrier": carrier,
                "service": body.service,
                "label_url": label_url,
                "fulfillment_status": order.fulfillment_status.value,
                "notified_customer": body.notify_customer,
            },
            "Shipment created successfully",
            201,
        )

    @router.post("/v1/orders/{order_id}/fulfill")
    def fulfill_order(request: Request, order_id: str, body: FulfillIn) -> JSONResponse:
        load(request, order_id)
        carrier = body.carrier.lower()
        wanted = _wanted(body.items or [])

        def change(stored: StoredOrder) -> tuple[Order, str, dict[str, Any]]:
            serial = _next_shipment_serial(ctx)
            shipment = Shipment(
                id=f"shp_{serial}",
                carrier=carrier,
                tracking_number=body.tracking_number,
                lines=_lines(wanted),
            )
            order = _apply_shipment(stored.order, shipment, wanted, ctx.now())
            last = order.timeline[-1].model_copy(
                update={
                    "kind": "fulfill",
                    "message": f"Marked fulfilled via {carrier} {body.tracking_number}",
                }
            )
            order = order.model_copy(update={"timeline": [*order.timeline[:-1], last]})
            lines = {sl.line_id: sl.quantity for sl in order.shipments[-1].lines}
            return (
                order,
                "fulfill",
                {
                    "tracking_number": body.tracking_number,
                    "lines": lines,
                    "shipment_id": serial,
                    "carrier": carrier,
                    "notify_customer": body.notify_customer,
                },
            )

        _, order = write_order(ctx, order_id, _order_not_found(order_id), change)
        fulfilled = order.fulfillment_status == FulfillmentStatus.FULFILLED
        return _ok(
            {
                "order_id": _int_id(order.id),
                "fulfillment_status": order.fulfillment_status.value,
                "tracking_number": body.tracking_number,
                "carrier": carrier,
            },
            "Order marked as fulfilled" if fulfilled else "Items marked as fulfilled",
        )

    @router.post("/v1/orders/{order_id}/cancel")
    def cancel_order(request: Request, order_id: str, body: CancelIn | None = None) -> JSONResponse:
        load(request, order_id)
        body = body or CancelIn()

        def change(stored: StoredOrder) -> tuple[Order, str, dict[str, Any]]:
            order = stored.order
            if order.status == OrderStatus.CANCELLED:
                raise SandboxError(409, "ALREADY_CANCELLED", "The order is already cancelled.")
            if order.fulfillment_status != FulfillmentStatus.UNFULFILLED:
                raise SandboxError(
                    422,
                    "INVALID_STATUS_TRANSITION",
                    "Only unfulfilled orders can be cancelled.",
                    {"fulfillment_status": order.fulfillment_status.value},
                )
            try:
                order = apply_cancel(order, body.reason, ctx.now())
            except DomainError as exc:
                raise SandboxError(422, "INVALID_STATUS_TRANSITION", exc.message) from None
            return order, "cancel", {"reason": body.reason, "notify_customer": body.notify_customer}

        _, order = write_order(ctx, order_id, _order_not_found(order_id), change)
        return _ok(
            {
                "order_id": _int_id(order.id),
                "status": "cancelled",
                "cancelled_at": _ts(order.updated_at),
            },
            "Order cancelled successfully",
        )

    @router.get("/v1/shipping/shipments/{shipment_id}/label", name="price2b_label")
    def get_label(request: Request, shipment_id: str) -> Response:
        ctx.require_auth(request, SPEC)
        record = ctx.db.kv_get(LABEL_KEY + shipment_id) if shipment_id.isdigit() else None
        stored = ctx.db.get(record["order_id"]) if record else None
        shipment = (
            next((s for s in stored.order.shipments if s.id == record["shipment_id"]), None)
            if stored and record
            else None
        )
        if stored is None or shipment is None or record is None:
            raise SandboxError(
                404, "SHIPMENT_NOT_FOUND", f"No label for shipment {shipment_id[:40]}."
            )
        pdf = label_pdf(_label_lines(stored.order, shipment, record), shipment.tracking_number)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="label-{shipment_id}.pdf"'},
        )

    return router


# -- write helpers ------------------------------------------------------------------------------


def _wanted(items: list[ItemIn]) -> dict[str, int] | None:
    """Units per line id from ``items`` (summed over repeats); None when no items are listed."""
    if not items:
        return None
    wanted: dict[str, int] = {}
    for item in items:
        key = str(item.order_item_id)
        wanted[key] = wanted.get(key, 0) + item.quantity
    return wanted


def _lines(wanted: dict[str, int] | None) -> list[ShipmentLine]:
    return [ShipmentLine(line_id=k, quantity=v) for k, v in (wanted or {}).items()]


def _next_shipment_serial(ctx: SandboxContext) -> int:
    """Shipment ids continue after the generated ones (``shp_<order index + 1>``). Called
    inside ``write_order``'s transaction (the db's one connection), so the id commits with
    the shipment."""
    serial = ctx.db.kv_get(SHIPMENT_SERIAL_KEY)
    serial = int(serial) + 1 if serial else ctx.db.count_all() + 1
    ctx.db.kv_set(SHIPMENT_SERIAL_KEY, serial)
    return serial


def _apply_shipment(
    order: Order, shipment: Shipment, wanted: dict[str, int] | None, at: datetime
) -> Order:
    """The workflow's shipment rules, answered with this dialect's codes."""
    if order.status == OrderStatus.CANCELLED:
        raise SandboxError(409, "ORDER_CANCELLED", "The order is cancelled; it cannot ship.")
    if all(line.remaining == 0 for line in order.lines):
        raise SandboxError(
            409,
            "ALREADY_SHIPPED",
            "Every item of this order has shipped.",
            {"fulfillment_status": order.fulfillment_status.value},
        )
    for line_id, qty in (wanted or {}).items():
        line = order.line(line_id)
        if line is None:
            raise SandboxError(
                422,
                "INVALID_ITEMS",
                f"The order has no item {line_id}.",
                {"order_item_id": _int_id(line_id)},
            )
        if qty > line.remaining:
            raise SandboxError(
                422,
                "INVALID_ITEMS",
                f"{qty} of item {line_id} ({line.sku}) requested but only "
                f"{line.remaining} remain to ship.",
                {"order_item_id": _int_id(line_id), "remaining": line.remaining},
            )
    try:
        return apply_shipment(order, shipment, at)
    except DomainError as exc:
        raise SandboxError(422, "INVALID_STATUS_TRANSITION", exc.message) from None


def _change_status(order: Order, target: str, at: datetime) -> Order:
    if order.channel not in SELLER_CHANNELS:
        raise SandboxError(
            422,
            "STATUS_CHANGE_NOT_ALLOWED",
            f"{order.channel} orders take their status from the marketplace; "
            "it cannot be changed here.",
            {"channel": order.channel},
        )
    if target in ("shipped", "cancelled"):
        endpoint = "cancel" if target == "cancelled" else "ship or fulfill"
        raise SandboxError(
            422,
            "INVALID_STATUS_TRANSITION",
            f"Use the {endpoint} endpoint to make an order {target}.",
            {"status": _wire_status(order), "requested": target},
        )
    if _wire_status(order) not in SETTABLE.get(target, frozenset()):
        raise SandboxError(
            422,
            "INVALID_STATUS_TRANSITION",
            f"An order that is {_wire_status(order)} cannot become {target}.",
            {"status": _wire_status(order), "requested": target},
        )
    try:
        return apply_status(order, OrderStatus(target), at)
    except DomainError as exc:
        raise SandboxError(422, "INVALID_STATUS_TRANSITION", exc.message) from None


def _complete_sync(ctx: SandboxContext, last: dict[str, Any], now: datetime) -> dict[str, Any]:
    since = time_key(last["since"])
    counts = {}
    for channel in last["channels"]:
        synced = ctx.db.count([("channel = ?", channel), ("updated_key >= ?", since)])
        new = ctx.db.count([("channel = ?", channel), ("created_key >= ?", since)])
        counts[channel] = {
            "orders_synced": synced,
            "orders_new": new,
            "orders_updated": synced - new,
        }
    return {**last, "status": "completed", "completed_at": _ts(now), "counts": counts}


SPEC = DialectSpec(
    id="price2b",
    base_path="/api",
    make_router=make_router,
    error_body=error_body,
    auth_error_code="UNAUTHENTICATED",
    auth_missing_message="Unauthenticated: send Authorization: Bearer <token>.",
    auth_invalid_message="Unauthenticated: the API token is invalid or expired.",
    validation_status=422,
    validation_code="VALIDATION_ERROR",
    rate_limit_code="RATE_LIMITED",
    server_error_code="INTERNAL_ERROR",
    not_found_code="NOT_FOUND",
)
