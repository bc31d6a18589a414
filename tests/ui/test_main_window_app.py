"""The home screen in the whole app (training store, a folder printer): the order list's
right-click menu offers the Order menu's actions for what is selected; after a ship the order
leaves the list and the pane, so Ctrl+P never prints an order no longer shown and prints the
one shown; a write the store refused is a banner until the packer deals with it. Real keys and
clicks; waits are on signals."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from fulfillment_station.app import AppParts, AppServices
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.services.order_filters import PRESETS
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from fulfillment_station.ui.shell.main_window import MainWindow
from tests.helpers.keyring import MemoryKeyring

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.gui,
    # What the offscreen platform cannot do for a popup menu (it still shows and takes keys).
    pytest.mark.qt_log_ignore(
        "does not support propagateSizeHints",
        "does not support raise",
        "does not support grabbing the keyboard",
    ),
]
TRACKING = "1Z999AA10123456784"

ONE_ORDER = [
    "Ship…",
    "Fulfill…",
    "Cancel order…",
    "Edit order…",
    "Put on hold…",
    "Release hold",
    "Print slip of the selected order",
]
SEVERAL_ORDERS = [
    "Bulk ship…",
    "Print slips of the selected orders…",
    "Pick list of the selected orders…",
]


@pytest.fixture
def parts(qtbot: Any, qapp: QApplication, tmp_path: Path) -> Iterator[AppParts]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    store = SettingsStore(tmp_path / "config" / "settings.json")
    (tmp_path / "prints").mkdir()
    store.save(
        store.load().replace(
            {
                "printers.slip_printer": f"file:{tmp_path / 'prints'}",
                "station.packer_name": "Ana",
                "sounds.enabled": False,
            }
        )
    )
    redactor = Redactor()
    services = AppServices(
        store,
        TokenStore(on_secret=redactor.add),
        tmp_path / "data",
        redactor,
        configure_logging(tmp_path / "logs", redactor=redactor),
    )
    session = AppSession(qapp, services)
    built = session.parts
    qtbot.addWidget(built.window)
    built.window.confirm_close = lambda _pending: True
    with qtbot.waitSignal(built.window.sync_finished, timeout=60_000):
        session.start()
    built.window.activateWindow()
    qtbot.waitUntil(built.window.isActiveWindow, timeout=5_000)
    yield built
    session.close()
    keyring.set_keyring(previous)


def texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def shown_menu(qtbot: Any, window: MainWindow) -> QMenu:
    qtbot.waitUntil(lambda: getattr(window, "context_menu", None) is not None, timeout=5_000)
    menu: QMenu = window.context_menu
    qtbot.waitUntil(menu.isVisible, timeout=5_000)
    return menu


def open_menu_on_row(qtbot: Any, window: MainWindow, row: int) -> QMenu:
    """A right click on ``row``: the press, then the context-menu event the window system
    makes of it (QTest's clicks skip that step), then the release."""
    viewport = window.table.viewport()
    where = window.table.visualRect(window.proxy.index(row, 1)).center()
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=where)
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, viewport.mapToGlobal(where)),
    )
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=where)
    return shown_menu(qtbot, window)


def slips(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "prints").iterdir())


def test_right_click_offers_the_order_actions_for_the_order_under_the_mouse(
    qtbot: Any, parts: AppParts, tmp_path: Path
) -> None:
    window = parts.window
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    window.table.clearSelection()
    with qtbot.waitSignal(window.order_shown, timeout=10_000):
        window.table.selectRow(0)
    target = window.proxy.summary_at(3)
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as shown:
        menu = open_menu_on_row(qtbot, window, 3)
    # The click chose the order under the mouse, as in every list.
    assert shown.args[0].id == target.order_id
    assert [r.order_id for r in window.selected_refs()] == [target.order_id]
    assert texts(menu) == ONE_ORDER
    assert "New order…" not in texts(menu)
    # Printing from the menu prints that order's slip.
    printed = next(a for a in menu.actions() if a.text().startswith("Print &slip"))
    before = slips(tmp_path)
    menu.setActiveAction(printed)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(slips(tmp_path)) == len(before) + 1, timeout=15_000)
    qtbot.waitUntil(lambda: target.number in window.statusBar().currentMessage(), timeout=5_000)


