"""The write path end to end: OutboxService -> outbox -> connector -> a real sandbox over
loopback. No mocks: the sandbox's journal says what the store applied, and how often."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector, Operation
from fulfillment_station.connectors.errors import (
    InvalidTransition,
    MarketplaceRejection,
    NotFound,
    OutOfStock,
    Unsupported,
    ValidationFailed,
)
from fulfillment_station.domain.errors import InvalidTransition as CannotCancel
from fulfillment_station.domain.errors import NotShippable
from fulfillment_station.domain.models import (
    Address,
    Customer,
    FulfillmentStatus,
    Order,
    OrderStatus,
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
from fulfillment_station.domain.workflow import apply_cancel
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services import headless
from fulfillment_station.services.actions import Action
from fulfillment_station.services.outbox_runner import BackoffPolicy
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox
from tests.conftest import TEST_TOKEN
from tests.helpers.clock import FakeClock

pytestmark = pytest.mark.integration

#: Fast enough for a test, and the same shape as the app's (exponential, jittered).
FAST = BackoffPolicy(base=0.05, cap=0.5, max_attempts=40)
SHIPPED_KINDS = frozenset({"shipment", "fulfill"})
OPEN_STATUSES = frozenset({OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING})
DHL = (
    "DHL",
    "JD014600006543210001",
    "JD014600006543210002",
    "JD014600006543210003",
    "JD014600006543210004",
    "JD014600006543210005",
)


class Desk:
    """One packing station on one sandbox: its own store file, connector and service."""

    def __init__(self, server: SandboxServer, store_path: Path) -> None:
        self.server = server
        self._used: set[str] = set()
        # Few, quick read retries: an outage test should not wait out the app's patience.
        self.connector: Connector = connect(
            server.dialect, server.base_url, TEST_TOKEN, max_read_attempts=2, backoff_base=0.01
        )
        self.store = open_store(store_path)
        self.audit = AuditLog(self.store, station="Desk 1")
        self.outbox: Outbox[Action] = Outbox(self.store, self.audit, decode=Action.model_validate)
        self.service = OutboxService(self.outbox, self.connector, connection_id="shop", policy=FAST)

    def fresh_orders(self, count: int, *, min_lines: int = 1) -> list[Order]:
        """Unshipped orders, not on hold, that no other test on this sandbox has touched, in
        full detail."""
        used = self._used
        found = []
        for row in self.connector.list_orders():
            if (
                row.id in used
                or row.status not in OPEN_STATUSES
                or row.fulfillment_status != FulfillmentStatus.UNFULFILLED
            ):
                continue
            order = self.connector.get_order(row.id)
            if (
                len(order.lines) >= min_lines
                and order.fulfillment_status == FulfillmentStatus.UNFULFILLED
                and not order.holds
            ):
                used.add(order.id)
                found.append(order)
                if len(found) == count:
                    return found
        raise LookupError(f"fewer than {count} fresh orders left")

    def run(self, seconds: float = 20) -> None:
        self.service.run_until_idle(datetime.now(UTC) + timedelta(seconds=seconds))

    def record(self, action_id: int) -> Any:
        record = self.outbox.get(action_id)
        assert record is not None
        return record

    def close(self) -> None:
        self.connector.close()
        self.store.close()


@pytest.fixture
def desk(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path
) -> Iterator[Callable[[str], Desk]]:
    desks: list[Desk] = []

    def make(dialect: str) -> Desk:
        desks.append(Desk(make_sandbox(dialect), tmp_path / f"desk-{len(desks)}.sqlite3"))
        return desks[-1]

    yield make
    for d in desks:
        d.close()


def shipments_applied(server: SandboxServer, order_id: str) -> list[dict[str, Any]]:
    """Each shipment/fulfillment the sandbox applied to the order (its own record of writes)."""
    return [
        e["detail"]
        for e in server.db.journal()["effects"]
        if e["order_id"] == order_id and e["kind"] in SHIPPED_KINDS
    ]


def posts_to(server: SandboxServer, order_id: str) -> list[dict[str, Any]]:
    return [
        r for r in server.db.journal()["requests"] if r["method"] != "GET" and order_id in r["path"]
    ]


# --- the happy paths ------------------------------------------------------------------------


@pytest.mark.parametrize("dialect", ["nexus", "price2b"])
def test_ship_goes_through_the_outbox_once(desk: Callable[[str], Desk], dialect: str) -> None:
    d = desk(dialect)
    order = d.fresh_orders(1)[0]
    record = d.service.ship(
        order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]), packer="Ana"
    )
    assert record.state == ActionState.PENDING
    assert posts_to(d.server, order.id) == []  # queued only; nothing sent yet

    d.run()

    done = d.record(record.id)
    assert done.state == ActionState.DONE
    assert [s["tracking_number"] for s in shipments_applied(d.server, order.id)] == [DHL[1]]
    assert DHL[1] in [s.tracking_number for s in d.connector.get_order(order.id).shipments]
    assert [e.outcome for e in d.audit.for_order(order.id)] == ["queued", "done"]


def test_price2b_label_shipment_without_tracking(desk: Callable[[str], Desk]) -> None:
    d = desk("price2b")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="fedex", service="INTERNATIONAL_ECONOMY"))
    d.run()
    assert d.record(record.id).state == ActionState.DONE
    applied = shipments_applied(d.server, order.id)
    assert len(applied) == 1 and applied[0]["tracking_number"]  # Price2b made the number


def test_fulfill_on_squarespace(desk: Callable[[str], Desk]) -> None:
    d = desk("squarespace")
    order = d.fresh_orders(1)[0]
    request = FulfillRequest(
        shipments=[
            TrackingInfo(carrier="UPS", service="Ground", tracking_number="1Z999AA10123456784")
        ]
    )
    record = d.service.fulfill(order.id, request, packer="Ana")
    d.run()
    assert d.record(record.id).state == ActionState.DONE
    applied = shipments_applied(d.server, order.id)
    assert [s["tracking_number"] for s in applied] == ["1Z999AA10123456784"]
    assert d.connector.get_order(order.id).fulfillment_status == FulfillmentStatus.FULFILLED


# --- refused before queueing ----------------------------------------------------------------


def test_an_order_shipped_elsewhere_is_refused_before_queueing(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    d.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[2]))  # Desk 2
    with pytest.raises(NotShippable, match="cannot be shipped"):
        d.service.ship(
            order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]), cached=order
        )  # the packer's screen still shows it unshipped
    assert d.outbox.records() == []


def test_a_parcel_scanned_twice_is_not_queued_twice(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1, min_lines=2)[0]
    first, second = order.lines[0], order.lines[1]
    d.service.ship(
        order.id,
        ShipRequest(carrier="DHL", tracking_number=DHL[1], lines={first.id: first.quantity}),
    )
    with pytest.raises(NotShippable, match="already waiting in the outbox"):
        d.service.ship(
            order.id, ShipRequest(carrier="DHL", tracking_number=DHL[2], lines={first.id: 1})
        )
    # The rest of the order may still go in a second parcel, and then nothing more.
    d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[3]))
    with pytest.raises(NotShippable, match="everything on this order is already waiting"):
        d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[4]))
    d.run()
    assert [s["tracking_number"] for s in shipments_applied(d.server, order.id)] == [DHL[1], DHL[3]]
    assert {s["lines"].get(second.id) for s in shipments_applied(d.server, order.id)} == {
        None,
        second.quantity,
    }


def test_a_cancelled_order_cannot_be_queued_for_cancel_or_ship(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    d.connector.cancel(order.id, CancelRequest(reason="CustomerRequest"))
    with pytest.raises(NotShippable, match="cancelled"):
        d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))
    with pytest.raises(CannotCancel):
        d.service.cancel(order.id, CancelRequest(reason="CustomerRequest"))
    assert d.outbox.records() == []


@pytest.mark.parametrize(
    ("dialect", "call", "reason"),
    [
        ("nexus", "fulfill", "no separate fulfill step"),
        ("nexus", "update", "no endpoint to change an order"),
        ("squarespace", "cancel", "no way to cancel"),
        ("price2b", "bulk_ship", "no bulk endpoint"),
    ],
)
def test_what_the_api_cannot_do_is_refused_with_its_reason(
    desk: Callable[[str], Desk], dialect: str, call: str, reason: str
) -> None:
    d = desk(dialect)
    requests: dict[str, tuple[Any, ...]] = {
        "fulfill": ("x", FulfillRequest()),
        "update": ("x", OrderUpdate(notes="hi")),
        "cancel": ("x", CancelRequest(reason="r")),
        "bulk_ship": ([BulkShipItem(order_id="x", carrier="DHL", tracking_number=DHL[1])],),
    }
    with pytest.raises(Unsupported, match=reason):
        getattr(d.service, call)(*requests[call])
    assert d.outbox.records() == []


def test_the_packers_copy_is_used_when_the_store_is_down(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    d.server.stop()
    record = d.service.ship(
        order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]), cached=order
    )
    assert record.state == ActionState.PENDING
    d.service.run_due()
    assert d.record(record.id).state == ActionState.RETRYING
    d.server.start()
    d.run()
    assert d.record(record.id).state == ActionState.DONE
    assert len(shipments_applied(d.server, order.id)) == 1


# --- unknown outcome, outage, rate limiting ------------------------------------------------


def test_dropped_answer_is_reread_and_counted_done_not_sent_twice(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))
    d.server.faults.drop_after_commit = 1

    first = d.service.run_due()
    assert [(o.record.state, o.record.verify_first) for o in first] == [
        (ActionState.RETRYING, True)
    ]
    d.run()

    done = d.record(record.id)
    assert done.state == ActionState.DONE
    assert "not sent again" in done.message
    assert len(shipments_applied(d.server, order.id)) == 1
    assert [r["dropped"] for r in posts_to(d.server, order.id)] == [True]


def test_outage_mid_queue_loses_nothing_and_keeps_each_orders_order(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("nexus")
    split, *others = d.fresh_orders(3, min_lines=2)
    first_line = split.lines[0]
    queued = [
        d.service.ship(
            split.id,
            ShipRequest(
                carrier="DHL", tracking_number=DHL[1], lines={first_line.id: first_line.quantity}
            ),
        ),
        d.service.ship(others[0].id, ShipRequest(carrier="DHL", tracking_number=DHL[2])),
        d.service.ship(split.id, ShipRequest(carrier="DHL", tracking_number=DHL[3])),
        d.service.ship(others[1].id, ShipRequest(carrier="DHL", tracking_number=DHL[4])),
    ]
    assert [o.record.state for o in d.service.run_due(limit=1)] == [ActionState.DONE]

    d.server.stop()  # the store goes away with three actions still queued
    d.service.run_due()
    waiting = [d.record(r.id) for r in queued[1:]]
    assert [r.state for r in waiting] == [ActionState.RETRYING] * 3
    assert all("Cannot reach the store" in r.message for r in waiting)

    d.server.start()  # same port, same database
    d.run()

    assert [d.record(r.id).state for r in queued] == [ActionState.DONE] * 4
    split_numbers = [s["tracking_number"] for s in shipments_applied(d.server, split.id)]
    assert split_numbers == [DHL[1], DHL[3]]  # first in, first out on the same order
    for order, number in ((others[0], DHL[2]), (others[1], DHL[4])):
        assert [s["tracking_number"] for s in shipments_applied(d.server, order.id)] == [number]


def test_a_429_storm_is_ridden_out(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    orders = d.fresh_orders(5)
    records = [
        d.service.ship(o.id, ShipRequest(carrier="DHL", tracking_number=DHL[n + 1]))
        for n, o in enumerate(orders)
    ]
    d.server.faults.rate_limit = 2
    d.run(seconds=30)
    finished = [d.record(r.id) for r in records]
    assert [r.state for r in finished] == [ActionState.DONE] * 5
    assert any(r.attempts > 1 for r in finished)  # the storm did hit
    for n, order in enumerate(orders):
        assert [s["tracking_number"] for s in shipments_applied(d.server, order.id)] == [DHL[n + 1]]


# --- the APIs' own errors reach the record --------------------------------------------------


def test_nexus_already_shipped_with_our_number_is_done(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))
    d.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))  # Desk 2
    d.run()
    done = d.record(record.id)
    assert done.state == ActionState.DONE
    assert "already had this" in done.message
    assert len(shipments_applied(d.server, order.id)) == 1


def test_nexus_already_shipped_with_another_number_is_a_conflict(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))
    d.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[2]))  # Desk 2
    d.run()
    failed = d.record(record.id)
    assert failed.state == ActionState.FAILED
    assert failed.error_code == "ALREADY_SHIPPED"
    assert DHL[1] in failed.message and DHL[2] in failed.message
    assert failed.api_message  # the API's own words, kept
    assert [s["tracking_number"] for s in shipments_applied(d.server, order.id)] == [DHL[2]]


def _cancel_in_sandbox(server: SandboxServer, order_id: str) -> None:
    """Another channel cancels the order (Squarespace's API has no cancel of its own)."""
    stored = server.db.get(order_id)
    assert stored is not None
    server.db.save(
        apply_cancel(stored.order, "Cancelled in the admin", datetime.now(UTC)), stored.extra
    )


@pytest.mark.parametrize(
    ("dialect", "code", "words"),
    [
        ("nexus", "INVALID_STATUS_TRANSITION", "cancelled"),
        ("price2b", "ORDER_CANCELLED", "cancelled"),
        ("squarespace", "CONFLICT", "canceled"),
    ],
)
def test_shipping_an_order_cancelled_meanwhile_fails_with_the_apis_message(
    desk: Callable[[str], Desk], dialect: str, code: str, words: str
) -> None:
    d = desk(dialect)
    order = d.fresh_orders(1)[0]
    record = d.service.ship(
        order.id, ShipRequest(carrier="UPS", tracking_number="1Z999AA10123456784")
    )
    _cancel_in_sandbox(d.server, order.id)
    d.run()
    failed = d.record(record.id)
    assert failed.state == ActionState.FAILED
    assert failed.error_code == code
    assert words in failed.api_message.lower()
    assert failed.message == InvalidTransition.user_text
    assert shipments_applied(d.server, order.id) == []
    assert d.audit.for_order(order.id)[-1].outcome == "failed"


def test_nexus_marketplace_rejection_reaches_the_record(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="UPS", tracking_number="12345678"))
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "MARKETPLACE_REJECTION")
    assert failed.message == MarketplaceRejection.user_text
    assert "UPS number" in failed.api_message


