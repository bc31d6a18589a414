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
  arrays count as empty. A payload that cannot be understood raises ``BadResponse`` naming the
  order and the field. Fulfillments do not say which lines they hold: the first shipment of a
  fulfilled order is given all lines. Line items carry no barcode.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
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
from fulfillment_station.connectors.parsing import order_from, text
from fulfillment_station.domain import (
    Address,
    FulfillmentStatus,
    Order,
    OrderStatus,
    Shipment,
)
from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, status_word
from fulfillment_station.domain.models import parse_utc
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
#: Amounts at or above this are taken for garbage rather than printed on a slip.
MAX_AMOUNT = Decimal(10) ** 12

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
            if not isinstance(body, dict) or not isinstance(body.get("result", []), list | None):
                raise BadResponse("the order list is not {result: [...]}", field="result")
            ahead = body.get("pagination")
            if (
                isinstance(ahead, dict)
                and ahead.get("hasNextPage")
                and isinstance(ahead.get("nextPageCursor"), str)
                and ahead["nextPageCursor"]
            ):
                self.api.prefetch(ORDERS, {"cursor": ahead["nextPageCursor"]})  # while we parse
            orders, unreadable = read_rows(body.get("result") or [], parse_order)
            yield Page(guard.page(orders, unreadable), None, unreadable)
            pagination = body.get("pagination")
            if not isinstance(pagination, dict) or not pagination.get("hasNextPage"):
                return
            cursor = pagination.get("nextPageCursor")
            if not isinstance(cursor, str) or not cursor:
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


class _Reader:
    """Reads one order payload, on the connectors' shared readers (``connectors.parsing``)
    where Squarespace words a field as the others do; every refusal is a BadResponse naming
    the order and the field, and the order is validated once, as a whole (``order_from``)."""

    def __init__(self, data: dict[str, Any], order_id: str | None) -> None:
        self.data = data
        self.order_id = order_id

    def bad(self, field: str, message: str) -> BadResponse:
        return BadResponse(message, field=field, order_id=self.order_id)

    def text(self, value: Any, field: str) -> str | None:
        """As the store sent it (an empty text stays empty); a number becomes its text."""
        if value is None or type(value) is str:
            return value
        return text({field: value}, field, self.order_id)

    def when(self, value: Any, field: str, *, required: bool = False) -> datetime | None:
        if value is None or value == "":
            if required:
                raise self.bad(field, "a date is required")
            return None
        if not isinstance(value, str):
            raise self.bad(field, "expected an ISO 8601 date")
        try:
            return parse_utc(value)
        except ValueError:
            raise self.bad(field, "not an ISO 8601 date with a time zone") from None

    def amount(self, value: Any, field: str) -> tuple[Decimal, str | None]:
        currency = None
        if isinstance(value, dict):
            currency = value.get("currency")
            currency = currency if isinstance(currency, str) and currency else None
            value = value.get("value")
        if value is None:
            return Decimal(0), currency
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.bad(field, "expected an amount")
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.bad(field, "not an amount of money") from None
        if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
            raise self.bad(field, "not a plausible amount of money")
        return amount, currency

    def quantity(self, value: Any, field: str) -> int:
        if isinstance(value, bool):
            raise self.bad(field, "expected a whole number")
        if isinstance(value, str):
            value = value.strip()
        try:
            number = Decimal(str(value)) if isinstance(value, int | float | str) else None
        except InvalidOperation:
            number = None
        if (
            number is None
            or not number.is_finite()
            or number != number.to_integral_value()
            or number < 0
            or number > 10**9
        ):
            raise self.bad(field, "expected a whole number of units")
        return int(number)

    def items(self, value: Any, field: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.bad(field, "expected an array")
        return value

    def address(self, value: Any, field: str) -> tuple[dict[str, Any] | None, str | None]:
        if value is None:
            return None, None
        if not isinstance(value, dict):
            raise self.bad(field, "expected an address object")
        get = {
            k: self.text(value.get(k), f"{field}.{k}")
            for k in (
                "firstName",
                "lastName",
                "address1",
                "address2",
                "city",
                "state",
                "countryCode",
                "postalCode",
                "phone",
            )
        }
        name = " ".join(p.strip() for p in (get["firstName"], get["lastName"]) if p and p.strip())
        return {
            "name": name,
            "line1": get["address1"] or "",
            "line2": get["address2"] or None,
            "city": get["city"] or "",
            "region": get["state"] or None,
            "postal_code": get["postalCode"] or None,
            "country": get["countryCode"] or "",
        }, get["phone"] or None


def parse_order(data: Any, *, order_id: str | None = None) -> Order:
    """One Squarespace Order resource -> the canonical ``Order``; BadResponse if unusable."""
    if not isinstance(data, dict):
        raise BadResponse("an order is not a JSON object", order_id=order_id)
    raw_id = data.get("id")
    if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id).strip():
        order_id = str(raw_id)
    else:
        raise BadResponse("the order has no id", field="id", order_id=order_id)
    reader = _Reader(data, order_id)
    try:
        return _parse(reader, data, order_id)
    except BadResponse:
        raise
    except (ValueError, TypeError, ArithmeticError, LookupError, AttributeError) as exc:
        # Anything the model itself refuses (pydantic, domain rules) is still a BadResponse.
        raise BadResponse(str(exc)[:300], order_id=order_id) from None


