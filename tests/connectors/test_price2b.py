"""Contract tests: the Price2b connector against the Price2b sandbox over a loopback socket
(list with every documented filter, full paging of 2000 orders, get, ship with a generated
tracking number and label, fulfill, cancel, update, shipments, channel sync, labels, and every
documented error as its typed exception), plus property tests feeding hostile payloads to the
parsers."""

from __future__ import annotations

import contextlib
import copy
import io
import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import ListQuery, Operation
from fulfillment_station.connectors.errors import (
    AlreadyShipped,
    AuthenticationError,
    BadResponse,
    Conflict,
    InsecureConnection,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    RateLimited,
    ServerErrorAfterWrite,
    UnknownOutcome,
    Unsupported,
    ValidationFailed,
)
from fulfillment_station.connectors.price2b import (
    CAPABILITIES,
    Price2bConnector,
    parse_order,
    parse_shipment,
)
from fulfillment_station.domain import Address, FulfillmentStatus, Order, OrderStatus
from fulfillment_station.domain.requests import (
    BulkShipItem,
    CancelRequest,
    CreateOrderRequest,
    FulfillRequest,
    NewOrderLine,
    OrderUpdate,
    Package,
    ShipRequest,
    TrackingInfo,
)
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = pytest.mark.integration

TOKEN = "price2b-connector-token"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("p2b-big") / "sandbox.sqlite"
    with SandboxServer("price2b", db_path=db, token=TOKEN, orders=2000, seed=11) as server:
        yield server


@pytest.fixture(scope="module")
def reader(big: SandboxServer) -> Iterator[Price2bConnector]:
    with connect("price2b", big.base_url, TOKEN) as connector:
        assert isinstance(connector, Price2bConnector)
        yield connector


@pytest.fixture(scope="module")
def everything(reader: Price2bConnector) -> list[Order]:
    return reader.list_orders()


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("p2b-writer") / "sandbox.sqlite"
    with SandboxServer("price2b", db_path=db, token=TOKEN, orders=250, seed=12) as server:
        yield server


@pytest.fixture(scope="module")
def conn(writer: SandboxServer) -> Iterator[Price2bConnector]:
    with Price2bConnector(
        writer.base_url, TOKEN, sleep=lambda _: None, max_read_attempts=2
    ) as connector:
        yield connector


_TAKEN: set[str] = set()


@pytest.fixture(scope="module")
def pick(writer: SandboxServer) -> Callable[..., str]:
    """An order id of the writer sandbox that no other test uses."""

    def choose(
        status: str = "processing",
        fulfillment: str = "unfulfilled",
        channel: str | None = None,
        min_lines: int = 1,
    ) -> str:
        where: list[tuple[str, Any]] = [
            ("status = ?", status),
            ("fulfillment_status = ?", fulfillment),
        ]
        if channel:
            where.append(("channel = ?", channel))
        for row in writer.db.query(where):
            if row.order.id not in _TAKEN and len(row.order.lines) >= min_lines:
                _TAKEN.add(row.order.id)
                return row.order.id
        raise AssertionError(f"no free {status}/{fulfillment}/{channel} order")

    return choose


def _effects(server: SandboxServer, kind: str, order_id: str) -> list[dict[str, Any]]:
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()
    return [e for e in journal["effects"] if e["kind"] == kind and e["order_id"] == order_id]


def _writes(server: SandboxServer) -> int:
    return len(
        httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()[
            "requests"
        ]
    )


# -- list -------------------------------------------------------------------------------------


def test_full_paging_of_2000_orders_has_no_gaps_or_repeats(
    big: SandboxServer, everything: list[Order]
) -> None:
    ids = [o.id for o in everything]
    assert len(ids) == len(set(ids)) == 2000
    assert set(ids) == {r.order.id for r in big.db.query()}
    created = [o.created_at for o in everything]
    assert created == sorted(created, reverse=True)


