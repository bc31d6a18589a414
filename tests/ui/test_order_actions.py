"""Writes from the window go through the outbox on their own worker: queued durably, sent,
and the changed order comes back for the table; refusals and failures come back as plain
sentences."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fulfillment_station.app import ConnectionConfig, outbox_resources
from fulfillment_station.connectors import connect
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.domain.requests import CancelRequest, ShipRequest
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.store.outbox import ActionState
from fulfillment_station.ui.common.tasks import ConnectionWorker
from fulfillment_station.ui.orders.order_actions import OrderActions

pytestmark = [pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def actions(
    qtbot: Any, tmp_path: Path, make_sandbox: Callable[..., SandboxServer]
) -> Iterator[tuple[OrderActions, SandboxServer]]:
    server = make_sandbox("nexus", orders=60)
    config = ConnectionConfig(
        id="shop", dialect="nexus", base_url=server.base_url, token=server.token, label="t"
    )
    worker = ConnectionWorker(
        outbox_resources(
            config, tmp_path / "cache.sqlite3", tmp_path / "outbox.sqlite3", station="Desk 1"
        ),
        name="outbox",
    )
    controller = OrderActions(worker, pump_interval_ms=100_000, packer=lambda: "Ana")
    yield controller, server
    controller.stop()
    worker.stop()


def open_order(server: SandboxServer, status: str = "confirmed") -> Order:
    with connect("nexus", server.base_url, server.token) as c:
        for summary in c.list_orders():
            if summary.status.value == status:
                return c.get_order(summary.id)
    raise AssertionError("no such order")


def test_ship_is_queued_sent_and_the_order_comes_back(
    qtbot: Any, actions: tuple[OrderActions, SandboxServer]
) -> None:
    controller, server = actions
    order = open_order(server)
    with (
        qtbot.waitSignal(controller.orders_changed, timeout=20_000) as changed,
        qtbot.waitSignal(controller.queued, timeout=20_000) as queued,
    ):
        controller.submit(order, ShipRequest(carrier="UPS", tracking_number="1Z999AA10123456784"))
    assert queued.args[0].action.order_id == order.id
    fresh = changed.args[0][0]
    assert fresh.id == order.id and fresh.status is OrderStatus.SHIPPED
    assert fresh.shipments[-1].tracking_number == "1Z999AA10123456784"
    # The order list's row comes with it: no second trip to the cache.
    assert [(row.order_id, row.status) for row in changed.args[1]] == [(order.id, "shipped")]
    with qtbot.waitSignal(controller.records_changed, timeout=10_000) as records:
        controller.pump()
    assert [r.state for r in records.args[0]] == [ActionState.DONE]
    effects = [e for e in server.db.journal()["effects"] if e["kind"] == "shipment"]
    assert len(effects) == 1


def test_a_request_the_workflow_refuses_is_never_queued(
    qtbot: Any, actions: tuple[OrderActions, SandboxServer]
) -> None:
    controller, server = actions
    shipped = open_order(server, "shipped")
    with qtbot.waitSignal(controller.refused, timeout=10_000) as refused:
        controller.submit(shipped, ShipRequest(carrier="UPS", tracking_number="1ZX"))
    assert "shipped" in refused.args[0]


def test_an_order_cancelled_elsewhere_is_refused_before_queueing(
    qtbot: Any, actions: tuple[OrderActions, SandboxServer]
) -> None:
    controller, server = actions
    order = open_order(server)
    # Cancelled behind the desk's back: the queued ship meets INVALID_STATUS_TRANSITION.
    with connect("nexus", server.base_url, server.token) as c:
        c.cancel(order.id, CancelRequest(reason="Customer request"))
    with qtbot.waitSignal(controller.refused, timeout=10_000) as refused:
        controller.submit(order, ShipRequest(carrier="UPS", tracking_number="1Z999AA10123456784"))
    assert "cancelled" in refused.args[0].lower()


def test_a_store_refusal_after_queueing_reaches_the_packer(
    qtbot: Any, actions: tuple[OrderActions, SandboxServer]
) -> None:
    controller, server = actions
    order = open_order(server)
    # NexusCommerce's marketplace rejects a UPS number of the wrong shape.
    with qtbot.waitSignal(controller.action_failed, timeout=20_000) as failed:
        controller.submit(order, ShipRequest(carrier="UPS", tracking_number="1ZBAD"))
    assert failed.args[0].startswith(f"Order {order.number}: ")
    assert "marketplace rejected" in failed.args[0].lower()
    with qtbot.waitSignal(controller.records_changed, timeout=10_000) as records:
        controller.pump()
    assert [r.state for r in records.args[0]] == [ActionState.FAILED]
    failed_id = records.args[0][0].id
    with qtbot.waitSignal(controller.records_changed, timeout=10_000) as after:
        controller.dismiss(failed_id)
    assert after.args[0] == []  # dismissed actions leave the panel


def test_a_packers_hold_is_kept_audited_and_refuses_the_ship(
    qtbot: Any, actions: tuple[OrderActions, SandboxServer]
) -> None:
    controller, server = actions
    order = next(o for o in _open_orders(server) if not o.holds)
    with qtbot.waitSignal(controller.orders_changed, timeout=10_000) as changed:
        controller.set_hold(order, "  customer asked to wait\n for the blue one ")
    held = changed.args[0][0]
    assert [h.reason for h in held.holds] == ["customer asked to wait for the blue one"]
    with qtbot.waitSignal(controller.refused, timeout=10_000) as refused:
        controller.submit(held, ShipRequest(carrier="UPS", tracking_number="1Z999AA10123456784"))
    assert "customer asked to wait for the blue one" in refused.args[0]
    with qtbot.waitSignal(controller.orders_changed, timeout=10_000) as released:
        controller.set_hold(held, None)
    assert released.args[0][0].holds == []
    assert not [e for e in server.db.journal()["effects"] if e["kind"] == "shipment"]


def _open_orders(server: SandboxServer) -> list[Order]:
    with connect("nexus", server.base_url, server.token) as c:
        return [c.get_order(s.id) for s in c.list_orders() if s.status.value == "confirmed"]
