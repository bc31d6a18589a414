"""The operations the window runs on its workers, called directly (no Qt) against each dialect's
sandbox: one scan-to-shipment path re-reads the order at most once before the write and once
after it, and the store's answer reaches the cache."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.connectors import DIALECT_MODULES, connector_class
from fulfillment_station.connectors.base import Operation
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services import operations
from fulfillment_station.services.resources import (
    OutboxResources,
)
from fulfillment_station.store.outbox import ActionState
from tests.helpers.desk_outbox import open_desk_outbox

UPS = "1Z999AA10123456784"
CONNECTION = "shop"
#: Inventory Cloud documents no way to ship: pack mode cannot ship there (the menu says why).
SHIPPING_DIALECTS = sorted(
    d for d in DIALECT_MODULES if connector_class(d).CAPABILITIES.supports(Operation.SHIP)
)


@pytest.fixture
def desk(
    request: pytest.FixtureRequest, make_sandbox: Callable[..., SandboxServer], tmp_path: Path
) -> Iterator[tuple[SandboxServer, OutboxResources]]:
    server = make_sandbox(request.param)
    resources = open_desk_outbox(server, tmp_path, CONNECTION, synced=True)
    try:
        yield server, resources
    finally:
        resources.close()


def _packable(resources: OutboxResources) -> tuple[str, str]:
    """(id, number) of an order the packer can ship in full."""
    for summary in resources.cache.load_summaries(CONNECTION):
        if (
            summary.status in ("confirmed", "processing", "pending")
            and summary.fulfillment == "unfulfilled"
        ):
            return summary.order_id, summary.number
    raise AssertionError("the sandbox has no order to pack")


@pytest.mark.parametrize("desk", SHIPPING_DIALECTS, indirect=True)
def test_scan_to_shipment_reads_once_before_and_at_most_once_after_the_write(
    desk: tuple[SandboxServer, OutboxResources],
) -> None:
    _server, resources = desk
    order_id, number = _packable(resources)
    lookup = operations.open_for_packing(resources, number)
    assert lookup.order is not None and lookup.order.id == order_id

    connector = resources.connector
    calls: list[str] = []
    real_get, real_ship = connector.get_order, connector.ship

    def get_order(wanted: str) -> Any:
        calls.append(f"GET {wanted}")
        return real_get(wanted)

    def ship(wanted: str, request: Any) -> Any:
        calls.append(f"SHIP {wanted}")
        try:
            return real_ship(wanted, request)
        finally:
            calls.append(f"SHIPPED {wanted}")

    connector.get_order = get_order  # type: ignore[method-assign]
    connector.ship = ship  # type: ignore[method-assign]
    lines = {line.id: line.remaining for line in lookup.order.lines if line.remaining > 0}
    request = operations.ship_request(lines, UPS, None)
    record = operations.queue_shipment(resources, lookup.order, request, packer="Ana")
    assert calls == []  # checked against the order read when it was opened
    report = operations.pump_outbox(resources)

    assert [r.state for r in report.records if r.id == record.id] == [ActionState.DONE]
    # What the connector reads inside its own write (Squarespace checks the whole order is
    # shipped) is that dialect's write; the path around it reads once before, once after.
    write, written = calls.index(f"SHIP {order_id}"), calls.index(f"SHIPPED {order_id}")
    assert calls[:write].count(f"GET {order_id}") <= 1, calls
    assert calls[written + 1 :].count(f"GET {order_id}") <= 1, calls
    # The store's own answer is in the cache: the order shows shipped lines.
    cached = resources.cache.get(order_id, connection=CONNECTION)
    assert cached is not None
    assert sum(line.remaining for line in cached.lines) < sum(lines.values())
    assert [o.id for o in report.changed_orders] == [order_id]


@pytest.mark.parametrize("desk", ["nexus"], indirect=True)
def test_a_scan_naming_no_order_finds_nothing_and_reads_nothing(
    desk: tuple[SandboxServer, OutboxResources],
) -> None:
    _server, resources = desk
    lookup = operations.open_for_packing(resources, "#NO-SUCH-ORDER")
    assert lookup.refs == [] and lookup.order is None


@pytest.mark.parametrize("desk", ["nexus"], indirect=True)
def test_the_audit_of_a_shipment_names_the_packer(
    desk: tuple[SandboxServer, OutboxResources],
) -> None:
    _server, resources = desk
    order_id, number = _packable(resources)
    order = operations.open_for_packing(resources, number).order
    assert order is not None
    lines = {line.id: line.remaining for line in order.lines if line.remaining > 0}
    operations.queue_shipment(
        resources, order, operations.ship_request(lines, UPS, None), packer="Ana"
    )
    operations.pump_outbox(resources)
    history = operations.audit_for_order(resources, order_id)
    assert history and all("Ana" in line for _at, line in history)
    waiting = operations.waiting_writes(
        resources.outbox_service.outbox.records(operations.PANEL_STATES)
    )
    assert waiting == {}  # sent: nothing waits any more
