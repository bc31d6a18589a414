"""Inventory Cloud connector (seed 003): list orders and create orders, nothing more.

The seed documents ``GET /v1/orders`` (filters ``status``, ``customer_id``; ``limit`` max 100;
``offset``) and ``POST /v1/orders`` (reserves stock; 422 ``OUT_OF_STOCK``; 401
``INVALID_AUTH``). It documents no single-order read, no ship, no cancel, no update and no
line items, so this connector invents none of them: those operations answer ``Unsupported``
with a reason the packer can read. The base URL is the API root (the paths carry ``/v1``).

Choices where the seed is silent (the sandbox's docstring states the same):

- List envelope ``{"data": [...], "total", "limit", "offset"}``, newest first. Pages are
  walked by offset until a short or empty page (or ``total`` is reached); orders seen twice
  because new ones arrived during the walk are yielded once.
- ``get_order`` walks the list (newest first) until the id turns up, since the API has no
  ``GET /v1/orders/{id}``; an id not in the list is ``NotFound``. Slow on big accounts, which
  the capability note says.
- Errors ``{"error": {"code", "message", "details"?}}``; ``OUT_OF_STOCK`` carries
  ``details.skus`` = ``[{"sku", "requested", "available"}]`` (read by ``OutOfStock.skus``).
- Create body ``{"external_id", "currency", "customer_id", "line_items": [{"sku",
  "quantity"}], "shipping_address"?: {"name", "company", "line1", "line2", "city", "region",
  "postal_code", "country"}}``; the store picks the number. ``external_id`` is the request's
  ``external_reference`` or else the outbox's idempotency key, so ``find_by_external_id`` can
  tell whether a create whose answer was lost went through. A customer id is required.
- Parsing: ``id``, ``number``, ``status``, ``currency``, ``total_amount`` (marked Required)
  and ``created_at`` must be present and readable, else ``BadResponse`` naming the field.
  Numbers may come as strings; unknown fields are ignored; an unknown status becomes
  ``UNKNOWN`` with ``api_status`` kept. A datetime without an offset is taken as UTC. There
  is no ``updated_at``: it is set to ``created_at``. There are no lines, customer or address.
  ``shipped``/``delivered`` mean fulfilled; a ``processing`` order with a tracking number is
  taken as partly shipped. A tracking number becomes one shipment whose carrier and service
  come from ``shipping_method`` (``fedex_ground`` -> FedEx, Ground).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fulfillment_station.connectors.base import (
    Capabilities,
    Connector,
    Filter,
    ListQuery,
    Operation,
    Page,
    PageGuard,
    no,
    read_rows,
    yes,
)
from fulfillment_station.connectors.errors import BadResponse, NotFound, ValidationFailed
from fulfillment_station.connectors.http import Answer, write_proof
from fulfillment_station.connectors.parsing import FieldReader, order_from
from fulfillment_station.domain import FulfillmentStatus, Order, OrderStatus
from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.requests import CreateOrderRequest

#: Inventory Cloud status -> canonical status. One table; the reverse is derived from it.
STATUS_MAP: dict[str, OrderStatus] = {
    "pending": OrderStatus.PENDING,
    "processing": OrderStatus.PROCESSING,
    "shipped": OrderStatus.SHIPPED,
    "delivered": OrderStatus.DELIVERED,
    "cancelled": OrderStatus.CANCELLED,
}
WIRE_STATUS: dict[OrderStatus, str] = {v: k for k, v in STATUS_MAP.items()}

PAGE_SIZE = 100  # the seed's maximum
ORDERS_PATH = "/v1/orders"
_CARRIERS = {"ups": "UPS", "fedex": "FedEx", "dhl": "DHL", "usps": "USPS"}

_NONE = QT_TRANSLATE_NOOP(
    "Capabilities",
    "Inventory Cloud's API has no endpoint to {action}, so do it in Inventory Cloud itself.",
)

CAPABILITIES = Capabilities(
    dialect="inventory-cloud",
    display_name="Inventory Cloud",
    operations={
        Operation.LIST: yes(),
        Operation.GET: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Inventory Cloud has no single-order read, so the app looks the order up in the "
                "list; this can be slow on a big account.",
            )
        ),
        Operation.CREATE: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Creating an order reserves stock; if a SKU is short the store refuses the whole "
                "order and names the SKUs.",
            )
        ),
        Operation.SHIP: no(
            _NONE.format(
                action=QT_TRANSLATE_NOOP("Capabilities", "ship an order or send a tracking number")
            )
        ),
        Operation.FULFILL: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "mark an order fulfilled"))
        ),
        Operation.BULK_SHIP: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "ship orders"))
        ),
        Operation.CANCEL: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "cancel an order"))
        ),
        Operation.UPDATE: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "change an order"))
        ),
        Operation.LIST_SHIPMENTS: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "list an order's shipments"))
        ),
        Operation.CHANNEL_SYNC: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "start a channel sync"))
        ),
        Operation.FETCH_LABEL: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "fetch a shipping label"))
        ),
    },
    filters=frozenset({Filter.STATUS, Filter.CUSTOMER}),
    max_page_size=PAGE_SIZE,
    partial_shipment=False,
    notify_customer=False,
    returns_label=False,
    carries_tracking=False,
    notes=(
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "Inventory Cloud's orders carry no line items, customer or address: pack from the "
            "store's own pick list.",
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "Shipping, cancelling and editing orders happen in Inventory Cloud, not in this app.",
        ),
    ),
)


class InventoryCloudConnector(Connector):
    DIALECT = "inventory-cloud"
    CAPABILITIES = CAPABILITIES

    def iter_pages(self, query: ListQuery) -> Iterator[Page]:
        params: dict[str, Any] = {"limit": max(1, min(query.page_size or PAGE_SIZE, PAGE_SIZE))}
        if query.status is not None:
            if query.status not in WIRE_STATUS:
                return  # a status Inventory Cloud never reports: nothing can match
            params["status"] = WIRE_STATUS[query.status]
        if query.customer_id is not None:
            params["customer_id"] = query.customer_id
        guard = PageGuard()
        offset = 0
        while True:
            body = self.api.get_json(ORDERS_PATH, {**params, "offset": offset}, kind=Answer.LIST)
            rows, total = parse_list(body)
            if len(rows) >= params["limit"] and (total is None or offset + len(rows) < total):
                self.api.prefetch(
                    ORDERS_PATH,  # the next page while we parse this one
                    {**params, "offset": offset + len(rows)},
                )
            orders, unreadable = read_rows(rows, parse_order)
            # Pages of nothing new, again and again, mean the server ignores offset.
            fresh = guard.page(orders, unreadable, total)
            if fresh or unreadable or not rows:
                yield Page(fresh, total, unreadable)
            offset += len(rows)
            if len(rows) < params["limit"] or (total is not None and offset >= total):
                return

    def get_order(self, order_id: str) -> Order:
        for page in self.iter_pages(ListQuery()):
            for order in page.orders:
                if order.id == order_id:
                    return order
        raise NotFound(f"order {order_id} is not in the list", order_id=order_id)

    def find_by_external_id(self, external_id: str, max_orders: int = 500) -> Order | None:
        """The order created with ``external_id``, looked for among the newest
        ``max_orders`` (a fresh create is at the top); None if it is not there."""
        for n, order in enumerate(self.iter_orders(ListQuery())):
            if n >= max_orders:
                break
            if (order.raw or {}).get("external_id") == external_id:
                return order
        return None

    def create(self, request: CreateOrderRequest, idempotency_key: str) -> Order:
        if not request.customer_id:
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors",
                    "Inventory Cloud needs a customer id to create an order. Enter the customer's "
                    "id and retry.",
                )
            )
        body: dict[str, Any] = {
            "external_id": request.external_reference or idempotency_key,
            "currency": request.currency,
            "customer_id": request.customer_id,
            "line_items": [{"sku": line.sku, "quantity": line.quantity} for line in request.lines],
        }
        if request.ship_to is not None:
            body["shipping_address"] = request.ship_to.model_dump(mode="json")
        response = self.api.send_json("POST", ORDERS_PATH, json=body, proof=(201,))
        with write_proof():  # proof: 201 with the created order
            return parse_order(self.api.decode(response))


CONNECTOR = InventoryCloudConnector


# -- parsing ----------------------------------------------------------------------------------


def parse_list(body: Any) -> tuple[list[Any], int | None]:
    """The ``data`` rows and ``total`` of a list answer."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise BadResponse("the order list has no data array", field="data")
    return body["data"], FieldReader.paging_count(body, "total")


