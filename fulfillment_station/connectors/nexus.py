"""NexusCommerce connector (seed 000): one API in front of many marketplaces.

The seed documents ``GET /api/orders`` (cursor + ``limit`` <= 200; filters ``status``,
``marketplace``, ``fulfillment_method``, ``start_date``, ``end_date``, ``has_returns``; answer
``{"data": [...], "meta": {"total", "limit", "nextCursor"}}``), ``GET /api/orders/:id``,
``POST /api/orders/:id/shipment`` (partial via ``line_items``; 200 with the updated order),
``POST /api/orders/:id/cancel`` (``reason``; 202, subject to marketplace approval) and
``POST /api/orders/bulk-shipment``, with error codes ORDER_NOT_FOUND 404,
INVALID_STATUS_TRANSITION 422, ALREADY_SHIPPED 409 and MARKETPLACE_REJECTION 422. Nothing else
is used: no update, no create, no separate fulfill, no label. The base URL is the server root
(the paths carry ``/api``).

Choices where the seed is silent (the sandbox's docstring states the same):

- Errors ``{"error": {"code", "message", "details"?}}``; codes beyond the seed's four:
  UNAUTHORIZED 401, VALIDATION_ERROR 400, NOT_FOUND 404, RATE_LIMITED 429, INTERNAL_ERROR 5xx.
  A 403 (a token without ``orders:write``) maps to ``PermissionDenied`` by status.
- Single orders come wrapped as ``{"data": order}``; a bare order object is accepted too.
- List rows are summaries (the seed's example fields plus ``external_line_item_id`` per line):
  no address, customer, barcodes or shipments. ``get_order`` gives the full detail. A summary's
  ``updated_at`` is its ``created_at``; its lines count as shipped when the status says so.
  A line without ``external_line_item_id`` gets the id ``#<n>`` (position), which cannot be
  shipped by line.
- There is no updated-since filter: a sync walks the whole list (newest placed first), 200 per
  page. A cursor seen twice, or an order seen twice, is treated as the end / skipped.
- ``start_date``/``end_date`` are sent as UTC dates (``YYYY-MM-DD``, the seed says "date"), so
  the day around each bound is fetched and the exact instants are applied here; the page
  ``total`` is then left out as it may count a few orders outside the range.
- Ship: ``carrier`` and ``tracking_number`` are required (checked before sending);
  ``shipped_date`` is sent when known; ``line_items`` only for a partial shipment (omitted =
  everything that remains). The service, tracking URL, packages and notify flag have no field
  and are not sent: the marketplace notifies the buyer itself.
- Cancel needs a reason (free text, e.g. ``CustomerRequest``). The 202 carries no order, so
  ``cancel`` returns ``None``; the caller re-reads the order, which may still show its old
  status while the marketplace decides.
- Bulk shipment: sent in chunks of 100 items (the sandbox's limit); each item may carry
  ``line_items`` like the single shipment. Error items are read as ``{"order_id", "code",
  "message"}`` (``index`` used when ``order_id`` is missing).
- Parsing: ``id``, ``status`` and ``created_at`` must be present and readable, else
  ``BadResponse`` naming the field; any other field is optional but must be readable when
  present. Numbers may come as strings; unknown fields are ignored; an unknown status becomes
  ``UNKNOWN`` with ``api_status`` kept. A datetime without an offset is taken as UTC.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import quote

from fulfillment_station.connectors.base import (
    BulkShipError,
    BulkShipResult,
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
from fulfillment_station.connectors.errors import BadResponse, ValidationFailed
from fulfillment_station.connectors.http import Answer, write_proof
from fulfillment_station.connectors.parsing import FieldReader, order_from
from fulfillment_station.domain import FulfillmentStatus, Order, OrderStatus, Shipment
from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.requests import BulkShipItem, CancelRequest, ShipRequest
from fulfillment_station.domain.workflow import SHIPPED_STATUSES, derive_fulfillment_status

#: NexusCommerce status -> canonical status. One table; the reverse is derived from it.
STATUS_MAP: dict[str, OrderStatus] = {
    "pending": OrderStatus.PENDING,
    "confirmed": OrderStatus.CONFIRMED,
    "processing": OrderStatus.PROCESSING,
    "shipped": OrderStatus.SHIPPED,
    "delivered": OrderStatus.DELIVERED,
    "completed": OrderStatus.COMPLETED,
    "cancelled": OrderStatus.CANCELLED,
}
WIRE_STATUS: dict[OrderStatus, str] = {v: k for k, v in STATUS_MAP.items()}

PAGE_SIZE = 200  # the seed's maximum
BULK_CHUNK = 100
ORDERS_PATH = "/api/orders"
FULFILLMENT_METHODS = ("FBM", "FBA", "FBS")
_NONE = QT_TRANSLATE_NOOP(
    "Capabilities",
    "NexusCommerce's API has no endpoint to {action}; do it in NexusCommerce or the marketplace.",
)

CAPABILITIES = Capabilities(
    dialect="nexus",
    display_name="NexusCommerce",
    operations={
        Operation.LIST: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities", "No 'changed since' filter: each sync reads the whole list."
            )
        ),
        Operation.GET: yes(),
        Operation.SHIP: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "NexusCommerce passes the shipment on to the marketplace, which may reject an "
                "implausible tracking number.",
            )
        ),
        Operation.BULK_SHIP: yes(),
        Operation.CANCEL: yes(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "The marketplace has to approve the cancellation; the order may keep its status "
                "for a while.",
            )
        ),
        Operation.FULFILL: no(
            QT_TRANSLATE_NOOP(
                "Capabilities",
                "NexusCommerce has no separate fulfill step: confirming the shipment is the "
                "fulfillment. Use Ship.",
            )
        ),
        Operation.UPDATE: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "change an order"))
        ),
        Operation.CREATE: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "create an order"))
        ),
        Operation.LIST_SHIPMENTS: yes(
            QT_TRANSLATE_NOOP("Capabilities", "Read from the order's detail.")
        ),
        Operation.CHANNEL_SYNC: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "start a marketplace sync"))
        ),
        Operation.FETCH_LABEL: no(
            _NONE.format(action=QT_TRANSLATE_NOOP("Capabilities", "buy or fetch a shipping label"))
        ),
    },
    filters=frozenset(
        {
            Filter.STATUS,
            Filter.MARKETPLACE,
            Filter.CHANNEL,
            Filter.FULFILLMENT_METHOD,
            Filter.CREATED_RANGE,
            Filter.HAS_RETURNS,
        }
    ),
    max_page_size=PAGE_SIZE,
    partial_shipment=True,
    notify_customer=False,
    returns_label=False,
    carries_tracking=True,
    cancel_reason=True,
    list_is_summary=True,
    notes=(
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "NexusCommerce cannot filter by 'changed since', so every sync reads the whole list.",
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "The order list carries no addresses or barcodes; sync reads the detail of each "
            "new or changed order.",
        ),
        QT_TRANSLATE_NOOP(
            "Capabilities",
            "The carrier service and tracking link are not sent; the marketplace tells the buyer.",
        ),
    ),
)


class NexusConnector(Connector):
    DIALECT = "nexus"
    CAPABILITIES = CAPABILITIES

    # -- reads ------------------------------------------------------------------------------

    def iter_pages(self, query: ListQuery) -> Iterator[Page]:
        params = list_params(query)
        if params is None:
            return  # a filter no NexusCommerce order can match
        exact_range = _range_is_whole_days(query)
        guard = PageGuard()
        cursor: str | None = None
        while True:
            body = self.api.get_json(ORDERS_PATH, {**params, "cursor": cursor}, kind=Answer.LIST)
            rows, total, cursor = parse_list(body)
            if cursor is not None and rows:
                self.api.prefetch(ORDERS_PATH, {**params, "cursor": cursor})  # while we parse
            parsed, unreadable = read_rows(rows, parse_order)
            # The total counts the whole range; the client-side range check only narrows it.
            fresh = guard.page(parsed, unreadable, total)
            orders = [o for o in fresh if _in_range(o, query)]
            if query.has_returns is not None:
                # List rows carry no has_returns; rows the filter selected are known to.
                orders = [
                    o
                    if o.has_returns is not None
                    else o.model_copy(update={"has_returns": query.has_returns})
                    for o in orders
                ]
            yield Page(orders, total if exact_range else None, unreadable)
            if cursor is None or not rows:
                return
            guard.position(cursor)

    def get_order(self, order_id: str) -> Order:
        body = self.api.get_json(_order_path(order_id), order_id=order_id)
        order = parse_order(_unwrap(body, order_id))
        if order.id != order_id:
            raise BadResponse(
                f"the answer is about order {order.id[:60]}", field="id", order_id=order_id
            )
        return order

    def list_shipments(self, order_id: str) -> list[Shipment]:
        return list(self.get_order(order_id).shipments)

    # -- writes -----------------------------------------------------------------------------

    def ship(self, order_id: str, request: ShipRequest) -> ShipResult:
        body = shipment_body(
            request.carrier, request.tracking_number, request.shipped_at, request.lines
        )
        response = self.api.send_json(
            "POST", _order_path(order_id) + "/shipment", json=body, order_id=order_id, proof=(200,)
        )
        with write_proof(order_id):  # proof: 200 with this order, showing the shipment
            order = parse_order(_unwrap(self.api.decode(response, order_id=order_id), order_id))
            if order.id != order_id:
                raise BadResponse(f"the answer is order {order.id[:40]}", order_id=order_id)
            wanted = (request.tracking_number or "").strip().upper()
            if wanted and not any(
                (s.tracking_number or "").strip().upper() == wanted for s in order.shipments
            ):
                raise BadResponse(
                    "the order in the answer has no shipment with this tracking number",
                    field="shipments",
                    order_id=order_id,
                )
        return ShipResult(
            order=order,
            shipment=order.shipments[-1] if order.shipments else None,
            notified_customer=None,
        )

    def bulk_ship(self, items: Sequence[BulkShipItem]) -> BulkShipResult:
        succeeded = failed = 0
        errors: list[BulkShipError] = []
        for start in range(0, len(items), BULK_CHUNK):
            chunk = items[start : start + BULK_CHUNK]
            body = {
                "shipments": [
                    {
                        "order_id": item.order_id,
                        **shipment_body(
                            item.carrier, item.tracking_number, None, item.lines, check=False
                        ),
                    }
                    for item in chunk
                ]
            }
            response = self.api.send_json(
                "POST", ORDERS_PATH + "/bulk-shipment", json=body, proof=(200,)
            )
            with write_proof():  # proof: 200 with a result for the chunk
                ok, bad, errs = parse_bulk(self.api.decode(response), chunk)
            succeeded, failed = succeeded + ok, failed + bad
            errors += errs
        return BulkShipResult(succeeded, failed, errors)

    def cancel(self, order_id: str, request: CancelRequest) -> Order | None:
        reason = (request.reason or "").strip()
        if not reason:
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors",
                    "NexusCommerce needs a reason to cancel an order. Choose or type a reason and "
                    "retry.",
                )
            )
        # Proof: 202 with the API's JSON (the marketplace decides later).
        self.api.send_json(
            "POST",
            _order_path(order_id) + "/cancel",
            json={"reason": reason},
            order_id=order_id,
            proof=(202,),
        )
        return None  # 202: accepted for the marketplace to decide; no order in the answer


CONNECTOR = NexusConnector


# -- requests ---------------------------------------------------------------------------------


def _order_path(order_id: str) -> str:
    return f"{ORDERS_PATH}/{quote(order_id, safe='')}"


def list_params(query: ListQuery) -> dict[str, Any] | None:
    """Query parameters for ``query``; None when nothing can match."""
    params: dict[str, Any] = {"limit": max(1, min(query.page_size or PAGE_SIZE, PAGE_SIZE))}
    if query.status is not None:
        if query.status not in WIRE_STATUS:
            return None
        params["status"] = WIRE_STATUS[query.status]
    markets = {m for m in (query.marketplace, query.channel) if m is not None}
    if len(markets) > 1:
        return None
    if markets:
        params["marketplace"] = markets.pop()
    if query.fulfillment_method is not None:
        method = query.fulfillment_method.strip().upper()
        if method not in FULFILLMENT_METHODS:
            raise ValidationFailed(
                user_message=QT_TRANSLATE_NOOP(
                    "Connectors",
                    "NexusCommerce's fulfillment methods are FBM, FBA and FBS, not {method}.",
                ).format(method=repr(method[:20]))
            )
        params["fulfillment_method"] = method
    if query.created_from is not None:
        params["start_date"] = query.created_from.astimezone(UTC).date().isoformat()
    if query.created_to is not None:
        params["end_date"] = query.created_to.astimezone(UTC).date().isoformat()
    if query.has_returns is not None:
        params["has_returns"] = "true" if query.has_returns else "false"
    return params


def _range_is_whole_days(query: ListQuery) -> bool:
    start, end = query.created_from, query.created_to
    if start is not None and start.astimezone(UTC).timetz() != time(tzinfo=UTC):
        return False
    return end is None or (end.astimezone(UTC) + timedelta(microseconds=1)).timetz() == time(
        tzinfo=UTC
    )


def _in_range(order: Order, query: ListQuery) -> bool:
    if query.created_from is not None and order.created_at < query.created_from:
        return False
    return query.created_to is None or order.created_at <= query.created_to


def shipment_body(
    carrier: str,
    tracking_number: str | None,
    shipped_at: datetime | None,
    lines: dict[str, int],
    *,
    check: bool = True,
) -> dict[str, Any]:
    """The seed's shipment body; ``check`` refuses, before sending, what the API needs."""
    carrier, tracking = carrier.strip(), (tracking_number or "").strip()
    if check and not carrier:
        raise ValidationFailed(
            user_message=QT_TRANSLATE_NOOP(
                "Connectors",
                "NexusCommerce needs the carrier to confirm a shipment. Choose the carrier and "
                "retry.",
            )
        )
    if check and not tracking:
        raise ValidationFailed(
            user_message=QT_TRANSLATE_NOOP(
                "Connectors",
                "NexusCommerce needs a tracking number to confirm a shipment. Scan or type it and "
                "retry.",
            )
        )
    body: dict[str, Any] = {"carrier": carrier, "tracking_number": tracking}
    if shipped_at is not None:
        body["shipped_date"] = (
            shipped_at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        )
    if any(qty < 0 for qty in lines.values()):
        raise ValidationFailed(
            user_message=QT_TRANSLATE_NOOP("Connectors", "A quantity to ship cannot be negative.")
        )
    wanted = [
        {"external_line_item_id": line_id, "quantity": qty}
        for line_id, qty in lines.items()
        if qty > 0
    ]
    if lines and not wanted:
        # An omitted line_items means "everything that remains": never send that for zero.
        raise ValidationFailed(
            user_message=QT_TRANSLATE_NOOP(
                "Connectors",
                "Nothing to ship: every quantity is zero. Enter how many of each item are in the "
                "parcel.",
            )
        )
    if wanted:
        body["line_items"] = wanted
    return body


