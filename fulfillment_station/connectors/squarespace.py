"""Connector for the Squarespace Commerce Orders API (dialect ``squarespace``, seed 002).

Endpoints (the public API's paths; the seed names none): ``GET /1.0/commerce/orders`` (list),
``GET /1.0/commerce/orders/{id}``, ``POST /1.0/commerce/orders/{id}/fulfillments`` (204) and
``POST /1.0/commerce/orders`` (create, with an ``Idempotency-Key``). Every request carries a
User-Agent (the API refuses requests without one); ``ApiClient`` always sends the app's.

What the API can and cannot do, and the choices made where the seed is silent:

* Status: Squarespace knows only ``fulfillmentStatus`` PENDING / FULFILLED / CANCELED (the table
  below). PENDING means paid and waiting to be packed, so it maps to ``processing``.
* List: 50 orders a page, no page-size parameter (``ListQuery.page_size`` is ignored), paging by
  ``pagination.nextPageCursor``. The cursor may not be sent with any other parameter, so the
  filters go on the first request only. Filters: status (via ``fulfillmentStatus``; only
  processing, shipped and cancelled can be asked for), customer (``customerId``) and
  updated-since (``modifiedAfter=since`` with ``modifiedBefore=now``: the API takes the two only
  as a pair). No created-date, channel or search filters exist.
* Fulfill / ship: one call fulfills the WHOLE order; Squarespace has no per-line fulfillment, so a
  request naming some lines only is refused here with ``Unsupported`` (a request naming every
  remaining unit is sent). Each shipment needs a tracking number on the wire: a ship request
  without one fulfills the order with no shipment, and says so in ``ShipResult.message``.
  ``service`` is sent as given, or as an empty string. ``shouldSendNotification`` follows
  ``notify_customer`` and defaults to True (Squarespace's own "mark fulfilled" default). An
  already fulfilled order accepts more shipments (the public docs say so); a canceled one is
  refused (409 CONFLICT / ORDER_CANCELED -> ``InvalidTransition``). The answer is 204 with no
  body: ``ShipResult.order`` is None and the caller re-reads the order when it needs it.
* Create: imports a third-party order. ``channelName`` is the request's channel name or
  "Fulfillment Station" (cut to the API's 30 characters); ``externalOrderReference`` is the
  request's reference or the idempotency key; totals are computed from the lines (no tax,
  shipping or discount; a line without a price is sent at 0.00); each line carries the product
  id as ``variantId`` when known and its ``sku``. Notes and a customer id cannot be carried. The
  idempotency key makes a repeated create return the same order; a key reused with a different
  body is a ``Conflict``. ``createdOn`` is required: it is the request's ``created_at``, or the
  time of the first attempt with that key (remembered by this connector instance), so that a
  retry sends the identical body. A caller that retries across restarts should set
  ``created_at`` when it queues the request.
* No cancel, no update, no bulk fulfillment, no labels: none is documented.
* Errors have the shape ``{"type", "subtype", "message", "details", "contextId"}``; ``type`` is
  the code the typed errors are chosen by, ``subtype`` and ``contextId`` go into ``details``.
* Parsing is tolerant: unknown fields are ignored, amounts may be strings or numbers, an unknown
  ``fulfillmentStatus`` gives ``OrderStatus.UNKNOWN`` with the text kept in ``api_status``, null
  arrays count as empty, dates must carry their offset (the seed's are "ISO 8601 UTC"
  strings). A payload that cannot be understood raises ``BadResponse`` naming the order and the
  field. Fulfillments do not say which lines they hold: the first shipment of a fulfilled order
  is given all lines. Line items carry no barcode.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

from fulfillment_station import APP_NAME
from fulfillment_station.connectors.base import (
    Capabilities,
    Connector,
    Filter,
    ListQuery,
    Operation,
    Page,
    PageGuard,
    ShipResult,
    no,
    read_rows,
    yes,
)
from fulfillment_station.connectors.errors import (
    BadResponse,
    Conflict,
    ConnectorError,
    InvalidTransition,
    Unsupported,
)
from fulfillment_station.connectors.http import Answer, ApiClient, write_proof
from fulfillment_station.connectors.parsing import FieldReader, order_from
from fulfillment_station.domain import (
    Address,
    FulfillmentStatus,
    Order,
    OrderStatus,
    Shipment,
)
from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, status_word
from fulfillment_station.domain.money import round_money
from fulfillment_station.domain.requests import (
    CreateOrderRequest,
    FulfillRequest,
    ShipRequest,
    TrackingInfo,
)

DIALECT = "squarespace"
ORDERS = "/1.0/commerce/orders"

#: Squarespace ``fulfillmentStatus`` -> canonical status. The one status table of this dialect.
STATUS_MAP: dict[str, OrderStatus] = {
    "PENDING": OrderStatus.PROCESSING,
    "FULFILLED": OrderStatus.SHIPPED,
    "CANCELED": OrderStatus.CANCELLED,
}
#: canonical status -> the ``fulfillmentStatus`` filter value that selects it
STATUS_FILTER: dict[OrderStatus, str] = {v: k for k, v in STATUS_MAP.items()}

DEFAULT_CHANNEL_NAME = APP_NAME

CAPABILITIES = Capabilities(
    dialect=DIALECT,
    display_name="Squarespace",
    operations={
        Operation.LIST: yes(
            QT_TRANSLATE_NOOP("Capabilities", "50 orders a page, oldest change first.")
        ),
        Operation.GET: yes(),
        Operation.SHIP: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Marks the whole order fulfilled; Squarespace cannot ship some lines only.",
            )
        ),
        Operation.FULFILL: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities", "Marks the whole order fulfilled, with the shipments given."
            )
        ),
        Operation.BULK_SHIP: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Squarespace's API has no bulk fulfillment; fulfill the orders one at a time.",
            )
        ),
        Operation.CANCEL: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Squarespace's API has no way to cancel an order; cancel it in the Squarespace "
                "dashboard.",
            )
        ),
        Operation.UPDATE: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Squarespace's API has no way to change an order; edit it in the Squarespace "
                "dashboard.",
            )
        ),
        Operation.CREATE: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Imports an order from another sales channel; its products must already exist in "
                "the Squarespace store.",
            )
        ),
        Operation.LIST_SHIPMENTS: yes(
            QT_TRANSLATE_NOOP("Capabilities", "Read from the order's fulfillments.")
        ),
        Operation.CHANNEL_SYNC: no(
            QT_TRANSLATE_NOOP("Capabilities", "Squarespace's API has no channel sync.")
        ),
        Operation.FETCH_LABEL: no(
            QT_TRANSLATE_NOOP("Capabilities", "Squarespace's API creates no shipping labels.")
        ),
    },
    filters=frozenset({Filter.STATUS, Filter.CUSTOMER, Filter.UPDATED_SINCE}),
    max_page_size=50,
    partial_shipment=False,
    notify_customer=True,
    returns_label=False,
    carries_tracking=True,
    notes=(
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "Fulfilling marks the whole order fulfilled: Squarespace has no partial shipments.",
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "Once an order is fulfilled this app adds no more shipments to it: add a late "
            "parcel's tracking number in Squarespace itself.",
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities", "Squarespace orders are only pending, fulfilled or canceled."
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities", "Line items carry no barcode: match scanned items by SKU."
        ),
        QT_TRANSLATE_NOOP("Capabilities", "Created orders cannot carry notes or a customer id."),
    ),
    idempotent_create=True,
)


class SquarespaceConnector(Connector):
    DIALECT: ClassVar[str] = DIALECT
    CAPABILITIES: ClassVar[Capabilities] = CAPABILITIES

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        api: ApiClient | None = None,
        now: Callable[[], datetime] | None = None,
        **client_options: Any,
    ) -> None:
        super().__init__(base_url, token, api=api, **client_options)
        self._now = now or (lambda: datetime.now(UTC))
        self._created_on: dict[str, datetime] = {}

    @staticmethod
    def parse_error(response: httpx.Response) -> tuple[str | None, str, Any]:
        try:
            body = response.json()
        except ValueError:
            return None, response.text[:300], None
        if not isinstance(body, dict):
            return None, str(body)[:300], None
        code = body.get("type")
        message = body.get("message")
        details = {
            k: body[k] for k in ("subtype", "contextId", "details") if body.get(k) is not None
        }
        return (str(code) if code else None, str(message or "")[:500], details or None)

    # -- reads --------------------------------------------------------------------------------

    def first_page_params(self, query: ListQuery) -> dict[str, str]:
        params: dict[str, str] = {}
        if query.status is not None:
            wire = STATUS_FILTER.get(query.status)
            if wire is None:
                raise Unsupported(
                    QT_TRANSLATE_NOOP(
                        "Connectors",
                        "Squarespace orders are only pending, fulfilled or canceled; they cannot "
                        "be listed as {status}.",
                    ).format(status=status_word(query.status))
                )
            params["fulfillmentStatus"] = wire
        if query.customer_id is not None:
            params["customerId"] = query.customer_id
        if query.updated_since is not None:
            # The API wants both ends; a clock behind the since-mark must not make after > before.
            since = _aware(query.updated_since)
            params["modifiedAfter"] = _wire_time(since)
            params["modifiedBefore"] = _wire_time(max(_aware(self._now()), since))
        return params

    def iter_pages(self, query: ListQuery) -> Iterator[Page]:
        self.check_query(query)
        params: Mapping[str, str] = self.first_page_params(query)
        guard = PageGuard()
        while True:
            body = self.api.get_json(ORDERS, params, kind=Answer.LIST)
            rows, more, cursor = parse_list(body)
            if cursor is not None:
                self.api.prefetch(ORDERS, {"cursor": cursor})  # while we parse
            orders, unreadable = read_rows(rows, parse_order)
            yield Page(guard.page(orders, unreadable), None, unreadable)
            if not more:
                return
            if cursor is None:
                raise BadResponse(
                    "hasNextPage is true but nextPageCursor is missing",
                    field="pagination.nextPageCursor",
                )
            guard.position(cursor)
            params = {"cursor": cursor}

    def get_order(self, order_id: str) -> Order:
        body = self.api.get_json(f"{ORDERS}/{quote(order_id, safe='')}", order_id=order_id)
        return parse_order(body, order_id=order_id)

    def list_shipments(self, order_id: str) -> list[Shipment]:
        return self.get_order(order_id).shipments

    # -- writes -------------------------------------------------------------------------------

    def ship(self, order_id: str, request: ShipRequest) -> ShipResult:
        if request.lines:
            self._require_whole_order(order_id, request.lines)
        tracking = request.tracking()
        shipments = [tracking] if tracking.tracking_number else []
        message = (
            ""
            if shipments
            else (
                "Squarespace records a shipment only with a tracking number; the order was marked "
                "fulfilled without one."
            )
        )
        return self._fulfill(order_id, shipments, request.notify_customer, message)

    def fulfill(self, order_id: str, request: FulfillRequest) -> ShipResult:
        if request.lines:
            self._require_whole_order(order_id, request.lines)
        shipments = [s for s in request.shipments if s.tracking_number]
        skipped = len(request.shipments) - len(shipments)
        message = (
            (
                f"{skipped} shipment(s) without a tracking number were not sent: Squarespace "
                "needs one for each shipment."
            )
            if skipped
            else ""
        )
        return self._fulfill(order_id, shipments, request.notify_customer, message)

    def _fulfill(
        self, order_id: str, shipments: list[TrackingInfo], notify: bool | None, message: str
    ) -> ShipResult:
        notify = True if notify is None else notify
        now = self._now()
        body = {
            "shouldSendNotification": notify,
            "shipments": [
                {
                    "shipDate": _wire_time(s.shipped_at or now),
                    "carrierName": s.carrier,
                    "service": s.service or "",
                    "trackingNumber": s.tracking_number,
                    **({"trackingUrl": s.tracking_url} if s.tracking_url else {}),
                }
                for s in shipments
            ],
        }
        try:
            # Proof: 204 and nothing else (a 200 sign-in page or a redirect applied nothing).
            self.api.send_json(
                "POST",
                f"{ORDERS}/{quote(order_id, safe='')}/fulfillments",
                json=body,
                order_id=order_id,
                proof=(204,),
                json_answer=False,
            )
        except Conflict as exc:
            raise _refine(exc) from None
        first = shipments[0] if shipments else None
        shipment = (
            Shipment(
                carrier=first.carrier,
                service=first.service,
                tracking_number=first.tracking_number,
                tracking_url=first.tracking_url,
                shipped_at=first.shipped_at or now,
            )
            if first
            else None
        )
        return ShipResult(order=None, shipment=shipment, notified_customer=notify, message=message)

    def _require_whole_order(self, order_id: str, lines: Mapping[str, int]) -> None:
        order = self.get_order(order_id)
        remaining = {ln.id: ln.remaining for ln in order.lines if ln.remaining > 0}
        if not remaining:
            return  # already fulfilled: the API adds the shipment to the order
        wanted = {k: v for k, v in lines.items() if v}
        if wanted != remaining:
            raise Unsupported(
                QT_TRANSLATE_NOOP(
                    "Connectors",
                    "Squarespace fulfills whole orders only; it cannot ship some lines or units on "
                    "their own. Ship every remaining item, or none.",
                )
            )

    def create(self, request: CreateOrderRequest, idempotency_key: str) -> Order:
        # A retry must send the very same body, or the API takes the reused key for a
        # different order (409): a missing created_at is fixed at the first attempt.
        first_try = self._created_on.setdefault(idempotency_key, self._now())
        body = create_body(request, idempotency_key, first_try)
        response = self.api.send_json(
            "POST",
            ORDERS,
            json=body,
            headers={"Idempotency-Key": idempotency_key},
            proof=(200, 201),
        )
        with write_proof():  # proof: the created order, readable
            return parse_order(ApiClient.decode(response))


def _refine(exc: ConnectorError) -> ConnectorError:
    """A conflict about the order's state is a status problem, not a concurrent change."""
    subtype = exc.details.get("subtype") if isinstance(exc.details, dict) else None
    if subtype in ("ORDER_CANCELED", "INVALID_ORDER_STATE"):
        return InvalidTransition(
            exc.api_message,
            code=exc.code,
            status=exc.status,
            order_id=exc.order_id,
            details=exc.details,
        )
    return exc


