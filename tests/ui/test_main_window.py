"""The home screen against a real sandbox: sync, search, presets, detail, errors, cancel and
restart from the cache. Real widgets, real keys; waits are on signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.connectors import connector_class
from fulfillment_station.domain import OrderStatus
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.order_filters import PRESETS
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.ui.shell.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.integration]
DIALECT = "nexus"


def synced(qtbot: Any, window: MainWindow) -> Any:
    with qtbot.waitSignal(window.sync_finished, timeout=30_000) as blocker:
        window.start()
        window.start_sync()
    return blocker.args[0]


def test_sync_fills_the_table_and_counts(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=120)
    window = make_window(server)
    result = synced(qtbot, window)
    assert result.seen == 120 and len(result.new) == 120
    assert len(window.model.summaries) == 120
    assert window.online.text() == "● online"
    # Presets count what they show: click each tab and compare with the label's number.
    for i, preset in enumerate(PRESETS):
        window.tabs.setCurrentIndex(i)
        label = window.tabs.tabText(i)
        assert label.startswith(preset.label)
        assert int(label.rsplit("(", 1)[1].rstrip(")")) == window.proxy.rowCount()
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    assert window.proxy.rowCount() == 120


def test_typing_in_search_filters_and_selecting_fills_detail(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=80)
    window = make_window(server)
    indexed: list[int] = []
    window.search_indexed.connect(indexed.append)
    synced(qtbot, window)
    qtbot.waitUntil(lambda: indexed == [80], timeout=10_000)  # searches use the pair index
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    target = window.model.summaries[17]
    window.search.setFocus()
    qtbot.keyClicks(window.search, target.number)
    assert 1 <= window.proxy.rowCount() < 80
    assert any(
        window.proxy.summary_at(r).order_id == target.order_id
        for r in range(window.proxy.rowCount())
    )
    row = next(
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.summary_at(r).order_id == target.order_id
    )
    with qtbot.waitSignal(window.order_shown, timeout=10_000) as shown:
        window.table.selectRow(row)
    order = shown.args[0]
    assert order.id == target.order_id
    assert window.detail.title.text() == f"Order {target.number}"
    assert window.detail.lines_model.rowCount() == len(order.lines)
    assert order.customer.name in window.detail.customer.text()
    # Clearing the search shows everything again.
    window.search.selectAll()
    qtbot.keyClick(window.search, Qt.Key.Key_Delete)
    assert window.proxy.rowCount() == 80


def test_api_error_shows_banner_and_keeps_cache(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=50)
    first = make_window(server)
    synced(qtbot, first)
    first.close()
    broken = make_window(server, token="wrong-token")
    with qtbot.waitSignal(broken.summaries_loaded, timeout=10_000):
        broken.start()
    with qtbot.waitSignal(broken.sync_failed, timeout=30_000):
        broken.start_sync()
    assert broken.error_banner.isVisible()
    assert "token" in broken.error_banner.message.text().lower()
    assert len(broken.model.summaries) == 50  # the cache is still shown
    qtbot.mouseClick(broken.error_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not broken.error_banner.isVisible()


def test_store_down_shows_offline(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=30)
    window = make_window(server)
    synced(qtbot, window)
    server.stop()
    with qtbot.waitSignal(window.sync_failed, timeout=30_000):
        window.start_sync()
    assert window.online.text() == "● OFFLINE"
    assert "reach" in window.error_banner.message.text().lower()
    assert len(window.model.summaries) == 30


def test_cancelled_sync_leaves_a_consistent_cache(
    qtbot: Any,
    tmp_path: Any,
    make_sandbox: Callable[..., SandboxServer],
    make_window: Callable[..., MainWindow],
) -> None:
    server = make_sandbox(DIALECT, orders=1000)
    # Slow enough that the cancel lands mid-walk (nexus reads each new order's detail too).
    server.faults.latency_ms = 4
    window = make_window(server)
    with qtbot.waitSignal(window.sync_failed, timeout=30_000) as failed:
        window.start()
        window.start_sync()
        with qtbot.waitSignal(window.sync_progressed, timeout=10_000):
            pass
        qtbot.mouseClick(window.cancel_sync, Qt.MouseButton.LeftButton)
    assert type(failed.args[0]).__name__ == "SyncCancelled"
    assert not window.error_banner.isVisible()
    cache = OrderCache(tmp_path / "cache.sqlite3")
    try:
        count = len(cache)
        assert 0 < count < 1000
        # Whole pages only: each page is written in one transaction.
        assert count % connector_class(DIALECT).CAPABILITIES.max_page_size == 0
        for summary in cache.load_summaries():
            order = cache.get(summary.order_id)
            assert order is not None and order.status in set(OrderStatus)
    finally:
        cache.close()


def test_restart_shows_cached_orders_before_sync_finishes(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=60)
    first = make_window(server)
    synced(qtbot, first)
    first.close()
    server.faults.latency_ms = 1500
    again = make_window(server, sync_on_start=True)
    events: list[str] = []
    again.summaries_loaded.connect(lambda n: events.append(f"loaded {n}"))
    again.sync_finished.connect(lambda _r: events.append("synced"))
    with qtbot.waitSignal(again.sync_finished, timeout=30_000):
        again.start()
    assert events == ["loaded 60", "synced"]


def test_a_sync_asked_for_during_the_first_cache_read_waits_for_it(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    """The cache's first read replaces the whole table, so it must land before any sync's rows:
    a late answer would put the cache's older rows (here: none) over the ones just synced."""
    server = make_sandbox(DIALECT, orders=40)
    window = make_window(server)
    reader_free = threading.Event()
    # The reader stays busy until the sync worker has run what was asked of it before this job:
    # a sync started at once would be done before the cache is read.
    window.reader.submit(lambda _ctx: reader_free.wait(30), "a slow read")
    events: list[str] = []
    window.summaries_loaded.connect(lambda n: events.append(f"loaded {n}"))
    window.sync_finished.connect(lambda _r: events.append("synced"))
    window.start()
    window.start_sync()
    window.sync_worker.submit(lambda _ctx: reader_free.set(), "after the sync asked for")
    with qtbot.waitSignals([window.summaries_loaded, window.sync_finished], timeout=30_000):
        pass
    assert events == ["loaded 0", "synced"]
    assert window.model.rowCount() == 40