def parse_order(data: Any) -> Order:
    """One Inventory Cloud Order object -> canonical Order; ``BadResponse`` if unreadable.
    Sub-objects stay plain dicts so the order is validated once, as a whole."""
    if not isinstance(data, dict):
        raise BadResponse("an order is not a JSON object", field="data[]")
    order_id = FieldReader(None).ident(data, "id")
    r = FieldReader(order_id)
    number = r.required_text(data, "number")
    status, api_status = r.status(data, "status", STATUS_MAP)
    created = r.required_when(data, "created_at")
    tracking = r.text(data, "tracking_number")
    method = r.text(data, "shipping_method")
    shipments = []
    if tracking:
        carrier, service = _carrier_service(method)
        shipments.append({"carrier": carrier, "service": service, "tracking_number": tracking})
    if status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        fulfillment = FulfillmentStatus.FULFILLED
    elif status == OrderStatus.PROCESSING and tracking:
        fulfillment = FulfillmentStatus.PARTIAL
    else:
        fulfillment = FulfillmentStatus.UNFULFILLED
    payment = r.text(data, "payment_status")
    fields: dict[str, Any] = {
        "id": order_id,
        "number": number,
        "dialect": "inventory-cloud",
        "status": status,
        "api_status": api_status[:200] if status == OrderStatus.UNKNOWN and api_status else None,
        "fulfillment_status": fulfillment,
        "payment_status": payment,
        "holds": store_holds(status=status, payment_status=payment),
        "currency": r.required_text(data, "currency").upper(),
        "total": r.money(data, "total_amount", required=True),
        "tax": r.money(data, "tax_amount"),
        "shipments": shipments,
        "timeline": [{"at": created, "kind": "order_created", "message": "Order created"}],
        # The carrier service selected (seed: shipping_method), shown before it ships too.
        "service_requested": method or None,
        "created_at": created,
        "updated_at": created,
        "raw": data,
    }
    return order_from(fields, order_id)


def _carrier_service(method: str | None) -> tuple[str, str | None]:
    if not method:
        return "", None
    head, _, rest = method.partition("_")
    carrier = _CARRIERS.get(head.lower())
    if carrier is None:
        return method, None
    return carrier, rest.replace("_", " ").title() or None
