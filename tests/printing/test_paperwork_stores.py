"""Paperwork from every store's real orders (sandboxes over loopback): the slip's money adds
up, saying so where the store's total holds amounts it does not itemise, and an address the
store gives without a name still makes a slip and a label addressed to the customer it names."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.domain import Order, Shipment
from fulfillment_station.domain.summaries import Problem
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.printing.label_content import label_content
from fulfillment_station.printing.label_pdf import render_label_pdf
from fulfillment_station.printing.samples import sample_settings
from fulfillment_station.printing.slip import (
    UNITEMISED_CHARGES,
    money,
    render_slip,
    total_rows,
)
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.store.cache import problem_flags
from tests.conftest import TEST_TOKEN

from .conftest import pdf_pages_text

pytestmark = pytest.mark.integration

DIALECTS = ("nexus", "price2b", "squarespace", "inventory-cloud", "generic-rest")


def _orders(server: SandboxServer, count: int = 40) -> list[Order]:
    with connect(server.dialect, server.base_url, TEST_TOKEN) as connector:
        return [connector.get_order(o.id) for o in connector.list_orders(limit=count)]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_slips_money_adds_up(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer]
) -> None:
    for order in _orders(shared_sandbox(dialect)):
        rows = total_rows(order)
        assert rows[-1] == ("Total", order.total)
        assert sum((amount for _, amount in rows[:-1]), Decimal(0)) == order.total


def test_generic_rest_slip_names_the_unitemised_amount_and_the_customer(
    shared_sandbox: Callable[[str], SandboxServer],
) -> None:
    order = next(
        o
        for o in _orders(shared_sandbox("generic-rest"))
        if o.total != o.subtotal and o.ship_to is not None
    )
    assert order.ship_to is not None and order.ship_to.name == ""  # the API gives none
    customer = order.customer.name
    assert customer.startswith("CUST")
    text = " ".join(pdf_pages_text(render_slip(order, sample_settings())))
    gap = order.total - order.subtotal
    assert f"{UNITEMISED_CHARGES} {money(gap, order.currency)}" in text
    assert customer in text
    assert not problem_flags(order) & Problem.ADDRESS_INCOMPLETE


def test_generic_rest_label_is_addressed_to_the_customer_the_store_names(
    shared_sandbox: Callable[[str], SandboxServer],
) -> None:
    order = next(
        o
        for o in _orders(shared_sandbox("generic-rest"))
        if o.status in SHIPPABLE and o.ship_to is not None
    )
    shipment = Shipment(carrier="DHL", tracking_number="JD014600006543210001")
    content = label_content(order, shipment, sample_settings())
    assert content.to_lines[0] == order.customer.name
    assert order.ship_to is not None
    # The city as the destination country's post writes it (upper-cased in the US).
    assert any(order.ship_to.city.upper() in line.upper() for line in content.to_lines)
    assert render_label_pdf(order, shipment, sample_settings()).startswith(b"%PDF-")