def test_training_banner_only_in_training(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=5)
    assert make_window(server, training=True).training_banner.isVisible()
    assert not make_window(server, cache_name="b.sqlite3").training_banner.isVisible()


def test_hostile_api_text_is_shown_as_plain_text(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(make_sandbox(DIALECT, orders=5))
    assert window.detail.title.textFormat() == Qt.TextFormat.PlainText
    assert window.detail.customer.textFormat() == Qt.TextFormat.PlainText
    assert window.error_banner.message.textFormat() == Qt.TextFormat.PlainText


def test_filter_bar_narrows_the_preset_and_is_remembered(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=150)
    window = make_window(server)
    synced(qtbot, window)
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("shipped"))
    shown = [window.proxy.summary_at(r) for r in range(window.proxy.rowCount())]
    assert shown and all(s.status == "shipped" for s in shown)
    assert len(shown) == sum(1 for s in window.model.summaries if s.status == "shipped")
    channel = shown[0].channel or shown[0].marketplace
    bar.channel.setCurrentIndex(bar.channel.findData(channel))
    assert all(
        (window.proxy.summary_at(r).channel or window.proxy.summary_at(r).marketplace) == channel
        for r in range(window.proxy.rowCount())
    )
    narrowed = window.proxy.rowCount()
    window.table.horizontalHeader().resizeSection(2, 321)
    window.close()  # saves the layout

    again = make_window(server, cache_name="again.sqlite3")
    assert again.tabs.currentIndex() == [p.key for p in PRESETS].index("all")
    assert again.filter_bar.status.currentData() == "shipped"
    assert again.filter_bar.channel.currentData() == channel
    assert again.table.horizontalHeader().sectionSize(2) == 321
    synced(qtbot, again)
    assert again.proxy.rowCount() == narrowed
    qtbot.mouseClick(again.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert again.proxy.rowCount() == 150


def test_next_order_for_pack_mode_passes_over_shipped_and_cancelled_rows(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer], make_window: Callable[..., MainWindow]
) -> None:
    server = make_sandbox(DIALECT, orders=60)
    window = make_window(server)
    synced(qtbot, window)
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    rows = [window.proxy.summary_at(r) for r in range(window.proxy.rowCount())]
    assert {"shipped", "cancelled"} & {s.status for s in rows}  # the list mixes them in
    ref = window.proxy.key_at(0)
    seen = []
    while ref is not None and len(seen) < len(rows):
        ref = window.next_after(ref)
        if ref is not None:
            seen.append(window.model.summary(window.model.row_of(ref)).status)
    assert seen and not {"shipped", "cancelled", "delivered", "completed"} & set(seen)
