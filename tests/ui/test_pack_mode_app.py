"""The shipped order's success in the whole app (training mode, the worker host, the outbox):
"Order X shipped ✓" in green, and the first item of the next parcel scanned at once is
counted on the next order of the list once it has opened."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.app import AppParts
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.services.order_filters import PRESETS
from fulfillment_station.ui.pack.pack_mode import PackPhase
from tests.helpers.training_app import TRACKING, parts, scan

__all__ = ["parts"]  # the whole app, as the command builds it (a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


def packable(order: Order | None) -> bool:
    return (
        order is not None
        and order.status is OrderStatus.CONFIRMED
        and not order.holds
        and order.item_count <= 4
        and all(line.barcode for line in order.lines)
    )


def test_an_item_scanned_during_the_success_counts_on_the_next_order(
    qtbot: Any, parts: AppParts
) -> None:
    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("to_pack"))
    sandbox = parts.sandbox
    assert sandbox is not None

    def stored(order_id: str) -> Order | None:
        found = sandbox.db.get(order_id)
        return None if found is None else found.order

    # Two orders the list shows one after the other, both packable by scans.
    pair: tuple[Order, Order] | None = None
    for row in range(window.proxy.rowCount()):
        ref = window.proxy.key_at(row)
        following = window.next_after(ref)
        first = stored(ref.order_id)
        second = stored(following.order_id) if following is not None else None
        if packable(first) and packable(second):
            assert first is not None and second is not None
            pair = (first, second)
            break
    assert pair is not None, "the training list has no two packable orders in a row"
    first, second = pair

    qtbot.keyClick(window, Qt.Key.Key_F9)
    pack = parts.pack_view
    with qtbot.waitSignal(pack.order_opened, timeout=20_000):
        scan(qtbot, pack, first.number)
    for line in first.lines:
        for _ in range(line.remaining):
            scan(qtbot, pack, line.barcode or "")
    qtbot.waitUntil(lambda: pack.phase is PackPhase.AWAIT_TRACKING, timeout=20_000)
    with qtbot.waitSignal(pack.order_shipped, timeout=20_000):
        scan(qtbot, pack, TRACKING)

    assert pack.phase is PackPhase.SHIPPED
    assert pack.message.text() == f"Order {first.number} shipped ✓"
    assert "#1e8e3e" in pack.message.styleSheet()  # the success green
    with qtbot.waitSignal(pack.order_opened, timeout=20_000) as opened:
        scan(qtbot, pack, second.lines[0].barcode or "")
    assert opened.args[0].id == second.id
    qtbot.waitUntil(
        lambda: pack.session is not None and pack.session.scanned_units == 1, timeout=10_000
    )
    assert not pack.error_shown