def _parse(r: _Reader, data: dict[str, Any], order_id: str) -> Order:
    api_status = r.text(data.get("fulfillmentStatus"), "fulfillmentStatus")
    status = STATUS_MAP.get((api_status or "").strip().upper(), OrderStatus.UNKNOWN)
    fulfilled = status == OrderStatus.SHIPPED
    created = r.when(data.get("createdOn"), "createdOn", required=True)
    updated = r.when(data.get("modifiedOn"), "modifiedOn") or created
    assert created is not None and updated is not None

    total, currency = r.amount(data.get("grandTotal"), "grandTotal")
    subtotal, sub_currency = r.amount(data.get("subtotal"), "subtotal")
    shipping, _ = r.amount(data.get("shippingTotal"), "shippingTotal")
    tax, _ = r.amount(data.get("taxTotal"), "taxTotal")
    refunded, _ = r.amount(data.get("refundedTotal"), "refundedTotal")

    # Sub-objects stay plain dicts so the order is validated once, as a whole.
    lines: list[dict[str, Any]] = []
    for i, item in enumerate(r.items(data.get("lineItems"), "lineItems")):
        field = f"lineItems[{i}]"
        if not isinstance(item, dict):
            raise r.bad(field, "expected a line item object")
        line_id = (
            r.text(item.get("id"), f"{field}.id")
            or r.text(item.get("variantId"), f"{field}.variantId")
            or f"line-{i + 1}"
        )
        qty = r.quantity(item.get("quantity"), f"{field}.quantity")
        price, price_currency = r.amount(item.get("unitPricePaid"), f"{field}.unitPricePaid")
        currency = currency or price_currency
        weight = _weight(item.get("weight"))
        lines.append(
            {
                "id": line_id,
                "sku": r.text(item.get("sku"), f"{field}.sku") or "",
                "name": r.text(item.get("productName"), f"{field}.productName") or "",
                "quantity": qty,
                "quantity_fulfilled": qty if fulfilled else 0,
                "unit_price": price,
                "weight": weight,
            }
        )

    ship_to, ship_phone = r.address(data.get("shippingAddress"), "shippingAddress")
    bill_to, bill_phone = r.address(data.get("billingAddress"), "billingAddress")
    name = bill_to["name"] if bill_to and bill_to["name"] else ship_to["name"] if ship_to else ""
    customer = {
        "name": name,
        "email": r.text(data.get("customerEmail"), "customerEmail") or None,
        "phone": bill_phone or ship_phone,
    }

    shipments: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = [
        {"at": created, "kind": "order_created", "message": "Order placed"}
    ]
    for i, entry in enumerate(r.items(data.get("fulfillments"), "fulfillments")):
        field = f"fulfillments[{i}]"
        if not isinstance(entry, dict):
            raise r.bad(field, "expected a shipment object")
        carrier = r.text(entry.get("carrierName"), f"{field}.carrierName") or ""
        number = r.text(entry.get("trackingNumber"), f"{field}.trackingNumber") or None
        shipped_at = r.when(entry.get("shipDate"), f"{field}.shipDate")
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
                "service": r.text(entry.get("service"), f"{field}.service") or None,
                "tracking_number": number,
                "shipped_at": shipped_at,
                "lines": owned,
                "tracking_url": r.text(entry.get("trackingUrl"), f"{field}.trackingUrl") or None,
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
    fulfilled_on = r.when(data.get("fulfilledOn"), "fulfilledOn")
    if fulfilled_on is not None and not shipments:
        timeline.append({"at": fulfilled_on, "kind": "fulfilled", "message": "Marked fulfilled"})
    timeline.sort(key=lambda e: e["at"])

    notes = [
        n.get("content") if isinstance(n, dict) else n
        for n in r.items(data.get("internalNotes"), "internalNotes")
    ]
    note_text = "\n".join(str(n) for n in notes if isinstance(n, str) and n.strip()) or None
    gift = None
    for entry in r.items(data.get("formSubmission"), "formSubmission"):
        if (
            isinstance(entry, dict)
            and "gift" in str(entry.get("label", "")).lower()
            and isinstance(entry.get("value"), str)
            and entry["value"].strip()
        ):
            gift = entry["value"]
            break
    channel = (
        r.text(data.get("channelName"), "channelName")
        or r.text(data.get("channel"), "channel")
        or None
    )
    number = r.text(data.get("orderNumber"), "orderNumber") or order_id
    # A part refund (one item returned) leaves the rest to ship; only a whole one holds it.
    payment = (
        "refunded"
        if refunded > 0 and refunded >= total
        else "partially_refunded"
        if refunded > 0
        else None
    )
    service_requested = None
    for i, entry in enumerate(r.items(data.get("shippingLines"), "shippingLines")):
        # The service the customer chose at checkout (seed: ``shippingOptionName``).
        if isinstance(entry, dict):
            service_requested = (
                r.text(entry.get("shippingOptionName"), f"shippingLines[{i}].shippingOptionName")
                or None
            )
            if service_requested:
                break
    discounts: list[dict[str, Any]] = []
    for i, entry in enumerate(r.items(data.get("discountLines"), "discountLines")):
        # Each promotion redeemed at checkout (seed: "Array of discount line items"), so the
        # slip can itemise what the total took off.
        field = f"discountLines[{i}]"
        if not isinstance(entry, dict):
            raise r.bad(field, "expected a discount line object")
        amount, _ = r.amount(entry.get("amount"), f"{field}.amount")
        code = r.text(entry.get("promoCode"), f"{field}.promoCode") or None
        name = (
            r.text(entry.get("name"), f"{field}.name")
            or r.text(entry.get("description"), f"{field}.description")
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


def _weight(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        weight = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return weight if weight.is_finite() and weight >= 0 else None


CONNECTOR = SquarespaceConnector