def test_the_menu_key_on_several_orders_offers_what_acts_on_several(
    qtbot: Any, parts: AppParts
) -> None:
    window = parts.window
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    window.table.clearSelection()
    window.table.selectRow(2)
    window.table.selectionModel().select(
        window.proxy.index(4, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert len(window.selected_refs()) == 2
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table, timeout=5_000)
    # The menu key: Qt sends the focus widget a keyboard context-menu event at its centre,
    # which is another order's row; the menu is for the selection all the same.
    centre = window.table.rect().center()
    QApplication.sendEvent(
        window.table,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, centre, window.table.mapToGlobal(centre)
        ),
    )
    menu = shown_menu(qtbot, window)
    assert len(window.selected_refs()) == 2
    assert texts(menu) == SEVERAL_ORDERS
    # The menu opened next to the orders, not somewhere off the list.
    list_area = window.table.viewport().rect()
    assert list_area.contains(window.table.viewport().mapFromGlobal(menu.pos()))
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=5_000)


def test_after_a_ship_ctrl_p_prints_only_what_the_list_shows(
    qtbot: Any, parts: AppParts, tmp_path: Path
) -> None:
    from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog

    window = parts.window
    assert window.tabs.currentIndex() == [p.key for p in PRESETS].index("to_pack")
    row = next(
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.summary_at(r).status == "confirmed" and not window.proxy.summary_at(r).holds
    )
    ref = window.proxy.key_at(row)
    window.table.clearSelection()
    with qtbot.waitSignal(window.order_shown, timeout=10_000):
        window.table.selectRow(row)
    qtbot.keyClick(
        window.table,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
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
    qtbot.waitUntil(lambda: dialog.rows[0].tracking.text() == TRACKING, timeout=5_000)
    with qtbot.waitSignal(window.detail_cleared, timeout=30_000):
        dialog.accept()
    # Shipped: out of "To pack", out of the pane, not selected.
    assert window.proxy.row_of(ref) is None
    assert window.detail.order is None
    assert window.selected_refs() == []
    before = slips(tmp_path)
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table, timeout=5_000)
    qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Select an order first."
    # The next order, chosen with the keys, is the one Ctrl+P prints.
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as shown:
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    number = shown.args[0].number
    assert window.detail.title.text() == f"Order {number}"
    qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(slips(tmp_path)) == len(before) + 1, timeout=15_000)
    qtbot.waitUntil(lambda: number in window.statusBar().currentMessage(), timeout=5_000)


def test_a_refused_write_is_a_banner_until_it_is_dealt_with(qtbot: Any, parts: AppParts) -> None:
    window, actions = parts.window, parts.actions
    order = next(
        o
        for o in (
            parts.sandbox.db.get(window.proxy.key_at(r).order_id).order  # type: ignore[union-attr]
            for r in range(window.proxy.rowCount())
        )
        if o.status.value == "confirmed" and not o.holds
    )
    # NexusCommerce's marketplace rejects a UPS number of the wrong shape: the write fails.
    with qtbot.waitSignal(actions.action_failed, timeout=30_000):
        actions.submit(order, ShipRequest(carrier="UPS", tracking_number="1ZBAD"))
    assert window.error_banner.isVisible()
    assert order.number in window.error_banner.message.text()
    # Still failed at the next passes: the banner stays.
    with qtbot.waitSignal(actions.records_changed, timeout=10_000) as records:
        actions.pump()
    failed = [r for r in records.args[0] if r.state.value == "failed"]
    assert len(failed) == 1 and window.error_banner.isVisible()
    # The packer dismisses the failed write (View → Outbox): its problem is gone, so is the banner.
    with qtbot.waitSignal(actions.records_changed, timeout=10_000):
        actions.dismiss(failed[0].id)
    assert not window.error_banner.isVisible()
