"""What the seeds document reaches the packer: the service paid for, the marketplace order id,
the returns badge, shipment status, parcels and warehouse, in the detail pane and on the slip
(as plain text, however hostile)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from decimal import Decimal
from typing import Any

import pytest

from fulfillment_station.domain.models import Shipment, ShipmentLine, ShipmentPackage
from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.ui.orders.detail_pane import OrderDetailPane
from tests.printing.conftest import flat, pdf_pages_text


def documented_order() -> Any:
    order = sample_order("1001")
    line = order.lines[0]
    shipment = Shipment(
        id="77",
        carrier="fedex",
        service="GROUND",
        tracking_number="794644790303",
        status="in_transit",
        warehouse_id="3",
        lines=[ShipmentLine(line_id=line.id, quantity=1)],
        packages=[
            ShipmentPackage(
                weight=Decimal("1.5"),
                length=Decimal(30),
                width=Decimal(20),
                height=Decimal(10),
                lines=[ShipmentLine(line_id=line.id, quantity=1)],
            )
        ],
    )
    return order.model_copy(
        update={
            "service_requested": "<b>USPS Ground Advantage</b>",
            "marketplace_order_id": "114-1234567-1234567",
            "has_returns": True,
            "shipments": [shipment],
        }
    )


@pytest.mark.gui
def test_the_detail_pane_shows_every_documented_field(qtbot: Any) -> None:
    pane = OrderDetailPane(locale="en")
    qtbot.addWidget(pane)
    pane.show_order(documented_order())
    assert "RETURNS" in pane.badges.text()
    assert "Marketplace order 114-1234567-1234567" in pane.facts.text()
    assert "Service paid for: <b>USPS Ground Advantage</b>" in pane.facts.text()  # literal
    shipment = pane.shipments.item(0).text()
    assert "in transit" in shipment and "from warehouse 3" in shipment
    assert "Parcel 1: 1.5 kg 30×20×10 cm" in shipment
    pane.show_order(sample_order("1002"))
    assert pane.facts.text() == "" and "RETURNS" not in pane.badges.text()


def test_the_slip_shows_the_service_paid_for_and_the_marketplace_order() -> None:
    pdf = render_slip(documented_order(), sample_settings())
    text = flat(" ".join(pdf_pages_text(pdf)))
    assert "Service paid for: <b>USPS Ground Advantage</b>" in text
    assert "Marketplace order 114-1234567-1234567" in text
    assert "RETURNS" in text and "in transit" in text
