"""Create-order dialog: lines added and removed, the request, refusals and out-of-stock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit

from fulfillment_station.connectors.inventory_cloud import CAPABILITIES as INVENTORY
from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.ui.dialogs.create_order_dialog import Column, CreateOrderDialog


def dialog(qtbot: Any, caps: Any = INVENTORY) -> CreateOrderDialog:
    dlg = CreateOrderDialog(caps, catalogue_hint=["MUG-RED", "CAP-BLUE"])
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def type_cell(qtbot: Any, dlg: CreateOrderDialog, row: int, column: Column, text: str) -> None:
    index = dlg.model.index(row, column)
    if dlg.table.state() != QAbstractItemView.State.EditingState:
        dlg.table.setCurrentIndex(index)
        dlg.table.edit(index)
    assert dlg.table.currentIndex() == index
    editors = [w for w in dlg.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    qtbot.keyClicks(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    # The delegate commits an Enter through a queued call.
    qtbot.waitUntil(lambda: dlg.table.state() == QAbstractItemView.State.NoState)


def fill(qtbot: Any, dlg: CreateOrderDialog) -> None:
    qtbot.keyClicks(dlg.customer_name, "Ada Lovelace")
    if dlg.customer_id is not None:
        qtbot.keyClicks(dlg.customer_id, "CUST-1")
    type_cell(qtbot, dlg, 0, Column.SKU, "MUG-RED")
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, dlg, 1, Column.SKU, "CAP-BLUE")
    type_cell(qtbot, dlg, 1, Column.QUANTITY, "3")


@pytest.mark.gui
def test_lines_become_the_request(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    fill(qtbot, dlg)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    request = dlg.request()
    assert [(line.sku, line.quantity) for line in request.lines] == [
        ("MUG-RED", 1),
        ("CAP-BLUE", 3),
    ]
    assert request.customer.name == "Ada Lovelace"
    assert request.customer_id == "CUST-1"  # Inventory Cloud requires one
    assert request.ship_to is None
    assert request.currency == "USD"


@pytest.mark.gui
def test_removed_line_is_left_out_and_a_half_address_is_refused(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    fill(qtbot, dlg)
    dlg.table.setCurrentIndex(dlg.model.index(0, Column.SKU))
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dlg.address.edits["name"], "Ada")
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "city" in dlg.error_label.text()
    for name, text in (("line1", "1 Main St"), ("city", "London"), ("country", "GB")):
        qtbot.keyClicks(dlg.address.edits[name], text)
    dlg.accept()
    assert [line.sku for line in dlg.request().lines] == ["CAP-BLUE"]
    assert dlg.request().ship_to is not None


@pytest.mark.gui
def test_out_of_stock_is_shown_next_to_the_line(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    fill(qtbot, dlg)
    dlg.show_out_of_stock(["cap-blue"])
    assert dlg.model.index(1, Column.PROBLEM).data() == "Out of stock"
    assert dlg.model.index(0, Column.PROBLEM).data() == ""
    assert "cap-blue" in dlg.error_label.text()


@pytest.mark.gui
def test_store_that_cannot_create_is_refused(qtbot: Any) -> None:
    dlg = dialog(qtbot, NEXUS)
    assert dlg.refusal and not dlg.ok_button.isEnabled()
    fill(qtbot, dlg)
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