def test_nexus_cancel_of_an_order_shipped_meanwhile_is_refused(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    record = d.service.cancel(order.id, CancelRequest(reason="CustomerRequest"))
    d.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[2]))  # Desk 2
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "INVALID_STATUS_TRANSITION")
    assert "cannot be cancelled" in failed.api_message


def test_price2b_cancel_of_an_order_cancelled_meanwhile_is_done(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("price2b")
    order = d.fresh_orders(1)[0]
    record = d.service.cancel(order.id, CancelRequest(reason="Customer asked"))
    d.connector.cancel(order.id, CancelRequest(reason="Desk 2"))
    d.run()
    assert d.record(record.id).state == ActionState.DONE
    assert d.connector.get_order(order.id).status == OrderStatus.CANCELLED


def test_price2b_address_change_after_fulfillment_began_is_refused(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("price2b")
    order = d.fresh_orders(1)[0]
    address = Address(
        name="A. Packer", line1="1 Dock Road", city="Leeds", postal_code="LS1 1AA", country="GB"
    )
    record = d.service.update(order.id, OrderUpdate(ship_to=address))
    d.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[2]))  # Desk 2
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "ADDRESS_LOCKED")
    assert failed.message == InvalidTransition.user_text
    assert "fulfill" in failed.api_message


