"""Ship dialog: a tracking number already used on another order stops the packer, the
override is explicit and audited, and a scan made at once lands in the tracking field."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.domain.models import LineItem, Order, OrderStatus
from fulfillment_station.services.tracking_reuse import OVERRIDE_KIND, TrackingGuard
from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog
from tests.helpers.desk_tracking import UPS, cache_with_shipped_order

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def make_order() -> Order:
    return Order(
        id="C3",
        number="1003",
        dialect="nexus",
        status=OrderStatus.CONFIRMED,
        lines=[LineItem(id="L1", sku="MUG", name="Mug", quantity=2)],
        created_at=NOW,
        updated_at=NOW,
    )


def dialog(qtbot: Any, root: Path) -> ShipDialog:
    guard = TrackingGuard(root, connection="shop", station="Desk 1", packer="Ana")
    dlg = ShipDialog(make_order(), NEXUS, now=lambda: NOW, tracking_guard=guard)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.focusWidget() is dlg.rows[0].tracking)
    return dlg


def audit_rows(root: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(root / "outbox-shop.sqlite3")
    try:
        return conn.execute("SELECT kind, order_number, packer FROM audit_log").fetchall()
    finally:
        conn.close()


@pytest.mark.gui
def test_a_scan_at_once_lands_in_the_tracking_field(qtbot: Any, tmp_path: Path) -> None:
    dlg = dialog(qtbot, tmp_path)
    # No click: the scanner types into whatever has focus.
    qtbot.keyClicks(dlg.focusWidget(), UPS)
    assert dlg.rows[0].tracking.text() == UPS
    assert dlg.quantities["L1"].value() == 2


@pytest.mark.gui
def test_a_tracking_number_used_on_another_order_stops_with_both_numbers(
    qtbot: Any, tmp_path: Path
) -> None:
    cache_with_shipped_order(tmp_path)  # order #A1 already went out with UPS
    dlg = dialog(qtbot, tmp_path)
    row = dlg.rows[0]
    qtbot.keyClicks(row.tracking, UPS)
    qtbot.keyClick(row.tracking, Qt.Key.Key_Return)
    assert row.reuse_label.isVisible()
    assert "#A1" in row.reuse_label.text() and "1003" in row.reuse_label.text()
    assert dlg.focusWidget() is row.reuse_override
    dlg.ok_button.click()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "#A1" in dlg.error_label.text()
    assert not (tmp_path / "outbox-shop.sqlite3").exists()  # nothing audited: nothing chosen

    qtbot.keyClick(row.reuse_override, Qt.Key.Key_Space)
    assert row.reuse_override.isChecked()
    dlg.ok_button.click()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.request().tracking_number == UPS
    assert audit_rows(tmp_path) == [(OVERRIDE_KIND, "1003", "Ana")]


@pytest.mark.gui
def test_changing_the_number_withdraws_the_override(qtbot: Any, tmp_path: Path) -> None:
    cache_with_shipped_order(tmp_path)
    dlg = dialog(qtbot, tmp_path)
    row = dlg.rows[0]
    qtbot.keyClicks(row.tracking, UPS)
    qtbot.keyClick(row.tracking, Qt.Key.Key_Return)
    row.reuse_override.setChecked(True)
    row.tracking.clear()
    qtbot.keyClicks(row.tracking, "1Z999AA10123456784 ")  # the same number, rescanned
    assert not row.reuse_override.isChecked()
    dlg.ok_button.click()
    assert dlg.result() != QDialog.DialogCode.Accepted


@pytest.mark.gui
def test_an_override_that_cannot_be_audited_does_not_ship(qtbot: Any, tmp_path: Path) -> None:
    cache_with_shipped_order(tmp_path)
    dlg = dialog(qtbot, tmp_path)
    row = dlg.rows[0]
    qtbot.keyClicks(row.tracking, UPS)
    qtbot.keyClick(row.tracking, Qt.Key.Key_Return)
    row.reuse_override.setChecked(True)
    # The audit file's place is taken by a folder: the write fails as on a broken disk.
    (tmp_path / "outbox-shop.sqlite3").mkdir()
    dlg.ok_button.click()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "audit log" in dlg.error_label.text()


@pytest.mark.gui
def test_an_unused_number_ships_without_a_question(qtbot: Any, tmp_path: Path) -> None:
    cache_with_shipped_order(tmp_path, tracking="1Z999AA10123456700")
    dlg = dialog(qtbot, tmp_path)
    qtbot.keyClicks(dlg.rows[0].tracking, UPS)
    dlg.ok_button.click()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert not dlg.rows[0].reuse_override.isVisible()


@pytest.mark.gui
def test_a_label_scanned_into_the_dialog_lands_in_the_tracking_field(
    qtbot: Any, qapp: Any, tmp_path: Path
) -> None:
    from fulfillment_station.scanning.burst import BurstDetector
    from fulfillment_station.ui.common.scanner_filter import ScannerFilter

    scanner = ScannerFilter(BurstDetector(max_gap_ms=1000, min_length=4))
    elsewhere: list[str] = []
    scanner.scanned.connect(elsewhere.append)
    scanner.install(qapp)
    try:
        dlg = dialog(qtbot, tmp_path)
        # A scanner: the whole label and Enter in one fast burst, into the focused field.
        qtbot.keyClicks(dlg.focusWidget(), UPS)
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
    finally:
        scanner.uninstall(qapp)
    assert dlg.rows[0].tracking.text() == UPS
    assert elsewhere == []  # the main window was not asked to open an order
    assert dlg.rows[0].carrier.carrier() == "UPS"
