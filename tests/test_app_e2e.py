"""The whole app as ``fulfillment-station`` builds it, in training mode, driven like a packer:
F9 into pack mode, then scanner bursts only - the order number, every item, the tracking
number - and the order is printed, shipped through the outbox and applied once by the store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.services.order_filters import PRESETS
from tests.helpers.training_app import TRACKING, parts, scan

__all__ = ["parts"]  # the fixture, imported for pytest

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


def test_an_order_is_packed_printed_and_shipped_with_scans_only(
    qtbot: Any, parts: AppParts, tmp_path: Path
) -> None:
    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    assert parts.config.training and window.training_banner.isVisible()
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("to_pack"))
    sandbox = parts.sandbox
    assert sandbox is not None
    # A to-pack order of at most three units whose lines all have barcodes.
    order: Order | None = None
    for row in range(window.proxy.rowCount()):
        stored = sandbox.db.get(window.proxy.key_at(row).order_id)
        assert stored is not None
        candidate = stored.order
        if (
            candidate.status is OrderStatus.CONFIRMED
            and candidate.item_count <= 3
            and all(line.barcode for line in candidate.lines)
        ):
            order = candidate
            break
    assert order is not None

    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.in_pack_mode
    pack = parts.pack_view
    with qtbot.waitSignal(pack.order_opened, timeout=20_000) as opened:
        scan(qtbot, pack, order.number)
    assert opened.args[0].id == order.id

    for line in order.lines:
        for _ in range(line.remaining):
            scan(qtbot, pack, line.barcode or "")
    # Every line verified: the slip prints by itself, then pack mode asks for the tracking.
    qtbot.waitUntil(lambda: any((tmp_path / "prints").iterdir()), timeout=20_000)
    qtbot.waitUntil(lambda: "tracking" in pack.message.text().lower(), timeout=20_000)
    with qtbot.waitSignal(pack.order_shipped, timeout=20_000):
        scan(qtbot, pack, TRACKING)

    def applied() -> list[dict[str, Any]]:
        return [
            e
            for e in sandbox.db.journal()["effects"]
            if e["kind"] == "shipment" and e["order_id"] == order.id
        ]

    qtbot.waitUntil(lambda: len(applied()) == 1, timeout=30_000)
    assert applied()[0]["detail"]["tracking_number"] == TRACKING
    shipped = sandbox.db.get(order.id)
    assert shipped is not None and shipped.order.status is OrderStatus.SHIPPED
    # The slip, then the label with the scanned tracking number, each printed once.
    qtbot.waitUntil(lambda: len(list((tmp_path / "prints").iterdir())) == 2, timeout=20_000)
    printed = sorted((tmp_path / "prints").iterdir(), key=lambda p: p.stat().st_mtime)
    assert printed[0].read_bytes().startswith(b"%PDF")
    label = printed[1].read_text()
    assert label.count("^XA") == 1 and TRACKING in label.replace(" ", "")
    assert "NO POSTAGE" in label


def test_ship_dialog_from_the_order_menu_ships_through_the_outbox(
    qtbot: Any, parts: AppParts
) -> None:
    """Mouse-and-keyboard path: select an order, Order → Ship…, type the tracking number,
    accept; the outbox sends it and the table shows the order shipped."""
    from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog

    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    sandbox = parts.sandbox
    assert sandbox is not None
    row = next(
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.summary_at(r).status == "confirmed" and not window.proxy.summary_at(r).holds
    )
    ref = window.proxy.key_at(row)
    window.table.selectRow(row)
    ship = next(a for a in window.menuBar().actions() if a.text() == "&Order").menu().actions()[0]
    assert ship.isEnabled()
    ship.trigger()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, ShipDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=10_000,
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ShipDialog) and w.isVisible()
    )
    qtbot.keyClicks(dialog.rows[0].tracking, TRACKING)
    # The dialog opens in the tracking field, which takes what is typed or scanned into it.
    qtbot.waitUntil(lambda: dialog.rows[0].tracking.text() == TRACKING, timeout=5_000)
    with qtbot.waitSignal(parts.actions.orders_changed, timeout=30_000) as changed:
        dialog.accept()
    assert changed.args[0][0].id == ref.order_id
    assert changed.args[0][0].status is OrderStatus.SHIPPED
    qtbot.waitUntil(
        lambda: window.model.summary(window.model.row_of(ref)).status == "shipped", timeout=10_000
    )
    # Shipped, it leaves "To pack", and the detail pane with it: nothing stale to print.
    assert window.tabs.currentIndex() == [p.key for p in PRESETS].index("to_pack")
    qtbot.waitUntil(lambda: window.detail.order is None, timeout=10_000)
    assert window.selected_refs() == []
    # Opened again from "All", this desk's own history is in its timeline (from the audit log).
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    assert window.select_order(ref)
    qtbot.waitUntil(
        lambda: any(
            "this desk" in window.detail.timeline.item(i).text()
            and "done" in window.detail.timeline.item(i).text()
            for i in range(window.detail.timeline.count())
        ),
        timeout=10_000,
    )
