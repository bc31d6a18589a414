"""Generic REST connector (seed 004): list, get, create, update, ship (as a status change)
and cancel (DELETE). The base URL includes the ``/v1`` of the seed's example
(``https://api.example.com/v1``); paths are ``/orders`` and ``/orders/{orderId}``.

The API has no tracking field anywhere and no per-line shipment: "ship" is
``PUT /orders/{id} {"status": "shipped"}`` for the whole order. The tracking number stays in
this app (audit log, timeline, slip) and the capabilities say the store will not see it.

Choices where the seed is silent (the sandbox's docstring states the same):

- Paging: ``limit`` (we send at most 100, the maximum this connector assumes; the seed gives
  only the default of 20) and ``offset``, following ``pagination.nextOffset`` until it is null.
  A full walk sorts by ``createdAt`` descending (the default; creation times never change, so
  orders arriving meanwhile only repeat an order, never skip one, and repeats are yielded
  once).
- ``updated_since``: walk ``sortBy=updatedAt&sortOrder=desc`` and stop at the first order
  older than the cut-off, which is rounded down to the whole second because the API gives
  whole seconds. An order changed during the walk moves to the front and may be missed by
  this walk, but its new ``updatedAt`` puts it in the next one; callers keep a small overlap.
- Errors ``{"error": {"code", "message"}}``. A 400 ``BAD_REQUEST`` answering a status change
  (ship, cancel, ``update(status=...)``) is the API's business rule refusing it and raises
  ``InvalidTransition``; other 400s are ``ValidationFailed``.
- Items carry only ``productId``, ``quantity`` and ``price``: ``productId`` is both the line id
  and the SKU (a repeated productId gets ``#2``, ``#3``... on its line id); there are no
  product names. ``shipped``/``delivered`` orders count every line as fulfilled.
- Parsing: ``orderId``, ``status``, ``totalAmount``, ``currency`` and ``createdAt`` must be
  present and readable, else ``BadResponse`` naming the field; ``updatedAt`` defaults to
  ``createdAt``; ``customerId`` is the only way the API names the customer, so it is the
  customer's name (addresses carry no name either: the slip and label address the parcel to
  it, see ``Order.deliver_to``). Numbers
  may come as strings, unknown fields are ignored, an unknown status becomes ``UNKNOWN`` with
  ``api_status`` kept, a datetime without an offset is taken as UTC.
- ``ship`` with explicit line quantities first reads the order and refuses (``Unsupported``)
  anything but the whole remaining order. Re-sending "shipped" to a shipped order is harmless
  (the status is already what we ask). ``cancel`` sends no reason (the API takes none) and
  returns None (204, no body). ``create`` needs a customer id; it sends ``productId`` = the
  line's ``product_id`` or else its SKU, and no idempotency key (the API has none), so a create
  whose answer was lost cannot be matched safely: the app must not re-send it blindly.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from decimal import Decimal
from typing import Any
from urllib.parse import quote

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
    InvalidTransition,
    Unsupported,
    ValidationFailed,
)
from fulfillment_station.connectors.http import Answer, write_proof
from fulfillment_station.connectors.parsing import FieldReader, order_from
from fulfillment_station.domain import (
    Address,
    FulfillmentStatus,
    Order,
    OrderStatus,
)
from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, status_word
from fulfillment_station.domain.requests import (
    CancelRequest,
    CreateOrderRequest,
    OrderUpdate,
    ShipRequest,
)
from fulfillment_station.domain.workflow import SHIPPED_STATUSES

#: Generic REST status -> canonical status. One table; the reverse is derived from it.
STATUS_MAP: dict[str, OrderStatus] = {
    "pending": OrderStatus.PENDING,
    "processing": OrderStatus.PROCESSING,
    "shipped": OrderStatus.SHIPPED,
    "delivered": OrderStatus.DELIVERED,
    "cancelled": OrderStatus.CANCELLED,
}
WIRE_STATUS: dict[OrderStatus, str] = {v: k for k, v in STATUS_MAP.items()}

PAGE_SIZE = 100  # not documented; the sandbox clamps larger limits to this
NO_TRACKING = QT_TRANSLATE_NOOP(
    "Capabilities",
    "This store's API has no field for tracking numbers: the store and the customer will not "
    "see it. Shipped from the app, it is kept in this desk's audit log and the order's "
    "timeline.",
)

CAPABILITIES = Capabilities(
    dialect="generic-rest",
    display_name="Generic REST",
    operations={
        Operation.LIST: yes(),
        Operation.GET: yes(),
        Operation.SHIP: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities", "Marks the whole order shipped. {no_tracking}"
            ).format(no_tracking=NO_TRACKING)
        ),
        Operation.FULFILL: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Generic REST has one way to mark an order sent: use Ship, which sets its status "
                "to shipped.",
            )
        ),
        Operation.BULK_SHIP: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Generic REST's API has no endpoint to ship many orders at once; ship them one by "
                "one.",
            )
        ),
        Operation.CANCEL: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities", "The store takes no cancellation reason; the app keeps it."
            )
        ),
        Operation.UPDATE: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities", "Only the shipping address and the status can change."
            )
        ),
        Operation.CREATE: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "If the store's answer is lost, look for the order before creating it again: the "
                "API cannot tell a repeat from a new order.",
            )
        ),
        Operation.LIST_SHIPMENTS: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Generic REST's API has no shipments; an order is only marked shipped.",
            )
        ),
        Operation.CHANNEL_SYNC: no(
            QT_TRANSLATE_NOOP(
                "Capabilities", "Generic REST's API has no endpoint to sync channels."
            )
        ),
        Operation.FETCH_LABEL: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "Generic REST's API makes no shipping labels; print them from this app.",
            )
        ),
    },
    filters=frozenset({Filter.STATUS, Filter.UPDATED_SINCE}),
    max_page_size=PAGE_SIZE,
    list_is_summary=True,
    partial_shipment=False,
    notify_customer=False,
    returns_label=False,
    carries_tracking=False,
    cancel_reason=False,
    updatable_fields=frozenset({"ship_to", "status"}),
    settable_statuses=frozenset(
        {OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED}
    ),
    notes=(
        NO_TRACKING,
        QT_TRANSLATE_NOOP(
            "Capabilities", "Orders can only be shipped whole: the API has no partial shipment."
        ),
        QT_TRANSLATE_NOOP("Capabilities", "Items carry product ids only, no product names."),
    ),
)


class GenericRestConnector(Connector):
    DIALECT = "generic-rest"
    CAPABILITIES = CAPABILITIES

    # -- reads ------------------------------------------------------------------------------

    def iter_pages(self, query: ListQuery) -> Iterator[Page]:
        limit = max(1, min(query.page_size or PAGE_SIZE, PAGE_SIZE))
        params: dict[str, Any] = {"limit": limit, "sortOrder": "desc"}
        if query.status is not None:
            if query.status not in WIRE_STATUS:
                return  # a status this API never reports: nothing can match
            params["status"] = WIRE_STATUS[query.status]
        since = None
        if query.updated_since is not None:
            since = query.updated_since.astimezone(UTC).replace(microsecond=0)
            params["sortBy"] = "updatedAt"
        else:
            params["sortBy"] = "createdAt"
        guard = PageGuard()
        offset: int | None = 0
        while offset is not None:
            body = self.api.get_json("/orders", {**params, "offset": offset}, kind=Answer.LIST)
            rows, total, next_offset = parse_list(body)
            if rows and next_offset is not None and next_offset > offset and since is None:
                self.api.prefetch("/orders", {**params, "offset": next_offset})  # while we parse
            orders, unreadable = read_rows(rows, parse_order)
            fresh = guard.page(orders, unreadable, total)
            done = False
            if since is not None:
                newer = [o for o in fresh if o.updated_at >= since]
                done = len(newer) < len(fresh)
                fresh = newer
            if fresh or unreadable or not rows:
                yield Page(fresh, total, unreadable)
            if done or not rows:
                return
            if next_offset is not None and next_offset <= offset:
                raise BadResponse(
                    f"nextOffset {next_offset} does not move past {offset}",
                    field="pagination.nextOffset",
                )
            offset = next_offset

    def get_order(self, order_id: str) -> Order:
        body = self.api.get_json(_order_path(order_id), order_id=order_id)
        return parse_order(body)

    # -- writes -----------------------------------------------------------------------------

    def ship(self, order_id: str, request: ShipRequest) -> ShipResult:
        if request.lines:
            order = self.get_order(order_id)
            remaining = {ln.id: ln.remaining for ln in order.lines if ln.remaining > 0}
            asked = {k: v for k, v in request.lines.items() if v}
            if asked != remaining:
                raise Unsupported(
                    QT_TRANSLATE_NOOP(
                        "Connectors",
                        "Generic REST can only mark the whole order shipped, not some of its "
                        "items. Ship every item, or ship outside the app.",
                    )
                )
        order = self._put_status(order_id, {"status": WIRE_STATUS[OrderStatus.SHIPPED]})
        return ShipResult(order=order, shipment=None, notified_customer=None, message=NO_TRACKING)

    def cancel(self, order_id: str, request: CancelRequest) -> Order | None:
        try:
            # Proof: 204 (no body).
            self.api.send_json(
                "DELETE", _order_path(order_id), order_id=order_id, proof=(204,), json_answer=False
            )
        except ValidationFailed as exc:
            raise _refused(exc, order_id) from None
        return None

    def update(self, order_id: str, update: OrderUpdate) -> Order | None:
        if update.notes is not None:
            raise Unsupported(
                QT_TRANSLATE_NOOP(
                    "Connectors",
                    "Generic REST's API has no field for order notes; keep the note in this app.",
                )
            )
        body: dict[str, Any] = {}
        if update.status is not None:
            if update.status not in CAPABILITIES.settable_statuses:
                raise Unsupported(
                    QT_TRANSLATE_NOOP(
                        "Connectors", "Generic REST cannot set an order to {status}."
                    ).format(status=status_word(update.status))
                )
            body["status"] = WIRE_STATUS[update.status]
        if update.ship_to is not None:
            body["shippingAddress"] = address_body(update.ship_to)
        if not body:
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP("Connectors", "There is nothing to change.")
            )
        if "status" in body:
            return self._put_status(order_id, body)
        response = self.api.send_json(
            "PUT", _order_path(order_id), json=body, order_id=order_id, proof=(200,)
        )
        with write_proof(order_id):  # proof: 200 with the updated order
            return _same_order(parse_order(self.api.decode(response, order_id=order_id)), order_id)

    def create(self, request: CreateOrderRequest, idempotency_key: str) -> Order:
        if not request.customer_id:
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors",
                    "Generic REST needs a customer id to create an order. Enter the customer's id "
                    "and retry.",
                )
            )
        body: dict[str, Any] = {
            "customerId": request.customer_id,
            "items": [
                {"productId": line.product_id or line.sku, "quantity": line.quantity}
                for line in request.lines
            ],
        }
        if request.ship_to is not None:
            body["shippingAddress"] = address_body(request.ship_to)
        response = self.api.send_json("POST", "/orders", json=body, proof=(201,))
        with write_proof():  # proof: 201 with the created order
            return parse_order(self.api.decode(response))

    def _put_status(self, order_id: str, body: dict[str, Any]) -> Order:
        try:
            response = self.api.send_json(
                "PUT", _order_path(order_id), json=body, order_id=order_id, proof=(200,)
            )
        except ValidationFailed as exc:
            raise _refused(exc, order_id) from None
        with write_proof(order_id):  # proof: 200 with this order in the status asked for
            order = _same_order(parse_order(self.api.decode(response, order_id=order_id)), order_id)
            if (
                order.api_status is not None
                and order.api_status.strip().lower() != str(body["status"]).lower()
            ):
                raise BadResponse(
                    f"the order in the answer is {order.api_status[:40]}",
                    field="status",
                    order_id=order_id,
                )
            return order


CONNECTOR = GenericRestConnector


def _same_order(order: Order, order_id: str) -> Order:
    if order.id != order_id:
        raise BadResponse(f"the answer is order {order.id[:40]}", order_id=order_id)
    return order


def _order_path(order_id: str) -> str:
    return "/orders/" + quote(order_id, safe="")


def _refused(exc: ValidationFailed, order_id: str) -> Exception:
    """A 400 to a status change is a business rule, not a malformed request."""
    if exc.status == 400:
        return InvalidTransition(
            exc.api_message,
            code=exc.code,
            status=exc.status,
            order_id=order_id,
            details=exc.details,
        )
    return exc


def address_body(address: Address) -> dict[str, Any]:
    street = ", ".join(p for p in (address.line1, address.line2) if p)
    return {
        "street": street,
        "city": address.city,
        "state": address.region,
        "zipCode": address.postal_code,
        "country": address.country,
    }


# -- parsing ----------------------------------------------------------------------------------

#: Canonical address field -> Generic REST's key (its addresses carry no name or company).
ADDRESS_KEYS: dict[str, str] = {
    "line1": "street",
    "city": "city",
    "region": "state",
    "postal_code": "zipCode",
    "country": "country",
}


def parse_list(body: Any) -> tuple[list[Any], int | None, int | None]:
    """(rows, total, nextOffset) of a list answer."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise BadResponse("the order list has no data array", field="data")
    pagination = body.get("pagination")
    if not isinstance(pagination, dict):
        pagination = {}  # no paging block: one page, no total
    r = FieldReader(None)
    total = r.paging_count(pagination, "total")
    return body["data"], total, r.count(pagination, "nextOffset", "pagination.nextOffset")


