"""Contract tests: the Generic REST connector against its sandbox over a loopback socket
(list with its filters, full paging, incremental sync by updatedAt, get, ship as a status
change, cancel, update, create, every documented error), plus a property test of its parser
against hostile payloads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
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
    InvalidTransition,
    NotFound,
    UnknownOutcome,
    Unsupported,
    ValidationFailed,
)
from fulfillment_station.connectors.generic_rest import (
    CAPABILITIES,
    NO_TRACKING,
    GenericRestConnector,
    parse_list,
    parse_order,
)
from fulfillment_station.domain import Address, FulfillmentStatus, Order, OrderStatus
from fulfillment_station.domain.requests import (
    CancelRequest,
    CreateOrderRequest,
    FulfillRequest,
    NewOrderLine,
    OrderUpdate,
    ShipRequest,
)
from fulfillment_station.sandbox.server import SandboxServer

TOKEN = "generic-connector-token"
UPS = ShipRequest(carrier="UPS", service="Ground", tracking_number="1Z999AA10123456784")


def _no_sleep(_: float) -> None:
    return None


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("gr-big") / "sandbox.sqlite"
    with SandboxServer("generic-rest", db_path=db, token=TOKEN, orders=2000, seed=4) as srv:
        yield srv


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("gr-small") / "sandbox.sqlite"
    with SandboxServer("generic-rest", db_path=db, token=TOKEN, orders=150, seed=4) as srv:
        yield srv


@pytest.fixture
def conn(small: SandboxServer) -> Iterator[GenericRestConnector]:
    connector = connect("generic-rest", small.base_url, TOKEN, sleep=_no_sleep)
    assert isinstance(connector, GenericRestConnector)
    with connector:
        yield connector


@pytest.fixture(scope="module")
def take(small: SandboxServer) -> Callable[..., str]:
    """Hands each writing test an order no other test touches."""
    used: set[str] = set()

    def pick(status: str, min_lines: int = 1) -> str:
        for row in small.db.query([("status = ?", status)]):
            if row.order.id not in used and len(row.order.lines) >= min_lines:
                used.add(row.order.id)
                return row.order.id
        raise LookupError(f"no unused {status} order left")

    return pick


def _effects(server: SandboxServer, order_id: str) -> list[str]:
    return [e["kind"] for e in server.db.journal()["effects"] if e["order_id"] == order_id]


# -- reads ------------------------------------------------------------------------------------


@pytest.mark.integration
def test_full_paging_of_2000_orders_has_no_gaps_or_repeats(big: SandboxServer) -> None:
    with connect("generic-rest", big.base_url, TOKEN) as connector:
        orders = connector.list_orders()
    ids = [o.id for o in orders]
    assert len(ids) == len(set(ids)) == 2000
    assert set(ids) == {r.order.id for r in big.db.query()}
    assert [o.created_at for o in orders] == sorted((o.created_at for o in orders), reverse=True)


@pytest.mark.integration
def test_orders_map_to_the_canonical_model(
    conn: GenericRestConnector, small: SandboxServer
) -> None:
    for order in conn.list_orders(ListQuery(page_size=40)):
        stored = small.db.get(order.id)
        assert stored is not None
        assert order.status == stored.order.status and order.total == stored.order.total
        assert order.currency == stored.order.currency
        assert [ln.quantity for ln in order.lines] == [ln.quantity for ln in stored.order.lines]
        assert [ln.unit_price for ln in order.lines] == [ln.unit_price for ln in stored.order.lines]
        assert all(ln.id == ln.sku and ln.id.startswith("PROD") for ln in order.lines)
        assert abs((order.created_at - stored.order.created_at).total_seconds()) < 1
        shipped = order.status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED)
        assert (order.fulfillment_status == FulfillmentStatus.FULFILLED) == shipped
        assert order.ship_to is None  # the list carries no address
        assert order.raw is not None and order.raw["customerId"] == stored.extra["customer_id"]


@pytest.mark.integration
@pytest.mark.parametrize("status", ["pending", "processing", "shipped", "delivered", "cancelled"])
def test_status_filter(conn: GenericRestConnector, small: SandboxServer, status: str) -> None:
    orders = conn.list_orders(ListQuery(status=OrderStatus(status)))
    assert {o.id for o in orders} == {r.order.id for r in small.db.query([("status = ?", status)])}


@pytest.mark.integration
def test_updated_since_returns_exactly_the_orders_changed_since(
    conn: GenericRestConnector, small: SandboxServer
) -> None:
    newest = small.db.query(order_by="updated_key DESC", limit=30)
    since = newest[-1].order.updated_at
    expected = {
        r.order.id for r in small.db.query() if r.order.updated_at >= since.replace(microsecond=0)
    }
    orders = conn.list_orders(ListQuery(updated_since=since, page_size=7))
    assert {o.id for o in orders} == expected
    assert len(orders) == len(expected)


@pytest.mark.integration
def test_updated_since_sees_a_fresh_write(
    conn: GenericRestConnector, take: Callable[[str], str]
) -> None:
    order_id = take("processing")
    since = datetime.now(UTC) - timedelta(seconds=1)
    conn.ship(order_id, UPS)
    changed = conn.list_orders(ListQuery(updated_since=since))
    assert order_id in {o.id for o in changed}
    assert all(o.updated_at >= since.replace(microsecond=0) for o in changed)


def test_filters_the_api_lacks_are_refused(conn: GenericRestConnector) -> None:
    with pytest.raises(Unsupported, match="cannot filter by customer"):
        conn.list_orders(ListQuery(customer_id="CUST1"))


@pytest.mark.integration
def test_get_order_has_the_address(conn: GenericRestConnector, small: SandboxServer) -> None:
    stored = small.db.query(limit=1)[0]
    order = conn.get_order(stored.order.id)
    assert order.id == stored.order.id and order.ship_to is not None
    assert order.ship_to.city == stored.order.ship_to.city  # type: ignore[union-attr]
    assert order.ship_to.postal_code == stored.order.ship_to.postal_code  # type: ignore[union-attr]


@pytest.mark.integration
def test_unknown_order_is_not_found(conn: GenericRestConnector) -> None:
    with pytest.raises(NotFound) as info:
        conn.get_order("ORD999999999")
    assert info.value.code == "NOT_FOUND" and "ORD999999999" in info.value.api_message


@pytest.mark.integration
def test_wrong_token_is_an_authentication_error(small: SandboxServer) -> None:
    with connect("generic-rest", small.base_url, "nope", sleep=_no_sleep) as connector:
        with pytest.raises(AuthenticationError) as info:
            connector.get_order("ORD100000001")
        assert info.value.code == "UNAUTHENTICATED"
        assert not connector.check().authenticated


@pytest.mark.integration
def test_check_counts_the_orders(conn: GenericRestConnector, small: SandboxServer) -> None:
    report = conn.check()
    assert report.ok and report.orders_visible == small.db.count_all()


# -- ship -------------------------------------------------------------------------------------


@pytest.mark.integration
def test_ship_marks_the_whole_order_shipped_and_says_tracking_stays_local(
    conn: GenericRestConnector, small: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("processing")
    result = conn.ship(order_id, UPS)
    assert result.order is not None and result.order.status == OrderStatus.SHIPPED
    assert result.order.fulfillment_status == FulfillmentStatus.FULFILLED
    assert result.shipment is None and result.message == NO_TRACKING
    assert _effects(small, order_id) == ["shipment"]
    body = small.db.journal()["requests"][-1]["body"]
    assert "1Z999AA10123456784" not in body  # the API has nowhere to put it
    # Re-sending after an unknown outcome is harmless: no second effect.
    assert conn.ship(order_id, UPS).order.status == OrderStatus.SHIPPED  # type: ignore[union-attr]
    assert _effects(small, order_id) == ["shipment"]


@pytest.mark.integration
def test_ship_with_every_line_in_full_is_allowed(
    conn: GenericRestConnector, take: Callable[[str], str]
) -> None:
    order = conn.get_order(take("pending"))
    result = conn.ship(
        order.id, UPS.model_copy(update={"lines": {ln.id: ln.quantity for ln in order.lines}})
    )
    assert result.order is not None and result.order.status == OrderStatus.SHIPPED


@pytest.mark.integration
def test_partial_ship_is_unsupported_and_sends_nothing(
    conn: GenericRestConnector, small: SandboxServer, take: Callable[..., str]
) -> None:
    order = conn.get_order(take("processing", min_lines=2))
    first = order.lines[0]
    with pytest.raises(Unsupported, match="whole order"):
        conn.ship(order.id, UPS.model_copy(update={"lines": {first.id: first.quantity}}))
    assert _effects(small, order.id) == []


@pytest.mark.integration
@pytest.mark.parametrize("status", ["cancelled", "delivered"])
def test_ship_against_the_rules_is_an_invalid_transition(
    conn: GenericRestConnector, take: Callable[[str], str], status: str
) -> None:
    order_id = take(status)
    with pytest.raises(InvalidTransition) as info:
        conn.ship(order_id, UPS)
    assert info.value.code == "BAD_REQUEST" and info.value.order_id == order_id


@pytest.mark.integration
def test_a_lost_answer_to_ship_is_unknown_but_applied(
    conn: GenericRestConnector, small: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("processing")
    small.faults.drop_after_commit = 1
    with pytest.raises(UnknownOutcome):
        conn.ship(order_id, UPS)
    assert conn.get_order(order_id).status == OrderStatus.SHIPPED
    assert _effects(small, order_id) == ["shipment"]


def test_fulfill_and_bulk_ship_are_unsupported(conn: GenericRestConnector) -> None:
    with pytest.raises(Unsupported, match="use Ship"):
        conn.fulfill("ORD1", FulfillRequest())
    with pytest.raises(Unsupported):
        conn.bulk_ship([])


# -- cancel, update, create -------------------------------------------------------------------


@pytest.mark.integration
def test_cancel_is_a_delete(
    conn: GenericRestConnector, small: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("pending")
    assert conn.cancel(order_id, CancelRequest(reason="customer asked")) is None
    assert conn.get_order(order_id).status == OrderStatus.CANCELLED
    assert _effects(small, order_id) == ["cancel"]
    assert small.db.journal()["requests"][-1]["method"] == "DELETE"


@pytest.mark.integration
def test_cancel_of_a_shipped_order_is_an_invalid_transition(
    conn: GenericRestConnector, take: Callable[[str], str]
) -> None:
    order_id = take("shipped")
    with pytest.raises(InvalidTransition) as info:
        conn.cancel(order_id, CancelRequest())
    assert "already been shipped" in info.value.api_message


@pytest.mark.integration
def test_cancel_of_an_unknown_order_is_not_found(conn: GenericRestConnector) -> None:
    with pytest.raises(NotFound):
        conn.cancel("ORD999999999", CancelRequest())


@pytest.mark.integration
def test_update_address_and_status(
    conn: GenericRestConnector, small: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("processing")
    ship_to = Address(
        line1="Königsallee 1",
        line2="3. OG",
        city="Köln",
        region="NW",
        postal_code="50667",
        country="DE",
    )
    order = conn.update(order_id, OrderUpdate(ship_to=ship_to))
    assert order is not None and order.ship_to is not None
    assert order.ship_to.line1 == "Königsallee 1, 3. OG" and order.ship_to.city == "Köln"
    delivered_id = take("shipped")
    delivered = conn.update(delivered_id, OrderUpdate(status=OrderStatus.DELIVERED))
    assert delivered is not None and delivered.status == OrderStatus.DELIVERED
    assert _effects(small, order_id) == ["update"] and _effects(small, delivered_id) == ["update"]


@pytest.mark.integration
def test_update_against_the_rules_is_an_invalid_transition(
    conn: GenericRestConnector, take: Callable[[str], str]
) -> None:
    with pytest.raises(InvalidTransition):
        conn.update(take("cancelled"), OrderUpdate(status=OrderStatus.PROCESSING))


def test_updates_the_api_cannot_carry_are_unsupported(conn: GenericRestConnector) -> None:
    with pytest.raises(Unsupported, match="notes"):
        conn.update("ORD1", OrderUpdate(notes="fragile"))
    with pytest.raises(Unsupported, match="completed"):
        conn.update("ORD1", OrderUpdate(status=OrderStatus.COMPLETED))


@pytest.mark.integration
def test_create(conn: GenericRestConnector, small: SandboxServer) -> None:
    order = conn.create(
        CreateOrderRequest(
            customer_id="CUST98765",
            lines=[
                NewOrderLine(sku="PROD001", quantity=1),
                NewOrderLine(sku="X", quantity=2, product_id="PROD004"),
            ],
            ship_to=Address(
                line1="123 Main St", city="Anytown", region="CA", postal_code="90210", country="US"
            ),
        ),
        "idem-1",
    )
    assert order.status == OrderStatus.PENDING
    assert [(ln.id, ln.quantity) for ln in order.lines] == [("PROD001", 1), ("PROD004", 2)]
    assert order.total == sum(ln.unit_price * ln.quantity for ln in order.lines)
    assert order.ship_to is not None and order.ship_to.postal_code == "90210"
    assert _effects(small, order.id) == ["create"]


@pytest.mark.integration
def test_create_with_an_unknown_product_is_a_validation_error(conn: GenericRestConnector) -> None:
    with pytest.raises(ValidationFailed) as info:
        conn.create(
            CreateOrderRequest(customer_id="C1", lines=[NewOrderLine(sku="PROD999", quantity=1)]),
            "k",
        )
    assert info.value.code == "BAD_REQUEST" and "PROD999" in info.value.api_message


def test_create_needs_a_customer_id(conn: GenericRestConnector) -> None:
    with pytest.raises(ValidationFailed, match="customer id"):
        conn.create(CreateOrderRequest(lines=[NewOrderLine(sku="PROD001", quantity=1)]), "k")


def test_capabilities_say_tracking_stays_local() -> None:
    assert not CAPABILITIES.carries_tracking and not CAPABILITIES.partial_shipment
    assert CAPABILITIES.supports(Operation.SHIP) and CAPABILITIES.supports(Operation.CANCEL)
    assert Operation.SHIP in CAPABILITIES.operations
    assert "tracking" in CAPABILITIES.operations[Operation.SHIP].note
    assert not CAPABILITIES.supports(Operation.FULFILL)
    assert CAPABILITIES.updatable_fields == {"ship_to", "status"}


# -- hostile payloads -------------------------------------------------------------------------

VALID = {
    "orderId": "ORD123456789",
    "customerId": "CUST98765",
    "status": "processing",
    "totalAmount": 150.75,
    "currency": "USD",
    "createdAt": "2023-10-27T10:30:00Z",
    "updatedAt": "2023-10-27T10:35:00Z",
    "shippingAddress": {
        "street": "456 Oak Ave",
        "city": "Othertown",
        "state": "NY",
        "zipCode": "10001",
        "country": "USA",
    },
    "items": [
        {"productId": "PROD001", "quantity": 2, "price": 50.00},
        {"productId": "PROD002", "quantity": 1, "price": 50.75},
    ],
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
            "Cancelled",
            "on_hold",
            "2023-02-30T00:00:00Z",
            "12.50",
            "1e999999",
            "-3",
            "9999-12-31T23:59:59-05:00",
            "2023-10-27T10:30:00",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(
        st.sampled_from(["productId", "quantity", "price", "street"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=5), st.floats(allow_nan=True)),
        max_size=3,
    ),
    st.lists(
        st.dictionaries(
            st.sampled_from(["productId", "quantity", "price"]),
            st.one_of(
                st.none(),
                st.integers(),
                st.text(max_size=5),
                st.sampled_from(["1e999999", "2.5", "NaN"]),
            ),
            max_size=3,
        ),
        max_size=3,
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    mutations=st.dictionaries(st.sampled_from(sorted(VALID)), hostile, max_size=5),
    dropped=st.sets(st.sampled_from(sorted(VALID)), max_size=4),
)
def test_parser_only_ever_fails_with_bad_response(
    mutations: dict[str, Any], dropped: set[str]
) -> None:
    payload = {**VALID, **mutations}
    for key in dropped:
        payload.pop(key, None)
    try:
        order = parse_order(payload)
    except BadResponse as exc:
        assert exc.user_message and str(exc)
        return
    assert isinstance(order, Order)
    order.to_json()


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


def test_seed_example_parses_with_numbers_as_strings() -> None:
    order = parse_order(
        {
            **VALID,
            "totalAmount": "150.75",
            "items": [
                {"productId": "PROD001", "quantity": "2", "price": "50.00"},
                {"productId": "PROD001", "quantity": 1, "price": 50.75},
            ],
        }
    )
    assert order.total == Decimal("150.75")
    assert [ln.id for ln in order.lines] == ["PROD001", "PROD001#2"]
    assert order.lines[0].quantity == 2 and order.ship_to is not None
    assert order.ship_to.line1 == "456 Oak Ave" and order.ship_to.postal_code == "10001"


def test_unknown_status_is_kept_visible() -> None:
    order = parse_order({**VALID, "status": "on_hold"})
    assert order.status == OrderStatus.UNKNOWN and order.api_status == "on_hold"


def test_bad_item_names_the_field() -> None:
    with pytest.raises(BadResponse) as info:
        parse_order({**VALID, "items": [{"productId": "P", "quantity": "lots"}]})
    assert info.value.field == "items[0].quantity"


# -- what the shared field readers decide (seed 004) ------------------------------------------


def test_too_many_units_are_refused_by_the_order_in_its_own_terms() -> None:
    items = [{"productId": "P", "quantity": 5_000_000, "price": 1}]
    with pytest.raises(BadResponse) as info:
        parse_order({**VALID, "items": items})
    assert info.value.field == "lines[0].quantity" and info.value.order_id == VALID["orderId"]


def test_a_status_is_one_of_the_seeds_words_never_a_number() -> None:
    with pytest.raises(BadResponse) as info:
        parse_order({**VALID, "status": 1})
    assert info.value.field == "status"


def test_a_blank_update_time_is_the_creation_time() -> None:
    order = parse_order({**VALID, "updatedAt": "  "})
    assert order.updated_at == order.created_at


def test_a_next_offset_must_be_a_whole_number() -> None:
    body = {"data": [], "pagination": {"total": 3, "nextOffset": 2.5}}
    with pytest.raises(BadResponse) as info:
        parse_list(body)
    assert info.value.field == "pagination.nextOffset"
    assert parse_list({"data": [], "pagination": {"nextOffset": "20"}}) == ([], None, 20)