def test_price2b_already_shipped_with_another_number_is_a_conflict(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("price2b")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))
    d.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[2]))  # Desk 2
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "ALREADY_SHIPPED")
    assert DHL[1] in failed.message and DHL[2] in failed.message
    assert "has shipped" in failed.api_message


def test_price2b_more_units_than_remain_is_refused_as_invalid_items(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("price2b")
    order = d.fresh_orders(1, min_lines=2)[0]
    line = order.lines[0]
    record = d.service.ship(
        order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1], lines={line.id: line.quantity})
    )
    d.connector.ship(
        order.id, ShipRequest(carrier="DHL", tracking_number=DHL[2], lines={line.id: line.quantity})
    )  # Desk 2
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "INVALID_ITEMS")
    assert failed.message == ValidationFailed.user_text
    assert "remain to ship" in failed.api_message


def test_price2b_status_owned_by_the_marketplace_is_refused(desk: Callable[[str], Desk]) -> None:
    d = desk("price2b")
    order = next(
        o
        for o in d.connector.list_orders()
        if o.status == OrderStatus.PENDING and o.channel not in ("shopify", "web")
    )
    record = d.service.update(order.id, OrderUpdate(status=OrderStatus.PROCESSING))
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "STATUS_CHANGE_NOT_ALLOWED")
    assert failed.message == InvalidTransition.user_text
    assert "marketplace" in failed.api_message


