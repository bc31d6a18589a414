"""Edit dialog: only changed fields come back, addresses are checked, fixed fields say why."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fulfillment_station.connectors.base import Operation
from fulfillment_station.connectors.generic_rest import CAPABILITIES as GENERIC
from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.connectors.price2b import CAPABILITIES as PRICE2B
from fulfillment_station.domain.models import Address, Order, OrderStatus
from fulfillment_station.ui.dialogs.edit_dialog import EditOrderDialog

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
HOME = Address(name="Ada Lovelace", line1="1 Main St", city="London", country="GB")


def make_order() -> Order:
    return Order(
        id="o1",
        number="1001",
        dialect="price2b",
        status=OrderStatus.CONFIRMED,
        ship_to=HOME,
        notes="fragile",
        created_at=NOW,
        updated_at=NOW,
    )


def dialog(qtbot: Any, caps: Any = PRICE2B) -> EditOrderDialog:
    dlg = EditOrderDialog(make_order(), caps)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.mark.gui
def test_only_the_changed_field_is_returned(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    qtbot.keyClick(dlg.notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dlg.notes, " - handle with care")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    update = dlg.request()
    assert update.notes == "fragile - handle with care"
    assert update.ship_to is None and update.status is None


@pytest.mark.gui
def test_address_without_city_is_refused(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    dlg.address.edits["city"].clear()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "city" in dlg.error_label.text()
    qtbot.keyClicks(dlg.address.edits["city"], "Leeds")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.request().ship_to == HOME.model_copy(update={"city": "Leeds"})
    assert dlg.request().notes is None


@pytest.mark.gui
def test_status_offers_only_what_the_store_can_set(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    offered = [dlg.status.itemData(i) for i in range(dlg.status.count())]
    assert offered == [OrderStatus.CONFIRMED, OrderStatus.PROCESSING]
    dlg.status.setCurrentIndex(1)
    dlg.accept()
    assert dlg.request().status == OrderStatus.PROCESSING


@pytest.mark.gui
def test_unchanged_dialog_is_refused(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.error_label.text() == "Nothing has changed."


@pytest.mark.gui
def test_fields_the_api_cannot_change_are_disabled_with_the_reason(qtbot: Any) -> None:
    dlg = dialog(qtbot, GENERIC)
    assert not dlg.notes.isEnabled()
    assert "notes" in dlg.notes.toolTip()
    assert dlg.address.isEnabled()
    nexus = dialog(qtbot, NEXUS)
    assert not nexus.save_button.isEnabled()
    assert nexus.address.toolTip() == NEXUS.why_not(Operation.UPDATE)
