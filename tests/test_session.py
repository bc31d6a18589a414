"""Switching connections while the app runs, as ``fulfillment-station`` builds it: real
windows, real workers, real sandbox servers, a keyring in memory.

A desk has the training store and three profiles: "Shop 2" (a price2b sandbox), "Shop 3" (a
nexus sandbox), "No token" (nothing in the keyring) and "Plain HTTP" (a URL the connectors
refuse). Each test opens the session on one of them and switches like a packer would."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from keyring.backends import fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from fulfillment_station.app import AppParts, AppServices
from fulfillment_station.domain import OrderStatus
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.actions import Action
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.session import AppSession
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, SettingsStore
from fulfillment_station.ui.common.tasks import ConnectionWorker, Task
from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


@dataclass
class Desk:
    """The session under test and the stores behind its profiles."""

    open: Callable[..., AppSession]
    shop2: SandboxServer
    shop3: SandboxServer
    root: Path
    store: SettingsStore
    tokens: TokenStore
    asked: list[str] = field(default_factory=list)
    answer: bool = True


@pytest.fixture
def desk(
    qtbot: Any, qapp: QApplication, tmp_path: Path, make_sandbox: Callable[..., SandboxServer]
) -> Iterator[Desk]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    shop2 = make_sandbox("price2b", orders=30, seed=5)
    shop3 = make_sandbox("nexus", orders=30, seed=9)
    store = SettingsStore(tmp_path / "config" / "settings.json")
    settings = store.load().replace(
        {"sounds.enabled": False, "pack.auto_print": False, "station.packer_name": "Ana"}
    )
    for profile in (
        ConnectionProfile("shop2", "Shop 2", "price2b", shop2.base_url),
        ConnectionProfile("shop3", "Shop 3", "nexus", shop3.base_url),
        ConnectionProfile("nokey", "No token", "nexus", shop3.base_url),
        ConnectionProfile("plain", "Plain HTTP", "nexus", "http://store.example.com/api"),
    ):
        settings = settings.with_profile(profile)
    store.save(settings)
    redactor = Redactor()
    tokens = TokenStore(on_secret=redactor.add)
    for profile_id in ("shop2", "shop3", "plain"):
        tokens.set(profile_id, TEST_TOKEN)
    sessions: list[AppSession] = []
    state = Desk(lambda: sessions[-1], shop2, shop3, tmp_path / "data", store, tokens)

    def open_session(active: str = "") -> AppSession:
        store.update(lambda s: s.replace({"connections.active": active}))
        services = AppServices(
            store,
            tokens,
            tmp_path / "data",
            redactor,
            configure_logging(tmp_path / "logs", redactor=redactor),
            # A failing store fails at once instead of after backoff sleeps.
            connector_overrides={"sleep": lambda _s: None, "max_read_attempts": 1},
        )

        def ask(_window: Any, name: str) -> bool:
            state.asked.append(name)
            return state.answer

        session = AppSession(qapp, services, ask=ask)
        session.switched.connect(
            lambda parts: setattr(parts.window, "confirm_close", lambda _pending: True)
        )
        session.parts.window.confirm_close = lambda _pending: True
        sessions.append(session)
        return session

    state.open = open_session
    yield state
    for session in sessions:
        session.close()
        session.parts.window.close()
    keyring.set_keyring(previous)


def worker_threads() -> int:
    """The app's worker QThreads alive in this process. Qt names the OS thread after the
    QThread ("worker-sync", "worker-outbox"...); threads Python started from one of them (a
    connector's read-ahead pool) inherit that name, so those are left out."""
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        pytest.skip("needs /proc to count threads")
    started_by_python = {
        t.native_id for t in threading.enumerate() if not isinstance(t, threading._DummyThread)
    }
    count = 0
    for task in tasks.iterdir():
        try:
            name = (task / "comm").read_text().strip()
        except OSError:
            continue  # ended while we looked
        count += name.startswith("worker-") and int(task.name) not in started_by_python
    return count


def rows(parts: AppParts) -> set[tuple[str, str]]:
    return {(s.connection, s.order_id) for s in parts.window.model.summaries}


def opened(qtbot: Any, desk: Desk, connection: str) -> AppSession:
    """The app started on ``connection``, its first sync done."""
    session = desk.open(connection)
    with qtbot.waitSignal(session.parts.window.sync_finished, timeout=30_000):
        session.start()
    return session


def switch(qtbot: Any, session: AppSession, target: str) -> AppParts:
    with qtbot.waitSignal(session.switched, timeout=30_000) as done:
        assert session.switch_to(target)
    parts: AppParts = done.args[0]
    assert parts is session.parts and not session.switching
    return parts


def shipments(server: SandboxServer, order_id: str) -> int:
    """Writes the store applied to the order (price2b journals a ship as "fulfill")."""
    return sum(1 for e in server.db.journal()["effects"] if e["order_id"] == order_id)


def outbox_counts(root: Path, connection: str) -> dict[ActionState, int]:
    store = open_store(root / f"outbox-{connection}.sqlite3")
    try:
        return Outbox(store, AuditLog(store, station="test"), decode=Action.model_validate).counts(
            connection
        )
    finally:
        store.close()


def ship_an_open_order(parts: AppParts, server: SandboxServer) -> str:
    """Ship (all of) an unfulfilled order of the list through the outbox, as the Ship dialog
    does; returns its id."""
    summary = next(
        s
        for s in parts.window.model.summaries
        if s.status in ("confirmed", "processing")
        and s.fulfillment == "unfulfilled"
        and not s.holds
    )
    stored = server.db.get(summary.order_id)
    assert stored is not None
    parts.actions.submit(
        stored.order, ShipRequest(carrier="UPS", tracking_number="1Z999AA10123456784")
    )
    return summary.order_id


# Popping a menu up on the offscreen platform says these; they are about the platform.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_switching_from_training_to_a_profile_and_back_shows_each_stores_orders(
    qtbot: Any, desk: Desk
) -> None:
    threads_before = worker_threads()
    session = desk.open()
    first = session.parts
    with qtbot.waitSignal(first.window.sync_finished, timeout=60_000):
        session.start()
    assert first.config.training and first.window.training_banner.isVisible()
    training_rows = rows(first)
    assert training_rows and {c for c, _ in training_rows} == {"training"}
    training_sandbox = first.sandbox
    assert training_sandbox is not None
    training_url = training_sandbox.base_url
    first.window.setGeometry(QRect(60, 40, 1000, 640))
    geometry = first.window.geometry()
    assert worker_threads() == threads_before + 5

    # Ctrl+K opens the Connection menu; the open connection is the checked one.
    menu = first.file_menu.connection_menu
    qtbot.keyClick(first.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    assert [a.text() for a in menu.actions()][1:] == ["Shop 2", "Shop 3", "No token", "Plain HTTP"]
    assert [a.isChecked() for a in menu.actions()] == [True, False, False, False, False]
    with qtbot.waitSignal(session.switched, timeout=30_000) as done:
        first.file_menu.connection_actions["shop2"].trigger()
    menu.hide()
    shop = done.args[0]

    assert shop.window is not first.window and shop.config.id == "shop2"
    assert "Shop 2" in shop.window.windowTitle() and "TRAINING" not in shop.window.windowTitle()
    assert shop.window.isVisible() and not shop.window.training_banner.isVisible()
    assert not first.window.isVisible()
    assert shop.window.geometry() == geometry
    assert shop.file_menu.connection_actions["shop2"].isChecked()
    with pytest.raises(httpx.ConnectError):  # switching away stopped the training store
        httpx.get(f"{training_url}/api/orders", timeout=2)
    wanted = {("shop2", s.order.id) for s in desk.shop2.db.query()}
    qtbot.waitUntil(lambda: rows(shop) == wanted, timeout=30_000)
    qtbot.waitUntil(lambda: worker_threads() == threads_before + 5, timeout=10_000)
    assert desk.store.load()["connections.active"] == "shop2"  # opens at the next start too

    back = switch(qtbot, session, "training")
    assert back.config.training and back.window.training_banner.isVisible()
    assert "TRAINING" in back.window.windowTitle()
    assert back.sandbox is not None and back.sandbox.base_url != ""
    qtbot.waitUntil(lambda: rows(back) == training_rows, timeout=30_000)
    qtbot.waitUntil(lambda: worker_threads() == threads_before + 5, timeout=10_000)
    assert desk.store.load()["connections.active"] == ""


def test_the_write_in_flight_finishes_before_the_switch_and_is_sent_once(
    qtbot: Any, desk: Desk
) -> None:
    session = opened(qtbot, desk, "shop2")
    parts = session.parts
    desk.shop2.faults.latency_ms = 400  # every request of the ship takes a while
    with qtbot.waitSignal(parts.actions.queued, timeout=10_000):
        order_id = ship_an_open_order(parts, desk.shop2)
    # The outbox pumps as soon as the action is durable: once it is being sent, switch.
    qtbot.waitUntil(
        lambda: outbox_counts(desk.root, "shop2").get(ActionState.SENDING) == 1, timeout=10_000
    )
    assert session.switch_to("shop3")
    assert shipments(desk.shop2, order_id) == 0
    assert not parts.window.isEnabled()  # nothing new while the write finishes
    with qtbot.waitSignal(session.switched, timeout=30_000):
        pass
    # Finished, not aborted: applied by the store and recorded as done before the switch.
    assert shipments(desk.shop2, order_id) == 1
    counts = outbox_counts(desk.root, "shop2")
    assert counts[ActionState.DONE] == 1 and sum(counts.values()) == 1
    assert not session.parts.window.error_banner.isVisible()  # nothing left waiting
    desk.shop2.faults.latency_ms = 0
    stored = desk.shop2.db.get(order_id)
    assert stored is not None and stored.order.status is OrderStatus.SHIPPED


def test_a_waiting_action_stays_queued_and_goes_out_once_when_its_connection_opens_again(
    qtbot: Any, desk: Desk
) -> None:
    session = opened(qtbot, desk, "shop2")
    parts = session.parts
    desk.shop2.faults.fail_rate = 1.0  # the store answers every request with a 5xx
    order_id = ship_an_open_order(parts, desk.shop2)
    qtbot.waitUntil(
        lambda: outbox_counts(desk.root, "shop2")[ActionState.RETRYING] == 1, timeout=15_000
    )

    other = switch(qtbot, session, "shop3")
    banner = other.window.error_banner
    assert banner.isVisible()
    assert banner.message.text() == (
        "1 action(s) for Shop 2 are still waiting; they stay saved "
        "and are sent when Shop 2 is opened again."
    )
    assert shipments(desk.shop2, order_id) == 0

    desk.shop2.faults.fail_rate = 0.0
    again = switch(qtbot, session, "shop2")
    qtbot.waitUntil(lambda: shipments(desk.shop2, order_id) == 1, timeout=30_000)
    qtbot.waitUntil(
        lambda: outbox_counts(desk.root, "shop2")[ActionState.DONE] == 1, timeout=10_000
    )
    # A few more outbox passes send nothing again.
    for _ in range(2):
        with qtbot.waitSignal(again.actions.records_changed, timeout=10_000):
            pass
    assert shipments(desk.shop2, order_id) == 1
    assert sum(outbox_counts(desk.root, "shop2").values()) == 1


@pytest.fixture
def handles_destroyed_on(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread each task handle the app makes is destroyed on: "gui", or the other
    thread's name. Observed through the handles' own ``destroyed`` signal."""
    places: list[str] = []
    gui = threading.get_ident()
    submit = ConnectionWorker.submit

    def record(*_args: object) -> None:
        on_gui = threading.get_ident() == gui
        places.append("gui" if on_gui else threading.current_thread().name)

    def observed(self: ConnectionWorker[Any], fn: Any, name: str = "task") -> Task[Any]:
        task = submit(self, fn, name)
        task.destroyed.connect(record, Qt.ConnectionType.DirectConnection)
        return task

    monkeypatch.setattr(ConnectionWorker, "submit", observed)
    return places


def test_many_switches_while_the_workers_start_leave_every_task_handle_to_the_gui_thread(
    qtbot: Any, desk: Desk, handles_destroyed_on: list[str]
) -> None:
    """The race behind a rare crash: a worker thread was handed each task's Qt handle and let
    go of it only after its slot returned, so when the GUI thread had already delivered the
    answer and forgotten the handle, the worker thread destroyed a GUI-thread QObject while
    the GUI thread's event loop was still using it. Each switch here starts while the
    previous one's workers are still making their connectors, and the outbox keeps retrying
    a write against a failing store (the switch waits for it: the drain's marker task)."""
    threads_before = worker_threads()
    session = opened(qtbot, desk, "shop2")
    desk.shop2.faults.fail_rate = 1.0
    order_id = ship_an_open_order(session.parts, desk.shop2)
    qtbot.waitUntil(
        lambda: outbox_counts(desk.root, "shop2")[ActionState.RETRYING] == 1, timeout=15_000
    )
    for target in ("shop3", "shop2") * 4:
        parts = switch(qtbot, session, target)  # at once: its workers are still starting
        assert parts.config.id == target
    qtbot.waitUntil(lambda: worker_threads() == threads_before + 5, timeout=10_000)
    gc.collect()
    assert handles_destroyed_on and set(handles_destroyed_on) == {"gui"}
    # Nothing queued was lost or sent twice on the way: the write still waits, once.
    assert shipments(desk.shop2, order_id) == 0
    counts = outbox_counts(desk.root, "shop2")
    assert sum(counts.values()) == 1 and counts[ActionState.DONE] == 0


@pytest.mark.parametrize(
    ("target", "broken_keyring", "reason"),
    [
        (
            "nokey",
            False,
            "No API token is saved for No token. Open Settings → Connections and enter it.",
        ),
        ("plain", False, "The connection must use HTTPS"),
        ("shop3", True, "keyring"),
    ],
)
def test_a_connection_that_cannot_open_leaves_the_packer_where_they_were(
    qtbot: Any, desk: Desk, target: str, broken_keyring: bool, reason: str
) -> None:
    session = desk.open("shop2")
    parts = session.parts
    if broken_keyring:
        keyring.set_keyring(fail.Keyring())
    with qtbot.waitSignal(session.switch_refused, timeout=5000) as refused:
        assert not session.switch_to(target)
    assert session.parts is parts and parts.window.isEnabled() and not session.switching
    text = parts.window.error_banner.message.text()
    assert text == refused.args[0] and not parts.window.error_banner.isHidden()
    assert text.endswith("You are still on Shop 2.")
    assert reason in text
    assert desk.store.load()["connections.active"] == "shop2"


def test_saving_settings_with_another_connection_asks_then_switches(qtbot: Any, desk: Desk) -> None:
    desk.store.update(lambda s: s.without_profile("plain"))  # OK refuses a plain-HTTP one
    session = desk.open("shop2")
    parts = session.parts

    def save_with_active(window: Any, active: str) -> None:
        settings_action = next(
            a for a in parts.file_menu.menu.actions() if a.text() == "&Settings…"
        )
        settings_action.trigger()
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SettingsDialog) and w.isVisible()
        )
        dialog.active_combo.setCurrentIndex(dialog.active_combo.findData(active))
        dialog.save()

    desk.answer = False
    save_with_active(parts.window, "shop3")
    assert desk.asked == ["Shop 3"] and session.parts is parts and not session.switching
    assert "next start" in parts.window.statusBar().currentMessage()

    desk.answer = True
    with qtbot.waitSignal(session.switched, timeout=30_000) as done:
        save_with_active(parts.window, "shop3")
    assert desk.asked == ["Shop 3", "Shop 3"]
    assert done.args[0].config.id == "shop3"


def test_a_token_entered_for_the_open_connection_reopens_it_when_the_packer_agrees(
    qtbot: Any, desk: Desk
) -> None:
    desk.store.update(lambda s: s.without_profile("plain"))
    session = desk.open("nokey")  # at start it opens anyway: offline, with the reason shown
    parts = session.parts
    assert "No API token is saved for No token" in parts.window.error_banner.message.text()
    desk.tokens.set("nokey", TEST_TOKEN)
    next(a for a in parts.file_menu.menu.actions() if a.text() == "&Settings…").trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    )
    with qtbot.waitSignal(session.switched, timeout=30_000) as done:
        dialog.save()
    assert desk.asked == ["No token"]
    reopened = done.args[0]
    assert reopened.config.id == "nokey" and reopened.config.token == TEST_TOKEN
    with qtbot.waitSignal(reopened.window.sync_finished, timeout=30_000):
        pass
    assert len(rows(reopened)) == desk.shop3.db.count_all()