def test_nexus_order_gone_meanwhile_is_not_found(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))
    with sqlite3.connect(d.server.db_path) as sandbox_db:  # removed from the store's side
        sandbox_db.execute("DELETE FROM orders WHERE id = ?", (order.id,))
    sandbox_db.close()
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "ORDER_NOT_FOUND")
    assert failed.message == NotFound.user_text
    assert order.id in failed.api_message


def test_squarespace_create_with_an_unknown_product_is_refused(desk: Callable[[str], Desk]) -> None:
    d = desk("squarespace")
    request = CreateOrderRequest(
        lines=[NewOrderLine(sku="NO-SUCH-SKU", quantity=1)],
        customer=Customer(name="Ana Ruiz", email="ana@example.com"),
    )
    record = d.service.create(request)
    d.run()
    failed = d.record(record.id)
    assert failed.state == ActionState.FAILED
    assert failed.message == ValidationFailed.user_text
    assert "does not match a product" in failed.api_message
    assert [e for e in d.server.db.journal()["effects"] if e["kind"] == "create"] == []


# --- bulk shipment --------------------------------------------------------------------------


def test_nexus_bulk_ship_refused_orders_become_visible_failures(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("nexus")
    a, b, c = d.fresh_orders(3)
    items = [
        BulkShipItem(order_id=o.id, carrier="DHL", tracking_number=DHL[n + 1])
        for n, o in enumerate((a, b, c))
    ]
    bulk = d.service.bulk_ship(items, packer="Ana")
    d.connector.ship(b.id, ShipRequest(carrier="DHL", tracking_number=DHL[5]))  # Desk 2
    d.run()

    assert d.record(bulk.id).state == ActionState.DONE
    failures = d.outbox.records(states=[ActionState.FAILED])
    assert [(f.action.kind, f.action.order_id) for f in failures] == [(Operation.SHIP, b.id)]
    assert failures[0].error_code == "ALREADY_SHIPPED"
    assert b.id in failures[0].message and failures[0].api_message
    assert failures[0].action.packer == "Ana"
    for order, number in ((a, DHL[1]), (b, DHL[5]), (c, DHL[3])):
        assert [s["tracking_number"] for s in shipments_applied(d.server, order.id)] == [number]

    # The failure holds later actions on its order until the packer deals with it.
    d.outbox.dismiss(failures[0].id, packer="Ana")
    assert d.service.pending_count() == 0


def test_bulk_ship_after_a_dropped_answer_sends_nothing_twice(desk: Callable[[str], Desk]) -> None:
    d = desk("nexus")
    orders = d.fresh_orders(3)
    items = [
        BulkShipItem(order_id=o.id, carrier="DHL", tracking_number=DHL[n + 1])
        for n, o in enumerate(orders)
    ]
    bulk = d.service.bulk_ship(items)
    d.server.faults.drop_after_commit = 1
    d.run()
    assert d.record(bulk.id).state == ActionState.DONE
    assert d.outbox.records(states=[ActionState.FAILED]) == []
    for n, order in enumerate(orders):
        assert [s["tracking_number"] for s in shipments_applied(d.server, order.id)] == [DHL[n + 1]]


# --- create, and the loop's timing -------------------------------------------------------


def test_squarespace_create_after_a_restart_and_a_dropped_answer_makes_one_order(
    desk: Callable[[str], Desk], tmp_path: Path
) -> None:
    d = desk("squarespace")
    sku = d.fresh_orders(1)[0].lines[0].sku
    assert sku
    request = CreateOrderRequest(
        lines=[NewOrderLine(sku=sku, quantity=1)],
        customer=Customer(name="Ana Ruiz", email="ana@example.com"),
    )
    record = d.service.create(request, packer="Ana")
    d.server.faults.drop_after_commit = 1
    assert d.service.run_due()[0].record.state == ActionState.RETRYING

    # The app restarts (a new connector, nothing kept in memory) and sends it again.
    d.connector.close()
    d.connector = connect("squarespace", d.server.base_url, TEST_TOKEN)
    d.service = OutboxService(d.outbox, d.connector, connection_id="shop", policy=FAST)
    d.run()

    assert d.record(record.id).state == ActionState.DONE
    creates = [e for e in d.server.db.journal()["effects"] if e["kind"] == "create"]
    assert len(creates) == 1


def test_inventory_cloud_create_with_a_dropped_answer_is_found_not_made_twice(
    desk: Callable[[str], Desk],
) -> None:
    d = desk("inventory-cloud")
    request = CreateOrderRequest(
        lines=[NewOrderLine(sku="SKU-0001", quantity=1)], customer_id="cus_42"
    )
    record = d.service.create(request, packer="Ana")
    d.server.faults.drop_after_commit = 1
    d.run()
    done = d.record(record.id)
    assert done.state == ActionState.DONE
    assert "not sent again" in done.message  # found by its external id, not re-sent
    creates = [e for e in d.server.db.journal()["effects"] if e["kind"] == "create"]
    assert len(creates) == 1


def test_inventory_cloud_out_of_stock_reaches_the_record(desk: Callable[[str], Desk]) -> None:
    d = desk("inventory-cloud")
    request = CreateOrderRequest(
        lines=[NewOrderLine(sku="SKU-0006", quantity=1)], customer_id="cus_42"
    )  # sold out in the sandbox catalogue
    record = d.service.create(request)
    d.run()
    failed = d.record(record.id)
    assert (failed.state, failed.error_code) == (ActionState.FAILED, "OUT_OF_STOCK")
    assert failed.message == OutOfStock.user_text
    assert "SKU-0006" in failed.api_message


def test_run_until_idle_waits_for_each_retry_and_stops_at_the_deadline(
    desk: Callable[[str], Desk], tmp_path: Path
) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    clock = FakeClock()  # moved on only by the service's own naps
    store = open_store(tmp_path / "stepped.sqlite3")
    try:
        outbox: Outbox[Action] = Outbox(
            store,
            AuditLog(store, station="Desk 1", clock=clock),
            decode=Action.model_validate,
            clock=clock,
        )
        service = OutboxService(
            outbox,
            d.connector,
            connection_id="shop",
            sleep=clock.sleep,
            policy=BackoffPolicy(base=2, cap=8, max_attempts=40),
        )
        d.server.stop()
        record = service.ship(
            order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]), cached=order
        )
        start = clock.now
        service.run_until_idle(start + timedelta(seconds=30))

        waiting = outbox.get(record.id)
        assert waiting is not None and waiting.state == ActionState.RETRYING
        assert clock.now == start + timedelta(seconds=30)  # no nap past the deadline
        # Each nap ends when the next try is due: 1-2 s, 2-4 s, then 4-8 s (capped).
        assert 1 <= clock.naps[0] <= 2 and 2 <= clock.naps[1] <= 4
        assert all(nap <= 8 for nap in clock.naps)
        assert waiting.attempts == len(clock.naps)

        d.server.start()
        service.run_until_idle(clock.now + timedelta(seconds=60))
        done = outbox.get(record.id)
        assert done is not None and done.state == ActionState.DONE
    finally:
        store.close()
    assert len(shipments_applied(d.server, order.id)) == 1