# -- parsing ----------------------------------------------------------------------------------

#: Canonical address field -> NexusCommerce's key.
ADDRESS_KEYS: dict[str, str] = {
    "name": "name",
    "company": "company",
    "line1": "address_line1",
    "line2": "address_line2",
    "city": "city",
    "region": "state_or_region",
    "postal_code": "postal_code",
    "country": "country_code",
}


def _unwrap(body: Any, order_id: str | None) -> Any:
    if isinstance(body, dict) and "data" in body and "id" not in body:
        return body["data"]
    if isinstance(body, dict):
        return body
    raise BadResponse("the answer is not an order object", field="data", order_id=order_id)


def parse_list(body: Any) -> tuple[list[Any], int | None, str | None]:
    """(rows, total, next cursor) of a list answer."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise BadResponse("the order list has no data array", field="data")
    meta = body.get("meta")
    meta = meta if isinstance(meta, dict) else {}  # no paging block: one page, no total
    r = FieldReader(None)
    return (
        body["data"],
        r.paging_count(meta, "total"),
        r.cursor(meta, "nextCursor", "meta.nextCursor"),
    )


def parse_bulk(body: Any, items: Sequence[BulkShipItem]) -> tuple[int, int, list[BulkShipError]]:
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise BadResponse("the bulk shipment answer has no data object", field="data")
    r = FieldReader(None)
    succeeded = r.count(data, "succeeded", "data.succeeded") or 0
    failed = r.count(data, "failed", "data.failed") or 0
    errors = []
    for err in r.objects(data, "errors", "data.errors"):
        # An error item only says which order failed and why: whatever it holds is shown,
        # since the chunk was sent and refusing its answer would hide the orders that shipped.
        order_id = err.get("order_id")
        index = err.get("index")
        if not isinstance(order_id, str) or not order_id:
            known = (
                isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(items)
            )
            order_id = items[index].order_id if known and isinstance(index, int) else ""
        code = err.get("code")
        errors.append(
            BulkShipError(
                order_id,
                str(code) if code else None,
                str(err.get("message") or code or "failed")[:500],
            )
        )
    return succeeded, failed, errors


def parse_order(data: Any) -> Order:
    """One NexusCommerce order (list summary or detail) -> canonical Order."""
    if not isinstance(data, dict):
        raise BadResponse("an order is not a JSON object", field="data[]")
    order_id = FieldReader(None).ident(data, "id")
    r = FieldReader(order_id)
    status, api_status = r.status(data, "status", STATUS_MAP)
    created = r.required_when(data, "created_at")
    marketplace = r.text(data, "marketplace")
    customer = r.obj(data, "customer")
    fields: dict[str, Any] = {
        "id": order_id,
        "number": r.text(data, "external_order_id") or order_id,
        "dialect": "nexus",
        "status": status,
        "api_status": api_status[:200] if status == OrderStatus.UNKNOWN and api_status else None,
        "payment_status": r.text(data, "payment_status"),
        "channel": marketplace,
        "marketplace": marketplace,
        "fulfillment_method": r.text(data, "fulfillment_method"),
        "currency": (r.text(data, "currency") or "USD").upper(),
        "subtotal": r.money(data, "subtotal_amount"),
        "tax": r.money(data, "tax_amount"),
        "shipping": r.money(data, "shipping_amount"),
        "total": r.money(data, "total_amount"),
        "customer": {
            "name": r.text(customer, "name", "customer.name") or "",
            "email": r.text(customer, "email", "customer.email"),
            "phone": r.text(customer, "phone", "customer.phone"),
        },
        "ship_to": r.address(data, "shipping_address", ADDRESS_KEYS),
        "bill_to": r.address(data, "billing_address", ADDRESS_KEYS),
        "lines": _lines(r, data, status),
        "shipments": _shipments(r, data),
        "timeline": _history(r, data),
        "notes": r.text(data, "notes"),
        "gift_message": r.text(data, "gift_message"),
        # The seed's has_returns: a badge on screen and on the slip (unknown when absent).
        "has_returns": (data["has_returns"] if isinstance(data.get("has_returns"), bool) else None),
        "created_at": created,
        "updated_at": r.when(data, "updated_at") or created,
        "raw": data,
    }
    fields["holds"] = store_holds(
        status=status,
        payment_status=fields["payment_status"],
        fulfillment_method=fields["fulfillment_method"],
    )
    if not fields["customer"]["name"] and fields["ship_to"]:
        fields["customer"]["name"] = fields["ship_to"]["name"]
    order = order_from(fields, order_id)
    if order.lines:
        fulfillment = derive_fulfillment_status(order.lines)
    else:
        fulfillment = (
            FulfillmentStatus.FULFILLED
            if status in SHIPPED_STATUSES
            else FulfillmentStatus.UNFULFILLED
        )
    return order.model_copy(update={"fulfillment_status": fulfillment})


def _lines(r: FieldReader, data: dict[str, Any], status: OrderStatus) -> list[dict[str, Any]]:
    out = []
    for n, item in enumerate(r.objects(data, "line_items")):
        field = f"line_items[{n}]"
        quantity = r.count(item, "quantity", f"{field}.quantity") or 0
        shipped = r.count(item, "quantity_shipped", f"{field}.quantity_shipped")
        if shipped is None:  # a list summary: the status tells whether it left
            shipped = quantity if status in SHIPPED_STATUSES else 0
        out.append(
            {
                "id": r.text(item, "external_line_item_id", f"{field}.external_line_item_id")
                or f"#{n + 1}",
                "sku": r.text(item, "sku", f"{field}.sku") or "",
                "name": r.text(item, "title", f"{field}.title") or "",
                "quantity": quantity,
                "quantity_fulfilled": shipped,
                "unit_price": r.money(item, "unit_price", f"{field}.unit_price"),
                "barcode": r.text(item, "barcode", f"{field}.barcode"),
                "weight": r.weight(item, "weight_kg", f"{field}.weight_kg"),
            }
        )
    return out


def _shipments(r: FieldReader, data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for n, item in enumerate(r.objects(data, "shipments")):
        field = f"shipments[{n}]"
        lines = []
        for m, ref in enumerate(r.objects(item, "line_items", f"{field}.line_items")):
            where = f"{field}.line_items[{m}]"
            line_id = r.text(ref, "external_line_item_id", f"{where}.external_line_item_id")
            qty = r.count(ref, "quantity", f"{where}.quantity")
            if line_id and qty:
                lines.append({"line_id": line_id, "quantity": qty})
        out.append(
            {
                "id": r.text(item, "id", f"{field}.id"),
                "carrier": r.text(item, "carrier", f"{field}.carrier") or "",
                "service": r.text(item, "service", f"{field}.service"),
                "tracking_number": r.text(item, "tracking_number", f"{field}.tracking_number"),
                "tracking_url": r.text(item, "tracking_url", f"{field}.tracking_url"),
                "shipped_at": r.when(item, "shipped_date", f"{field}.shipped_date"),
                "lines": lines,
            }
        )
    return out


def _history(r: FieldReader, data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for n, item in enumerate(r.objects(data, "sync_history")):
        field = f"sync_history[{n}]"
        out.append(
            {
                "at": r.required_when(item, "timestamp", f"{field}.timestamp"),
                "kind": r.text(item, "event", f"{field}.event") or "sync",
                "message": r.text(item, "message", f"{field}.message") or "",
            }
        )
    return out