def test_a_pack_in_progress_survives_a_switch_and_pack_mode_stays_on(
    qtbot: Any, desk: Desk
) -> None:
    session = opened(qtbot, desk, "shop3")
    parts = session.parts
    order = next(
        s.order
        for s in desk.shop3.db.query()
        if s.order.status is OrderStatus.CONFIRMED
        and s.order.item_count >= 2
        and all(line.barcode for line in s.order.lines)
    )
    parts.window.show_pack_mode(True)
    with qtbot.waitSignal(parts.pack_view.order_opened, timeout=10_000):
        parts.pack_view.on_scan(order.number)
    parts.pack_view.on_scan(order.lines[0].barcode or "")
    assert parts.pack_view.session is not None
    assert parts.pack_view.session.scanned_units == 1

    elsewhere = switch(qtbot, session, "shop2")
    assert elsewhere.window.in_pack_mode
    back = switch(qtbot, session, "shop3")
    assert back.window.in_pack_mode
    qtbot.waitUntil(lambda: rows(back) != set(), timeout=10_000)
    with qtbot.waitSignal(back.pack_view.order_opened, timeout=10_000):
        back.pack_view.on_scan(order.number)
    assert back.pack_view.session is not None
    assert back.pack_view.session.scanned_units == 1
    assert "resumed" in back.pack_view.message.text()


