"""Pack mode's worker operation for an order packed in two boxes, against every dialect that
can ship (real sandboxes over loopback, real outbox and cache files): each store gets the
boxes the way its API takes them, and the whole order ships."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from fulfillment_station.connectors import connector_class
from fulfillment_station.domain import Order
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.domain.weight import Weight
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services import operations
from fulfillment_station.services.boxes import BoxShipping, PackedBox, box_shipping
from fulfillment_station.services.resources import (
    ConnectionConfig,
    OutboxResources,
    outbox_resources,
)
from fulfillment_station.services.sync import SyncService
from fulfillment_station.services.weighing import BoxType
from fulfillment_station.store.outbox import ActionState
from fulfillment_station.store.settings import Settings
from tests.conftest import TEST_TOKEN
from tests.services.test_operations import CONNECTION, SHIPPING_DIALECTS

LABELS = ["1Z999AA10123456784", "1Z12345E6605272234"]
SMALL = BoxType("Small", Decimal(20), Decimal(15), Decimal(10), Weight.of("150", "g"))


def test_each_dialect_takes_boxes_as_its_seed_documents() -> None:
    assert {d: box_shipping(connector_class(d).CAPABILITIES) for d in SHIPPING_DIALECTS} == {
        "price2b": BoxShipping.PACKAGES,  # ship with packages[] (dimensions and items)
        "nexus": BoxShipping.SHIPMENTS,  # one shipment per call, with line quantities
        "squarespace": BoxShipping.ONE,  # fulfills the whole order
        "generic-rest": BoxShipping.ONE,  # one status change
    }
    assert box_shipping(connector_class("inventory-cloud").CAPABILITIES) is BoxShipping.ONE


@pytest.fixture
def desk(
    request: pytest.FixtureRequest, make_sandbox: Callable[..., SandboxServer], tmp_path: Path
) -> Iterator[tuple[SandboxServer, OutboxResources]]:
    """The outbox worker's resources of a desk whose label printer is a folder and whose
    label defaults (carrier, service) buy Price2b's label, synced from the sandbox."""
    server = make_sandbox(request.param, orders=40, seed=33)
    config = ConnectionConfig(
        id=CONNECTION, dialect=request.param, base_url=server.base_url, token=TEST_TOKEN, label="S"
    )
    settings = Settings.defaults().replace(
        {
            "printers.label_printer": f"file:{tmp_path / 'labels'}",
            "printers.label_format": "pdf",
            "printers.label_carrier": "fedex",
            "printers.label_service": "GROUND",
        }
    )
    resources = outbox_resources(
        config,
        tmp_path / "cache.sqlite3",
        tmp_path / "outbox.sqlite3",
        station="Desk 1",
        print_queue_path=tmp_path / "print-queue.sqlite3",
        settings=lambda: settings,
        sleep=lambda _s: None,
        max_read_attempts=2,
    )()
    try:
        SyncService(resources.connector, resources.cache, CONNECTION).run()
        yield server, resources
    finally:
        resources.close()


def _two_box_order(resources: OutboxResources) -> Order:
    for summary in resources.cache.load_summaries(CONNECTION):
        if summary.status not in ("confirmed", "processing", "pending"):
            continue
        if summary.fulfillment != "unfulfilled":
            continue
        order = operations.read_for_packing(resources, OrderRef(CONNECTION, summary.order_id))
        if len([line for line in order.lines if line.remaining > 0]) >= 2 and not order.holds:
            return order
    raise AssertionError("the sandbox has no order of two lines to pack")


def _boxes(order: Order) -> list[PackedBox]:
    first, *rest = [line for line in order.lines if line.remaining > 0]
    return [
        PackedBox({first.id: first.remaining}, SMALL, Weight.of("0.8", "kg"), LABELS[0]),
        PackedBox(
            {line.id: line.remaining for line in rest}, SMALL, Weight.of("1.2", "kg"), LABELS[1]
        ),
    ]


@pytest.mark.parametrize("desk", SHIPPING_DIALECTS, indirect=True)
def test_two_boxes_ship_the_whole_order_the_way_each_store_takes_boxes(
    desk: tuple[SandboxServer, OutboxResources],
) -> None:
    _server, resources = desk
    how = box_shipping(resources.connector.capabilities)
    order = _two_box_order(resources)
    boxes = _boxes(order)
    # Price2b sells the label: no number is scanned.
    tracking = None if how is BoxShipping.PACKAGES else LABELS[0]
    queued = operations.queue_pack_boxes(resources, order, boxes, tracking, None, packer="Ana")
    requests = [shipment.request for shipment in queued]
    if how is BoxShipping.PACKAGES:
        [request] = requests
        assert [(p.weight, p.length, p.lines) for p in request.packages or []] == [
            (Decimal("0.800"), Decimal(20), dict(boxes[0].lines)),
            (Decimal("1.200"), Decimal(20), dict(boxes[1].lines)),
        ]
    elif how is BoxShipping.SHIPMENTS:
        assert [(r.tracking_number, r.lines) for r in requests] == [
            (LABELS[0], dict(boxes[0].lines)),
            (LABELS[1], dict(boxes[1].lines)),
        ]
        # A retry after a failure part-way queues nothing twice.
        assert (
            operations.queue_pack_boxes(resources, order, boxes, tracking, None, packer="Ana") == []
        )
    else:
        [request] = requests  # one shipment of every unit; the boxes are on the slip
        assert request.lines == {**boxes[0].lines, **boxes[1].lines}
        assert request.tracking_number == LABELS[0]
    report = operations.pump_outbox(resources)
    assert {r.state for r in report.records} == {ActionState.DONE}, [
        r.message for r in report.records
    ]
    shipped = resources.connector.get_order(order.id)
    assert all(line.remaining == 0 for line in shipped.lines)
    if how is BoxShipping.SHIPMENTS:
        assert [s.tracking_number for s in shipped.shipments[-2:]] == LABELS


@pytest.mark.parametrize("desk", ["nexus"], indirect=True)
def test_a_held_order_in_two_boxes_ships_only_with_the_packers_reason_audited(
    desk: tuple[SandboxServer, OutboxResources],
) -> None:
    """F2 on a held order in pack mode, then two boxes: every box's shipment carries the
    packer's reason; without it none is queued."""
    from fulfillment_station.domain.holds import with_packer_holds
    from fulfillment_station.services.outbox_service import NotShippable
    from fulfillment_station.store.audit import AuditLog

    _server, resources = desk
    order = with_packer_holds(_two_box_order(resources), ["customer asked to wait"])
    boxes = _boxes(order)
    with pytest.raises(NotShippable):
        operations.queue_pack_boxes(resources, order, boxes, LABELS[0], None, packer="Ana")
    queued = operations.queue_pack_boxes(
        resources, order, boxes, LABELS[0], None, packer="Ana", hold_override="goods arrived"
    )
    assert len(queued) == 2
    audit = AuditLog(resources.outbox_store, station="")
    overrides = [e for e in audit.for_order(order.id) if e.kind == "hold_override"]
    assert sorted(e.action_id for e in overrides) == sorted(s.record.id for s in queued)
    assert all("goods arrived" in e.message for e in overrides)
