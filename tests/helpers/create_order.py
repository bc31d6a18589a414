"""Filling the create-order dialog the way a person does (typing into the cells, Return to
commit), and the out-of-stock round every store that refuses short lines goes through: the
store marks the short line in the still-open dialog, the packer removes it, the order is made."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit

from fulfillment_station.sandbox.dialects.inventory_cloud import initial_stock
from fulfillment_station.ui.dialogs.create_order_dialog import Column, CreateOrderDialog


def type_cell(qtbot: Any, dlg: CreateOrderDialog, row: int, column: Column, text: str) -> None:
    index = dlg.model.index(row, column)
    if dlg.table.state() != QAbstractItemView.State.EditingState:  # Add line opens an editor
        dlg.table.setCurrentIndex(index)
        dlg.table.edit(index)
    assert dlg.table.currentIndex() == index
    editors = [w for w in dlg.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    qtbot.keyClicks(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.table.state() == QAbstractItemView.State.NoState)


def fill(qtbot: Any, dlg: CreateOrderDialog, lines: list[tuple[str, str, str]]) -> None:
    qtbot.keyClicks(dlg.customer_name, "Ada Lovelace")
    if dlg.customer_id is not None:
        qtbot.keyClicks(dlg.customer_id, "CUST98765")
    for name, text in (
        ("name", "Ada Lovelace"),
        ("line1", "12 Harbour Road"),
        ("city", "Portland"),
        ("country", "US"),
    ):
        qtbot.keyClicks(dlg.address.edits[name], text)
    for row, (sku, quantity, price) in enumerate(lines):
        if row:
            qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
        type_cell(qtbot, dlg, row, Column.SKU, sku)
        type_cell(qtbot, dlg, row, Column.QUANTITY, quantity)
        if price:
            type_cell(qtbot, dlg, row, Column.PRICE, price)


def create(qtbot: Any, dlg: CreateOrderDialog) -> None:
    with qtbot.waitSignal(dlg.finished, timeout=20_000):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.error_label.text()


def stock_skus() -> tuple[str, str]:
    """(a SKU with plenty in stock, a sold-out SKU) of the Inventory Cloud sandbox."""
    stock = initial_stock(5)
    plenty = next(sku for sku, n in stock.items() if n >= 20)
    sold_out = next(sku for sku, n in stock.items() if n == 0)
    return plenty, sold_out


def refused_short_line_then_created(qtbot: Any, dlg: CreateOrderDialog, short_row: int) -> None:
    """Fill one short line (at ``short_row``, 0 or 1) and one in stock, press OK: the store's
    OUT_OF_STOCK marks only the short line and the dialog stays open; remove that line and the
    order is created."""
    plenty, sold_out = stock_skus()
    lines = [(plenty, "1", ""), (sold_out, "2", "")]
    if short_row == 0:
        lines.reverse()
    fill(qtbot, dlg, lines)
    with qtbot.waitSignal(dlg._answered, timeout=20_000):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    problems = [dlg.model.index(row, Column.PROBLEM).data() for row in (0, 1)]
    assert problems[short_row] == "Out of stock" and problems[1 - short_row] == ""
    assert sold_out in dlg.error_label.text()
    # The packer removes the short line and tries again, without retyping the rest.
    dlg.table.setCurrentIndex(dlg.model.index(short_row, Column.SKU))
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    create(qtbot, dlg)
    assert dlg.created is not None
