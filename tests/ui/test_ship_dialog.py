"""Ship dialog: quantities, tracking check digits, refusals and capabilities."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fulfillment_station.connectors.base import Operation
from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.connectors.price2b import CAPABILITIES as PRICE2B
from fulfillment_station.connectors.squarespace import CAPABILITIES as SQUARESPACE
from fulfillment_station.domain.models import LineItem, Order, OrderStatus
from fulfillment_station.domain.requests import FulfillRequest, ShipRequest
from fulfillment_station.services.store_labels import LabelDefaults
from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
UPS = "1Z999AA10123456784"
UPS_BAD = "1Z999AA10123456785"


def make_order(status: OrderStatus = OrderStatus.CONFIRMED) -> Order:
    return Order(
        id="o1",
        number="1001",
        dialect="nexus",
        status=status,
        lines=[
            LineItem(id="L1", sku="MUG", name="Mug", quantity=3),
            LineItem(id="L2", sku="CAP", name="Cap", quantity=2, quantity_fulfilled=1),
        ],
        created_at=NOW,
        updated_at=NOW,
    )


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
    dlg = dialog(qtbot, caps=SQUARESPACE, mode=Operation.FULFILL)
    qtbot.keyClicks(dlg.rows[0].tracking, UPS)
    qtbot.mouseClick(dlg.add_shipment_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dlg.rows[1].tracking, "HELLO42")
    dlg.rows[1].carrier.setCurrentText("DHL Express")
    dlg.accept()
    request = dlg.request()
    assert isinstance(request, FulfillRequest)
    assert [(s.carrier, s.tracking_number) for s in request.shipments] == [
        ("UPS", UPS),
        ("DHL Express", "HELLO42"),
    ]


@pytest.mark.gui
def test_price2b_ships_without_tracking_and_with_a_parcel(qtbot: Any) -> None:
    dlg = dialog(qtbot, caps=PRICE2B)
    assert dlg.package_box is not None
    dlg.rows[0].carrier.setCurrentText("UPS")
    dlg.package_fields["weight"].setValue(1.5)
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "service level" in dlg.error_label.text()  # Price2b sells no label without one
    dlg.rows[0].service.setText("GROUND")
    dlg.accept()
    request = dlg.request()
    assert isinstance(request, ShipRequest)
    assert request.tracking_number is None and request.service == "GROUND"
    assert [str(p.weight) for p in request.packages] == ["1.5"]
    assert request.packages[0].lines == {"L1": 3, "L2": 1}  # the parcel lists its items


def weighed_order(**extra: Any) -> Order:
    return make_order().model_copy(
        update={
            "lines": [
                LineItem(id="L1", sku="MUG", name="Mug", quantity=3, weight=Decimal("0.4")),
                LineItem(
                    id="L2",
                    sku="CAP",
                    name="Cap",
                    quantity=2,
                    quantity_fulfilled=1,
                    weight=Decimal("0.25"),
                ),
            ],
            **extra,
        }
    )


@pytest.mark.gui
def test_price2b_label_takes_the_checkout_choice_or_the_desk_defaults(qtbot: Any) -> None:
    defaults = LabelDefaults("fedex", "INTERNATIONAL_ECONOMY")
    plain = dialog(qtbot, weighed_order(), caps=PRICE2B, label_defaults=defaults)
    assert plain.rows[0].carrier.carrier() == "fedex"
    assert plain.rows[0].service.text() == "INTERNATIONAL_ECONOMY"
    assert plain.package_fields["weight"].value() == pytest.approx(3 * 0.4 + 0.25)
    chosen = dialog(
        qtbot, weighed_order(service_requested="ups GROUND"), caps=PRICE2B, label_defaults=defaults
    )
    assert (chosen.rows[0].carrier.carrier(), chosen.rows[0].service.text()) == ("ups", "GROUND")
    chosen.accept()
    request = chosen.request()
    assert isinstance(request, ShipRequest) and request.service == "GROUND"


@pytest.mark.gui
def test_price2b_ships_several_parcels_each_with_its_items(qtbot: Any) -> None:
    dlg = dialog(
        qtbot, weighed_order(), caps=PRICE2B, label_defaults=LabelDefaults("fedex", "GROUND")
    )
    dlg.add_parcel_button.click()
    first, second = dlg.parcels
    second.units["L1"].setValue(1)
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "parcels hold 4 of MUG but 3 ship" in dlg.error_label.text()
    first.units["L1"].setValue(2)
    second.fields["weight"].setValue(0.4)
    second.fields["length"].setValue(20)
    dlg.accept()
    request = dlg.request()
    assert isinstance(request, ShipRequest)
    assert [(p.lines, p.weight, p.length) for p in request.packages] == [
        ({"L1": 2, "L2": 1}, Decimal("1.45"), None),
        ({"L1": 1}, Decimal("0.4"), Decimal(20)),
    ]


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


def test_the_scale_fills_the_parcel_weight_with_no_key_press(qtbot: Any) -> None:
    from fulfillment_station.hardware.serial_scale import SerialScale
    from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher
    from tests.helpers.scale_sim import ScaleSimulator

    with ScaleSimulator("cas", weight="1.250", unit="kg", state="motion") as sim:
        weigher = ScaleWeigher(lambda: SerialScale(sim.path, "cas", name="Desk scale"))
        dlg = dialog(qtbot, caps=PRICE2B, weigher=weigher)
        try:
            assert dlg.package_fields["weight"].value() == 0  # swinging: nothing taken yet
            with qtbot.waitSignal(weigher.stable, timeout=5000):
                sim.put("1.250", "stable")
            qtbot.waitUntil(lambda: dlg.package_fields["weight"].value() == 1.25, timeout=5000)

            # The box comes off and a heavier one goes on: the field follows.
            sim.put("0.000", "stable")
            with qtbot.waitSignal(weigher.stable, timeout=5000):
                sim.put("2.400", "stable")
            qtbot.waitUntil(lambda: dlg.package_fields["weight"].value() == 2.4, timeout=5000)

            # Too heavy for the scale: said once, and the weight taken stays.
            with qtbot.waitSignal(weigher.problem, timeout=5000):
                sim.put("99", "over")
            qtbot.waitUntil(lambda: "is over its capacity" in dlg.scale_label.text(), timeout=5000)
            assert dlg.package_fields["weight"].value() == 2.4
        finally:
            dlg.reject()
        assert not weigher.running


def test_a_scale_that_cannot_be_opened_says_so(qtbot: Any) -> None:
    from fulfillment_station.hardware.serial_scale import SerialScale
    from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher

    weigher = ScaleWeigher(lambda: SerialScale("/dev/nonexistent-scale", "sics", name="Desk"))
    with qtbot.waitSignal(weigher.problem, timeout=5000) as said:
        weigher.start()
    assert "The scale Desk cannot be opened" in said.args[0]
    weigher.stop()
