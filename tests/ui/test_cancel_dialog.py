"""Cancel dialog: reason, deliberate confirmation and refusals."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fulfillment_station.connectors.generic_rest import CAPABILITIES as GENERIC
from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.domain.models import FulfillmentStatus, LineItem, Order, OrderStatus
from fulfillment_station.ui.dialogs.cancel_dialog import CancelDialog

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def make_order(**update: Any) -> Order:
    order = Order(
        id="o1",
        number="1001",
        dialect="nexus",
        status=OrderStatus.CONFIRMED,
        lines=[LineItem(id="L1", sku="MUG", quantity=2)],
        created_at=NOW,
        updated_at=NOW,
    )
    return order.model_copy(update=update)


def dialog(qtbot: Any, order: Order, caps: Any = NEXUS) -> CancelDialog:
    dlg = CancelDialog(order, caps)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.mark.gui
def test_enter_keeps_the_order_and_the_named_button_cancels(qtbot: Any) -> None:
    dlg = dialog(qtbot, make_order())
    assert dlg.cancel_button.text() == "Cancel order 1001"
    qtbot.keyClicks(dlg.reason.lineEdit(), "Customer asked to cancel")
    qtbot.keyClick(dlg.reason.lineEdit(), Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Rejected
    with pytest.raises(RuntimeError):
        dlg.request()


@pytest.mark.gui
def test_reason_is_required_where_the_store_takes_one(qtbot: Any) -> None:
    dlg = dialog(qtbot, make_order())
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "reason" in dlg.error_label.text()
    qtbot.keyClicks(dlg.reason.lineEdit(), "Duplicate order")
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.request().reason == "Duplicate order"
    assert dlg.request().notify_customer is None


@pytest.mark.gui
def test_reason_is_optional_where_the_store_takes_none(qtbot: Any) -> None:
    dlg = dialog(qtbot, make_order(), GENERIC)
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.request().reason is None


@pytest.mark.gui
def test_partly_shipped_order_is_refused(qtbot: Any) -> None:
    dlg = dialog(qtbot, make_order(fulfillment_status=FulfillmentStatus.PARTIAL))
    assert dlg.refusal is not None and "already shipped" in dlg.refusal
    assert not dlg.cancel_button.isEnabled()
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
