"""Workflow rules: transitions, what may be shipped, fulfillment status from lines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fulfillment_station.domain import (
    FulfillmentStatus,
    InvalidTransition,
    LineItem,
    NotShippable,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
)
from fulfillment_station.domain.workflow import (
    TRANSITIONS,
    apply_cancel,
    apply_shipment,
    apply_status,
    can_transition,
    check_shipment,
    derive_fulfillment_status,
)

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def make_order(
    status: OrderStatus = OrderStatus.PROCESSING, fulfilled: tuple[int, int] = (0, 0)
) -> Order:
    lines = [
        LineItem(id="a", sku="A", quantity=2, quantity_fulfilled=fulfilled[0]),
        LineItem(id="b", sku="B", quantity=3, quantity_fulfilled=fulfilled[1]),
    ]
    return Order(
        id="o1",
        number="N1",
        dialect="nexus",
        status=status,
        lines=lines,
        fulfillment_status=derive_fulfillment_status(lines),
        created_at=NOW,
        updated_at=NOW,
    )


def test_every_status_has_a_rule_and_terminal_states_go_nowhere() -> None:
    assert set(TRANSITIONS) == set(OrderStatus)
    assert not TRANSITIONS[OrderStatus.CANCELLED]
    assert not TRANSITIONS[OrderStatus.UNKNOWN]
    assert can_transition(OrderStatus.PROCESSING, OrderStatus.SHIPPED)
    assert not can_transition(OrderStatus.SHIPPED, OrderStatus.PROCESSING)
    assert not can_transition(OrderStatus.CANCELLED, OrderStatus.SHIPPED)


def test_partial_then_full_shipment() -> None:
    order = make_order()
    part = apply_shipment(
        order,
        Shipment(
            carrier="UPS", tracking_number="1Z1", lines=[ShipmentLine(line_id="b", quantity=1)]
        ),
        NOW,
    )
    assert part.fulfillment_status is FulfillmentStatus.PARTIAL
    assert part.status is OrderStatus.PROCESSING
    assert part.line("b").remaining == 2  # type: ignore[union-attr]
    rest = apply_shipment(part, Shipment(carrier="UPS", tracking_number="1Z2"), NOW)
    assert rest.fulfillment_status is FulfillmentStatus.FULFILLED
    assert rest.status is OrderStatus.SHIPPED
    assert [(s.line_id, s.quantity) for s in rest.shipments[1].lines] == [("a", 2), ("b", 2)]
    assert [e.kind for e in rest.timeline] == ["shipment", "shipment"]


def test_cannot_ship_more_than_remains() -> None:
    order = make_order(fulfilled=(1, 0))
    with pytest.raises(NotShippable) as info:
        check_shipment(order, {"a": 2})
    assert info.value.field == "lines[a].quantity"


def test_unknown_line_and_nothing_left() -> None:
    with pytest.raises(NotShippable, match="no line"):
        check_shipment(make_order(), {"zzz": 1})
    done = make_order(status=OrderStatus.PROCESSING, fulfilled=(2, 3))
    with pytest.raises(NotShippable, match="nothing is left"):
        check_shipment(done)


@pytest.mark.parametrize(
    "status",
    [OrderStatus.CANCELLED, OrderStatus.SHIPPED, OrderStatus.UNKNOWN, OrderStatus.DELIVERED],
)
def test_nothing_ships_from_a_closed_or_unreadable_status(status: OrderStatus) -> None:
    with pytest.raises(NotShippable) as info:
        check_shipment(make_order(status=status))
    assert info.value.field == "status"


def test_fulfillment_status_follows_lines() -> None:
    assert derive_fulfillment_status(make_order().lines) is FulfillmentStatus.UNFULFILLED
    assert (
        derive_fulfillment_status(make_order(fulfilled=(1, 0)).lines) is FulfillmentStatus.PARTIAL
    )
    assert (
        derive_fulfillment_status(make_order(fulfilled=(2, 3)).lines) is FulfillmentStatus.FULFILLED
    )
    assert derive_fulfillment_status([]) is FulfillmentStatus.UNFULFILLED


def test_cancel_rules() -> None:
    cancelled = apply_cancel(make_order(), "CustomerRequest", NOW)
    assert cancelled.status is OrderStatus.CANCELLED
    assert cancelled.timeline[-1].message == "Cancelled: CustomerRequest"
    with pytest.raises(InvalidTransition):
        apply_cancel(cancelled, None, NOW)
    with pytest.raises(InvalidTransition, match="already shipped"):
        apply_cancel(make_order(fulfilled=(1, 0)), None, NOW)


def test_status_change_to_shipped_fulfills_every_line() -> None:
    shipped = apply_status(make_order(), OrderStatus.SHIPPED, NOW)
    assert shipped.fulfillment_status is FulfillmentStatus.FULFILLED
    assert all(line.remaining == 0 for line in shipped.lines)
    with pytest.raises(InvalidTransition):
        apply_status(shipped, OrderStatus.PROCESSING, NOW)
