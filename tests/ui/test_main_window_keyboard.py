"""The packer's keyboard path on the home screen, against a real sandbox: Enter in the search
box opens the first match, Down goes from the search box into the list, the detail pane
follows the selection and empties when its order leaves the list, and a sync problem's banner
goes once the store answers again. Real keys (qtbot.keyClick); waits are on signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.order_filters import PRESETS
from fulfillment_station.ui.shell.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.integration]
DIALECT = "nexus"


def synced_window(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> tuple[SandboxServer, MainWindow]:
    server = make_sandbox(DIALECT, orders=80)
    window = make_window(server)
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        window.start()
        window.start_sync()
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    window.activateWindow()
    return server, window


def shared_sku(window: MainWindow) -> str:
    """A SKU on a few orders (not one, not most): a search with several matches."""
    counts: dict[str, int] = {}
    for summary in window.model.summaries:
        for sku in set(summary.search_skus.split("\n")) - {""}:
            counts[sku] = counts.get(sku, 0) + 1
    return next(sku for sku, n in sorted(counts.items()) if 3 <= n <= 20)


def type_search(qtbot: Any, window: MainWindow, text: str) -> None:
    window.search.setFocus()
    window.search.selectAll()
    qtbot.keyClick(window.search, Qt.Key.Key_Delete)
    qtbot.keyClicks(window.search, text)


def focused(widget: Any) -> Callable[[], bool]:
    return lambda: QApplication.focusWidget() is widget


def test_enter_in_the_search_box_opens_the_first_match_then_down_the_next(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    _server, window = synced_window(qtbot, make_sandbox, make_window)
    window.table.clearSelection()
    type_search(qtbot, window, shared_sku(window))
    assert window.proxy.rowCount() >= 3
    first, second = window.proxy.summary_at(0), window.proxy.summary_at(1)
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as shown:
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert shown.args[0].id == first.order_id
    assert window.detail.title.text() == f"Order {first.number}"
    assert [r.order_id for r in window.selected_refs()] == [first.order_id]
    qtbot.waitUntil(focused(window.table), timeout=5_000)
    # The keys are in the list now: Down opens the next match.
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as shown:
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert shown.args[0].id == second.order_id
    assert window.detail.title.text() == f"Order {second.number}"


def test_enter_with_no_match_says_so_and_opens_nothing(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    _server, window = synced_window(qtbot, make_sandbox, make_window)
    type_search(qtbot, window, "zzqx-no-such-order")
    assert window.proxy.rowCount() == 0
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "No order matches zzqx-no-such-order."
    assert window.detail.order is None
    assert QApplication.focusWidget() is window.search  # still typing


def test_down_in_the_search_box_goes_into_the_list_at_the_order_shown(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    _server, window = synced_window(qtbot, make_sandbox, make_window)
    with qtbot.waitSignal(window.order_shown, timeout=10_000):
        window.table.selectRow(5)
    window.search.setFocus()
    qtbot.waitUntil(focused(window.search), timeout=5_000)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.waitUntil(focused(window.table), timeout=5_000)
    assert window.search.text() == ""  # the key did not go into the box
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as shown:
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert shown.args[0].id == window.proxy.key_at(6).order_id
    # With nothing selected, Down opens the first order of the list.
    window.table.clearSelection()
    window.search.setFocus()
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as shown:
        qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert shown.args[0].id == window.proxy.key_at(0).order_id
    # Tab from the search box is the list too (not the tabs and eight filters first).
    window.search.setFocus()
    qtbot.waitUntil(focused(window.search), timeout=5_000)
    qtbot.keyClick(window.search, Qt.Key.Key_Tab)
    qtbot.waitUntil(focused(window.table), timeout=5_000)


def test_the_detail_pane_empties_when_a_search_hides_its_order_and_stays_when_not(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    _server, window = synced_window(qtbot, make_sandbox, make_window)
    kept = window.proxy.summary_at(10)
    other = window.proxy.summary_at(40)
    with qtbot.waitSignal(window.order_shown, timeout=10_000):
        window.table.selectRow(10)
    # A search that still lists it: the pane and the selection stay on it.
    type_search(qtbot, window, kept.number)
    assert window.detail.order is not None and window.detail.order.id == kept.order_id
    assert [r.order_id for r in window.selected_refs()] == [kept.order_id]
    # A search that hides it: the pane says no order, nothing is selected.
    with qtbot.waitSignal(window.detail_cleared, timeout=5_000):
        type_search(qtbot, window, other.number)
    assert window.proxy.row_of(OrderRef("test", kept.order_id)) is None
    assert window.detail.order is None
    assert window.detail.title.text() == "No order selected"
    assert window.selected_refs() == []


def test_a_reload_keeps_the_order_shown_selected(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    """A reset of the list (a fresh load from the cache) drops Qt's selection; the order in
    the pane is selected again, so Ctrl+P and the Order menu act on it."""
    _server, window = synced_window(qtbot, make_sandbox, make_window)
    shown_ref = window.proxy.key_at(7)
    with qtbot.waitSignal(window.order_shown, timeout=10_000):
        window.table.selectRow(7)
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as again:
        window.model.set_summaries(list(window.model.summaries))
    assert again.args[0].id == shown_ref.order_id
    assert window.selected_refs() == [shown_ref]


def test_a_sync_problem_banner_goes_when_the_store_answers_again(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server, window = synced_window(qtbot, make_sandbox, make_window)
    server.faults.fail_rate = 1.0
    with qtbot.waitSignal(window.sync_failed, timeout=30_000):
        window.start_sync()
    assert window.error_banner.isVisible()
    assert "Sync failed" in window.error_banner.message.text()
    server.faults.fail_rate = 0.0
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        window.start_sync()
    assert not window.error_banner.isVisible()


def test_a_banner_of_another_cause_stays_after_a_good_sync(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    _server, window = synced_window(qtbot, make_sandbox, make_window)
    window.error_banner.show_message("The slip printer did not answer.", "print")
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        window.start_sync()
    assert window.error_banner.isVisible()
    assert window.error_banner.message.text() == "The slip printer did not answer."
    window.error_banner.clear("print")
    assert not window.error_banner.isVisible()
