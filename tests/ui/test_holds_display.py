"""A held order shows why in the order list (status cell and tooltip) and the detail pane."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from fulfillment_station.domain.holds import store_holds
from fulfillment_station.domain.models import OrderStatus
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.ui.detail_pane import OrderDetailPane
from fulfillment_station.ui.order_table import Column, OrderTableModel
from tests.store.factories import build_order


def test_the_list_and_the_detail_pane_show_the_hold_reason(qtbot: Any, tmp_path: Path) -> None:
    fba = build_order("H1", status="processing", fulfillment_method="FBA",
                      holds=store_holds(status=OrderStatus.PROCESSING, fulfillment_method="FBA"))
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
        assert ("marketplace ships" in tip) if rows[row].order_id == "H1" \
            else ("re-weigh" in tip)
    pane = OrderDetailPane(locale="en")
    qtbot.addWidget(pane)
    pane.show_order(fba)
    assert "do not ship" in pane.holds.text() and "(FBA)" in pane.holds.text()
    pane.show_order(held_again)
    assert "label printer jammed, re-weigh" in pane.holds.text()
    pane.show_order(build_order("H3", status="processing"))
    assert pane.holds.text() == ""
