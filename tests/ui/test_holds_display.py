"""A held order shows why in the order list (status cell and tooltip) and the detail pane."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.app import ConnectionConfig, outbox_resources
from fulfillment_station.connectors import connect
from fulfillment_station.domain import Order
from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.models import OrderStatus
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.ui.common.tasks import ConnectionWorker
from fulfillment_station.ui.orders.detail_pane import OrderDetailPane
from fulfillment_station.ui.orders.order_table import Column, OrderTableModel
from fulfillment_station.ui.pack.pack_host import WorkerPackHost
from tests.store.factories import build_order


def test_the_list_and_the_detail_pane_show_the_hold_reason(qtbot: Any, tmp_path: Path) -> None:
    fba = build_order(
        "H1",
        status="processing",
        fulfillment_method="FBA",
        holds=store_holds(status=OrderStatus.PROCESSING, fulfillment_method="FBA"),
    )
    free = build_order("H2", status="processing")
    with OrderCache(tmp_path / "c.sqlite3") as cache:
        cache.upsert_many([fba, free], connection="shop")
        cache.set_packer_hold("shop", "H2", "label printer jammed, re-weigh")
        rows = cache.load_summaries("shop")
        held_again = cache.get("H2", connection="shop")
    model = OrderTableModel(rows)
    for row in range(2):
        cell = model.data(model.index(row, Column.STATUS))
        tip = model.data(model.index(row, Column.STATUS), Qt.ItemDataRole.ToolTipRole)
        assert "on hold" in cell
        assert ("marketplace ships" in tip) if rows[row].order_id == "H1" else ("re-weigh" in tip)
    pane = OrderDetailPane(locale="en")
    qtbot.addWidget(pane)
    pane.show_order(fba)
    assert "do not ship" in pane.holds.text() and "(FBA)" in pane.holds.text()
    pane.show_order(held_again)
    assert "label printer jammed, re-weigh" in pane.holds.text()
    pane.show_order(build_order("H3", status="processing"))
    assert pane.holds.text() == ""


@pytest.mark.integration
def test_pack_mode_loads_an_order_with_the_packers_hold(
    qtbot: Any, tmp_path: Path, make_sandbox: Callable[..., SandboxServer]
) -> None:
    server = make_sandbox("nexus", orders=30)
    with connect("nexus", server.base_url, server.token) as nexus:
        order = next(
            o for o in nexus.list_orders() if o.status.value == "confirmed" and not o.holds
        )
    with OrderCache(tmp_path / "cache.sqlite3") as cache:
        cache.upsert_many([order], connection="shop")
        cache.set_packer_hold("shop", order.id, "wrong colour in stock")
    config = ConnectionConfig(
        id="shop", dialect="nexus", base_url=server.base_url, token=server.token, label="t"
    )
    worker = ConnectionWorker(
        outbox_resources(
            config, tmp_path / "cache.sqlite3", tmp_path / "outbox.sqlite3", station="Desk 1"
        ),
        name="outbox",
    )
    loaded: list[Order] = []
    try:
        host = WorkerPackHost(outbox=worker, printer=None, next_after=lambda _ref: None)
        host.load_order(OrderRef("shop", order.id), loaded.append, lambda text: pytest.fail(text))
        qtbot.waitUntil(lambda: bool(loaded), timeout=10_000)
    finally:
        worker.stop()
    assert [h.reason for h in loaded[0].holds] == ["wrong colour in stock"]