def parse_order(data: Any) -> Order:
    """One order object -> canonical Order; ``BadResponse`` naming the field if unreadable.
    Sub-objects stay plain dicts so the order is validated once, as a whole."""
    if not isinstance(data, dict):
        raise BadResponse("an order is not a JSON object", field="data[]")
    order_id = FieldReader(None).ident(data, "orderId")
    r = FieldReader(order_id)
    status, api_status = r.status(data, "status", STATUS_MAP)
    created = r.required_when(data, "createdAt")
    updated = r.when(data, "updatedAt") or created
    shipped = status in SHIPPED_STATUSES
    lines = _lines(r, data, shipped)
    fields: dict[str, Any] = {
        "id": order_id,
        "number": order_id,
        "dialect": "generic-rest",
        "status": status,
        "api_status": api_status[:200] if status == OrderStatus.UNKNOWN and api_status else None,
        "fulfillment_status": (
            FulfillmentStatus.FULFILLED if shipped and lines else FulfillmentStatus.UNFULFILLED
        ),
        "currency": r.required_text(data, "currency").upper(),
        "total": r.money(data, "totalAmount", required=True),
        "subtotal": _subtotal(lines, order_id),
        "customer": {"name": r.text(data, "customerId") or ""},
        "ship_to": r.address(data, "shippingAddress", ADDRESS_KEYS),
        "lines": lines,
        "holds": store_holds(status=status),
        "timeline": [{"at": created, "kind": "order_created", "message": "Order created"}],
        "created_at": created,
        "updated_at": updated,
        "raw": data,
    }
    return order_from(fields, order_id)


def _lines(r: FieldReader, data: dict[str, Any], shipped: bool) -> list[dict[str, Any]]:
    lines = []
    used: dict[str, int] = {}
    for n, item in enumerate(r.objects(data, "items")):
        where = f"items[{n}]"
        product = r.required_text(item, "productId", f"{where}.productId")
        quantity = r.count(item, "quantity", f"{where}.quantity", required=True)
        used[product] = used.get(product, 0) + 1
        lines.append(
            {
                "id": product if used[product] == 1 else f"{product}#{used[product]}",
                "sku": product,
                "quantity": quantity,
                "quantity_fulfilled": quantity if shipped else 0,
                "unit_price": r.money(item, "price", f"{where}.price"),
            }
        )
    return lines


def _subtotal(lines: list[dict[str, Any]], order_id: str) -> Decimal:
    try:
        return sum((ln["unit_price"] * ln["quantity"] for ln in lines), Decimal("0"))
    except ArithmeticError:  # prices beyond Decimal's range
        raise BadResponse("prices are out of range", field="items", order_id=order_id) from None
