"""Contract tests: the Inventory Cloud connector against its sandbox over a loopback socket
(list, every documented filter, full paging, get by walking the list, create with stock and
its errors, what it refuses), plus a property test of its parser against hostile payloads."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import ListQuery, Operation
from fulfillment_station.connectors.errors import (
    AuthenticationError,
    BadResponse,
    NotFound,
    OutOfStock,
    ServerError,
    ServerErrorAfterWrite,
    UnknownOutcome,
    Unsupported,
    ValidationFailed,
)
from fulfillment_station.connectors.inventory_cloud import (
    CAPABILITIES,
    InventoryCloudConnector,
    parse_order,
)
from fulfillment_station.domain import Address, FulfillmentStatus, Order, OrderStatus
from fulfillment_station.domain.requests import (
    CancelRequest,
    CreateOrderRequest,
    NewOrderLine,
    OrderUpdate,
    ShipRequest,
)
from fulfillment_station.sandbox.dialects.inventory_cloud import initial_stock
from fulfillment_station.sandbox.server import SandboxServer

TOKEN = "ic-connector-token"
SEED = 9
STOCK = initial_stock(SEED)
SOLD_OUT = [sku for sku, n in STOCK.items() if n == 0]
PLENTY = [sku for sku, n in STOCK.items() if n >= 20]


def _no_sleep(_: float) -> None:
    return None


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("ic-big") / "sandbox.sqlite"
    with SandboxServer("inventory-cloud", db_path=db, token=TOKEN, orders=2000, seed=SEED) as srv:
        yield srv


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("ic-small") / "sandbox.sqlite"
    with SandboxServer("inventory-cloud", db_path=db, token=TOKEN, orders=120, seed=SEED) as srv:
        yield srv


@pytest.fixture
def conn(small: SandboxServer) -> Iterator[InventoryCloudConnector]:
    connector = connect("inventory-cloud", small.base_url, TOKEN, sleep=_no_sleep)
    assert isinstance(connector, InventoryCloudConnector)
    with connector:
        yield connector


def _request(*lines: tuple[str, int], **fields: Any) -> CreateOrderRequest:
    fields.setdefault("customer_id", "CUST-T9")
    return CreateOrderRequest(lines=[NewOrderLine(sku=s, quantity=q) for s, q in lines], **fields)


# -- reads ------------------------------------------------------------------------------------


@pytest.mark.integration
def test_full_paging_of_2000_orders_has_no_gaps_or_repeats(big: SandboxServer) -> None:
    progress: list[tuple[int, int | None]] = []
    with connect("inventory-cloud", big.base_url, TOKEN) as connector:
        orders = connector.list_orders(progress=lambda n, t: progress.append((n, t)))
    ids = [o.id for o in orders]
    assert len(ids) == len(set(ids)) == 2000
    assert set(ids) == {r.order.id for r in big.db.query()}
    assert progress[-1] == (2000, 2000) and len(progress) == 20  # pages of 100
    assert [o.created_at for o in orders] == sorted((o.created_at for o in orders), reverse=True)


@pytest.mark.integration
def test_orders_map_to_the_canonical_model(
    conn: InventoryCloudConnector, small: SandboxServer
) -> None:
    for order in conn.list_orders():
        stored = small.db.get(order.id)
        assert stored is not None
        assert order.number == stored.order.number and order.dialect == "inventory-cloud"
        assert order.status == stored.order.status
        assert order.total == stored.order.total and order.tax == stored.order.tax
        assert order.currency == stored.order.currency
        assert abs((order.created_at - stored.order.created_at).total_seconds()) < 0.001
        if order.status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED):
            assert order.fulfillment_status == FulfillmentStatus.FULFILLED
            assert order.shipments[0].tracking_number == stored.order.shipments[-1].tracking_number
            assert order.shipments[0].carrier == stored.order.shipments[0].carrier
        partly = stored.order.fulfillment_status == FulfillmentStatus.PARTIAL
        assert (order.fulfillment_status == FulfillmentStatus.PARTIAL) == partly
        assert order.lines == []  # the API has no line items
        assert order.raw is not None and order.raw["id"] == order.id


@pytest.mark.integration
@pytest.mark.parametrize("status", ["pending", "processing", "shipped", "delivered", "cancelled"])
def test_status_filter(conn: InventoryCloudConnector, small: SandboxServer, status: str) -> None:
    orders = conn.list_orders(ListQuery(status=OrderStatus(status)))
    assert {o.id for o in orders} == {r.order.id for r in small.db.query([("status = ?", status)])}
    assert all(o.status == OrderStatus(status) for o in orders)


@pytest.mark.integration
def test_a_status_the_api_never_reports_matches_nothing(conn: InventoryCloudConnector) -> None:
    assert conn.list_orders(ListQuery(status=OrderStatus.CONFIRMED)) == []


@pytest.mark.integration
def test_customer_filter(conn: InventoryCloudConnector, small: SandboxServer) -> None:
    customer = small.db.query(limit=1)[0].extra["customer_id"]
    orders = conn.list_orders(ListQuery(customer_id=customer))
    assert orders and {o.id for o in orders} == {
        r.order.id for r in small.db.query([("customer_id = ?", customer)])
    }


def test_filters_the_api_lacks_are_refused_not_ignored(conn: InventoryCloudConnector) -> None:
    with pytest.raises(Unsupported, match="Inventory Cloud's API cannot filter by channel"):
        conn.list_orders(ListQuery(channel="web"))


@pytest.mark.integration
def test_get_order_walks_the_list(conn: InventoryCloudConnector, small: SandboxServer) -> None:
    oldest = small.db.query(order_by="seq ASC", limit=1)[0].order
    order = conn.get_order(oldest.id)
    assert order.id == oldest.id and order.number == oldest.number
    with pytest.raises(NotFound):
        conn.get_order("ord_NOSUCH00")


@pytest.mark.integration
def test_check_reports_the_order_count(conn: InventoryCloudConnector, small: SandboxServer) -> None:
    report = conn.check()
    assert report.ok and report.orders_visible == small.db.count_all()


@pytest.mark.integration
def test_wrong_token_is_an_authentication_error(small: SandboxServer) -> None:
    with connect("inventory-cloud", small.base_url, "wrong", sleep=_no_sleep) as connector:
        with pytest.raises(AuthenticationError) as info:
            connector.list_orders()
        assert info.value.code == "INVALID_AUTH" and "wrong" not in str(info.value)
        report = connector.check()
    assert report.reachable and not report.authenticated


@pytest.mark.integration
def test_server_errors_on_reads_are_retried_then_reported(small: SandboxServer) -> None:
    slept: list[float] = []
    with connect("inventory-cloud", small.base_url, TOKEN, sleep=slept.append) as connector:
        small.faults.fail_rate = 1.0
        try:
            with pytest.raises(ServerError) as info:
                connector.list_orders()
        finally:
            small.faults.fail_rate = 0.0
    assert info.value.transient and len(slept) == 4  # five attempts


# -- create -----------------------------------------------------------------------------------


@pytest.mark.integration
def test_create_returns_the_new_order_and_can_be_found_again(
    conn: InventoryCloudConnector, small: SandboxServer
) -> None:
    ship_to = Address(
        name="Jürgen Müller",
        line1="Hauptstraße 5",
        city="München",
        postal_code="80331",
        country="DE",
    )
    order = conn.create(_request((PLENTY[0], 3), currency="EUR", ship_to=ship_to), "idem-1")
    assert isinstance(order, Order)
    assert order.status == OrderStatus.PENDING and order.currency == "EUR"
    assert order.payment_status == "authorized" and order.total > Decimal("0")
    stored = small.db.get(order.id)
    assert stored is not None and stored.order.ship_to == ship_to
    assert stored.extra["customer_id"] == "CUST-T9"
    assert [ln.quantity for ln in stored.order.lines] == [3]
    found = conn.find_by_external_id("idem-1")
    assert found is not None and found.id == order.id
    assert conn.find_by_external_id("idem-never-sent") is None


@pytest.mark.integration
def test_external_reference_wins_over_the_idempotency_key(conn: InventoryCloudConnector) -> None:
    order = conn.create(_request((PLENTY[1], 1), external_reference="ERP-77"), "idem-2")
    assert order.raw is not None and order.raw["external_id"] == "ERP-77"


@pytest.mark.integration
def test_out_of_stock_is_typed_and_names_the_skus(
    conn: InventoryCloudConnector, small: SandboxServer
) -> None:
    before = small.db.count_all()
    with pytest.raises(OutOfStock) as info:
        conn.create(_request((PLENTY[2], 1), (SOLD_OUT[0], 2)), "idem-3")
    assert info.value.skus == [SOLD_OUT[0]]
    assert info.value.status == 422 and not info.value.transient
    assert SOLD_OUT[0] in str(info.value)
    assert small.db.count_all() == before


@pytest.mark.integration
def test_unknown_sku_is_a_validation_error(conn: InventoryCloudConnector) -> None:
    with pytest.raises(ValidationFailed) as info:
        conn.create(_request(("NOT-A-SKU", 1)), "idem-4")
    assert info.value.code == "VALIDATION_ERROR"


def test_create_without_customer_is_refused_before_sending(
    conn: InventoryCloudConnector, small: SandboxServer
) -> None:
    writes = len(small.db.journal()["requests"])
    with pytest.raises(ValidationFailed, match="customer id"):
        conn.create(_request((PLENTY[0], 1), customer_id=None), "idem-5")
    assert len(small.db.journal()["requests"]) == writes


@pytest.mark.integration
def test_a_lost_answer_is_unknown_outcome_and_the_order_can_be_found(
    conn: InventoryCloudConnector, small: SandboxServer
) -> None:
    small.faults.drop_after_commit = 1
    with pytest.raises(UnknownOutcome):
        conn.create(_request((PLENTY[3], 1)), "idem-lost")
    found = conn.find_by_external_id("idem-lost")
    assert found is not None
    effects = [e for e in small.db.journal()["effects"] if e["order_id"] == found.id]
    assert [e["kind"] for e in effects] == ["create"]


@pytest.mark.integration
def test_a_5xx_to_create_leaves_the_outcome_open(
    conn: InventoryCloudConnector, small: SandboxServer
) -> None:
    small.faults.fail_rate = 1.0
    try:
        with pytest.raises(ServerErrorAfterWrite) as info:
            conn.create(_request((PLENTY[4], 1)), "idem-5xx")
    finally:
        small.faults.fail_rate = 0.0
    assert info.value.unknown_outcome


# -- what the API cannot do -------------------------------------------------------------------


def test_capabilities_are_list_get_and_create_only() -> None:
    supported = {op for op in Operation if CAPABILITIES.supports(op)}
    assert supported == {Operation.LIST, Operation.GET, Operation.CREATE}
    assert not CAPABILITIES.carries_tracking and CAPABILITIES.max_page_size == 100
    for op in set(Operation) - supported:
        assert CAPABILITIES.why_not(op).startswith("Inventory Cloud's API has no endpoint to")


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.ship("ord_X", ShipRequest(carrier="UPS", tracking_number="1Z")),
        lambda c: c.cancel("ord_X", CancelRequest(reason="customer")),
        lambda c: c.update("ord_X", OrderUpdate(notes="n")),
        lambda c: c.list_shipments("ord_X"),
    ],
)
def test_undocumented_operations_raise_unsupported_without_a_request(
    conn: InventoryCloudConnector, small: SandboxServer, call: Any
) -> None:
    before = len(small.db.journal()["requests"])
    with pytest.raises(Unsupported) as info:
        call(conn)
    assert info.value.user_message.startswith("Inventory Cloud's API has no endpoint to")
    assert len(small.db.journal()["requests"]) == before


# -- hostile payloads -------------------------------------------------------------------------

VALID = {
    "id": "ord_01JGK9",
    "number": "BS-10024",
    "external_id": "9928120",
    "created_at": "2026-01-02T03:04:05Z",
    "currency": "USD",
    "total_amount": 245.0,
    "tax_amount": 12.5,
    "payment_status": "captured",
    "status": "processing",
    "shipping_method": "fedex_ground",
    "tracking_number": None,
}

hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.just("\u00e9" * 100_000),
    st.sampled_from(
        [
            "",
            "shipped",
            "SHIPPED",
            "on_hold",
            "2026-13-45",
            "12.50",
            "1e400",
            "-5",
            "0001-01-01T00:00:00+05:00",
            "2026-01-02T03:04:05",
            "nan",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@settings(max_examples=200, deadline=None)
@given(
    mutations=st.dictionaries(st.sampled_from(sorted(VALID)), hostile, max_size=5),
    dropped=st.sets(st.sampled_from(sorted(VALID)), max_size=4),
    extra=st.dictionaries(st.text(max_size=8), hostile, max_size=2),
)
def test_parser_only_ever_fails_with_bad_response(
    mutations: dict[str, Any], dropped: set[str], extra: dict[str, Any]
) -> None:
    payload = {**extra, **VALID, **mutations}
    for key in dropped:
        payload.pop(key, None)
    try:
        order = parse_order(payload)
    except BadResponse as exc:
        assert exc.user_message and str(exc)
        return
    assert isinstance(order, Order)
    order.to_json()  # what the app stores must serialise


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=8,
    )
)
def test_parser_survives_any_json(payload: Any) -> None:
    try:
        result: object = parse_order(payload)
    except BadResponse as exc:
        result = exc
    assert isinstance(result, Order | BadResponse)


def test_unknown_status_is_kept_visible() -> None:
    order = parse_order({**VALID, "status": "on_hold", "total_amount": "245.00"})
    assert order.status == OrderStatus.UNKNOWN and order.api_status == "on_hold"
    assert order.total == Decimal("245.00")


def test_missing_required_field_names_it() -> None:
    payload = {k: v for k, v in VALID.items() if k != "total_amount"}
    with pytest.raises(BadResponse) as info:
        parse_order(payload)
    assert info.value.field == "total_amount" and "ord_01JGK9" in str(info.value)


# -- what the shared field readers decide (seed 003) ------------------------------------------


def test_a_status_is_one_of_the_seeds_words_never_a_number() -> None:
    with pytest.raises(BadResponse) as info:
        parse_order({**VALID, "status": 2})
    assert info.value.field == "status" and info.value.order_id == "ord_01JGK9"


def test_a_date_without_an_offset_is_utc() -> None:
    order = parse_order({**VALID, "created_at": "2026-01-02T03:04:05"})
    assert order.created_at.isoformat() == "2026-01-02T03:04:05+00:00"