def test_progress_reports_the_total(reader: Price2bConnector) -> None:
    seen: list[tuple[int, int | None]] = []
    orders = reader.list_orders(
        ListQuery(channel="web", page_size=50), progress=lambda n, total: seen.append((n, total))
    )
    assert seen[-1] == (len(orders), len(orders))
    assert len(seen) == -(-len(orders) // 50)


def test_list_rows_map_to_the_canonical_model(big: SandboxServer, everything: list[Order]) -> None:
    by_id = {o.id: o for o in everything}
    for row in big.db.query(limit=200):
        truth, got = row.order, by_id[row.order.id]
        assert (got.number, got.status, got.fulfillment_status, got.channel) == (
            truth.number,
            truth.status,
            truth.fulfillment_status,
            truth.channel,
        )
        assert (got.total, got.subtotal, got.tax, got.shipping, got.currency) == (
            truth.total,
            truth.subtotal,
            truth.tax,
            truth.shipping,
            truth.currency,
        )
        assert got.customer.name == truth.customer.name
        assert got.ship_to == truth.ship_to
        assert [(ln.id, ln.sku, ln.quantity, ln.unit_price) for ln in got.lines] == [
            (ln.id, ln.sku, ln.quantity, ln.unit_price) for ln in truth.lines
        ]
        if truth.fulfillment_status != FulfillmentStatus.PARTIAL:
            assert [ln.quantity_fulfilled for ln in got.lines] == [
                ln.quantity_fulfilled for ln in truth.lines
            ]
        assert got.created_at.replace(microsecond=0) == truth.created_at.replace(microsecond=0)
        assert got.raw is not None and got.raw["id"] == int(truth.id)


@pytest.mark.parametrize(
    "status", [OrderStatus.PENDING, OrderStatus.SHIPPED, OrderStatus.CANCELLED]
)
def test_status_filter(
    reader: Price2bConnector, everything: list[Order], status: OrderStatus
) -> None:
    got = reader.list_orders(ListQuery(status=status))
    assert got and {o.id for o in got} == {o.id for o in everything if o.status == status}


def test_status_price2b_lacks_matches_nothing(reader: Price2bConnector) -> None:
    assert reader.list_orders(ListQuery(status=OrderStatus.COMPLETED)) == []


def test_fulfillment_and_channel_filters(reader: Price2bConnector, everything: list[Order]) -> None:
    query = ListQuery(fulfillment_status=FulfillmentStatus.PARTIAL, channel="Amazon")
    got = reader.list_orders(query)
    assert got and {o.id for o in got} == {
        o.id
        for o in everything
        if o.fulfillment_status == FulfillmentStatus.PARTIAL and o.channel == "amazon"
    }


def test_created_range_filter(reader: Price2bConnector, everything: list[Order]) -> None:
    start = everything[1500].created_at.replace(microsecond=0)
    end = everything[1000].created_at.replace(microsecond=0)
    got = reader.list_orders(ListQuery(created_from=start, created_to=end))
    expected = {o.id for o in everything if start <= o.created_at.replace(microsecond=0) <= end}
    assert len(got) > 400 and {o.id for o in got} == expected
    later = reader.list_orders(
        ListQuery(created_from=everything[0].created_at + timedelta(seconds=1))
    )
    assert later == []


def test_search_by_number_and_customer_name(
    reader: Price2bConnector, everything: list[Order]
) -> None:
    target = everything[321]
    assert target.id in {o.id for o in reader.list_orders(ListQuery(search=target.number))}
    name = next(o.customer.name for o in everything if o.customer.name.isascii())
    got = reader.list_orders(ListQuery(search=name.lower()))
    assert got and {o.customer.name for o in got} == {name}


def test_filters_the_api_lacks_are_unsupported(
    reader: Price2bConnector, everything: list[Order]
) -> None:
    for query in (
        ListQuery(updated_since=everything[0].created_at),
        ListQuery(customer_id="CUST50001"),
        ListQuery(has_returns=True),
        ListQuery(marketplace="amazon"),
    ):
        with pytest.raises(Unsupported):
            reader.list_orders(query)


# -- get --------------------------------------------------------------------------------------


def test_get_order_has_the_full_detail(big: SandboxServer, reader: Price2bConnector) -> None:
    truth = big.db.query([("fulfillment_status = ?", "partial")], limit=1)[0].order
    got = reader.get_order(truth.id)
    assert [(ln.id, ln.quantity, ln.quantity_fulfilled, ln.weight) for ln in got.lines] == [
        (ln.id, ln.quantity, ln.quantity_fulfilled, ln.weight) for ln in truth.lines
    ]
    assert got.fulfillment_status == FulfillmentStatus.PARTIAL
    assert got.bill_to == truth.bill_to and got.notes == truth.notes
    assert got.customer == truth.customer
    (shipment,) = got.shipments
    assert shipment.tracking_number == truth.shipments[0].tracking_number
    assert shipment.carrier == truth.shipments[0].carrier.lower()
    assert shipment.lines == truth.shipments[0].lines
    assert [e.kind for e in got.timeline][:2] == ["order_created", "payment_received"]
    assert got.updated_at.replace(microsecond=0) == truth.updated_at.replace(microsecond=0)


def test_unknown_order_is_not_found(reader: Price2bConnector) -> None:
    with pytest.raises(NotFound) as info:
        reader.get_order("999")
    assert info.value.code == "ORDER_NOT_FOUND"
    with pytest.raises(NotFound):
        reader.get_order("../../sync/status")


def test_wrong_token_is_authentication_error(big: SandboxServer) -> None:
    with Price2bConnector(big.base_url, "nope") as bad:
        with pytest.raises(AuthenticationError) as info:
            bad.get_order("5001")
        assert "nope" not in str(info.value)
        report = bad.check()
    assert report.reachable and not report.authenticated


def test_check_reports_a_working_connection(reader: Price2bConnector) -> None:
    report = reader.check()
    assert report.ok and report.orders_visible == 2000


# -- ship -------------------------------------------------------------------------------------


def test_ship_returns_tracking_and_a_label_the_app_can_fetch(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick()
    result = conn.ship(
        order_id,
        ShipRequest(
            carrier="FedEx",
            service="INTERNATIONAL_ECONOMY",
            warehouse_id=1,
            packages=[
                Package(
                    weight=Decimal("0.5"), length=Decimal(20), width=Decimal(15), height=Decimal(10)
                )
            ],
        ),
    )
    shipment = result.shipment
    assert shipment is not None and shipment.tracking_number and shipment.label_url
    assert shipment.carrier == "fedex" and shipment.service == "INTERNATIONAL_ECONOMY"
    assert result.notified_customer is True and result.message == "Shipment created successfully"
    label = conn.fetch_label(shipment.label_url)
    text = pypdf.PdfReader(io.BytesIO(label)).pages[0].extract_text()
    assert shipment.tracking_number in text
    order = conn.get_order(order_id)
    assert order.status == OrderStatus.SHIPPED
    assert order.shipments[-1].tracking_number == shipment.tracking_number
    (effect,) = _effects(writer, "shipment", order_id)
    assert effect["detail"]["carrier"] == "fedex" and effect["detail"]["service"] == (
        "INTERNATIONAL_ECONOMY"
    )
    with pytest.raises(AlreadyShipped):
        conn.ship(
            order_id,
            ShipRequest(carrier="fedex", service="GROUND", packages=[Package(weight=Decimal(1))]),
        )


def test_ship_without_packages_weighs_the_lines_it_ships(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick(min_lines=2)
    before = conn.get_order(order_id)
    line = before.lines[1]
    result = conn.ship(
        order_id,
        ShipRequest(carrier="ups", service="GROUND", lines={line.id: 1}, notify_customer=False),
    )
    assert result.notified_customer is False
    assert result.shipment is not None and result.shipment.lines[0].line_id == line.id
    journal = httpx.get(writer.root_url + "/_sandbox/journal", headers=writer.auth_headers).json()[
        "requests"
    ]
    sent = next(r for r in reversed(journal) if r["path"].endswith(f"/{order_id}/ship"))
    assert '"weight":' + str(float(line.weight or 0)) in sent["body"].replace(" ", "")
    after = conn.get_order(order_id)
    assert after.fulfillment_status == FulfillmentStatus.PARTIAL
    assert after.line(line.id).quantity_fulfilled == 1  # type: ignore[union-attr]


def test_request_lines_go_into_a_package_that_lists_none(
    conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick(min_lines=2)
    line = conn.get_order(order_id).lines[0]
    result = conn.ship(
        order_id,
        ShipRequest(
            carrier="dhl",
            service="EXPRESS",
            lines={line.id: 1},
            packages=[Package(weight=Decimal("0.3"))],
        ),
    )
    assert result.shipment is not None
    assert [(sl.line_id, sl.quantity) for sl in result.shipment.lines] == [(line.id, 1)]
    assert conn.get_order(order_id).fulfillment_status == FulfillmentStatus.PARTIAL
    with pytest.raises(ValidationFailed):
        conn.ship(
            order_id, ShipRequest(carrier="dhl", service="EXPRESS", packages=[Package(), Package()])
        )


def test_ship_with_a_tracking_number_is_a_fulfillment(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick()
    result = conn.ship(order_id, ShipRequest(carrier="ups", tracking_number="1Z999AA10123456784"))
    assert result.shipment is not None
    assert result.shipment.tracking_number == "1Z999AA10123456784"
    assert result.shipment.label_url is None
    assert len(_effects(writer, "fulfill", order_id)) == 1
    assert _effects(writer, "shipment", order_id) == []


def test_ship_refusals_map_to_typed_errors(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick()
    writes = _writes(writer)
    with pytest.raises(ValidationFailed) as info:
        conn.ship(order_id, ShipRequest(carrier="ups", packages=[Package(weight=Decimal(1))]))
    assert "service" in info.value.user_message
    assert _writes(writer) == writes  # refused before anything was sent
    line = conn.get_order(order_id).lines[0]
    with pytest.raises(ValidationFailed) as info:
        conn.ship(
            order_id,
            ShipRequest(
                carrier="ups",
                service="GROUND",
                packages=[Package(weight=Decimal(1), lines={line.id: line.quantity + 1})],
            ),
        )
    assert info.value.code == "INVALID_ITEMS"
    with pytest.raises(InvalidTransition) as info:
        conn.ship(
            pick(status="cancelled"),
            ShipRequest(carrier="ups", service="GROUND", packages=[Package(weight=Decimal(1))]),
        )
    assert info.value.code == "ORDER_CANCELLED"
    with pytest.raises(NotFound):
        conn.ship(
            "999",
            ShipRequest(carrier="ups", service="GROUND", packages=[Package(weight=Decimal(1))]),
        )


# -- fulfill, cancel, update, shipments ----------------------------------------------------------


def test_partial_fulfillment_then_the_rest(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick(min_lines=2)
    first = conn.get_order(order_id).lines[0]
    result = conn.fulfill(
        order_id,
        FulfillRequest(
            shipments=[TrackingInfo(carrier="DHL", tracking_number="1234567890")],
            lines={first.id: first.quantity},
            notify_customer=True,
        ),
    )
    assert result.message == "Items marked as fulfilled"
    assert result.shipment is not None and result.shipment.carrier == "dhl"
    assert conn.get_order(order_id).fulfillment_status == FulfillmentStatus.PARTIAL
    rest = conn.fulfill(
        order_id,
        FulfillRequest(
            shipments=[TrackingInfo(carrier="usps", tracking_number="9400111899223197428490")]
        ),
    )
    assert rest.message == "Order marked as fulfilled"
    shipments = conn.list_shipments(order_id)
    assert [s.tracking_number for s in shipments] == ["1234567890", "9400111899223197428490"]
    assert shipments[0].lines[0].line_id == first.id and shipments[0].id
    assert len(_effects(writer, "fulfill", order_id)) == 2


@pytest.mark.parametrize(
    "trackings",
    [
        [],
        [TrackingInfo(carrier="ups")],
        [
            TrackingInfo(carrier="ups", tracking_number="1"),
            TrackingInfo(carrier="ups", tracking_number="2"),
        ],
    ],
)
def test_fulfill_needs_exactly_one_tracking_number(
    conn: Price2bConnector, trackings: list[TrackingInfo]
) -> None:
    with pytest.raises(ValidationFailed):
        conn.fulfill("5001", FulfillRequest(shipments=trackings))


def test_cancel_and_its_refusals(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick()
    assert (
        conn.cancel(order_id, CancelRequest(reason="Customer asked", notify_customer=True)) is None
    )
    assert conn.get_order(order_id).status == OrderStatus.CANCELLED
    (effect,) = _effects(writer, "cancel", order_id)
    assert effect["detail"] == {"reason": "Customer asked", "notify_customer": True}
    with pytest.raises(Conflict) as info:
        conn.cancel(order_id, CancelRequest())
    assert info.value.code == "ALREADY_CANCELLED"
    with pytest.raises(InvalidTransition):
        conn.cancel(pick(status="shipped", fulfillment="fulfilled"), CancelRequest())


def test_update_notes_address_and_status(conn: Price2bConnector, pick: Callable[..., str]) -> None:
    order_id = pick()
    address = Address(
        name="Ana Souza", line1="Rua Nova 5", city="Recife", country="BR", postal_code="50000-000"
    )
    assert conn.update(order_id, OrderUpdate(notes="Gift wrap", ship_to=address)) is None
    order = conn.get_order(order_id)
    assert order.notes == "Gift wrap" and order.ship_to == address
    shopify = pick(status="pending", channel="shopify")
    conn.update(shopify, OrderUpdate(status=OrderStatus.PROCESSING))
    assert conn.get_order(shopify).status == OrderStatus.PROCESSING


def test_update_refusals_map_to_typed_errors(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    with pytest.raises(InvalidTransition) as info:
        conn.update(pick(channel="amazon"), OrderUpdate(status=OrderStatus.DELIVERED))
    assert info.value.code == "STATUS_CHANGE_NOT_ALLOWED"
    with pytest.raises(InvalidTransition) as info:
        conn.update(
            pick(fulfillment="partial"),
            OrderUpdate(ship_to=Address(name="A", line1="B", city="C", country="DE")),
        )
    assert info.value.code == "ADDRESS_LOCKED"
    writes = _writes(writer)
    with pytest.raises(InvalidTransition):
        conn.update("5001", OrderUpdate(status=OrderStatus.SHIPPED))
    with pytest.raises(ValidationFailed):
        conn.update("5001", OrderUpdate())
    assert _writes(writer) == writes


# -- channel sync -----------------------------------------------------------------------------


def test_channel_sync_starts_and_reports_counts(make_sandbox: Callable[..., SandboxServer]) -> None:
    sandbox = make_sandbox("price2b", token=TOKEN, orders=40)
    with Price2bConnector(sandbox.base_url, TOKEN) as c:
        assert c.channel_sync_status().status == "never"
        started = c.start_channel_sync(
            ["Amazon", "meli"], since=sandbox.db.query(limit=1)[0].order.created_at
        )
        assert started.status == "processing" and started.sync_id
        assert set(started.channels) == {"amazon", "meli"}
        with pytest.raises(Conflict) as info:
            c.start_channel_sync()
        assert info.value.code == "SYNC_IN_PROGRESS"
        status = c.channel_sync_status()
        assert status.sync_id == started.sync_id and status.status == "completed"
        assert status.completed_at is not None and status.next_scheduled_sync is not None
        assert status.channels["amazon"]["orders_synced"] == sandbox.db.count(
            [("channel = ?", "amazon")]
        )
        with pytest.raises(ValidationFailed):
            c.start_channel_sync(["etsy"])


# -- labels -----------------------------------------------------------------------------------


def test_label_fetch_rules(conn: Price2bConnector) -> None:
    with pytest.raises(NotFound) as info:
        conn.fetch_label("/api/v1/shipping/shipments/1/label")
    assert info.value.code == "SHIPMENT_NOT_FOUND"
    with pytest.raises(InsecureConnection):
        conn.fetch_label("http://labels.example.com/label.pdf")
    with pytest.raises(InsecureConnection):
        conn.fetch_label("ftp://labels.example.com/label.pdf")


def test_label_on_another_https_host_is_fetched_without_the_token(writer: SandboxServer) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith(".zpl"):
            return httpx.Response(200, content=b"^XA^FO50,50^FDhello^FS^XZ")
        if request.url.path.endswith(".html"):
            return httpx.Response(200, content=b"<html>sign in</html>")
        return httpx.Response(403)

    with Price2bConnector(
        writer.base_url, TOKEN, label_transport=httpx.MockTransport(handler)
    ) as c:
        assert c.fetch_label("https://cdn.example.com/l/1.zpl").startswith(b"^XA")
        with pytest.raises(BadResponse):
            c.fetch_label("https://cdn.example.com/l/1.html")
        with pytest.raises(PermissionDenied):
            c.fetch_label("https://cdn.example.com/l/1.pdf")
    assert seen and all("authorization" not in r.headers for r in seen)


# -- faults and capabilities --------------------------------------------------------------------


def test_rate_limit_is_rate_limited_with_retry_after(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick()
    writer.faults.rate_limit = 1
    try:
        with pytest.raises(RateLimited) as info:
            for _ in range(3):
                conn.cancel(order_id, CancelRequest())
    finally:
        writer.faults.rate_limit = 0
    assert info.value.retry_after == 1.0 and info.value.transient


def test_server_error_on_a_write_has_an_unknown_outcome(
    writer: SandboxServer, conn: Price2bConnector
) -> None:
    writer.faults.fail_rate = 1.0
    try:
        with pytest.raises(ServerErrorAfterWrite) as info:
            conn.update("5001", OrderUpdate(notes="x"))
    finally:
        writer.faults.fail_rate = 0.0
    assert info.value.unknown_outcome and info.value.transient


def test_dropped_answer_is_unknown_outcome_but_applied(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    order_id = pick()
    writer.faults.drop_after_commit = 1
    with pytest.raises(UnknownOutcome):
        conn.ship(
            order_id,
            ShipRequest(carrier="dhl", service="EXPRESS", packages=[Package(weight=Decimal(2))]),
        )
    (effect,) = _effects(writer, "shipment", order_id)
    order = conn.get_order(order_id)
    assert order.fulfillment_status == FulfillmentStatus.FULFILLED
    shipment = order.shipments[-1]
    assert shipment.tracking_number == effect["detail"]["tracking_number"]
    assert shipment.id is not None
    label = conn.fetch_label(conn.label_url_for(shipment.id))  # the lost answer's label
    assert shipment.tracking_number in pypdf.PdfReader(io.BytesIO(label)).pages[0].extract_text()


def test_undocumented_operations_are_unsupported(conn: Price2bConnector) -> None:
    assert not CAPABILITIES.supports(Operation.CREATE)
    assert not CAPABILITIES.supports(Operation.BULK_SHIP)
    with pytest.raises(Unsupported):
        conn.create(CreateOrderRequest(lines=[NewOrderLine(sku="SKU-0001", quantity=1)]), "k")
    with pytest.raises(Unsupported) as info:
        conn.bulk_ship([BulkShipItem(order_id="5001", carrier="ups", tracking_number="1")])
    assert "one by one" in info.value.user_message
    assert CAPABILITIES.returns_label and CAPABILITIES.partial_shipment


# -- the parser under hostile payloads --------------------------------------------------------

DETAIL: dict[str, Any] = {
    "id": 5001,
    "order_number": "ORD-2026-001234",
    "channel": "amazon",
    "channel_order_id": "114-1234567-1234567",
    "status": "processing",
    "fulfillment_status": "unfulfilled",
    "customer": {"name": "Juan Pérez", "email": "juan@example.com", "phone": "+54-11-4000-0000"},
    "billing_address": {
        "name": "Juan Pérez",
        "address1": "Av. Corrientes 1234",
        "city": "Buenos Aires",
        "state": "C",
        "postal_code": "C1043",
        "country": "AR",
    },
    "shipping_address": {
        "name": "Juan Pérez",
        "address1": "Av. Corrientes 1234",
        "city": "Buenos Aires",
        "state": "C",
        "postal_code": "C1043",
        "country": "AR",
    },
    "items": [
        {
            "id": 10001,
            "product_id": 12345,
            "sku": "PROD-001",
            "name": "Wireless Headphones",
            "quantity": 2,
            "quantity_fulfilled": 0,
            "price": 49.99,
            "currency": "USD",
            "weight": 0.25,
        }
    ],
    "totals": {
        "subtotal": 99.98,
        "shipping": 15.00,
        "discount": 0.00,
        "tax": 0.00,
        "total": 114.98,
        "currency": "USD",
    },
    "shipments": [
        {
            "id": 12345,
            "tracking_number": "794644790303",
            "carrier": "fedex",
            "service": "INTERNATIONAL_ECONOMY",
            "status": "in_transit",
            "items": [{"order_item_id": 10001, "sku": "PROD-001", "quantity": 2}],
            "created_at": "2026-01-31T10:00:00Z",
        }
    ],
    "timeline": [
        {
            "event": "order_created",
            "timestamp": "2026-01-20T14:30:00Z",
            "description": "Order received from Amazon",
        }
    ],
    "notes": None,
    "created_at": "2026-01-20T14:30:00Z",
    "updated_at": "2026-01-20T14:35:00Z",
}

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.just("x" * 50_000)
    | st.sampled_from(["", "2026-13-45T99:00:00Z", "NaN", "1e999", "-3", "shipped", "partial"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*prefix, index))
    return out


@settings(max_examples=200, deadline=None)
@given(st.data(), st.booleans())
def test_hostile_payloads_parse_or_raise_bad_response(data: st.DataObject, summary: bool) -> None:
    payload = copy.deepcopy(DETAIL)
    for _ in range(data.draw(st.integers(1, 4))):
        paths = _paths(payload)
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent = payload
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(_json)
    try:
        order = parse_order(payload, summary=summary)
    except BadResponse as exc:
        assert exc.user_message
        return
    assert isinstance(order, Order)


@settings(max_examples=200, deadline=None)
@given(_json)
def test_any_json_is_an_order_shipment_or_bad_response(value: Any) -> None:
    for parse in (parse_order, parse_shipment):
        with contextlib.suppress(BadResponse):
            parse(value)


def test_the_seed_payload_parses_fully() -> None:
    order = parse_order(DETAIL)
    assert order.id == "5001" and order.number == "ORD-2026-001234"
    assert order.status == OrderStatus.PROCESSING and order.api_status is None
    assert order.total == Decimal("114.98") and order.shipping == Decimal("15.0")
    assert order.lines[0].weight == Decimal("0.25") and order.lines[0].id == "10001"
    assert order.ship_to is not None and order.ship_to.line1 == "Av. Corrientes 1234"
    assert order.shipments[0].lines[0].line_id == "10001"
    assert order.timeline[0].kind == "order_created"


def test_unknown_status_is_kept_visible() -> None:
    order = parse_order({**DETAIL, "status": "on_hold"})
    assert order.status == OrderStatus.UNKNOWN and order.api_status == "on_hold"


def test_numbers_as_strings_and_missing_optional_fields_are_accepted() -> None:
    payload = {
        "id": "5002",
        "status": "Shipped",
        "created_at": "2026-01-20T14:30:00+02:00",
        "fulfillment_status": "fulfilled",
        "items": [{"id": "7", "quantity": "3", "price": "1.10"}],
        "totals": {"total": "3.30"},
    }
    order = parse_order(payload, summary=True)
    assert order.status == OrderStatus.SHIPPED and order.number == "5002"
    assert order.lines[0].quantity == 3 and order.lines[0].quantity_fulfilled == 3
    assert order.total == Decimal("3.30") and order.updated_at == order.created_at
    assert order.created_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": None}, "id"),
        ({"status": 3}, "status"),
        ({"created_at": "soon"}, "created_at"),
        ({"items": "many"}, "items"),
        ({"totals": {"total": "lots"}}, "totals.total"),
        ({"items": [{"id": 1, "quantity": "two"}]}, "items[0].quantity"),
        ({"items": ["one"]}, "items[0]"),
        ({"shipping_address": {"city": ["Lima"]}}, "shipping_address.city"),
        # Read, then refused by the order model: still named, in the order's own terms.
        ({"items": [{"id": 1, "quantity": 5_000_000}]}, "lines[0].quantity"),
    ],
)
def test_unusable_payload_names_the_order_and_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(BadResponse) as info:
        parse_order({**DETAIL, **changes})
    assert info.value.field == field
    if changes.get("id", 0) is not None:
        assert info.value.order_id == "5001"


def test_every_package_sent_lists_its_items(
    writer: SandboxServer, conn: Price2bConnector, pick: Callable[..., str]
) -> None:
    """Seed 001: ``packages`` are "Package details with dimensions and items"; a lone parcel
    with only a weight used to go out without ``items``."""
    order_id = pick(min_lines=2)
    order = conn.get_order(order_id)
    result = conn.ship(
        order_id,
        ShipRequest(carrier="fedex", service="GROUND", packages=[Package(weight=Decimal("1.2"))]),
    )
    journal = httpx.get(writer.root_url + "/_sandbox/journal", headers=writer.auth_headers).json()[
        "requests"
    ]
    sent = next(r for r in reversed(journal) if r["path"].endswith(f"/{order_id}/ship"))
    (package,) = json.loads(sent["body"])["packages"]
    assert {(str(i["order_item_id"]), i["quantity"]) for i in package["items"]} == {
        (ln.id, ln.remaining) for ln in order.lines if ln.remaining
    }
    assert result.shipment is not None
    assert {(sl.line_id, sl.quantity) for sl in result.shipment.lines} == {
        (ln.id, ln.remaining) for ln in order.lines if ln.remaining
    }


# -- what the shared field readers decide (seed 001) ------------------------------------------


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"quantity": -1}, "items[0].quantity"),
        ({"weight": -0.25}, "items[0].weight"),
        ({"quantity": None}, "items[0].quantity"),
    ],
)
def test_a_negative_or_missing_quantity_and_a_negative_weight_name_the_item(
    item: dict[str, Any], field: str
) -> None:
    payload = copy.deepcopy(DETAIL)
    payload["items"][0].update(item)
    with pytest.raises(BadResponse) as info:
        parse_order(payload)
    assert info.value.field == field and info.value.order_id == "5001"


def test_a_whole_quantity_written_with_a_decimal_point_is_read() -> None:
    payload = copy.deepcopy(DETAIL)
    payload["items"][0]["quantity"] = "2.0"
    assert parse_order(payload).lines[0].quantity == 2


def test_dates_carry_their_offset_and_an_empty_one_is_absent() -> None:
    with pytest.raises(BadResponse) as info:
        parse_order({**DETAIL, "created_at": "2026-01-20T14:30:00"})
    assert info.value.field == "created_at" and "offset" in str(info.value)
    order = parse_order({**DETAIL, "updated_at": ""})
    assert order.updated_at == order.created_at
