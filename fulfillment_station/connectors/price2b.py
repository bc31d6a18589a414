"""Price2b connector (seed 001): orders from Amazon, MercadoLibre, Shopify, eBay and the web shop
through one API, with shipping labels made by Price2b.

The base URL is ``https://app.price2b.com/api``; the paths carry ``/v1``. Documented and used:
``GET /v1/orders`` (``page``/``per_page`` <= 100; filters ``status``, ``fulfillment_status``,
``channel``, ``date_from``, ``date_to``, ``search``), ``GET /v1/orders/:id``,
``PUT /v1/orders/:id`` (``notes``, ``shipping_address``, ``status``), ``POST /:id/ship``
(Price2b creates the shipment, the tracking number and a label at ``label_url``),
``POST /:id/fulfill`` (a tracking number made elsewhere), ``POST /:id/cancel``,
``GET /:id/shipments``, ``POST /v1/orders/sync`` and ``GET /v1/orders/sync/status``. The seed
has no create, no bulk ship and no updated-since filter: those are ``Unsupported`` (the app
ships a batch one order at a time).

Choices where the seed is silent (the sandbox's docstring states the same):

- Envelope ``{"success": true, "data": ...}`` (``message`` on writes); errors
  ``{"success": false, "message", "error": {"code", "details"}}``. Codes this API adds are
  mapped in ``ERROR_CLASSES`` below (a channel that owns the status, an address change after
  fulfillment, shipping a cancelled order -> ``InvalidTransition``; unknown items ->
  ``ValidationFailed``; no label -> ``NotFound``); the shared ones through ``error_for``.
- Listing asks for 100 per page (the maximum; ``ListQuery.page_size`` can lower it) and walks
  ``page`` 1..``last_page``; an order met twice (new orders push older ones down a page, the
  list is newest first) is yielded once. A status with no Price2b equivalent (confirmed,
  completed) matches nothing. ``created_to`` goes out as ``date_to``, inclusive.
- List rows carry no ``quantity_fulfilled``: a row whose ``fulfillment_status`` is
  ``fulfilled`` has every line fulfilled, any other row none (``get_order`` has the exact
  figures). List rows have no ``updated_at``: it is taken from ``created_at``.
- Parsing: ``id``, ``status`` and ``created_at`` must be present and readable, anything else
  may be missing; numbers may come as strings; unknown fields are ignored; an unknown status
  becomes ``UNKNOWN`` with ``api_status`` kept; a present but unreadable field is
  ``BadResponse`` naming the order and the field. A date and time must carry its offset
  (every one in the seed ends in ``Z``). ``order_number`` falls back to the id.
  Carriers are kept as Price2b sends them (lower-case codes: ``fedex``, ``ups``...).
- Ship: Price2b needs ``service`` and a weight per package. Without packages the request
  becomes one package; the request's ``lines`` go into the first package when no package
  lists its own (package lines win over request lines); with no lines anywhere the lone
  package lists everything that remains (read from the order first): the seed's packages
  carry "dimensions and items", so every package is sent with its ``items``. A package
  without a weight gets the weight of its items from the order; an item without a weight,
  or several packages without weights or lines, make the ship fail with a plain sentence.
  A ship request that already carries a tracking number is a shipment made outside Price2b,
  so it goes to ``/fulfill`` (no label). Carrier codes are sent lower-case.
- Fulfill sends one tracking number (the seed has one per call) and ``items``
  ``[{"order_item_id", "quantity"}]`` for a partial fulfillment.
- Channel sync: ``start_channel_sync`` returns the sync id, its status and the channels (no
  counts yet); ``channel_sync_status`` reads ``last_sync`` (status ``never`` when there was
  none) with the per-channel counts as Price2b gives them, and ``next_scheduled_sync``.
- Writes answer with a few fields, not the order: ``cancel`` and ``update`` return ``None``
  (the caller re-reads); ship/fulfill return the shipment Price2b reports.
- ``fetch_label(url)``: a URL on the API's own host (same scheme, host and port; relative
  URLs resolve against the base URL) is fetched with the authenticated client; a URL on
  another host only over https and WITHOUT the token (a signed file link needs none, and the
  token must not leave Price2b); plain http elsewhere is refused. The answer must be a PDF,
  ZPL or PNG of at most 10 MB. ``label_url_for(shipment_id)`` rebuilds the seed's label URL
  (``/v1/shipping/shipments/{id}/label``) when a ship answer was lost.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import httpx

from fulfillment_station import USER_AGENT
from fulfillment_station.connectors.base import (
    Capabilities,
    ChannelSyncStatus,
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
    ConnectionFailed,
    ConnectorError,
    InsecureConnection,
    InvalidTransition,
    NotFound,
    ValidationFailed,
    error_for,
)
from fulfillment_station.connectors.http import (
    ACCEPT_ENCODING,
    Answer,
    ApiClient,
    bounded_transport,
    default_error_parser,
    parse_retry_after,
    read_bounded,
    write_proof,
)
from fulfillment_station.connectors.parsing import FieldReader, order_from, shipment_from
from fulfillment_station.domain import (
    Address,
    FulfillmentStatus,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
)
from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, status_word
from fulfillment_station.domain.models import ShipmentPackage, format_utc
from fulfillment_station.domain.requests import (
    CancelRequest,
    FulfillRequest,
    OrderUpdate,
    Package,
    ShipRequest,
)
from fulfillment_station.domain.workflow import fulfillment_from_counts

#: Price2b status -> canonical status. One table; the reverse is derived from it.
STATUS_MAP: dict[str, OrderStatus] = {
    "pending": OrderStatus.PENDING,
    "processing": OrderStatus.PROCESSING,
    "shipped": OrderStatus.SHIPPED,
    "delivered": OrderStatus.DELIVERED,
    "cancelled": OrderStatus.CANCELLED,
}
WIRE_STATUS: dict[OrderStatus, str] = {v: k for k, v in STATUS_MAP.items()}
FULFILLMENT_MAP: dict[str, FulfillmentStatus] = {s.value: s for s in FulfillmentStatus}

#: Price2b's own error codes -> the error class the app should see (shared codes such as
#: ORDER_NOT_FOUND or ALREADY_SHIPPED are mapped by ``errors.error_for``).
ERROR_CLASSES: dict[str, type[ConnectorError]] = {
    "STATUS_CHANGE_NOT_ALLOWED": InvalidTransition,
    "ADDRESS_LOCKED": InvalidTransition,
    "ORDER_CANCELLED": InvalidTransition,
    "INVALID_ITEMS": ValidationFailed,
    "SHIPMENT_NOT_FOUND": NotFound,
}

PER_PAGE_MAX = 100
ORDERS = "/v1/orders"
LABEL_MAX_BYTES = 10 * 1024 * 1024
_LABEL_MAGIC = (b"%PDF-", b"\x89PNG")
_LABEL_ACCEPT = "application/pdf, application/x-zpl, image/png;q=0.5"

CAPABILITIES = Capabilities(
    dialect="price2b",
    display_name="Price2b",
    operations={
        Operation.LIST: yes(),
        Operation.GET: yes(),
        Operation.SHIP: yes(
            QT_TRANSLATE_NOOP("Capabilities", "Price2b creates the tracking number and the label.")
        ),
        Operation.FULFILL: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities", "For parcels shipped outside Price2b: one tracking number."
            )
        ),
        Operation.BULK_SHIP: no(
            QT_TRANSLATE_NOOP(
                "Capabilities", "Price2b has no bulk endpoint; the app ships the orders one by one."
            )
        ),
        Operation.CANCEL: yes(
            QT_TRANSLATE_NOOP("Capabilities", "Only orders with nothing fulfilled yet.")
        ),
        Operation.UPDATE: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Notes; the address until fulfillment starts; the status only for Shopify and web "
                "orders (processing, delivered).",
            )
        ),
        Operation.CREATE: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Price2b's API has no way to create orders; create it in the marketplace or in "
                "Price2b.",
            )
        ),
        Operation.LIST_SHIPMENTS: yes(),
        Operation.CHANNEL_SYNC: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities", "Asks Price2b to fetch new orders from the marketplaces."
            )
        ),
        Operation.FETCH_LABEL: yes(
            QT_TRANSLATE_NOOP("Capabilities", "The label Price2b made when the order shipped.")
        ),
    },
    filters=frozenset(
        {
            Filter.STATUS,
            Filter.FULFILLMENT_STATUS,
            Filter.CHANNEL,
            Filter.CREATED_RANGE,
            Filter.SEARCH,
        }
    ),
    max_page_size=PER_PAGE_MAX,
    list_is_summary=True,
    partial_shipment=True,
    notify_customer=True,
    returns_label=True,
    carries_tracking=True,
    cancel_reason=True,
    updatable_fields=frozenset({"notes", "ship_to", "status"}),
    settable_statuses=frozenset({OrderStatus.PROCESSING, OrderStatus.DELIVERED}),
    notes=(
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "Shipping through Price2b buys the label; the tracking number comes back from Price2b.",
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "Amazon, MercadoLibre and eBay orders take their status from the marketplace.",
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities", "The list has no 'changed since' filter, so a refresh reads every page."
        ),
    ),
)


# -- parsing ------------------------------------------------------------------------------------


#: Canonical address field -> Price2b's key.
ADDRESS_KEYS: dict[str, str] = {
    "name": "name",
    "company": "company",
    "line1": "address1",
    "line2": "address2",
    "city": "city",
    "region": "state",
    "postal_code": "postal_code",
    "country": "country",
}


def _reader(order_id: str | None) -> FieldReader:
    """The shared field readers (``connectors.parsing``) as Price2b needs them: its dates and
    times carry their offset (every one in the seed ends in ``Z``), so one without is refused."""
    return FieldReader(order_id, naive_utc=False)


def _shipment(r: FieldReader, value: dict[str, Any], field: str) -> dict[str, Any]:
    lines = []
    for n, item in enumerate(r.objects(value, "items", f"{field}.items")):
        where = f"{field}.items[{n}]"
        lines.append(
            {
                "line_id": r.ident(item, "order_item_id", f"{where}.order_item_id"),
                "quantity": r.count(item, "quantity", f"{where}.quantity", required=True),
            }
        )
    return {
        "id": None if value.get("id") is None else r.ident(value, "id", f"{field}.id"),
        "carrier": r.text(value, "carrier", f"{field}.carrier") or "",
        "service": r.text(value, "service", f"{field}.service"),
        "tracking_number": r.text(value, "tracking_number", f"{field}.tracking_number"),
        "tracking_url": r.text(value, "tracking_url", f"{field}.tracking_url"),
        "label_url": r.text(value, "label_url", f"{field}.label_url"),
        "shipped_at": r.when(value, "created_at", f"{field}.created_at"),
        # in_transit / delivered, as Price2b words it (list_shipments)
        "status": r.text(value, "status", f"{field}.status"),
        "lines": lines,
    }


def _lines(
    r: FieldReader, payload: dict[str, Any], fulfillment: FulfillmentStatus | None
) -> tuple[list[dict[str, Any]], str | None]:
    """The order's lines, and the first currency a line names."""
    lines, currency = [], None
    for n, item in enumerate(r.objects(payload, "items")):
        where = f"items[{n}]"
        quantity = r.count(item, "quantity", f"{where}.quantity", required=True)
        done = r.count(item, "quantity_fulfilled", f"{where}.quantity_fulfilled")
        if done is None:  # list rows: only the order's fulfillment status is known
            done = quantity if fulfillment == FulfillmentStatus.FULFILLED else 0
        currency = currency or r.text(item, "currency", f"{where}.currency")
        lines.append(
            {
                "id": r.ident(item, "id", f"{where}.id"),
                "sku": r.text(item, "sku", f"{where}.sku") or "",
                "name": r.text(item, "name", f"{where}.name") or "",
                "quantity": quantity,
                "quantity_fulfilled": done,
                "unit_price": r.money(item, "price", f"{where}.price"),
                "barcode": r.text(item, "barcode", f"{where}.barcode"),
                "weight": r.weight(item, "weight", f"{where}.weight"),
            }
        )
    return lines, currency