def _aware(value: datetime) -> datetime:
    """A naive time from a caller is taken as UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _wire_time(value: datetime) -> str:
    return _aware(value).astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _wire_money(value: Decimal, currency: str) -> dict[str, str]:
    return {"value": format(round_money(value), "f"), "currency": currency}


def _wire_address(address: Address, phone: str | None) -> dict[str, Any]:
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


def create_body(request: CreateOrderRequest, idempotency_key: str, now: datetime) -> dict[str, Any]:
    """The create-order body for ``request`` (totals computed from its lines)."""
    currency = request.currency
    lines = []
    subtotal = Decimal(0)
    for line in request.lines:
        price = line.unit_price if line.unit_price is not None else Decimal(0)
        subtotal += price * line.quantity
        item: dict[str, Any] = {
            "lineItemType": "PHYSICAL_PRODUCT",
            "sku": line.sku,
            "quantity": line.quantity,
            "unitPricePaid": _wire_money(price, currency),
        }
        if line.product_id:
            item["variantId"] = line.product_id
        if line.name:
            item["productName"] = line.name
        lines.append(item)
    zero = _wire_money(Decimal(0), currency)
    body: dict[str, Any] = {
        "channelName": (request.channel_name or DEFAULT_CHANNEL_NAME)[:30],
        "externalOrderReference": (request.external_reference or idempotency_key)[:200],
        "createdOn": _wire_time(request.created_at or now),
        "lineItems": lines,
        "priceTaxInterpretation": "EXCLUSIVE",
        "inventoryBehavior": "SKIP",
        "shopperFulfillmentNotificationBehavior": "SKIP",
        "fulfillmentStatus": "PENDING",
        "subtotal": _wire_money(subtotal, currency),
        "shippingTotal": zero,
        "discountTotal": zero,
        "taxTotal": zero,
        "grandTotal": _wire_money(subtotal, currency),
    }
    if request.customer.email:
        body["customerEmail"] = request.customer.email
    if request.ship_to is not None:
        address = request.ship_to
        if not address.name and request.customer.name:
            address = address.model_copy(update={"name": request.customer.name})
        body["shippingAddress"] = _wire_address(address, request.customer.phone)
        body["billingAddress"] = body["shippingAddress"]
    return body


# -- parsing ---------------------------------------------------------------------------------

#: Canonical address field -> Squarespace's key (the name is firstName + lastName).
ADDRESS_KEYS: dict[str, str] = {
    "line1": "address1",
    "line2": "address2",
    "city": "city",
    "region": "state",
    "postal_code": "postalCode",
    "country": "countryCode",
}


def parse_list(body: Any) -> tuple[list[Any], bool, str | None]:
    """(rows, whether another page follows, its cursor) of a list answer. The cursor is only
    read when another page follows; a missing one is refused once this page is used."""
    if not isinstance(body, dict) or not isinstance(body.get("result", []), list | None):
        raise BadResponse("the order list is not {result: [...]}", field="result")
    rows = body.get("result") or []
    pagination = body.get("pagination")
    if not isinstance(pagination, dict) or not pagination.get("hasNextPage"):
        return rows, False, None
    return (
        rows,
        True,
        FieldReader(None).cursor(pagination, "nextPageCursor", "pagination.nextPageCursor"),
    )


def parse_order(data: Any, *, order_id: str | None = None) -> Order:
    """One Squarespace Order resource -> the canonical ``Order``; BadResponse if unusable.
    ``order_id`` is the order asked for, named when the answer has no id of its own."""
    if not isinstance(data, dict):
        raise BadResponse("an order is not a JSON object", order_id=order_id)
    order_id = FieldReader(order_id).ident(data, "id")
    # The seed's dates are "ISO 8601 UTC date and time string(s)": one without an offset is
    # refused rather than guessed.
    r = FieldReader(order_id, naive_utc=False)
    status, api_status = r.status(data, "fulfillmentStatus", STATUS_MAP, required=False)
    fulfilled = status == OrderStatus.SHIPPED
    created = r.required_when(data, "createdOn")
    updated = r.when(data, "modifiedOn") or created

    total, currency = r.money_object(data, "grandTotal")
    subtotal, sub_currency = r.money_object(data, "subtotal")
    shipping, _ = r.money_object(data, "shippingTotal")
    tax, _ = r.money_object(data, "taxTotal")
    refunded, _ = r.money_object(data, "refundedTotal")

    # Sub-objects stay plain dicts so the order is validated once, as a whole.
    lines: list[dict[str, Any]] = []
    for i, item in enumerate(r.objects(data, "lineItems")):
        field = f"lineItems[{i}]"
        price, price_currency = r.money_object(item, "unitPricePaid", f"{field}.unitPricePaid")
        currency = currency or price_currency
        qty = r.count(item, "quantity", f"{field}.quantity", required=True)
        lines.append(
            {
                "id": r.text(item, "id", f"{field}.id")
                or r.text(item, "variantId", f"{field}.variantId")
                or f"line-{i + 1}",
                "sku": r.text(item, "sku", f"{field}.sku") or "",
                "name": r.text(item, "productName", f"{field}.productName") or "",
                "quantity": qty,
                "quantity_fulfilled": qty if fulfilled else 0,
                "unit_price": price,
                "weight": r.weight(item, "weight", f"{field}.weight"),
            }
        )

    ship_to, ship_phone = _address(r, data, "shippingAddress")
    bill_to, bill_phone = _address(r, data, "billingAddress")
    name = bill_to["name"] if bill_to and bill_to["name"] else ship_to["name"] if ship_to else ""
    customer = {
        "name": name,
        "email": r.text(data, "customerEmail"),
        "phone": bill_phone or ship_phone,
    }

    shipments: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = [
        {"at": created, "kind": "order_created", "message": "Order placed"}
    ]
    for i, entry in enumerate(r.objects(data, "fulfillments")):
        field = f"fulfillments[{i}]"
        carrier = r.text(entry, "carrierName", f"{field}.carrierName") or ""
        number = r.text(entry, "trackingNumber", f"{field}.trackingNumber")
        shipped_at = r.when(entry, "shipDate", f"{field}.shipDate")
        owned = (
            [
                {"line_id": ln["id"], "quantity": ln["quantity"]}
                for ln in lines
                if ln["quantity"] > 0
            ]
            if fulfilled and not shipments
            else []
        )
        shipments.append(
            {
                "carrier": carrier,
                "service": r.text(entry, "service", f"{field}.service"),
                "tracking_number": number,
                "shipped_at": shipped_at,
                "lines": owned,
                "tracking_url": r.text(entry, "trackingUrl", f"{field}.trackingUrl"),
            }
        )
        if shipped_at is not None:
            timeline.append(
                {
                    "at": shipped_at,
                    "kind": "shipment",
                    "message": f"Shipped via {carrier} {number or ''}".strip(),
                }
            )
    fulfilled_on = r.when(data, "fulfilledOn")
    if fulfilled_on is not None and not shipments:
        timeline.append({"at": fulfilled_on, "kind": "fulfilled", "message": "Marked fulfilled"})
    timeline.sort(key=lambda e: e["at"])

    # Notes come as objects with a ``content`` or as bare texts; anything else is no note.
    notes = [
        n.get("content") if isinstance(n, dict) else n for n in r.values(data, "internalNotes")
    ]
    note_text = "\n".join(str(n) for n in notes if isinstance(n, str) and n.strip()) or None
    gift = None
    for entry in r.values(data, "formSubmission"):
        # Checkout form answers: only a text answer to a question about a gift is used.
        if (
            isinstance(entry, dict)
            and "gift" in str(entry.get("label", "")).lower()
            and isinstance(entry.get("value"), str)
            and entry["value"].strip()
        ):
            gift = entry["value"]
            break
    channel = r.text(data, "channelName") or r.text(data, "channel")
    number = r.text(data, "orderNumber") or order_id
    # A part refund (one item returned) leaves the rest to ship; only a whole one holds it.
    payment = (
        "refunded"
        if refunded > 0 and refunded >= total
        else "partially_refunded"
        if refunded > 0
        else None
    )
    service_requested = None
    for i, entry in enumerate(r.values(data, "shippingLines")):
        # The service the customer chose at checkout (seed: ``shippingOptionName``).
        if isinstance(entry, dict):
            service_requested = r.text(
                entry, "shippingOptionName", f"shippingLines[{i}].shippingOptionName"
            )
            if service_requested:
                break
    discounts: list[dict[str, Any]] = []
    for i, entry in enumerate(r.objects(data, "discountLines")):
        # Each promotion redeemed at checkout (seed: "Array of discount line items"), so the
        # slip can itemise what the total took off.
        field = f"discountLines[{i}]"
        amount, _ = r.money_object(entry, "amount", f"{field}.amount")
        code = r.text(entry, "promoCode", f"{field}.promoCode")
        name = (
            r.text(entry, "name", f"{field}.name")
            or r.text(entry, "description", f"{field}.description")
            or code
            or ""
        )
        discounts.append({"name": name, "code": code, "amount": abs(amount)})
    return order_from(
        {
            "id": order_id,
            "number": number,
            "dialect": DIALECT,
            "status": status,
            "api_status": api_status or None,
            "fulfillment_status": (
                FulfillmentStatus.FULFILLED
                if fulfilled and lines
                else FulfillmentStatus.UNFULFILLED
            ),
            "payment_status": payment,
            "channel": channel,
            "holds": store_holds(
                status=status, payment_status=payment, test=data.get("testmode") is True
            ),
            "currency": (currency or sub_currency or "USD")[:3].upper(),
            "subtotal": subtotal,
            "tax": tax,
            "shipping": shipping,
            "total": total,
            "customer": customer,
            "ship_to": ship_to,
            "bill_to": bill_to,
            "lines": lines,
            "shipments": shipments,
            "timeline": timeline,
            "notes": note_text,
            "gift_message": gift,
            "created_at": created,
            "updated_at": updated,
            "service_requested": service_requested,
            "discounts": discounts,
            "raw": data,
        },
        order_id,
    )


def _address(
    r: FieldReader, data: dict[str, Any], key: str
) -> tuple[dict[str, str | None] | None, str | None]:
    """(address, phone) of ``data[key]``: Squarespace splits the name in two and keeps the
    phone on the address."""
    address = r.address(data, key, ADDRESS_KEYS)
    if address is None:
        return None, None
    value = data[key]
    parts = (
        r.text(value, "firstName", f"{key}.firstName"),
        r.text(value, "lastName", f"{key}.lastName"),
    )
    address["name"] = " ".join(p.strip() for p in parts if p and p.strip())
    return address, r.text(value, "phone", f"{key}.phone")


CONNECTOR = SquarespaceConnector
