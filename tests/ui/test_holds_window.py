"""The real window on the training store (Nexus): held orders stay out of "To pack", the
detail pane says why, and Order → Ship… refuses them with that reason."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from fulfillment_station.app import AppParts
from fulfillment_station.services.order_filters import PRESETS, filter_structured, local_day_start
from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog
from tests.helpers.training_app import parts  # noqa: F401  (the app as the command builds it)

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

KEYS = [p.key for p in PRESETS]


def test_held_orders_stay_out_of_to_pack_and_the_ship_dialog_says_why(
    qtbot: Any,
    parts: AppParts,  # noqa: F811  (the fixture imported above)
) -> None:
    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    held = [
        s for s in window.model.summaries if s.holds and s.status in ("confirmed", "processing")
    ]
    assert held, "the training store has marketplace-fulfilled orders"
    rows = window.model.summaries
    to_pack = filter_structured(
        rows, range(len(rows)), PRESETS[KEYS.index("to_pack")].state, local_day_start(time.time())
    )
    window.tabs.setCurrentIndex(KEYS.index("to_pack"))
    qtbot.waitUntil(lambda: window.proxy.rowCount() == len(to_pack) > 0, timeout=10_000)
    shown = {window.proxy.summary_at(r).order_id for r in range(window.proxy.rowCount())}
    assert not shown & {s.order_id for s in held}

    window.tabs.setCurrentIndex(KEYS.index("all"))
    target = held[0]
    # "All" lists every order once the proxy has caught up with the tab change.
    qtbot.waitUntil(lambda: window.proxy.rowCount() == len(window.model.summaries), timeout=10_000)
    row = next(
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.summary_at(r).order_id == target.order_id
    )
    window.table.clearSelection()  # the detail pane shows one order: this one alone
    window.table.selectRow(row)
    # In whatever language the desk runs: the reason names the marketplace's method.
    method = f"({target.fulfillment_method})"
    qtbot.waitUntil(lambda: method in window.detail.holds.text(), timeout=10_000)

    ship = next(a for a in window.menuBar().actions() if a.text() == "&Order").menu().actions()[0]
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
    assert not dialog.ok_button.isEnabled()
    assert any(method in label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()