def _timeline(r: FieldReader, payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "at": r.required_when(event, "timestamp", f"timeline[{n}].timestamp"),
            "kind": r.text(event, "event", f"timeline[{n}].event") or "",
            "message": r.text(event, "description", f"timeline[{n}].description") or "",
        }
        for n, event in enumerate(r.objects(payload, "timeline"))
    ]


def _fields(
    r: FieldReader, order_id: str, payload: dict[str, Any], summary: bool
) -> dict[str, Any]:
    status, wire_status = r.status(payload, "status", STATUS_MAP)
    created = r.required_when(payload, "created_at")
    updated = r.when(payload, "updated_at") or created
    totals = r.obj(payload, "totals")
    raw_fulfillment = r.text(payload, "fulfillment_status")
    fulfillment = FULFILLMENT_MAP.get((raw_fulfillment or "").strip().lower())
    currency = r.text(totals, "currency", "totals.currency")
    lines, line_currency = _lines(r, payload, fulfillment)
    customer = r.obj(payload, "customer")
    payment = r.text(payload, "financial_status")
    number = r.text(payload, "order_number") or r.text(payload, "channel_order_id") or order_id
    return {
        "id": order_id,
        "number": number,
        "dialect": "price2b",
        "status": status,
        "api_status": wire_status[:100] if status == OrderStatus.UNKNOWN and wire_status else None,
        "fulfillment_status": fulfillment or _derived_fulfillment(lines),
        "payment_status": payment,
        "holds": store_holds(status=status, payment_status=payment),
        "channel": r.text(payload, "channel"),
        "currency": (currency or line_currency or "USD").strip().upper()[:3] or "USD",
        "subtotal": r.money(totals, "subtotal", "totals.subtotal"),
        "tax": r.money(totals, "tax", "totals.tax"),
        "shipping": r.money(totals, "shipping", "totals.shipping"),
        "total": r.money(totals, "total", "totals.total"),
        "customer": {
            "name": r.text(customer, "name", "customer.name") or "",
            "email": r.text(customer, "email", "customer.email"),
            "phone": r.text(customer, "phone", "customer.phone"),
        },
        "ship_to": r.address(payload, "shipping_address", ADDRESS_KEYS),
        "bill_to": None if summary else r.address(payload, "billing_address", ADDRESS_KEYS),
        "lines": lines,
        "shipments": [
            _shipment(r, s, f"shipments[{n}]")
            for n, s in enumerate(r.objects(payload, "shipments"))
        ],
        "timeline": _timeline(r, payload),
        "notes": r.text(payload, "notes"),
        "marketplace_order_id": r.text(payload, "channel_order_id"),
        "created_at": created,
        "updated_at": updated,
        "raw": payload,
    }