# --- restart --------------------------------------------------------------------------------


def test_an_action_left_sending_by_a_crash_is_checked_before_resending(
    desk: Callable[[str], Desk], tmp_path: Path
) -> None:
    d = desk("nexus")
    order = d.fresh_orders(1)[0]
    record = d.service.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))
    assert d.outbox.claim(record.id) is not None  # the app took it ...
    d.connector.ship(order.id, ShipRequest(carrier="DHL", tracking_number=DHL[1]))  # ... sent
    # ... and died before it could write down the answer. The app starts again:
    store = open_store(tmp_path / "desk-0.sqlite3")
    try:
        outbox: Outbox[Action] = Outbox(
            store, AuditLog(store, station="Desk 1"), decode=Action.model_validate
        )
        service = OutboxService(
            outbox, d.connector, connection_id="shop", policy=FAST, recovery_grace_s=0.2
        )
        service.run_until_idle(datetime.now(UTC) + timedelta(seconds=10))
        after = outbox.get(record.id)
        assert after is not None and after.state == ActionState.DONE
        assert [e.outcome for e in outbox_audit(store, order.id)] == [
            "queued",
            "interrupted",
            "done",
        ]
    finally:
        store.close()
    assert len(shipments_applied(d.server, order.id)) == 1
    assert len(posts_to(d.server, order.id)) == 1


