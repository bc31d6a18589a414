"""Creating an order from the dialog on every store that documents create (Squarespace,
Inventory Cloud, Generic REST), against their sandboxes: the customer id where the store needs
one, lines with prices, totals that add up, the store's own product ids, and an OUT_OF_STOCK
refusal marking the short line in the dialog that is still open."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector
from fulfillment_station.domain.requests import CreateOrderRequest
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.actions import new_idempotency_key
from fulfillment_station.services.new_orders import catalogue_from_orders
from fulfillment_station.ui.dialogs.create_order_dialog import Column, CreateOrderDialog
from tests.conftest import TEST_TOKEN
from tests.helpers.create_order import (
    create,
    fill,
    refused_short_line_then_created,
    type_cell,
)

pytestmark = [pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def store(
    request: pytest.FixtureRequest, make_sandbox: Callable[..., SandboxServer]
) -> Iterator[tuple[SandboxServer, Connector]]:
    server = make_sandbox(request.param, orders=40, seed=5)
    with connect(server.dialect, server.base_url, TEST_TOKEN) as connector:
        yield server, connector


def open_dialog(qtbot: Any, connector: Connector) -> CreateOrderDialog:
    """The dialog as the app opens it: the catalogue from the orders it has, and a submit
    that sends off the GUI thread and answers through ``finish``."""
    orders = (
        [connector.get_order(o.id) for o in connector.list_orders(limit=40)]
        if connector.capabilities.dialect != "inventory-cloud"
        else connector.list_orders()
    )
    holder: list[CreateOrderDialog] = []

    def submit(request: CreateOrderRequest) -> None:
        def send() -> None:
            try:
                answer: Any = connector.create(request, new_idempotency_key())
            except Exception as exc:  # the dialog shows what the store said
                answer = exc
            holder[0].finish(answer)

        threading.Thread(target=send, daemon=True).start()

    dlg = CreateOrderDialog(connector.capabilities, catalogue_from_orders(orders), submit=submit)
    holder.append(dlg)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.mark.parametrize("store", ["squarespace"], indirect=True)
def test_squarespace_order_has_its_prices_totals_and_the_variant_ids(
    qtbot: Any, store: tuple[SandboxServer, Connector]
) -> None:
    server, connector = store
    dlg = open_dialog(qtbot, connector)
    known = [item for item in dlg.model._catalogue.values() if item.product_id][:2]
    fill(qtbot, dlg, [(known[0].sku, "2", "12.50"), (known[1].sku, "1", "")])
    assert dlg.reference is not None and dlg.channel_name is not None
    qtbot.keyClicks(dlg.reference, "REPL-77")
    qtbot.keyClicks(dlg.channel_name, "Replacement")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    if known[1].unit_price is None:  # no price known for it: the dialog asks for one
        assert "unit price" in dlg.error_label.text()
        type_cell(qtbot, dlg, 1, Column.PRICE, "3.00")
    create(qtbot, dlg)
    request = dlg.request()
    assert [line.product_id for line in request.lines] == [k.product_id for k in known]
    order = dlg.created
    assert order is not None and order.id
    assert order.channel == "Replacement"
    assert (order.raw or {}).get("externalOrderReference") == "REPL-77"
    second = request.lines[1].unit_price
    assert second is not None and second > 0
    assert order.total == Decimal("25.00") + second
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [(known[0].sku, 2), (known[1].sku, 1)]
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()[
        "requests"
    ]
    sent = next(r for r in reversed(journal) if r["method"] == "POST")
    assert known[0].product_id in sent["body"]  # the store's variantId, not only the SKU


@pytest.mark.parametrize("store", ["generic-rest"], indirect=True)
def test_generic_rest_order_needs_the_customer_id_and_names_its_products(
    qtbot: Any, store: tuple[SandboxServer, Connector]
) -> None:
    _server, connector = store
    dlg = open_dialog(qtbot, connector)
    assert dlg.customer_id is not None
    sku = next(item.sku for item in dlg.model._catalogue.values() if item.product_id)
    fill(qtbot, dlg, [(sku, "2", "")])
    dlg.customer_id.clear()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "customer id" in dlg.error_label.text() and dlg.isVisible()
    qtbot.keyClicks(dlg.customer_id, "CUST98765")
    create(qtbot, dlg)
    order = dlg.created
    assert order is not None
    assert [ln.quantity for ln in order.lines] == [2]
    assert order.total == sum(ln.unit_price * ln.quantity for ln in order.lines)


@pytest.mark.parametrize("store", ["inventory-cloud"], indirect=True)
def test_inventory_cloud_out_of_stock_marks_the_line_in_the_open_dialog(
    qtbot: Any, store: tuple[SandboxServer, Connector]
) -> None:
    _server, connector = store
    dlg = open_dialog(qtbot, connector)
    refused_short_line_then_created(qtbot, dlg, short_row=1)
    assert dlg.created is not None and dlg.created.currency == "USD"


@pytest.mark.parametrize("store", ["inventory-cloud"], indirect=True)
def test_through_the_outbox_worker_out_of_stock_marks_the_line_and_then_creates(
    qtbot: Any, tmp_path: Any, store: tuple[SandboxServer, Connector]
) -> None:
    """As the app would wire it: the dialog's submit queues the create in the outbox on the
    outbox worker (create_through_outbox) and the answer comes back to the open dialog."""
    from fulfillment_station.app import ConnectionConfig, outbox_resources
    from fulfillment_station.services.new_orders import create_through_outbox
    from fulfillment_station.ui.common.tasks import ConnectionWorker

    server, connector = store
    config = ConnectionConfig(
        id="ic", dialect="inventory-cloud", base_url=server.base_url, token=TEST_TOKEN, label="IC"
    )
    worker = ConnectionWorker(
        outbox_resources(
            config, tmp_path / "cache.sqlite3", tmp_path / "outbox.sqlite3", station="Desk 1"
        ),
        name="outbox",
    )
    holder: list[CreateOrderDialog] = []

    def submit(request: CreateOrderRequest) -> None:
        task = worker.submit(
            lambda ctx: create_through_outbox(ctx.resources.outbox_service, request), "create order"
        )
        task.succeeded.connect(holder[0].finish)
        task.failed.connect(holder[0].finish)

    try:
        dlg = CreateOrderDialog(connector.capabilities, {}, submit=submit)
        holder.append(dlg)
        qtbot.addWidget(dlg)
        dlg.show()
        refused_short_line_then_created(qtbot, dlg, short_row=0)
        assert dlg.created is not None and dlg.created.status.value == "pending"
    finally:
        worker.stop()