def _derived_fulfillment(lines: list[dict[str, Any]]) -> FulfillmentStatus:
    return fulfillment_from_counts(
        sum(line["quantity"] for line in lines), sum(line["quantity_fulfilled"] for line in lines)
    )


def parse_order(payload: Any, *, summary: bool = False) -> Order:
    """One order from a list row (``summary``) or the detail answer. Anything unreadable is
    ``BadResponse`` naming the order and the field. Sub-objects stay plain dicts so the order
    is validated once, as a whole."""
    if not isinstance(payload, dict):
        raise BadResponse("an order is not a JSON object", field="order")
    order_id = _reader(None).ident(payload, "id")
    return order_from(_fields(_reader(order_id), order_id, payload, summary), order_id)


def parse_shipment(payload: Any, order_id: str | None = None) -> Shipment:
    if not isinstance(payload, dict):
        raise BadResponse("is not an object", field="shipment", order_id=order_id)
    return shipment_from(_shipment(_reader(order_id), payload, "shipment"), order_id, "shipment")


def parse_error(response: httpx.Response) -> tuple[str | None, str, Any]:
    """``{"success": false, "message", "error": {"code", "details"}}``; other shapes go to the
    shared parser."""
    try:
        body = response.json()
    except ValueError:
        return default_error_parser(response)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        code = error.get("code")
        message = body.get("message") or error.get("message") or ""
        return (str(code) if code else None, str(message)[:500], error.get("details"))
    return default_error_parser(response)