def outbox_audit(store: sqlite3.Connection, order_id: str) -> list[Any]:
    return AuditLog(store, station="Desk 1").for_order(order_id)


# --- the headless driver --------------------------------------------------------------------


def test_headless_ship_many_ships_what_it_can_and_says_what_it_refused(
    desk: Callable[[str], Desk], tmp_path: Path
) -> None:
    d = desk("nexus")
    good, shipped = d.fresh_orders(2)
    d.connector.ship(shipped.id, ShipRequest(carrier="DHL", tracking_number=DHL[3]))
    common = [
        "--dialect",
        "nexus",
        "--base-url",
        d.server.base_url,
        "--token",
        TEST_TOKEN,
        "--outbox",
        str(tmp_path / "headless.sqlite3"),
    ]
    out = io.StringIO()
    code = headless.main(
        [*common, "ship-many", f"{good.id}:{DHL[1]}", f"{shipped.id}:{DHL[2]}"], out=out
    )
    events = [json.loads(line) for line in out.getvalue().splitlines()]

    assert code == 1  # one order was refused
    assert [e["event"] for e in events] == ["ready", "queued", "refused", "outcome", "idle"]
    assert events[2]["order_id"] == shipped.id and "cannot be shipped" in events[2]["message"]
    assert (events[3]["order_id"], events[3]["state"]) == (good.id, "done")
    assert [s["tracking_number"] for s in shipments_applied(d.server, good.id)] == [DHL[1]]

    out = io.StringIO()
    assert headless.main([*common, "resume"], out=out) == 0  # nothing left to send
    assert json.loads(out.getvalue().splitlines()[-1])["counts"]["done"] == 1
    assert len(shipments_applied(d.server, good.id)) == 1


def test_headless_rejects_a_malformed_shipment(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        headless.main(
            [
                "--dialect",
                "nexus",
                "--base-url",
                "http://127.0.0.1:1",
                "--outbox",
                "x.sqlite3",
                "ship-many",
                "no-tracking-here",
            ]
        )
    assert exit_.value.code == 2
    assert "is not ORDER:TRACKING" in capsys.readouterr().err


def test_a_lost_create_on_an_api_without_dedupe_is_not_sent_again(
    desk: Callable[[str], Desk],
) -> None:
    """generic-rest has no idempotency key and no way to find the order we made: when the
    answer to a create is lost, the action stops for the packer instead of creating twice."""
    d = desk("generic-rest")
    d.server.faults.drop_after_commit = 1
    request = CreateOrderRequest(
        customer_id="CUST1", lines=[NewOrderLine(sku="PROD001", quantity=1)]
    )
    record = d.service.create(request)
    d.run()
    after = d.record(record.id)
    assert after.state == ActionState.FAILED
    assert "cannot tell whether it was created" in after.message
    creates = [e for e in d.server.db.journal()["effects"] if e["kind"] == "create"]
    assert len(creates) == 1
