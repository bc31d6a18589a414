"""Pack mode's boxes against the real sandboxes over loopback, with no Qt: an order loaded from
the store is packed into two boxes by scans (a box barcode, NEXT BOX), each box is weighed (a
fake scale feed), and the boxes the flow hands over go to the store the way it takes them:
one ship with two packages on Price2b, two partial shipments on Nexus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import nullcontext
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Capabilities
from fulfillment_station.domain.models import FulfillmentStatus, Order
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.domain.weight import Weight
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.boxes import box_shipping, ship_requests_for_boxes
from fulfillment_station.services.pack_direct import DirectPackHost
from fulfillment_station.services.pack_flow import (
    PackFlow,
    PackFlowOptions,
    PackPhase,
    default_steps,
)
from fulfillment_station.services.pack_session import PackCommand, PackHost, PrintOutcome
from fulfillment_station.services.pack_weighing import weigh_step_for
from fulfillment_station.services.weighing import box_for_scan, expected_weight
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as connect_db
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.store.settings import Settings
from tests.conftest import TEST_TOKEN
from tests.helpers.desk_outbox import open_desk_outbox
from tests.helpers.pack_fakes import Display, HostDefaults, RecordedSounds
from tests.services.test_boxes import open_order

SETTINGS = Settings.defaults().replace(
    {
        "scale.source": "serial",
        "scale.weigh_boxes": True,
        "scale.box_types": [
            {
                "name": "Small",
                "length_cm": "20",
                "width_cm": "15",
                "height_cm": "10",
                "tare_g": "150",
                "barcode": "BOX-S",
            }
        ],
    }
)
TRACKING = ["1Z999AA10123456784", "1Z12345E6605272234"]


class StoreHost(HostDefaults):
    """Loads from the real store and ships the flow's boxes to it as the store takes them
    (Nexus: each box with its own label's number)."""

    def __init__(self, connector: Any, capabilities: Capabilities, order: Order) -> None:
        self.connector, self.capabilities, self.order = connector, capabilities, order
        self.box_shipping = box_shipping(capabilities)
        self.store_sells_labels = capabilities.returns_label
        self.flow: PackFlow | None = None
        self.sent: list[Any] = []
        self.weights: list[Weight] = []

    def find_orders(self, scan: str, done: Callable[..., None], failed: Any) -> None:
        done([OrderRef("shop", self.order.id)] if scan == self.order.number else [])

    def load_order(self, ref: OrderRef, done: Callable[..., None], failed: Any) -> None:
        done(self.connector.get_order(ref.order_id))

    def print_documents(
        self, order: Order, reprint: bool, done: Any, failed: Any, *, boxes: Any = None
    ) -> None:
        done(PrintOutcome())

    def ship(
        self,
        order: Order,
        lines: Any,
        tracking: Any,
        carrier: Any,
        done: Any,
        failed: Any,
        *,
        boxes: Any = None,
        hold_override: str | None = None,
    ) -> None:
        packed = list(boxes)
        self.weights = [box.weight for box in packed if box.weight is not None]
        # Price2b buys the label: the desk's label defaults name the carrier's service.
        service = "INTERNATIONAL_ECONOMY" if self.capabilities.returns_label else None
        carrier = "fedex" if self.capabilities.returns_label else "UPS"
        for request in ship_requests_for_boxes(
            self.capabilities, packed, carrier=carrier, service=service
        ):
            self.sent.append(request)
            self.connector.ship(order.id, request)
        done()

    def next_order_after(self, ref: OrderRef, done: Callable[..., None], failed: Any) -> None:
        done(None)


@pytest.fixture
def audit(tmp_path: Path) -> Iterator[AuditLog]:
    conn = connect_db(tmp_path / "audit.db")
    try:
        yield AuditLog(conn, station="Desk 1")
    finally:
        conn.close()


def pack_in_two_boxes(
    host: PackHost, order: Order, progress: PackProgress, audit: AuditLog
) -> PackFlow:
    step = weigh_step_for(lambda: SETTINGS, lambda: nullcontext(audit))
    flow = PackFlow(
        host,
        progress,
        Display(),
        RecordedSounds(),
        PackFlowOptions(auto_print=False),
        steps=default_steps(step),
        box_for_scan=lambda scan: box_for_scan(SETTINGS, scan),
    )
    if isinstance(host, StoreHost):
        host.flow = flow
    first, *rest = [line for line in order.lines if line.remaining > 0]
    flow.scan(order.number)
    flow.scan("BOX-S")
    for _ in range(first.remaining):
        flow.scan(first.sku)
    flow.command(PackCommand.NEXT_BOX)
    for line in rest:
        for _ in range(line.remaining):
            flow.scan(line.sku)
    assert flow.phase is PackPhase.AWAIT_WEIGHT
    # Each box weighs what its items and tare say (the sandbox's item weights, in kg).
    small = box_for_scan(SETTINGS, "BOX-S")
    for lines in ([(first, first.remaining)], [(line, line.remaining) for line in rest]):
        weight = expected_weight(lines, "kg", small)
        assert isinstance(weight, Weight)
        flow.weighed(weight)
    return flow


@pytest.mark.integration
@pytest.mark.parametrize(("dialect", "status"), [("price2b", "processing"), ("nexus", "confirmed")])
def test_an_order_packed_in_two_boxes_reaches_the_store_as_it_takes_boxes(
    make_sandbox: Callable[..., SandboxServer],
    tmp_path: Path,
    audit: AuditLog,
    dialect: str,
    status: str,
) -> None:
    server = make_sandbox(dialect, orders=40, seed=33)
    with (
        connect(dialect, server.base_url, TEST_TOKEN) as connector,
        PackProgress(tmp_path / "progress.sqlite3") as progress,
    ):
        order = open_order(connector, status)
        if len({line.sku for line in order.lines}) != len(order.lines):
            pytest.fail("the sandbox order's SKUs must tell its lines apart")
        host = StoreHost(connector, type(connector).CAPABILITIES, order)
        flow = pack_in_two_boxes(host, order, progress, audit)
        first, *rest = [line for line in order.lines if line.remaining > 0]
        if dialect == "nexus":
            assert flow.phase is PackPhase.AWAIT_TRACKING
            assert flow.display.infos[-1].startswith("Scan the label of box 1 of 2")  # type: ignore[attr-defined]
            flow.scan(TRACKING[0])
            flow.scan(TRACKING[0])  # the same label again is refused
            assert flow.display.errors[-1].startswith("That is the label of box 1")  # type: ignore[attr-defined]
            flow.display.errors.clear()  # type: ignore[attr-defined]
            flow.scan(TRACKING[1])
        after = connector.get_order(order.id)
    assert after.fulfillment_status == FulfillmentStatus.FULFILLED
    assert not flow.display.errors  # type: ignore[attr-defined]
    weights = [w.in_unit("kg", 3) for w in host.weights]
    if dialect == "price2b":
        [request] = host.sent
        assert [(p.weight, p.length, p.lines) for p in request.packages or []] == [
            (weights[0], Decimal(20), {first.id: first.remaining}),
            (weights[1], Decimal(20), {ln.id: ln.remaining for ln in rest}),
        ]
    else:
        assert [
            (s.tracking_number, {sl.line_id: sl.quantity for sl in s.lines})
            for s in after.shipments[-2:]
        ] == [
            (TRACKING[0], {first.id: first.remaining}),
            (TRACKING[1], {ln.id: ln.remaining for ln in rest}),
        ]


@pytest.mark.integration
def test_the_headless_host_ships_two_boxes_through_the_outbox_as_the_store_takes_them(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path, audit: AuditLog
) -> None:
    """The driver without Qt packs in two boxes as the desk does: on Nexus each box's label is
    scanned, and the outbox sends one shipment per box with its own number."""
    server = make_sandbox("nexus", orders=40, seed=33)
    resources = open_desk_outbox(server, tmp_path, "nx", synced=True)
    try:
        order = open_order(resources.connector, "confirmed")
        host = DirectPackHost(resources, packer="Ana")
        with PackProgress(tmp_path / "progress.sqlite3") as progress:
            flow = pack_in_two_boxes(host, order, progress, audit)
            assert flow.phase is PackPhase.AWAIT_TRACKING
            flow.scan(TRACKING[0])
            flow.scan(TRACKING[1])
        assert not flow.display.errors  # type: ignore[attr-defined]
        report = host.send()
        assert report.pending == 0 and not report.failures
        after = resources.connector.get_order(order.id)
    finally:
        resources.close()
    first, *rest = [line for line in order.lines if line.remaining > 0]
    assert after.fulfillment_status == FulfillmentStatus.FULFILLED
    assert [
        (s.tracking_number, {sl.line_id: sl.quantity for sl in s.lines})
        for s in after.shipments[-2:]
    ] == [
        (TRACKING[0], {first.id: first.remaining}),
        (TRACKING[1], {ln.id: ln.remaining for ln in rest}),
    ]
