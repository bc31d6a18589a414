"""Ship dialog: quantities, tracking check digits, refusals and capabilities."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.connectors.price2b import CAPABILITIES as PRICE2B
from fulfillment_station.connectors.squarespace import CAPABILITIES as SQUARESPACE
from fulfillment_station.domain.models import LineItem, Order, OrderStatus
from fulfillment_station.domain.requests import FulfillRequest, ShipRequest
from fulfillment_station.ui.ship_dialog import ShipDialog

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
UPS = "1Z999AA10123456784"
UPS_BAD = "1Z999AA10123456785"


def make_order(status: OrderStatus = OrderStatus.CONFIRMED) -> Order:
    return Order(id="o1", number="1001", dialect="nexus", status=status,
                 lines=[LineItem(id="L1", sku="MUG", name="Mug", quantity=3),
                        LineItem(id="L2", sku="CAP", name="Cap", quantity=2,
                                 quantity_fulfilled=1)],
                 created_at=NOW, updated_at=NOW)


def dialog(qtbot: Any, order: Order | None = None, caps: Any = NEXUS, **kw: Any) -> ShipDialog:
    dlg = ShipDialog(order or make_order(), caps, now=lambda: NOW, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.mark.gui
def test_scanned_ups_number_picks_the_carrier_and_its_enter_does_not_accept(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    field = dlg.rows[0].tracking
    field.setFocus()
    qtbot.keyClicks(field, UPS)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dlg.rows[0].carrier.carrier() == "UPS"
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.isVisible()
    # The next Enter, in the carrier field, is OK: the number has been checked.
    qtbot.keyClick(dlg.rows[0].carrier.lineEdit(), Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted
    request = dlg.request()
    assert isinstance(request, ShipRequest)
    assert (request.carrier, request.tracking_number) == ("UPS", UPS)
    assert request.lines == {"L1": 3, "L2": 1}


@pytest.mark.gui
def test_quantity_cannot_exceed_what_remains_and_partial_lines_are_kept(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    spin = dlg.quantities["L1"]
    spin.selectAll()
    qtbot.keyClicks(spin, "9")
    assert spin.value() <= 3
    spin.setValue(2)
    dlg.quantities["L2"].setValue(0)
    qtbot.keyClicks(dlg.rows[0].tracking, UPS)
    dlg.accept()
    assert dlg.request().lines == {"L1": 2}


@pytest.mark.gui
def test_nothing_chosen_is_refused_with_a_sentence(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    for spin in dlg.quantities.values():
        spin.setValue(0)
    qtbot.keyClicks(dlg.rows[0].tracking, UPS)
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "nothing is left to ship" in dlg.error_label.text().lower()


@pytest.mark.gui
def test_bad_check_digit_is_blocked_until_override(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    row = dlg.rows[0]
    qtbot.keyClicks(row.tracking, UPS_BAD)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "check digit" in dlg.error_label.text()
    assert row.override.isVisible()
    row.override.setChecked(True)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.request().tracking_number == UPS_BAD


@pytest.mark.gui
def test_unknown_format_warns_but_ships(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    qtbot.keyClicks(dlg.rows[0].tracking, "HELLO42")
    dlg.rows[0].carrier.setCurrentText("Local courier")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert "does not know" in dlg.warning_label.text()
    assert dlg.request().carrier == "Local courier"


@pytest.mark.gui
def test_cancelled_order_is_refused(qtbot: Any) -> None:
    dlg = dialog(qtbot, make_order(OrderStatus.CANCELLED))
    assert dlg.refusal is not None and "cancelled" in dlg.refusal
    assert not dlg.ok_button.isEnabled()
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    with pytest.raises(RuntimeError):
        dlg.request()


@pytest.mark.gui
def test_squarespace_locks_quantities_and_offers_notify(qtbot: Any) -> None:
    dlg = dialog(qtbot, caps=SQUARESPACE)
    assert all(not spin.isEnabled() for spin in dlg.quantities.values())
    assert [s.value() for s in dlg.quantities.values()] == [3, 1]
    assert dlg.notify is not None
    qtbot.keyClicks(dlg.rows[0].tracking, UPS)
    dlg.accept()
    request = dlg.request()
    assert request.lines == {"L1": 3, "L2": 1}
    assert request.notify_customer is True


@pytest.mark.gui
def test_squarespace_fulfill_takes_several_shipments(qtbot: Any) -> None:
    dlg = dialog(qtbot, caps=SQUARESPACE, mode="fulfill")
    qtbot.keyClicks(dlg.rows[0].tracking, UPS)
    qtbot.mouseClick(dlg.add_shipment_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dlg.rows[1].tracking, "HELLO42")
    dlg.rows[1].carrier.setCurrentText("DHL Express")
    dlg.accept()
    request = dlg.request()
    assert isinstance(request, FulfillRequest)
    assert [(s.carrier, s.tracking_number) for s in request.shipments] == [
        ("UPS", UPS), ("DHL Express", "HELLO42")]


@pytest.mark.gui
def test_price2b_ships_without_tracking_and_with_a_parcel(qtbot: Any) -> None:
    dlg = dialog(qtbot, caps=PRICE2B)
    assert dlg.package_box is not None
    dlg.rows[0].carrier.setCurrentText("UPS")
    dlg.package_fields["weight"].setValue(1.5)
    dlg.accept()
    request = dlg.request()
    assert isinstance(request, ShipRequest)
    assert request.tracking_number is None
    assert [str(p.weight) for p in request.packages] == ["1.5"]


@pytest.mark.gui
def test_nexus_needs_a_tracking_number_and_hides_parcels(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    assert dlg.package_box is None and dlg.notify is None
    dlg.rows[0].carrier.setCurrentText("UPS")
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "tracking number" in dlg.error_label.text()


@pytest.mark.gui
def test_escape_closes_without_a_request(qtbot: Any) -> None:
    dlg = dialog(qtbot)
    qtbot.keyClicks(dlg.rows[0].tracking, UPS)
    qtbot.keyClick(dlg.rows[0].tracking, Qt.Key.Key_Escape)
    assert dlg.result() == QDialog.DialogCode.Rejected
    with pytest.raises(RuntimeError):
        dlg.request()
