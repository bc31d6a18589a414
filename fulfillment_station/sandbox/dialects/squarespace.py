"""Sandbox dialect ``squarespace``: the Squarespace Commerce Orders API (seed 002).

Paths are those of the public API (the seed gives none): ``GET /1.0/commerce/orders``,
``GET /1.0/commerce/orders/{id}``, ``POST /1.0/commerce/orders`` (create a third-party order)
and ``POST /1.0/commerce/orders/{id}/fulfillments`` (-> 204 No Content). Orders are rendered
from the canonical store into the public Order resource (``orderNumber``, ``fulfillmentStatus``,
``lineItems``, ``shippingAddress``/``billingAddress``, money as ``{"value": "12.34",
"currency": "USD"}``, ``fulfillments``, ``internalNotes``...; every documented field is present,
null when empty, as the public docs promise). Errors use the public error object
``{"type", "subtype", "message", "details", "contextId"}``.

Choices where the seed is silent (each also in the connector's docstring):

* Error types: 400 ``INVALID_REQUEST_ERROR``, 401 ``AUTHORIZATION_ERROR``, 404 ``NOT_FOUND``,
  409 ``CONFLICT``, 429 ``TOO_MANY_REQUESTS``, 5xx ``INTERNAL_ERROR``. Inside the sandbox an
  error code is written ``TYPE:SUBTYPE`` and split by ``error_body``; ``details`` is null as the
  public docs say ("reserved for future use"), except for request-validation details.
* A missing or empty ``User-Agent`` header is refused with 400 ``INVALID_REQUEST_ERROR`` /
  ``MISSING_USER_AGENT`` (the public docs: "requests without one will be rejected"). Auth is
  checked first.
* List: at most 50 orders a page (no page-size parameter exists; an unknown ``limit`` is ignored
  like any unknown parameter), ordered by ``modifiedOn`` ascending, ties by insertion. A modified
  order therefore moves behind the cursor and is seen again, never skipped. The cursor is opaque
  and carries the filters of the first request, so it may not be combined with any other
  parameter (400); an empty ``cursor=`` counts as absent. ``modifiedAfter``/``modifiedBefore``
  must come as a pair (400 otherwise); the window is half-open: ``modifiedAfter <= modifiedOn <
  modifiedBefore``, so consecutive windows tile without gaps; ``modifiedAfter`` later than
  ``modifiedBefore`` is a 400. ``customerId`` and ``fulfillmentStatus`` (PENDING, FULFILLED,
  CANCELED; anything else is a 400) filter as documented.
* Fulfill: the whole order (Squarespace has no per-line fulfillment). ``shouldSendNotification``
  (boolean) is required; ``shipments`` may be absent or empty (fulfilled without tracking); each
  shipment needs ``shipDate``, ``carrierName`` and ``trackingNumber`` (non-empty strings) and
  ``service`` (a string, may be empty); ``trackingUrl`` is optional but must be http(s).
  An already FULFILLED order accepts more shipments and answers 204 (the public docs: "additional
  shipments can be added to an Order at any time, even if its status is FULFILLED"); with no
  shipments that is a no-op. A CANCELED order answers 409 ``CONFLICT`` / ``ORDER_CANCELED``.
* Create: ``Idempotency-Key`` is required (400 ``MISSING_ARGUMENT`` without it). The same key
  with the same body answers the first response again (201, same order, nothing duplicated);
  the same key with a different body is 409 ``CONFLICT`` / ``IDEMPOTENCY_KEY_REUSED``.
  Required body fields: ``channelName`` (<= 30 chars), ``externalOrderReference`` (<= 200),
  ``createdOn``, ``lineItems`` (non-empty, each with ``quantity`` >= 1, ``unitPricePaid`` and a
  ``variantId`` or a ``sku`` of an existing product: unknown products are refused as the public
  docs say), ``priceTaxInterpretation`` (EXCLUSIVE/INCLUSIVE), ``subtotal`` and ``grandTotal``;
  ``fulfillmentStatus`` PENDING (default) or FULFILLED (then ``fulfilledOn`` is required);
  ``fulfillments`` up to 100. ``shippingLines`` holds at most one entry (the seed: "Currently
  accepts only one shipping entry"; two are 400) and ``discountLines`` the promotions; both are
  kept as sent and rendered back, and ``shippingTotal``/``discountTotal`` default to their
  amounts (given as well, they must match). Accepting ``sku`` in place of ``variantId`` is
  the sandbox's choice. The created order gets the next ``orderNumber`` and a null ``customerId``.
* Fields the canonical model has and the Order resource lacks (barcode, address company) are
  not rendered; a gift message is rendered as a ``formSubmission`` entry labelled
  "Gift message".
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import string
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Request, Response

from fulfillment_station.domain import (
    Address,
    Customer,
    DomainError,
    FulfillmentStatus,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    TimelineEvent,
)
from fulfillment_station.domain.money import round_money
from fulfillment_station.domain.workflow import apply_shipment, apply_status
from fulfillment_station.sandbox.data import catalogue
from fulfillment_station.sandbox.db import StoredOrder, time_key
from fulfillment_station.sandbox.dialects.base import DialectSpec, SandboxContext, SandboxError
from fulfillment_station.sandbox.routing import parse_when, write_order

PAGE_SIZE = 50
ORDERS = "/1.0/commerce/orders"

INVALID = "INVALID_REQUEST_ERROR"
CONFLICT = "CONFLICT"

#: canonical status -> fulfillmentStatus on the wire
WIRE_STATUS: dict[OrderStatus, str] = {
    OrderStatus.PENDING: "PENDING",
    OrderStatus.CONFIRMED: "PENDING",
    OrderStatus.PROCESSING: "PENDING",
    OrderStatus.SHIPPED: "FULFILLED",
    OrderStatus.DELIVERED: "FULFILLED",
    OrderStatus.COMPLETED: "FULFILLED",
    OrderStatus.CANCELLED: "CANCELED",
}
# The unary + keeps SQLite off the status index: walking the modifiedOn index in order and
# filtering is far cheaper per page than sorting every order of a status (100k-order sets).
_STATUS_SQL = {
    "PENDING": "+status IN ('pending', 'confirmed', 'processing')",
    "FULFILLED": "+status IN ('shipped', 'delivered', 'completed')",
    "CANCELED": "+status = 'cancelled'",
}


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    type_, _, subtype = code.partition(":")
    context = "".join(secrets.choice(string.ascii_uppercase) for _ in range(9))
    return {
        "type": type_,
        "subtype": subtype or None,
        "message": message,
        "details": details if details else None,
        "contextId": context,
    }


def _bad(subtype: str, message: str) -> SandboxError:
    return SandboxError(400, f"{INVALID}:{subtype}", message)


def _not_found(order_id: str) -> SandboxError:
    return SandboxError(404, "NOT_FOUND", f"Order {order_id[:64]} was not found.")


# -- rendering -------------------------------------------------------------------------------


def _iso(value: datetime) -> str:
    return time_key(value)[:23] + "Z"


def _money(value: Decimal, currency: str) -> dict[str, str]:
    if value.as_tuple().exponent != -2:  # stored amounts are nearly always in cents already
        value = round_money(value)
    return {"value": format(value, "f"), "currency": currency}


def _hex_id(number: int) -> str:
    return f"{number:024x}"


def _variant_id(product_id: int) -> str:
    return _hex_id(0x5A << 88 | product_id)


def _address(address: Address | None, phone: str | None) -> dict[str, Any] | None:
    if address is None:
        return None
    first, _, last = address.name.strip().partition(" ")
    return {
        "firstName": first,
        "lastName": last.strip(),
        "address1": address.line1,
        "address2": address.line2,
        "city": address.city,
        "state": address.region,
        "countryCode": address.country,
        "postalCode": address.postal_code,
        "phone": phone,
    }


def _fulfilled_on(order: Order, extra: dict[str, Any]) -> str | None:
    if WIRE_STATUS.get(order.status) != "FULFILLED":
        return None
    if extra.get("fulfilled_on"):
        return str(extra["fulfilled_on"])
    first = next((s.shipped_at for s in order.shipments if s.shipped_at), None)
    return _iso(first or order.updated_at)


#: The services a customer picks at checkout: (shippingOptionName, shippingOptionServiceType).
CHECKOUT_SERVICES = (
    ("USPS Ground Advantage", "usps_ground_advantage"),
    ("USPS Priority Mail", "usps_priority"),
    ("UPS Ground", "ups_ground"),
    ("Royal Mail Tracked 48", "royal_mail_tracked_48"),
)


def _shipping_line(order: Order, extra: dict[str, Any]) -> dict[str, Any]:
    """The shipping option chosen at checkout, under the seed's names (``shippingOptionName``,
    ``shippingOptionServiceType``); a created order keeps the one it was sent with."""
    sent = extra.get("shipping_line")
    if isinstance(sent, dict) and sent.get("shippingOptionName"):
        name, kind = str(sent["shippingOptionName"]), sent.get("shippingOptionServiceType")
    else:
        name, kind = CHECKOUT_SERVICES[sum(order.id.encode()) % len(CHECKOUT_SERVICES)]
    return {
        "shippingOptionName": name,
        "shippingOptionServiceType": kind,
        "amount": _money(order.shipping, order.currency),
    }


def render_order(stored: StoredOrder) -> dict[str, Any]:
    order, extra = stored.order, stored.extra
    cur = order.currency
    product_ids: dict[str, int] = extra.get("product_ids") or {}
    lines = []
    for line in order.lines:
        product = product_ids.get(line.id)
        lines.append(
            {
                "id": line.id,
                "variantId": _variant_id(product) if product is not None else None,
                "sku": line.sku,
                "weight": float(line.weight) if line.weight is not None else 0.0,
                "productId": _hex_id(0x5B << 88 | product) if product is not None else None,
                "productName": line.name,
                "quantity": line.quantity,
                "unitPricePaid": _money(line.unit_price, cur),
                "variantOptions": None,
                "customizations": None,
                "imageUrl": None,
                "lineItemType": "PHYSICAL_PRODUCT",
            }
        )
    fulfillments = [
        {
            "shipDate": _iso(s.shipped_at or order.updated_at),
            "carrierName": s.carrier,
            "service": s.service or "",
            "trackingNumber": s.tracking_number or "",
            "trackingUrl": s.tracking_url,
        }
        for s in order.shipments
        if s.carrier or s.tracking_number
    ]
    refunded = order.total if order.status == OrderStatus.CANCELLED else Decimal(0)
    channel = order.channel if order.channel in ("web", "pos") else "web"
    return {
        "id": order.id,
        "orderNumber": order.number,
        "createdOn": _iso(order.created_at),
        "modifiedOn": _iso(order.updated_at),
        "channel": channel,
        "channelName": extra.get("channel_name") or order.channel or channel,
        "testmode": False,
        "externalOrderReference": extra.get("external_reference"),
        "customerEmail": order.customer.email,
        "customerId": extra.get("customer_id"),
        "billingAddress": _address(order.bill_to, order.customer.phone),
        "shippingAddress": _address(order.ship_to, order.customer.phone),
        "fulfillmentStatus": WIRE_STATUS.get(order.status, "PENDING"),
        "lineItems": lines,
        "internalNotes": [{"content": order.notes}] if order.notes else [],
        "shippingLines": extra.get("shipping_lines") or [_shipping_line(order, extra)],
        "discountLines": extra.get("discount_lines") or [],
        "formSubmission": (
            [{"label": "Gift message", "value": order.gift_message}] if order.gift_message else None
        ),
        "fulfillments": fulfillments,
        "subtotal": _money(order.subtotal, cur),
        "shippingTotal": _money(order.shipping, cur),
        "discountTotal": _money(Decimal(extra.get("discount_total") or 0), cur),
        "taxTotal": _money(order.tax, cur),
        "refundedTotal": _money(refunded, cur),
        "grandTotal": _money(order.total, cur),
        "fulfilledOn": _fulfilled_on(order, extra),
        "priceTaxInterpretation": extra.get("price_tax_interpretation") or "EXCLUSIVE",
    }


# -- cursors ---------------------------------------------------------------------------------


def _encode_cursor(state: dict[str, Any]) -> str:
    raw = json.dumps(state, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        state = json.loads(raw)
        if (
            not isinstance(state, dict)
            or not isinstance(state.get("k"), str)
            or state.get("s") not in (None, *_STATUS_SQL)
            or not all(isinstance(state.get(f), str | None) for f in "abc")
        ):
            raise ValueError
    except ValueError:
        raise _bad("INVALID_ARGUMENT", "The cursor is invalid or expired.") from None
    return state


def _seq_key(updated_key: str, seq: int) -> str:
    return f"{updated_key}{seq:012d}"


# -- request bodies --------------------------------------------------------------------------


async def _json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw or b"null")
    except ValueError:
        raise _bad("MALFORMED_JSON", "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise _bad("INVALID_ARGUMENT", "The request body must be a JSON object.")
    return body


def _string(
    body: dict[str, Any],
    key: str,
    where: str,
    *,
    required: bool = True,
    allow_empty: bool = False,
    max_len: int | None = None,
) -> str | None:
    value = body.get(key)
    if value is None:
        if required:
            raise _bad("MISSING_ARGUMENT", f"{where}{key} is required.")
        return None
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise _bad("INVALID_ARGUMENT", f"{where}{key} must be a non-empty string.")
    if max_len is not None and len(value) > max_len:
        raise _bad("INVALID_ARGUMENT", f"{where}{key} is limited to {max_len} characters.")
    return value


def _when(body: dict[str, Any], key: str, where: str, *, required: bool = True) -> datetime | None:
    text = _string(body, key, where, required=required)
    if text is None:
        return None
    return parse_when(text, f"{where}{key}", 400, f"{INVALID}:INVALID_ARGUMENT")


def _amount(
    body: dict[str, Any], key: str, where: str, *, required: bool = True
) -> tuple[Decimal, str] | None:
    value = body.get(key)
    if value is None:
        if required:
            raise _bad("MISSING_ARGUMENT", f"{where}{key} is required.")
        return None
    if not isinstance(value, dict) or not isinstance(value.get("currency"), str):
        raise _bad("INVALID_ARGUMENT", f"{where}{key} must be {{value, currency}}.")
    raw = value.get("value")
    try:
        if not isinstance(raw, str | int | float) or isinstance(raw, bool):
            raise InvalidOperation
        amount = Decimal(str(raw))
        if not amount.is_finite() or amount < 0:
            raise InvalidOperation
    except InvalidOperation:
        raise _bad(
            "INVALID_ARGUMENT", f"{where}{key}.value must be a non-negative decimal string."
        ) from None
    return amount, value["currency"].upper()[:3]


def _shipment(data: Any, where: str) -> Shipment:
    if not isinstance(data, dict):
        raise _bad("INVALID_ARGUMENT", f"{where} must be an object.")
    url = _string(data, "trackingUrl", where, required=False)
    if url is not None and not url.startswith(("https://", "http://")):
        raise _bad("INVALID_ARGUMENT", f"{where}trackingUrl must be a valid URL.")
    return Shipment(
        carrier=_string(data, "carrierName", where) or "",
        service=_string(data, "service", where, allow_empty=True),
        tracking_number=_string(data, "trackingNumber", where),
        tracking_url=url,
        shipped_at=_when(data, "shipDate", where),
    )


def _shipments(body: dict[str, Any], key: str, limit: int | None = None) -> list[Shipment]:
    items = body.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        raise _bad("INVALID_ARGUMENT", f"{key} must be an array.")
    if limit is not None and len(items) > limit:
        raise _bad("INVALID_ARGUMENT", f"{key} is limited to {limit} entries.")
    return [_shipment(item, f"{key}[{i}].") for i, item in enumerate(items)]


def _address_in(body: dict[str, Any], key: str) -> tuple[Address | None, str | None]:
    data = body.get(key)
    if data is None:
        return None, None
    if not isinstance(data, dict):
        raise _bad("INVALID_ARGUMENT", f"{key} must be an object.")

    def text(name: str) -> str | None:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise _bad("INVALID_ARGUMENT", f"{key}.{name} must be a string.")
        return value

    name = " ".join(p for p in (text("firstName"), text("lastName")) if p)
    address = Address(
        name=name,
        line1=text("address1") or "",
        line2=text("address2"),
        city=text("city") or "",
        region=text("state"),
        postal_code=text("postalCode"),
        country=text("countryCode") or "",
    )
    return address, text("phone")


def _choice(body: dict[str, Any], key: str, allowed: tuple[str, ...], default: str | None) -> str:
    value = body.get(key, default)
    if value is None:
        raise _bad("MISSING_ARGUMENT", f"{key} is required.")
    if value not in allowed:
        raise _bad("INVALID_ARGUMENT", f"{key} must be one of {', '.join(allowed)}.")
    return str(value)


# -- the router ------------------------------------------------------------------------------


def make_router(ctx: SandboxContext) -> APIRouter:
    router = APIRouter()
    products = catalogue(ctx.seed)
    by_variant = {_variant_id(p.product_id): p for p in products}
    by_sku = {p.sku: p for p in products}

    def guard(request: Request) -> None:
        ctx.require_auth(request, SPEC)
        if not request.headers.get("user-agent", "").strip():
            raise _bad("MISSING_USER_AGENT", "A User-Agent header is required.")

    @router.get(ORDERS)
    def list_orders(request: Request) -> dict[str, Any]:
        guard(request)
        params = request.query_params
        cursor = params.get("cursor") or None
        if cursor is not None:
            others = sorted({k for k in params if k != "cursor"})
            if others:
                raise _bad(
                    "INVALID_ARGUMENT",
                    f"cursor cannot be combined with other parameters: {', '.join(others)}.",
                )
            state = _decode_cursor(cursor)
        else:
            state = _first_state(params)
        where: list[tuple[str, Any]] = []
        if state.get("s"):
            where.append((_STATUS_SQL[state["s"]], None))
        if state.get("c") is not None:
            where.append(("customer_id = ?", state["c"]))
        if state.get("a"):
            where.append(("updated_key >= ?", state["a"]))
            where.append(("updated_key < ?", state["b"]))
        if state.get("k"):
            # The index narrows on updated_key; the concatenation breaks ties by seq.
            where.append(("updated_key >= ?", state["k"][:26]))
            where.append(("updated_key || printf('%012d', seq) > ?", state["k"]))
        rows = ctx.db.query(where, order_by="updated_key ASC, seq ASC", limit=PAGE_SIZE + 1)
        has_next = len(rows) > PAGE_SIZE
        page = rows[:PAGE_SIZE]
        next_cursor = next_url = None
        if has_next:
            last = page[-1]
            next_cursor = _encode_cursor(
                {**state, "k": _seq_key(time_key(last.order.updated_at), last.seq)}
            )
            next_url = str(request.url.replace(query=f"cursor={next_cursor}"))
        return {
            "result": [render_order(s) for s in page],
            "pagination": {
                "hasNextPage": has_next,
                "nextPageCursor": next_cursor,
                "nextPageUrl": next_url,
            },
        }

    @router.get(ORDERS + "/{order_id}")
    def get_order(order_id: str, request: Request) -> dict[str, Any]:
        guard(request)
        stored = ctx.db.get(order_id)
        if stored is None:
            raise _not_found(order_id)
        return render_order(stored)

    @router.post(ORDERS + "/{order_id}/fulfillments", status_code=204)
    async def fulfill(order_id: str, request: Request) -> Response:
        guard(request)
        body = await _json_body(request)
        notify = body.get("shouldSendNotification")
        if notify is None:
            raise _bad("MISSING_ARGUMENT", "shouldSendNotification is required.")
        if not isinstance(notify, bool):
            raise _bad("INVALID_ARGUMENT", "shouldSendNotification must be a boolean.")
        shipments = _shipments(body, "shipments")
        at = ctx.now()

        def change(stored: StoredOrder) -> tuple[Order, str, dict[str, Any]]:
            order = stored.order
            wire = WIRE_STATUS.get(order.status, "PENDING")
            if wire == "CANCELED":
                raise SandboxError(
                    409, f"{CONFLICT}:ORDER_CANCELED", "A canceled order cannot be fulfilled."
                )
            if wire == "PENDING":
                if shipments:
                    order = apply_shipment(order, shipments[0], at)
                    rest = [
                        s.model_copy(update={"shipped_at": s.shipped_at or at})
                        for s in shipments[1:]
                    ]
                    order = order.model_copy(update={"shipments": [*order.shipments, *rest]})
                else:
                    order = apply_status(order, OrderStatus.SHIPPED, at)
                stored.extra["fulfilled_on"] = _iso(at)
            elif shipments:
                added = [s.model_copy(update={"shipped_at": s.shipped_at or at}) for s in shipments]
                events = [
                    TimelineEvent(
                        at=at,
                        kind="shipment",
                        message=f"Shipment added: {s.carrier} {s.tracking_number}",
                    )
                    for s in added
                ]
                order = order.model_copy(
                    update={
                        "shipments": [*order.shipments, *added],
                        "timeline": [*order.timeline, *events],
                        "updated_at": at,
                    }
                )
            else:
                raise _NoChange
            lines = {ln.id: ln.quantity for ln in order.lines}
            numbers = [s.tracking_number for s in shipments]
            detail = {
                "tracking_number": numbers[0] if numbers else None,
                "tracking_numbers": numbers,
                "lines": lines,
                "notify": notify,
            }
            return order, ("shipment" if shipments else "fulfill"), detail

        try:
            write_order(ctx, order_id, _not_found(order_id), change)
        except _NoChange:
            pass
        except DomainError as exc:
            raise SandboxError(409, f"{CONFLICT}:INVALID_ORDER_STATE", exc.message) from None
        return Response(status_code=204)

    async def create(request: Request) -> Response:
        guard(request)
        key = request.headers.get("idempotency-key", "").strip()
        if not key:
            raise _bad("MISSING_ARGUMENT", "The Idempotency-Key header is required.")
        body = await _json_body(request)
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode()).hexdigest()
        with ctx.lock:
            seen = ctx.db.idempotent_response(f"squarespace:create:{key}")
            if seen is not None:
                status, saved = seen
                if saved["request_sha256"] != digest:
                    raise SandboxError(
                        409,
                        f"{CONFLICT}:IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used with a different request body.",
                    )
                return _json_response(status, saved["response"])
            order, extra = _new_order(body, ctx, by_variant, by_sku)
            rendered = render_order(StoredOrder(0, order, extra))
            with ctx.db.transaction() as conn:  # order, key and effect: all or nothing
                ctx.db.insert_order(order, extra, conn)
                ctx.db.remember_response(
                    conn,
                    f"squarespace:create:{key}",
                    201,
                    {"request_sha256": digest, "response": rendered},
                )
                ctx.db.record_effect(
                    conn,
                    "create",
                    order.id,
                    {
                        "number": order.number,
                        "idempotency_key": key,
                        "external_reference": extra["external_reference"],
                    },
                )
        return _json_response(201, rendered)

    router.add_api_route(ORDERS, create, methods=["POST"], status_code=201)
    router.add_api_route(
        ORDERS + "/", create, methods=["POST"], status_code=201, include_in_schema=False
    )
    return router


class _NoChange(Exception):
    """A fulfillment of an already fulfilled order that adds nothing."""


def _json_response(status: int, body: Any) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False), status_code=status, media_type="application/json"
    )


def _first_state(params: Any) -> dict[str, Any]:
    state: dict[str, Any] = {"k": ""}
    status = params.get("fulfillmentStatus")
    if status:
        if status not in _STATUS_SQL:
            raise _bad(
                "INVALID_ARGUMENT", "fulfillmentStatus must be PENDING, FULFILLED or CANCELED."
            )
        state["s"] = status
    if params.get("customerId"):
        state["c"] = params["customerId"]
    after, before = params.get("modifiedAfter"), params.get("modifiedBefore")
    if bool(after) != bool(before):
        missing = "modifiedBefore" if after else "modifiedAfter"
        raise _bad(
            "MISSING_ARGUMENT",
            f"modifiedAfter and modifiedBefore must be used together; {missing} is missing.",
        )
    if after and before:
        code = f"{INVALID}:INVALID_ARGUMENT"
        a = parse_when(after, "modifiedAfter", 400, code)
        b = parse_when(before, "modifiedBefore", 400, code)
        assert a is not None and b is not None
        if a > b:
            raise _bad("INVALID_ARGUMENT", "modifiedAfter must not be later than modifiedBefore.")
        state["a"], state["b"] = time_key(a), time_key(b)
    return state


def _new_order(
    body: dict[str, Any], ctx: SandboxContext, by_variant: dict[str, Any], by_sku: dict[str, Any]
) -> tuple[Order, dict[str, Any]]:
    channel_name = _string(body, "channelName", "", max_len=30) or ""
    reference = _string(body, "externalOrderReference", "", max_len=200) or ""
    created = _when(body, "createdOn", "")
    email = _string(body, "customerEmail", "", required=False)
    interpretation = _choice(body, "priceTaxInterpretation", ("EXCLUSIVE", "INCLUSIVE"), None)
    _choice(body, "inventoryBehavior", ("DEDUCT", "SKIP"), "SKIP")
    _choice(body, "shopperFulfillmentNotificationBehavior", ("SEND", "SKIP"), "SKIP")
    wire_status = _choice(body, "fulfillmentStatus", ("PENDING", "FULFILLED"), "PENDING")
    fulfilled_on = _when(body, "fulfilledOn", "", required=wire_status == "FULFILLED")
    subtotal, currency = _amount(body, "subtotal", "") or (Decimal(0), "USD")
    total, _ = _amount(body, "grandTotal", "") or (Decimal(0), currency)
    shipping_lines, shipping = _shipping_lines(body)
    discount_lines, discount = _discount_lines(body)
    tax = (_amount(body, "taxTotal", "", required=False) or (Decimal(0), ""))[0]
    items = body.get("lineItems")
    if not isinstance(items, list) or not items:
        raise _bad(
            "MISSING_ARGUMENT" if items is None else "INVALID_ARGUMENT",
            "lineItems cannot be empty.",
        )
    lines: list[LineItem] = []
    product_ids: dict[str, int] = {}
    for i, item in enumerate(items):
        where = f"lineItems[{i}]."
        if not isinstance(item, dict):
            raise _bad("INVALID_ARGUMENT", f"lineItems[{i}] must be an object.")
        variant_id, sku = item.get("variantId"), item.get("sku")
        product = (by_variant.get(variant_id) if isinstance(variant_id, str) else None) or (
            by_sku.get(sku) if isinstance(sku, str) else None
        )
        if product is None:
            raise _bad(
                "INVALID_ARGUMENT", f"{where}variantId does not match a product of this site."
            )
        qty = item.get("quantity")
        if not isinstance(qty, int) or isinstance(qty, bool) or qty < 1:
            raise _bad("INVALID_ARGUMENT", f"{where}quantity must be a positive integer.")
        price = (_amount(item, "unitPricePaid", where) or (Decimal(0), ""))[0]
        line_id = secrets.token_hex(12)
        product_ids[line_id] = product.product_id
        name = item.get("productName") if isinstance(item.get("productName"), str) else None
        lines.append(
            LineItem(
                id=line_id,
                sku=product.sku,
                name=name or product.name,
                quantity=qty,
                unit_price=price,
                barcode=product.barcode,
                weight=Decimal(product.weight),
            )
        )
    ship_to, ship_phone = _address_in(body, "shippingAddress")
    bill_to, bill_phone = _address_in(body, "billingAddress")
    shipments = _shipments(body, "fulfillments", limit=100)
    now = ctx.now()
    assert created is not None
    name = (ship_to or bill_to or Address()).name
    order = Order(
        id=secrets.token_hex(12),
        number=_next_number(ctx),
        dialect="squarespace",
        status=OrderStatus.PROCESSING,
        currency=currency,
        subtotal=subtotal,
        tax=tax,
        shipping=shipping,
        total=total,
        channel=channel_name,
        customer=Customer(name=name, email=email, phone=ship_phone or bill_phone),
        ship_to=ship_to,
        bill_to=bill_to,
        lines=lines,
        timeline=[
            TimelineEvent(
                at=created, kind="order_created", message=f"Order imported from {channel_name}"
            )
        ],
        created_at=created,
        updated_at=now,
    )
    if wire_status == "FULFILLED":
        assert fulfilled_on is not None
        fulfilled = [ln.model_copy(update={"quantity_fulfilled": ln.quantity}) for ln in lines]
        order = order.model_copy(
            update={
                "status": OrderStatus.SHIPPED,
                "lines": fulfilled,
                "fulfillment_status": FulfillmentStatus.FULFILLED,
                "shipments": shipments,
            }
        )
    extra = {
        "customer_id": None,
        "product_ids": product_ids,
        "has_returns": False,
        "channel_name": channel_name,
        "external_reference": reference,
        "price_tax_interpretation": interpretation,
        "fulfilled_on": _iso(fulfilled_on) if fulfilled_on else None,
        "shipping_lines": shipping_lines,
        "discount_lines": discount_lines,
        "discount_total": format(discount, "f"),
    }
    return order, extra


def _shipping_lines(body: dict[str, Any]) -> tuple[list[dict[str, Any]], Decimal]:
    """The sent shipping line (the seed: "Currently accepts only one shipping entry") kept as
    sent, and the shipping total: ``shippingTotal`` when given (it must then match the line),
    else the line's amount."""
    raw = body.get("shippingLines")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise _bad("INVALID_ARGUMENT", "shippingLines must be a list.")
    if len(raw) > 1:
        raise _bad("INVALID_ARGUMENT", "shippingLines accepts only one shipping entry.")
    lines: list[dict[str, Any]] = []
    for i, entry in enumerate(raw):
        where = f"shippingLines[{i}]."
        if not isinstance(entry, dict):
            raise _bad("INVALID_ARGUMENT", f"shippingLines[{i}] must be an object.")
        amount, currency = _amount(entry, "amount", where) or (Decimal(0), "USD")
        kept: dict[str, Any] = {"amount": {"value": format(amount, "f"), "currency": currency}}
        for key in ("method", "shippingOptionName", "shippingOptionServiceType"):
            text = _string(entry, key, where, required=False, max_len=200)
            if text is not None:
                kept[key] = text
        lines.append(kept)
    from_lines = sum((Decimal(ln["amount"]["value"]) for ln in lines), Decimal(0))
    total = _amount(body, "shippingTotal", "", required=False)
    if total is None:
        return lines, from_lines
    if lines and total[0] != from_lines:
        raise _bad("INVALID_ARGUMENT", "shippingTotal must equal the amount of the shipping line.")
    return lines, total[0]


