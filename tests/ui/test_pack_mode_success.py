"""After a good pack: "Order X shipped ✓" in green with its sound, held until the packer has
seen it (the flow's SHIPPED state, ended by the view's timer, a scan or a key), a scan made
meanwhile counted on the next order, and "next order" passing over shipped, cancelled and held
orders without a STOP."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.domain.holds import packer_hold, store_holds
from fulfillment_station.domain.models import Order, OrderStatus
from fulfillment_station.services.pack_session import PackCommand, command_payload
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.ui.pack.pack_mode import PackModeOptions, PackModeView, PackPhase
from tests.helpers.packdesk import EAN, UPC_A, UPS, DeskHost, RecordedSounds, desk_order

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]

#: Long enough that a test sees the success before the timer ends it, short for the suite.
HOLD_MS = 400
SHIPPED_GREEN = "#1e8e3e"


class Desk:
    def __init__(self, view: PackModeView, host: DeskHost, sounds: RecordedSounds) -> None:
        self.view, self.host, self.sounds = view, host, sounds

    def pack(self, number: str) -> None:
        """Open ``number`` and scan every unit of it, then its tracking number."""
        self.view.on_scan(number)
        assert self.view.phase is PackPhase.PACKING, self.view.message.text()
        for code in (UPC_A, EAN, EAN, EAN):
            self.view.on_scan(code)
        assert self.view.phase is PackPhase.AWAIT_TRACKING, self.view.message.text()
        self.view.on_scan(UPS)

    @property
    def open_order(self) -> str | None:
        session = self.view.session
        return None if session is None else session.order.id


@pytest.fixture
def make_desk(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    stores: list[PackProgress] = []

    def make(orders: list[Order], hold_ms: int = HOLD_MS) -> Desk:
        store = PackProgress(tmp_path / f"pack-{len(stores)}.sqlite3")
        stores.append(store)
        host, sounds = DeskHost(orders), RecordedSounds()
        view = PackModeView(host, store, sounds, PackModeOptions(success_hold_ms=hold_ms))
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        qtbot.waitExposed(view)
        return Desk(view, host, sounds)

    yield make
    for store in stores:
        store.close()


def test_the_shipped_order_shows_green_with_its_sound_before_the_next_opens(make_desk, qtbot):
    desk = make_desk([desk_order("A1", "#100001"), desk_order("A2", "#100002")])
    desk.pack("#100001")
    shown_at = time.monotonic()

    assert desk.view.phase is PackPhase.SHIPPED
    assert desk.view.message.text() == "Order #100001 shipped ✓"
    assert SHIPPED_GREEN in desk.view.message.styleSheet()
    assert desk.sounds.played[-1] == "complete" and "error" not in desk.sounds.played
    assert desk.host.named("next") == [] and desk.open_order == "A1"  # not yet

    with qtbot.waitSignal(desk.view.order_opened, timeout=5000) as opened:
        pass
    assert time.monotonic() - shown_at >= HOLD_MS / 1000 * 0.9  # held, not skipped
    assert opened.args[0].id == "A2"
    assert desk.view.phase is PackPhase.PACKING
    assert desk.view.message.text() == "Order #100002: scan the items."
    assert SHIPPED_GREEN not in desk.view.message.styleSheet()


def test_an_item_scanned_during_the_success_counts_on_the_next_order(make_desk):
    desk = make_desk([desk_order("A1", "#100001"), desk_order("A2", "#100002")], hold_ms=60_000)
    desk.pack("#100001")
    assert desk.view.phase is PackPhase.SHIPPED

    desk.view.on_scan(EAN)  # the packer is already on the next parcel

    assert desk.open_order == "A2"
    assert desk.view.session is not None and desk.view.session.line("L2").scanned == 1
    assert not desk.view.error_shown and "error" not in desk.sounds.played
    assert desk.view.next_count.text() == "2 left"


def test_the_shipped_label_read_twice_is_no_stop_for_the_next_order(make_desk, qtbot):
    desk = make_desk([desk_order("A1", "#100001"), desk_order("A2", "#100002")], hold_ms=300)
    desk.pack("#100001")
    desk.view.on_scan(UPS)  # the scanner read the label twice
    desk.view.on_scan("#100001")  # and the slip of the order just shipped
    assert desk.view.phase is PackPhase.SHIPPED  # neither moved on to the next order
    with qtbot.waitSignal(desk.view.order_opened, timeout=5000):
        pass
    assert desk.open_order == "A2"
    assert not desk.view.error_shown and "error" not in desk.sounds.played


def test_the_next_orders_slip_scanned_during_the_success_opens_it_without_a_stop(make_desk):
    desk = make_desk([desk_order("A1", "#100001"), desk_order("A2", "#100002")], hold_ms=60_000)
    desk.pack("#100001")
    desk.view.on_scan("#100002")
    assert desk.open_order == "A2"
    assert not desk.view.error_shown and "error" not in desk.sounds.played
    assert desk.view.message.text() == "Order #100002 is open: scan its items."


def test_esc_moves_on_at_once_and_f10_stops_on_no_order(make_desk):
    orders = [desk_order("A1", "#100001"), desk_order("A2", "#100002")]
    desk = make_desk(orders, hold_ms=60_000)
    desk.pack("#100001")
    desk.view.run_command(PackCommand.ACKNOWLEDGE)
    assert desk.open_order == "A2" and desk.view.phase is PackPhase.PACKING

    other = make_desk([desk_order("B1", "#200001"), desk_order("B2", "#200002")], hold_ms=60_000)
    other.pack("#200001")
    other.view.on_scan(command_payload(PackCommand.CANCEL))
    assert other.view.phase is PackPhase.IDLE and other.open_order is None
    assert other.host.named("next") == []


def test_next_order_passes_over_shipped_cancelled_and_held_orders(make_desk, qtbot):
    unpaid = store_holds(status=OrderStatus.PROCESSING, payment_status="pending")
    orders = [
        desk_order("A1", "#100001"),
        desk_order("A2", "#100002", status="shipped"),
        desk_order("A3", "#100003", status="cancelled"),
        desk_order("A4", "#100004", status="processing", holds=unpaid),
        desk_order("A5", "#100005", holds=[packer_hold("label printer jammed").model_dump()]),
        desk_order("A6", "#100006", status="processing"),
    ]
    desk = make_desk(orders)
    desk.pack("#100001")
    with qtbot.waitSignal(desk.view.order_opened, timeout=5000) as opened:
        pass
    assert opened.args[0].id == "A6"
    assert [call[1] for call in desk.host.named("load")] == ["A1", "A2", "A3", "A4", "A5", "A6"]
    assert not desk.view.error_shown and "error" not in desk.sounds.played
    assert desk.view.message.text() == "Order #100006: scan the items."


@pytest.mark.integration
@pytest.mark.parametrize("dialect", ["nexus"])
def test_the_window_offers_no_held_order_as_the_next_one(
    qtbot: Any,
    make_sandbox: Callable[..., Any],
    make_window: Callable[..., Any],
    dialect: str,
) -> None:
    """The list as synced from the store's sandbox: held orders (marketplace-fulfilled,
    unpaid, test orders) sit among the open ones, and "next order" walks past them."""
    from fulfillment_station.domain.workflow import SHIPPABLE
    from fulfillment_station.services.order_filters import PRESETS

    server = make_sandbox(dialect, orders=80)
    window = make_window(server)
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        window.start()
        window.start_sync()
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    open_states = {status.value for status in SHIPPABLE}
    rows = [window.proxy.summary_at(r) for r in range(window.proxy.rowCount())]
    held = {s.order_id for s in rows if s.holds and s.status in open_states}
    assert held, "the sandbox's list has no held open order"

    offered = []
    ref = window.proxy.key_at(0)
    while ref is not None and len(offered) <= len(rows):
        ref = window.next_after(ref)
        if ref is not None:
            offered.append(ref.order_id)
    assert offered and not held & set(offered)
    assert not held & {r.order_id for r in window.refs_after(window.proxy.key_at(0), 500)}


class SlowLoadHost(DeskHost):
    """Loads an order only when the test says so (the worker thread taking its time)."""

    def __init__(self, orders: list[Order]) -> None:
        super().__init__(orders)
        self.loads: list[Callable[[], None]] = []
        self.slow = False

    def load_order(self, ref, done, failed) -> None:
        if not self.slow:
            super().load_order(ref, done, failed)
            return
        self.loads.append(lambda: DeskHost.load_order(self, ref, done, failed))


def test_scans_while_the_next_order_loads_after_a_success_wait_for_it(make_desk) -> None:
    orders = [desk_order("A1", "#100001"), desk_order("A2", "#100002")]
    desk = make_desk(orders, hold_ms=60_000)
    slow = SlowLoadHost(orders)
    desk.view.flow.host = slow
    desk.host = slow
    desk.pack("#100001")
    slow.slow = True
    desk.view.on_scan(EAN)  # ends the success; the next order is still loading
    assert desk.view.phase is PackPhase.LOADING
    desk.view.on_scan(UPC_A)  # not "wait a moment": kept for the order that is coming
    assert not desk.view.error_shown
    slow.loads.pop(0)()
    assert desk.open_order == "A2"
    session = desk.view.session
    assert session is not None
    assert (session.line("L1").scanned, session.line("L2").scanned) == (1, 1)
    assert not desk.view.error_shown and "error" not in desk.sounds.played
