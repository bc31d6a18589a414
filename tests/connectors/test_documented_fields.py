"""Fields the seeds document reach the canonical model (and from there the screen and the
slip): Squarespace shippingLines under the seed's names, Inventory Cloud shipping_method,
Nexus has_returns, Price2b channel_order_id, shipment status, parcels and warehouse."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import ListQuery
from fulfillment_station.domain.models import FulfillmentStatus, OrderStatus
from fulfillment_station.domain.requests import Package, ShipRequest
from fulfillment_station.sandbox.dialects.squarespace import CHECKOUT_SERVICES
from fulfillment_station.sandbox.server import SandboxServer
from tests.conftest import TEST_TOKEN

pytestmark = pytest.mark.integration


def test_squarespace_shipping_line_uses_the_seed_names_and_is_the_service_paid_for(
    shared_sandbox: Callable[[str], SandboxServer],
) -> None:
    server = shared_sandbox("squarespace")
    raw = httpx.get(
        server.base_url.rstrip("/") + "/1.0/commerce/orders",
        headers={"Authorization": f"Bearer {TEST_TOKEN}"},
    ).json()
    line = raw["result"][0]["shippingLines"][0]
    assert {"shippingOptionName", "shippingOptionServiceType"} <= set(line)
    assert "method" not in line  # a name the seed does not use
    with connect("squarespace", server.base_url, TEST_TOKEN) as connector:
        orders = connector.list_orders(limit=30)
    names = {name for name, _kind in CHECKOUT_SERVICES}
    assert orders and all(o.service_requested in names for o in orders)
    assert len({o.service_requested for o in orders}) > 1


def test_inventory_cloud_shipping_method_is_known_before_shipping(
    shared_sandbox: Callable[[str], SandboxServer],
) -> None:
    server = shared_sandbox("inventory-cloud")
    with connect("inventory-cloud", server.base_url, TEST_TOKEN) as connector:
        orders = connector.list_orders(limit=100)
    unshipped = [
        o
        for o in orders
        if o.status in (OrderStatus.PENDING, OrderStatus.PROCESSING) and not o.shipments
    ]
    assert unshipped
    for order in orders:
        assert order.service_requested == (order.raw or {}).get("shipping_method")
    assert any(o.service_requested for o in unshipped)


def test_nexus_has_returns_is_on_the_order(shared_sandbox: Callable[[str], SandboxServer]) -> None:
    server = shared_sandbox("nexus")
    with connect("nexus", server.base_url, TEST_TOKEN) as connector:
        returned = connector.list_orders(ListQuery(has_returns=True), limit=20)
        kept = connector.list_orders(ListQuery(has_returns=False), limit=20)
        detail = connector.get_order(returned[0].id)
        plain = connector.list_orders(limit=5)
    assert returned and all(o.has_returns is True for o in returned)
    assert kept and all(o.has_returns is False for o in kept)
    assert detail.has_returns is True
    assert all(o.has_returns is None for o in plain)  # a list row does not say


def test_price2b_marketplace_order_id_and_shipment_status(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("price2b", orders=30)
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        orders = [connector.get_order(o.id) for o in connector.list_orders(limit=30)]
        for order in orders:
            assert order.marketplace_order_id == (order.raw or {}).get("channel_order_id")
        assert any(o.marketplace_order_id for o in orders)
        open_order = next(
            o
            for o in orders
            if o.status == OrderStatus.PROCESSING
            and o.fulfillment_status == FulfillmentStatus.UNFULFILLED
            and len(o.lines) >= 2
            and all(ln.weight for ln in o.lines)
        )
        first, second = open_order.lines[:2]
        result = connector.ship(
            open_order.id,
            ShipRequest(
                carrier="fedex",
                service="GROUND",
                warehouse_id=3,
                packages=[
                    Package(
                        weight=Decimal("1.5"), length=Decimal(30), lines={first.id: first.quantity}
                    ),
                    Package(weight=Decimal("0.5"), lines={second.id: second.quantity}),
                ],
            ),
        )
        shipment = result.shipment
        assert shipment is not None and shipment.warehouse_id == "3"
        assert [
            (p.weight, [(sl.line_id, sl.quantity) for sl in p.lines]) for p in shipment.packages
        ] == [
            (Decimal("1.5"), [(first.id, first.quantity)]),
            (Decimal("0.5"), [(second.id, second.quantity)]),
        ]
        listed = connector.list_shipments(open_order.id)
        assert listed and {s.status for s in listed} <= {"in_transit", "delivered"}
        assert listed[-1].status == "in_transit"