def _discount_lines(body: dict[str, Any]) -> tuple[list[dict[str, Any]], Decimal]:
    """The promotions sent (kept as sent) and the discount total, as for shipping."""
    raw = body.get("discountLines")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise _bad("INVALID_ARGUMENT", "discountLines must be a list.")
    lines: list[dict[str, Any]] = []
    for i, entry in enumerate(raw[:100]):
        where = f"discountLines[{i}]."
        if not isinstance(entry, dict):
            raise _bad("INVALID_ARGUMENT", f"discountLines[{i}] must be an object.")
        amount, currency = _amount(entry, "amount", where) or (Decimal(0), "USD")
        kept: dict[str, Any] = {"amount": {"value": format(amount, "f"), "currency": currency}}
        for key in ("name", "description", "promoCode"):
            text = _string(entry, key, where, required=False, max_len=200)
            if text is not None:
                kept[key] = text
        lines.append(kept)
    if len(raw) > 100:
        raise _bad("INVALID_ARGUMENT", "discountLines accepts at most 100 entries.")
    from_lines = sum((Decimal(ln["amount"]["value"]) for ln in lines), Decimal(0))
    total = _amount(body, "discountTotal", "", required=False)
    if total is None:
        return lines, from_lines
    if lines and total[0] != from_lines:
        raise _bad("INVALID_ARGUMENT", "discountTotal must equal the sum of the discount lines.")
    return lines, total[0]


def _next_number(ctx: SandboxContext) -> str:
    last = ctx.db.query(order_by="CAST(number AS INTEGER) DESC", limit=1)
    return str(int(last[0].order.number) + 1 if last else 1001)


SPEC = DialectSpec(
    id="squarespace",
    base_path="",
    make_router=make_router,
    error_body=error_body,
    auth_error_code="AUTHORIZATION_ERROR",
    auth_missing_message="Authorization required: send Authorization: Bearer <API key>.",
    auth_invalid_message="The API key or OAuth token is invalid or revoked.",
    validation_status=400,
    validation_code=f"{INVALID}:INVALID_ARGUMENT",
    rate_limit_code="TOO_MANY_REQUESTS",
    server_error_code="INTERNAL_ERROR",
    not_found_code="NOT_FOUND",
    requires_user_agent=True,
)
