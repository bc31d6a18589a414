from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from fulfillment_station.connectors.base import Operation
from fulfillment_station.domain.models import (
    Address,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
)
from fulfillment_station.domain.requests import (
    BulkShipItem,
    CancelRequest,
    CreateOrderRequest,
    FulfillRequest,
    NewOrderLine,
    OrderUpdate,
    ShipRequest,
    TrackingInfo,
)
from fulfillment_station.domain.workflow import apply_cancel, apply_shipment, apply_status
from fulfillment_station.services.actions import (
    Action,
    BulkShipRequest,
    bulk_items_missing,
    effect_present,
    needs_baseline,
    shipment_conflict,
)

T0 = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


def make_order(order_id: str = "o1", lines: bool = True) -> Order:
    return Order(
        id=order_id,
        number=f"#{order_id.upper()}",
        dialect="nexus",
        status=OrderStatus.CONFIRMED,
        lines=[LineItem(id="l1", quantity=3), LineItem(id="l2", quantity=1)] if lines else [],
        created_at=T0,
        updated_at=T0,
    )


def ship_action(tracking: str | None = "1Z 999 aa1", **lines: int) -> Action:
    return Action(
        kind=Operation.SHIP,
        connection_id="shop",
        order_id="o1",
        payload=ShipRequest(carrier="UPS", tracking_number=tracking, lines=lines),
    )


def fulfill_action(*numbers: str) -> Action:
    return Action(
        kind=Operation.FULFILL,
        connection_id="shop",
        order_id="o1",
        payload=FulfillRequest(
            shipments=[TrackingInfo(carrier="fedex", tracking_number=n) for n in numbers]
        ),
    )


def shipped(order: Order, tracking: str | None, **lines: int) -> Order:
    shipment = Shipment(
        carrier="UPS",
        tracking_number=tracking,
        lines=[ShipmentLine(line_id=k, quantity=v) for k, v in lines.items()],
    )
    return apply_shipment(order, shipment, T0)


def present(action: Action, before: Order, now: Order | None) -> bool:
    return effect_present(action, {before.id: before}, {before.id: now})


def bulk(*items: tuple[str, str]) -> Action:
    return Action(
        kind=Operation.BULK_SHIP,
        connection_id="c",
        order_id=items[0][0],
        payload=BulkShipRequest(
            items=[BulkShipItem(order_id=o, carrier="DHL", tracking_number=t) for o, t in items]
        ),
    )


@pytest.mark.parametrize(
    "action",
    [
        ship_action(l1=2),
        fulfill_action("794644790303"),
        Action(kind=Operation.CANCEL, connection_id="c", order_id="o1", payload=CancelRequest()),
        Action(
            kind=Operation.UPDATE,
            connection_id="c",
            order_id="o1",
            payload=OrderUpdate(notes="fragile"),
        ),
        Action.create("c", CreateOrderRequest(lines=[NewOrderLine(sku="MUG", quantity=1)])),
        bulk(("o1", "B1"), ("o2", "B2")),
    ],
)
def test_action_survives_a_round_trip_through_json(action: Action) -> None:
    again = Action.model_validate(action.model_dump(mode="json"))
    assert again == action
    assert type(again.payload) is type(action.payload)


def test_an_action_queued_under_the_old_spelling_still_loads() -> None:
    # Outboxes written before "fulfill" became the one spelling hold kind "fulfil".
    stored = fulfill_action("T1").model_dump(mode="json")
    stored["kind"] = "fulfil"
    loaded = Action.model_validate(stored)
    assert loaded.kind is Operation.FULFILL
    assert isinstance(loaded.payload, FulfillRequest)
    assert loaded.payload.shipments[0].tracking_number == "T1"


def test_payload_must_fit_the_kind() -> None:
    with pytest.raises(ValidationError, match="cancel action needs a CancelRequest"):
        Action(
            kind=Operation.CANCEL, connection_id="c", order_id="o1", payload=OrderUpdate(notes="x")
        )


@pytest.mark.parametrize("kind", ["list", "get", "fetch_label", "channel_sync"])
def test_only_writes_are_actions(kind: str) -> None:
    """The outbox shares the connectors' vocabulary (``Operation``) but sends only writes: a
    stored action whose kind is a read is refused by name, never sent."""
    stored = fulfill_action("T1").model_dump(mode="json")
    stored["kind"] = kind
    with pytest.raises(ValidationError, match=f"{kind} is not a write the outbox sends"):
        Action.model_validate(stored)


def test_bad_requests_are_refused_in_plain_words() -> None:
    with pytest.raises(ValidationError, match="at least 1"):
        ship_action(l1=0)
    with pytest.raises(ValidationError, match="choose a carrier"):
        Action(
            kind=Operation.SHIP,
            connection_id="c",
            order_id="o1",
            payload=ShipRequest(carrier="  "),
        )
    with pytest.raises(ValidationError, match="at least one field"):
        Action(kind=Operation.UPDATE, connection_id="c", order_id="o1", payload=OrderUpdate())
    with pytest.raises(ValidationError, match="appears twice"):
        bulk(("o1", "B1"), ("o1", "B2"))