def panel(parts: AppParts, name: str) -> QDockWidget:
    dock = parts.window.findChild(QDockWidget, f"panel-{name}")
    assert dock is not None
    return dock


def test_open_panels_stay_open_across_a_switch_and_a_restart(qtbot: Any, desk: Desk) -> None:
    session = desk.open("shop3")
    parts = session.parts
    session.start()
    assert not panel(parts, "outbox").isVisible()
    panel(parts, "outbox").toggleViewAction().trigger()  # View > Outbox
    assert panel(parts, "outbox").isVisible()

    elsewhere = switch(qtbot, session, "shop2")
    assert panel(elsewhere, "outbox").isVisible()
    assert not panel(elsewhere, "print-queue").isVisible()
    elsewhere.window.close()  # quitting saves the layout too

    again = desk.open("shop2")
    again.parts.start()
    assert panel(again.parts, "outbox").isVisible()


def test_every_option_applies_when_saved_and_the_packer_is_told_what_waits_for_a_restart(
    qtbot: Any, desk: Desk
) -> None:
    from PySide6.QtWidgets import QLineEdit, QSpinBox

    desk.store.update(lambda s: s.without_profile("plain"))
    session = desk.open("shop2")
    parts = session.parts
    next(a for a in parts.file_menu.menu.actions() if a.text() == "&Settings…").trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    )
    for key, value in (
        ("sounds.volume", 25),
        ("scanner.max_gap_ms", 45),
        ("pack.font_size", 30),
        ("general.sync_interval_s", 120),
    ):
        spin = dialog.editor(key)
        assert isinstance(spin, QSpinBox)
        spin.setValue(value)
    packer = dialog.editor("station.packer_name")
    station = dialog.editor("station.station_name")
    assert isinstance(packer, QLineEdit) and isinstance(station, QLineEdit)
    packer.setText("Bea")
    station.setText("Desk 9")
    dialog.save()
    assert session.parts is parts  # nothing needed a reopen
    assert parts.pack_view.font().pointSize() == 30
    assert parts.scanner.detector.max_gap_ms == 45
    assert parts.window.sync_timer.interval() == 120_000
    assert session.live["station.packer_name"] == "Bea"
    sounds = parts.pack_view.flow.sounds
    assert getattr(sounds, "volume", None) == 0.25
    message = parts.window.statusBar().currentMessage()
    assert message.startswith("Settings saved.") and "station name" in message
