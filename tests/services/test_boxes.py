"""An order in two boxes, against the real sandboxes over loopback: Price2b takes one ship
request with two packages (weights, dimensions, items); Nexus takes two partial shipments, one
per box, each with its own tracking number."""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal

import pypdf
import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.connectors.price2b import CAPABILITIES as PRICE2B
from fulfillment_station.connectors.squarespace import CAPABILITIES as SQUARESPACE
from fulfillment_station.domain.models import FulfillmentStatus, Order
from fulfillment_station.domain.weight import Weight
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.boxes import (
    BoxesNotShippable,
    PackedBox,
    ship_requests_for_boxes,
)
from fulfillment_station.services.weighing import box_types_from
from fulfillment_station.store.settings import Settings
from tests.conftest import TEST_TOKEN

SETTINGS = Settings.defaults().replace(
    {
        "scale.box_types": [
            {
                "name": "Small",
                "length_cm": "20",
                "width_cm": "15",
                "height_cm": "10",
                "tare_g": "150",
            },
            {
                "name": "Large",
                "length_cm": "40",
                "width_cm": "30",
                "height_cm": "20",
                "tare_g": "400",
            },
        ]
    }
)
SMALL, LARGE = box_types_from(SETTINGS)


def two_boxes(
    order: Order, tracking: tuple[str | None, str | None] = (None, None)
) -> list[PackedBox]:
    """The first line in the small box, every other line in the large one."""
    first, *rest = [line for line in order.lines if line.remaining > 0]
    return [
        PackedBox({first.id: first.remaining}, SMALL, Weight.of("0.734", "kg"), tracking[0]),
        PackedBox(
            {line.id: line.remaining for line in rest}, LARGE, Weight.of("1.5", "kg"), tracking[1]
        ),
    ]


def open_order(connector: object, status: str) -> Order:
    for summary in connector.list_orders():  # type: ignore[attr-defined]
        order = connector.get_order(summary.id)  # type: ignore[attr-defined]
        if (
            order.status == status
            and order.fulfillment_status == FulfillmentStatus.UNFULFILLED
            and len([line for line in order.lines if line.remaining > 0]) >= 2
        ):
            return order
    raise AssertionError(f"the sandbox has no {status} order with two lines")


@pytest.mark.integration
def test_two_boxes_on_price2b_are_one_shipment_with_two_packages(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("price2b", orders=40, seed=31)
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        order = open_order(connector, "processing")
        boxes = two_boxes(order)
        [request] = ship_requests_for_boxes(
            PRICE2B, boxes, carrier="fedex", service="INTERNATIONAL_ECONOMY"
        )
        assert [(p.weight, p.length, p.lines) for p in request.packages] == [
            (Decimal("0.734"), Decimal(20), dict(boxes[0].lines)),
            (Decimal("1.500"), Decimal(40), dict(boxes[1].lines)),
        ]

        result = connector.ship(order.id, request)

        shipment = result.shipment
        assert shipment is not None and shipment.tracking_number
        shipped = {sl.line_id: sl.quantity for sl in shipment.lines}
        assert shipped == {**boxes[0].lines, **boxes[1].lines}
        # The store's own label says what it was sent: two packages, 2.234 kg in all.
        label = connector.fetch_label(shipment.label_url)  # type: ignore[attr-defined]
        text = pypdf.PdfReader(io.BytesIO(label)).pages[0].extract_text()
        assert "Packages 2" in text and "Weight 2.234 kg" in text
        assert connector.get_order(order.id).fulfillment_status == FulfillmentStatus.FULFILLED


@pytest.mark.integration
def test_two_boxes_on_nexus_are_two_partial_shipments(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("nexus", orders=40, seed=32)
    with connect("nexus", server.base_url, TEST_TOKEN) as connector:
        order = open_order(connector, "confirmed")
        boxes = two_boxes(order, ("1Z999AA10123456784", "1Z12345E0205271688"))
        requests = ship_requests_for_boxes(NEXUS, boxes, carrier="UPS")
        assert [r.tracking_number for r in requests] == ["1Z999AA10123456784", "1Z12345E0205271688"]

        results = [connector.ship(order.id, request) for request in requests]

        assert results[0].order is not None
        assert results[0].order.fulfillment_status == FulfillmentStatus.PARTIAL
        after = connector.get_order(order.id)
        assert after.fulfillment_status == FulfillmentStatus.FULFILLED
        assert [
            (s.tracking_number, {sl.line_id: sl.quantity for sl in s.lines})
            for s in after.shipments[-2:]
        ] == [
            ("1Z999AA10123456784", dict(boxes[0].lines)),
            ("1Z12345E0205271688", dict(boxes[1].lines)),
        ]


def test_boxes_that_cannot_ship_say_why() -> None:
    with pytest.raises(BoxesNotShippable, match="Box 2 has no tracking number"):
        ship_requests_for_boxes(
            NEXUS, [PackedBox({"a": 1}, tracking_number="1"), PackedBox({"b": 1})], carrier="UPS"
        )
    with pytest.raises(BoxesNotShippable, match="Box 1 is empty"):
        ship_requests_for_boxes(PRICE2B, [PackedBox({"a": 0})], carrier="UPS")
    with pytest.raises(BoxesNotShippable, match="no box"):
        ship_requests_for_boxes(PRICE2B, [], carrier="UPS")


def test_a_store_without_packages_or_partial_shipments_gets_one_shipment() -> None:
    [request] = ship_requests_for_boxes(
        SQUARESPACE,
        [PackedBox({"a": 1}, tracking_number="T1"), PackedBox({"a": 1, "b": 2})],
        carrier="UPS",
    )
    assert request.lines == {"a": 2, "b": 2} and request.packages == []