def test_create_is_filed_under_its_reference_or_its_key() -> None:
    line = [NewOrderLine(sku="MUG", quantity=1)]
    with_ref = Action.create("c", CreateOrderRequest(external_reference="EXT-1", lines=line))
    assert with_ref.order_id == "EXT-1"
    without = Action.create("c", CreateOrderRequest(lines=line))
    assert without.order_id == without.idempotency_key
    with pytest.raises(ValidationError, match="filed under its external reference"):
        Action(
            kind=Operation.CREATE,
            connection_id="c",
            order_id="other",
            payload=CreateOrderRequest(external_reference="EXT-1", lines=line),
        )


def test_ship_is_recognised_by_tracking_number_ignoring_case_and_spaces() -> None:
    before = make_order()
    action = ship_action("1Z 999 aa1", l1=1)
    assert present(action, before, shipped(before, "1Z999AA1", l1=1))
    assert not present(action, before, shipped(before, "OTHER", l1=1))
    assert not present(action, before, before)
    assert not present(action, before, None)


def test_untracked_ship_is_recognised_by_units_shipped_since_before() -> None:
    before = shipped(make_order(), None, l1=1)
    action = ship_action(None, l1=2)
    assert not present(action, before, before)
    assert not present(action, before, shipped(before, None, l1=1))
    assert present(action, before, shipped(before, None, l1=2))


def test_ship_everything_on_an_api_without_tracking_or_lines() -> None:
    # generic REST: PUT status=shipped; inventory cloud: no line items at all
    before = make_order()
    action = ship_action("1Z999AA1")
    assert not present(action, before, before)
    assert present(action, before, apply_status(before, OrderStatus.SHIPPED, T0))
    bare = make_order(lines=False)
    assert not present(action, bare, bare)
    assert present(action, bare, bare.model_copy(update={"status": OrderStatus.SHIPPED}))


def test_fulfill_needs_every_tracking_number_on_the_order() -> None:
    before = make_order()
    one = shipped(before, "T1", l1=1)
    assert present(fulfill_action("T1"), before, one)
    assert not present(fulfill_action("T1", "T2"), before, one)
    assert present(fulfill_action("T1", "T2"), before, shipped(one, "T2", l1=1))


def test_cancel_update_and_create_effects() -> None:
    before = make_order()
    cancel = Action(
        kind=Operation.CANCEL, connection_id="c", order_id="o1", payload=CancelRequest(reason="x")
    )
    assert present(cancel, before, apply_cancel(before, "x", T0))
    assert present(cancel, before, None)  # generic REST deletes the order
    assert not present(cancel, before, before)

    address = Address(name="Ana", line1="1 Main St", city="Lyon", country="FR")
    edit = Action(
        kind=Operation.UPDATE,
        connection_id="c",
        order_id="o1",
        payload=OrderUpdate(notes="fragile", ship_to=address),
    )
    assert present(edit, before, before.model_copy(update={"notes": "fragile", "ship_to": address}))
    assert not present(edit, before, before.model_copy(update={"notes": "fragile"}))

    create = Action.create(
        "c",
        CreateOrderRequest(external_reference="EXT-1", lines=[NewOrderLine(sku="M", quantity=1)]),
    )
    assert effect_present(create, {}, {"EXT-1": make_order("new")})
    assert not effect_present(create, {}, {"EXT-1": None})


def test_bulk_items_missing_and_conflict_message() -> None:
    o1, o2 = make_order("o1"), make_order("o2")
    action = bulk(("o1", "B1"), ("o2", "B2"))
    assert isinstance(action.payload, BulkShipRequest)
    now = {"o1": shipped(o1, "B1"), "o2": shipped(o2, "X9")}
    missing = bulk_items_missing(action.payload, {"o1": o1, "o2": o2}, now)
    assert [item.order_id for item in missing] == ["o2"]
    assert shipment_conflict(action, now) == (
        "Order #O2 is already shipped with tracking number X9, not B2. "
        "Check the parcel before shipping it again."
    )
    assert shipment_conflict(action, {"o1": now["o1"], "o2": o2}) is None


def test_baseline_is_needed_only_where_units_are_counted() -> None:
    before = {"o1": make_order()}
    assert needs_baseline(ship_action(None, l1=1), before)
    assert not needs_baseline(ship_action(None), before)  # everything that remains
    assert needs_baseline(ship_action("T1", l1=1), before)  # the API may keep no numbers
    tracked = {"o1": shipped(make_order(), "T0", l1=1)}
    assert not needs_baseline(ship_action("T1", l1=1), tracked)


def test_summaries_read_well() -> None:
    assert ship_action("1Z1", l1=2, l2=1).summary() == "Ship: 3 item(s) via UPS 1Z1"
    assert ship_action(None).summary() == "Ship: all remaining items via UPS"
    assert fulfill_action("T1").summary() == "Mark fulfilled: all remaining items, tracking T1"
    cancel = Action(
        kind=Operation.CANCEL,
        connection_id="c",
        order_id="o1",
        payload=CancelRequest(reason="Customer asked"),
    )
    assert cancel.summary() == "Cancel: Customer asked"