def _data(body: Any, order_id: str | None = None) -> dict[str, Any]:
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        raise BadResponse("the answer has no data object", field="data", order_id=order_id)
    data: dict[str, Any] = body["data"]
    return data


def _item_id(line_id: str) -> int | str:
    return int(line_id) if line_id.isascii() and line_id.isdigit() else line_id


def _items(lines: Mapping[str, int]) -> list[dict[str, Any]]:
    return [{"order_item_id": _item_id(k), "quantity": v} for k, v in lines.items() if v]


def _number(value: Decimal) -> float:
    return float(round(value, 3))


def _address_body(a: Address) -> dict[str, Any]:
    return {
        "name": a.name,
        "company": a.company,
        "address1": a.line1,
        "address2": a.line2,
        "city": a.city,
        "state": a.region,
        "postal_code": a.postal_code,
        "country": a.country,
    }


# -- the connector ------------------------------------------------------------------------------


class Price2bConnector(Connector):
    DIALECT = "price2b"
    CAPABILITIES = CAPABILITIES

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        api: ApiClient | None = None,
        label_transport: httpx.BaseTransport | None = None,
        **client_options: Any,
    ) -> None:
        super().__init__(base_url, token, api=api, **client_options)
        self._label_transport = label_transport

    parse_error = staticmethod(parse_error)

    # -- reads --------------------------------------------------------------------------------

    def _list_params(self, query: ListQuery) -> dict[str, Any] | None:
        params: dict[str, Any] = {}
        if query.status is not None:
            if query.status not in WIRE_STATUS:
                return None  # Price2b has no such status: nothing can match
            params["status"] = WIRE_STATUS[query.status]
        if query.fulfillment_status is not None:
            params["fulfillment_status"] = query.fulfillment_status.value
        if query.channel:
            params["channel"] = query.channel.strip().lower()
        if query.created_from is not None:
            params["date_from"] = format_utc(query.created_from)
        if query.created_to is not None:
            params["date_to"] = format_utc(query.created_to)
        if query.search:
            params["search"] = query.search
        return params

    def iter_pages(self, query: ListQuery) -> Iterator[Page]:
        self.check_query(query)
        params = self._list_params(query)
        if params is None:
            yield Page([], 0)
            return
        per_page = min(max(query.page_size or PER_PAGE_MAX, 1), PER_PAGE_MAX)
        guard = PageGuard()
        page = 1
        while True:
            data = _data(
                self.api.get_json(
                    ORDERS, {**params, "page": page, "per_page": per_page}, kind=Answer.LIST
                )
            )
            r = _reader(None)
            rows = r.values(data, "orders", "data.orders")
            pagination = r.obj(data, "pagination", "data.pagination")
            total = r.count(pagination, "total", "data.pagination.total")
            last_page = r.count(pagination, "last_page", "data.pagination.last_page")
            if rows and (page < last_page if last_page is not None else len(rows) >= per_page):
                self.api.prefetch(
                    ORDERS,
                    {
                        **params,
                        "page": page + 1,  # while we parse
                        "per_page": per_page,
                    },
                )
            parsed, unreadable = read_rows(rows, lambda row: parse_order(row, summary=True))
            # A server that ignores the page number sends page 1 again: that stops here.
            yield Page(guard.page(parsed, unreadable, total), total, unreadable)
            if (
                not rows
                or (last_page is not None and page >= last_page)
                or (last_page is None and len(rows) < per_page)
            ):
                return
            page += 1

    def get_order(self, order_id: str) -> Order:
        body = self.api.get_json(self._path(order_id), order_id=order_id)
        return parse_order(_data(body, order_id))

    def list_shipments(self, order_id: str) -> list[Shipment]:
        body = self.api.get_json(self._path(order_id, "shipments"), order_id=order_id)
        data = _data(body, order_id)
        if not isinstance(data.get("shipments"), list):
            raise BadResponse("no shipments list", field="data.shipments", order_id=order_id)
        return [parse_shipment(s, order_id) for s in data["shipments"]]

    def channel_sync_status(self) -> ChannelSyncStatus:
        data = _data(self.api.get_json(f"{ORDERS}/sync/status"))
        r = _reader(None)
        nxt = r.when(data, "next_scheduled_sync")
        if data.get("last_sync") is None:
            return ChannelSyncStatus(None, "never", next_scheduled_sync=nxt)
        last = r.obj(data, "last_sync")
        channels = r.obj(last, "channels", "last_sync.channels")
        return ChannelSyncStatus(
            sync_id=r.text(last, "sync_id", "last_sync.sync_id"),
            status=r.text(last, "status", "last_sync.status") or "unknown",
            started_at=r.when(last, "started_at", "last_sync.started_at"),
            completed_at=r.when(last, "completed_at", "last_sync.completed_at"),
            channels={str(k): v for k, v in channels.items()},
            next_scheduled_sync=nxt,
        )

    # -- writes -------------------------------------------------------------------------------

    def ship(self, order_id: str, request: ShipRequest) -> ShipResult:
        if request.tracking_number:
            return self.fulfill(
                order_id,
                FulfillRequest(
                    shipments=[request.tracking()],
                    lines=request.lines,
                    notify_customer=request.notify_customer,
                ),
            )
        if not (request.service or "").strip():
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors",
                    "Price2b needs the carrier's service level (for example INTERNATIONAL_ECONOMY) "
                    "to buy the label.",
                )
            )
        parcels = self._parcels(request)
        body: dict[str, Any] = {
            "carrier": request.carrier.strip().lower(),
            "service": request.service,
            "packages": self._packages(order_id, parcels),
        }
        if request.warehouse_id is not None:
            body["warehouse_id"] = request.warehouse_id
        if request.notify_customer is not None:
            body["notify_customer"] = request.notify_customer
        answer = self._write("POST", self._path(order_id, "ship"), body, order_id)
        sent: dict[str, int] = {}
        for package in parcels:
            for line_id, qty in package.lines.items():
                sent[line_id] = sent.get(line_id, 0) + qty
        with write_proof(order_id):  # proof: the shipment the API reports
            data = _data(answer, order_id)
            shipment = self._reported_shipment(data, order_id, sent, request.service)
            shipment = shipment.model_copy(
                update={
                    "packages": [
                        ShipmentPackage(
                            weight=p.weight,
                            length=p.length,
                            width=p.width,
                            height=p.height,
                            lines=[
                                ShipmentLine(line_id=k, quantity=v) for k, v in p.lines.items() if v
                            ],
                        )
                        for p in parcels
                    ],
                    "warehouse_id": (
                        None if request.warehouse_id is None else str(request.warehouse_id)
                    ),
                }
            )
        notified = data.get("notified_customer")
        return ShipResult(
            shipment=shipment,
            notified_customer=notified if isinstance(notified, bool) else None,
            message=str(answer.get("message") or ""),
        )

    def fulfill(self, order_id: str, request: FulfillRequest) -> ShipResult:
        if len(request.shipments) != 1 or not request.shipments[0].tracking_number:
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors",
                    "Price2b records one tracking number per fulfillment: enter exactly one "
                    "tracking number.",
                )
            )
        info = request.shipments[0]
        body: dict[str, Any] = {
            "tracking_number": info.tracking_number,
            "carrier": info.carrier.strip().lower(),
        }
        if request.lines:
            body["items"] = _items(request.lines)
        if request.notify_customer is not None:
            body["notify_customer"] = request.notify_customer
        answer = self._write("POST", self._path(order_id, "fulfill"), body, order_id)
        with write_proof(order_id):  # proof: the shipment the API reports
            data = _data(answer, order_id)
            shipment = self._reported_shipment(data, order_id, dict(request.lines), None)
        return ShipResult(shipment=shipment, message=str(answer.get("message") or ""))

    def cancel(self, order_id: str, request: CancelRequest) -> Order | None:
        body: dict[str, Any] = {}
        if request.reason:
            body["reason"] = request.reason
        if request.notify_customer is not None:
            body["notify_customer"] = request.notify_customer
        self._write("POST", self._path(order_id, "cancel"), body, order_id)
        return None

    def update(self, order_id: str, update: OrderUpdate) -> Order | None:
        if update.is_empty():
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors", "Nothing to change: enter notes, an address or a status."
                )
            )
        body: dict[str, Any] = {}
        if update.notes is not None:
            body["notes"] = update.notes
        if update.ship_to is not None:
            body["shipping_address"] = _address_body(update.ship_to)
        if update.status is not None:
            if update.status not in self.capabilities.settable_statuses:
                raise InvalidTransition(
                    user_message=QT_TRANSLATE_NOOP(
                        "Connectors",
                        "Price2b cannot set an order to {status}; use ship, fulfill or cancel.",
                    ).format(status=status_word(update.status))
                )
            body["status"] = WIRE_STATUS[update.status]
        self._write("PUT", self._path(order_id), body, order_id)
        return None

    def start_channel_sync(
        self, channels: Sequence[str] = (), since: datetime | None = None
    ) -> ChannelSyncStatus:
        body: dict[str, Any] = {}
        if channels:
            body["channels"] = [c.strip().lower() for c in channels]
        if since is not None:
            body["since"] = format_utc(since)
        data = _data(self._write("POST", f"{ORDERS}/sync", body, None))
        r = _reader(None)
        names = [str(c) for c in r.values(data, "channels", "data.channels")]
        return ChannelSyncStatus(
            sync_id=r.text(data, "sync_id", "data.sync_id"),
            status=r.text(data, "status", "data.status") or "processing",
            channels={name: None for name in names},
        )

    # -- labels -------------------------------------------------------------------------------

    def fetch_label(self, url: str) -> bytes:
        base = self.api.base_url
        try:
            target = base.join(url.strip())
        except (httpx.InvalidURL, TypeError, ValueError):
            raise BadResponse("the label link is not a valid URL", field="label_url") from None
        same_host = (target.scheme, target.host, target.port) == (base.scheme, base.host, base.port)
        if same_host:
            response = self.api.get(
                str(target), headers={"Accept": _LABEL_ACCEPT}, kind=Answer.LABEL
            )
        elif target.scheme == "https" and target.host:
            response = self._fetch_foreign(target)
        else:
            raise InsecureConnection(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors",
                    "The label link points to another server without HTTPS, so the app will not "
                    "fetch it. Download the label from Price2b instead.",
                )
            )
        content = response.content
        if len(content) > LABEL_MAX_BYTES:
            raise BadResponse("the label is larger than 10 MB", field="label_url")
        if not (content.startswith(_LABEL_MAGIC) or b"^XA" in content[:2048]):
            raise BadResponse("the label is not a PDF, ZPL or PNG file", field="label_url")
        return content

    def label_url_for(self, shipment_id: str) -> str:
        """The label address the seed's ship answer shows, for a shipment whose ship answer
        was lost (the order's shipments carry no ``label_url``). Only shipments made by
        ``ship`` have a label; ``fetch_label`` of any other is ``NotFound``."""
        root = str(self.api.base_url).rstrip("/")
        return f"{root}/v1/shipping/shipments/{quote(str(shipment_id), safe='')}/label"

    def _fetch_foreign(self, target: httpx.URL) -> httpx.Response:
        """A label on another host: no token (it must not leave Price2b), no redirects."""
        limits = self.api.limits
        until = time.monotonic() + limits.read_deadline_s
        try:
            with (
                httpx.Client(
                    transport=self._label_transport or bounded_transport(),
                    timeout=30.0,
                    follow_redirects=False,
                    headers={
                        "User-Agent": USER_AGENT,
                        "Accept": _LABEL_ACCEPT,
                        "Accept-Encoding": ACCEPT_ENCODING,
                    },
                ) as client,
                client.stream("GET", target) as streamed,
            ):
                # The size cap holds while the label streams in, not after the download.
                body = read_bounded(streamed, limits.label_bytes, until)
                response = httpx.Response(
                    streamed.status_code,
                    headers=[
                        (k, v)
                        for k, v in streamed.headers.multi_items()
                        if k.lower()
                        not in ("content-encoding", "content-length", "transfer-encoding")
                    ],
                    content=body,
                )
        except httpx.HTTPError:
            raise ConnectionFailed(f"cannot fetch the label from {target.host}") from None
        if response.is_error or response.is_redirect:
            raise error_for(
                response.status_code,
                None,
                f"the label server answered {response.status_code}",
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
            )
        return response

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _path(order_id: str, action: str | None = None) -> str:
        path = f"{ORDERS}/{quote(str(order_id), safe='')}"
        return f"{path}/{action}" if action else path

    def _write(
        self, method: str, path: str, body: dict[str, Any], order_id: str | None
    ) -> dict[str, Any]:
        try:
            # Proof: a 2xx the API uses for the write (202 for a channel sync, 201 for a
            # shipment) with {"success": true, ...}; a redirect or a page proves nothing.
            response = self.api.send_json(
                method,
                path,
                json=body,
                order_id=order_id,
                proof=(200, 202) if path.endswith("/sync") else (200, 201),
            )
        except ConnectorError as exc:
            cls = ERROR_CLASSES.get(exc.code or "")
            if cls is None or isinstance(exc, cls):
                raise
            raise cls(
                exc.api_message,
                code=exc.code,
                status=exc.status,
                retry_after=exc.retry_after,
                order_id=exc.order_id,
                details=exc.details,
            ) from None
        with write_proof(order_id):
            answer = self.api.decode(response, order_id=order_id)
            if not isinstance(answer, dict) or answer.get("success") is not True:
                raise BadResponse(
                    "the answer is not a JSON object with success true", order_id=order_id
                )
        return answer

    @staticmethod
    def _parcels(request: ShipRequest) -> list[Package]:
        """The request's packages; its lines go into the first when no package lists any, and
        no packages at all means one package."""
        packages = list(request.packages) or [Package()]
        if request.lines and not any(p.lines for p in packages):
            packages[0] = packages[0].model_copy(update={"lines": dict(request.lines)})
        return packages

    def _packages(self, order_id: str, parcels: list[Package]) -> list[dict[str, Any]]:
        order: Order | None = None
        if len(parcels) == 1 and not parcels[0].lines:
            # The seed's packages carry "dimensions and items": a lone package without lines
            # holds everything that remains, and says so.
            order = self.get_order(order_id)
            remaining = {ln.id: ln.remaining for ln in order.lines if ln.remaining > 0}
            parcels[0] = parcels[0].model_copy(update={"lines": remaining})
        out = []
        for package in parcels:
            weight = package.weight
            if weight is None:
                if not package.lines and len(parcels) > 1:
                    raise ValidationFailed(
                        user_message=QT_TRANSLATE_NOOP(
                            "Connectors",
                            "Enter the weight of each parcel: Price2b needs it to buy the labels.",
                        )
                    )
                order = order or self.get_order(order_id)
                weight = self._weight_of(order, package.lines or None)
            entry: dict[str, Any] = {"weight": _number(weight)}
            for dim in ("length", "width", "height"):
                value = getattr(package, dim)
                if value is not None:
                    entry[dim] = _number(value)
            if package.lines:
                entry["items"] = _items(package.lines)
            out.append(entry)
        return out

    @staticmethod
    def _weight_of(order: Order, lines: Mapping[str, int] | None) -> Decimal:
        wanted = dict(lines) if lines else {ln.id: ln.remaining for ln in order.lines}
        total = Decimal("0")
        for line_id, qty in wanted.items():
            line = order.line(line_id)
            if line is None or line.weight is None:
                raise ValidationFailed(
                    user_message=QT_TRANSLATE_NOOP(
                        "Connectors",
                        "Enter the parcel weight: Price2b needs it to buy the label and the order "
                        "does not say what the items weigh.",
                    ),
                    order_id=order.id,
                )
            total += line.weight * qty
        return max(total, Decimal("0.01"))

    @staticmethod
    def _reported_shipment(
        data: dict[str, Any], order_id: str, lines: Mapping[str, int], service: str | None
    ) -> Shipment:
        r = _reader(order_id)
        fields = {
            "id": (
                None
                if data.get("shipment_id") is None
                else r.ident(data, "shipment_id", "data.shipment_id")
            ),
            "carrier": r.text(data, "carrier", "data.carrier") or "",
            "service": r.text(data, "service", "data.service") or service,
            "tracking_number": r.text(data, "tracking_number", "data.tracking_number"),
            "label_url": r.text(data, "label_url", "data.label_url"),
            "lines": [{"line_id": k, "quantity": v} for k, v in lines.items() if v],
        }
        return shipment_from(fields, order_id, "data")


CONNECTOR = Price2bConnector
