"""Bulk ship dialog: scanning row by row, CSV import with bad rows, results and retry."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.domain.models import Customer, LineItem, Order, OrderStatus
from fulfillment_station.ui.dialogs.bulk_ship_dialog import BulkShipDialog, Column

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
UPS = "1Z999AA10123456784"
UPS_BAD = "1Z999AA10123456785"


def make_order(n: int) -> Order:
    return Order(
        id=f"o{n}",
        number=f"10{n:02d}",
        dialect="nexus",
        status=OrderStatus.CONFIRMED,
        customer=Customer(name=f"Customer {n}"),
        lines=[LineItem(id="L1", sku="MUG", quantity=3)],
        created_at=NOW,
        updated_at=NOW,
    )


def dialog(qtbot: Any, count: int = 3) -> BulkShipDialog:
    dlg = BulkShipDialog([make_order(n) for n in range(1, count + 1)], NEXUS)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def editor(dlg: BulkShipDialog) -> QLineEdit:
    """The open cell editor (found as a child: the offscreen platform gives no focus)."""
    open_editors = [w for w in dlg.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(open_editors) == 1
    return open_editors[0]


def cell(dlg: BulkShipDialog, row: int, column: Column) -> str:
    return str(dlg.model.index(row, column).data())


@pytest.mark.gui
def test_typed_tracking_per_row_moves_on_and_detects_the_carrier(qtbot: Any) -> None:
    dlg = dialog(qtbot, 2)
    dlg.table.edit(dlg.model.index(0, Column.TRACKING))
    qtbot.keyClicks(editor(dlg), UPS)
    qtbot.keyClick(editor(dlg), Qt.Key.Key_Return)
    assert cell(dlg, 0, Column.CARRIER) == "UPS"
    assert dlg.table.currentIndex().row() == 1
    qtbot.keyClicks(editor(dlg), "HELLO42")
    qtbot.keyClick(editor(dlg), Qt.Key.Key_Return)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert cell(dlg, 1, Column.TRACKING) == "HELLO42"
    assert cell(dlg, 1, Column.RESULT) == "Unknown format: check it"
    dlg.accept()
    assert "Order 1002 has no carrier." in dlg.error_label.text()
    dlg.model.setData(dlg.model.index(1, Column.CARRIER), "Local courier")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert [(i.order_id, i.carrier, i.tracking_number) for i in dlg.items()] == [
        ("o1", "UPS", UPS),
        ("o2", "Local courier", "HELLO42"),
    ]


@pytest.mark.gui
def test_csv_import_fills_rows_and_reports_bad_ones(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    errors = dlg.import_csv(
        "order number,carrier,tracking,lines\n"
        f"1001,,{UPS},L1:2\n"
        "9999,UPS,1Z999AA10123456784\n"
        "1002,DHL Express,JD0123\n"
        "1003,UPS\n"
        f"1003,UPS,{UPS},L1:7\n"
    )
    assert errors == [
        "Row 3: order 9999 is not one of the selected orders.",
        "Row 5: expected order number, carrier, tracking number.",
        "Row 6: L1:7 is not a quantity between 1 and 3.",
    ]
    assert "Row 3" in dlg.error_label.text()
    assert (cell(dlg, 0, Column.CARRIER), cell(dlg, 0, Column.TRACKING)) == ("UPS", UPS)
    assert cell(dlg, 1, Column.CARRIER) == "DHL Express"
    assert cell(dlg, 2, Column.TRACKING) == ""
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "Order 1003 has no tracking number." in dlg.error_label.text()


@pytest.mark.gui
def test_wrong_check_digit_blocks_the_batch(qtbot: Any) -> None:
    dlg = dialog(qtbot, 1)
    dlg.model.setData(dlg.model.index(0, Column.TRACKING), UPS_BAD)
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "check digit" in dlg.error_label.text()


@pytest.mark.gui
def test_results_and_retry_failed_offers_only_the_failed(qtbot: Any) -> None:
    dlg = dialog(qtbot, 2)
    dlg.import_csv(f"1001,UPS,{UPS}\n1002,UPS,{UPS}\n")
    dlg.accept()
    dlg.show()
    dlg.show_results({"o1": (True, ""), "o2": (False, "Order is on hold")})
    assert cell(dlg, 0, Column.RESULT) == "Shipped"
    assert cell(dlg, 1, Column.RESULT) == "Failed: Order is on hold"
    assert dlg.retry_button.isVisible()
    with qtbot.waitSignal(dlg.retry_failed_requested) as retry:
        qtbot.mouseClick(dlg.retry_button, Qt.MouseButton.LeftButton)
    assert [item.order_id for item in retry.args[0]] == ["o2"]


@pytest.mark.gui
def test_cancelled_order_in_the_batch_is_named(qtbot: Any) -> None:
    cancelled = make_order(2).model_copy(update={"status": OrderStatus.CANCELLED})
    dlg = BulkShipDialog([make_order(1), cancelled], NEXUS)
    qtbot.addWidget(dlg)
    dlg.import_csv(f"1001,UPS,{UPS}\n1002,UPS,{UPS}\n")
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "Order 1002: The order is cancelled; nothing can be shipped." in dlg.error_label.text()
