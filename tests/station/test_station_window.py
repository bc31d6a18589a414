"""Two desks as the app builds them (``build_app``: real windows, workers, outbox, pack mode),
each with its own data dir, one nexus sandbox and one station database (a real PostgreSQL):
claims refuse an order the other desk packs, a shipment at one desk reaches the other's list
within a second, and a stopped station database turns coordination off without stopping the
packing."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts, AppServices, build_app
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.services.pack_session import PackCommand
from fulfillment_station.services.resources import ConnectionConfig
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.station_pg import ThrowawayPostgres

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

TRACKING = "1Z999AA10123456784"
OpenDesk = Callable[[str, str, str], AppParts]


@dataclass
class Warehouse:
    sandbox: SandboxServer
    open_desk: OpenDesk


@pytest.fixture
def warehouse(
    qtbot: Any, qapp: QApplication, tmp_path: Path, make_sandbox: Callable[..., SandboxServer]
) -> Iterator[Warehouse]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    sandbox = make_sandbox("nexus", orders=80, seed=3)
    built: list[AppParts] = []

    def open_desk(desk: str, packer: str, station_url: str) -> AppParts:
        root = tmp_path / desk.replace(" ", "_")
        store = SettingsStore(root / "config" / "settings.json")
        store.save(
            store.load().replace(
                {
                    "station.station_name": desk,
                    "station.packer_name": packer,
                    "station.database_url": station_url,
                    "sounds.enabled": False,
                    "pack.auto_print": False,
                }
            )
        )
        redactor = Redactor()
        services = AppServices(
            store,
            TokenStore(on_secret=redactor.add),
            root / "data",
            redactor,
            configure_logging(root / "logs", redactor=redactor),
        )
        config = ConnectionConfig(
            id="shop", dialect="nexus", base_url=sandbox.base_url, token=TEST_TOKEN, label="Shop"
        )
        parts = build_app(qapp, services, config, None)
        parts.window.confirm_close = lambda _pending: True
        qtbot.addWidget(parts.window)
        built.append(parts)
        with qtbot.waitSignal(parts.window.sync_finished, timeout=60_000):
            parts.start()
        parts.window.show_pack_mode(True)
        return parts

    yield Warehouse(sandbox, open_desk)
    for parts in built:
        parts.close(qapp)
    keyring.set_keyring(previous)


def packable(sandbox: SandboxServer, parts: AppParts) -> Order:
    """An open order of the list whose lines all have barcodes."""
    return packables(sandbox, parts)[0]


def packables(sandbox: SandboxServer, parts: AppParts) -> list[Order]:
    found = []
    for summary in parts.window.model.summaries:
        stored = sandbox.db.get(summary.order_id)
        assert stored is not None
        order = stored.order
        if (
            order.status is OrderStatus.CONFIRMED
            and not order.holds
            and order.item_count <= 8
            and all(line.barcode for line in order.lines)
        ):
            found.append(order)
    return found


def open_in_pack_mode(qtbot: Any, parts: AppParts, order: Order) -> None:
    with qtbot.waitSignal(parts.pack_view.order_opened, timeout=20_000) as opened:
        parts.pack_view.on_scan(order.number)
    assert opened.args[0].id == order.id


def pack_and_ship(qtbot: Any, parts: AppParts, order: Order) -> None:
    pack = parts.pack_view
    for line in order.lines:
        for _ in range(line.remaining):
            pack.on_scan(line.barcode or "")
    qtbot.waitUntil(lambda: "tracking" in pack.message.text().lower(), timeout=20_000)
    with qtbot.waitSignal(pack.order_shipped, timeout=20_000):
        pack.on_scan(TRACKING)


def shipments(sandbox: SandboxServer, order_id: str) -> int:
    return sum(
        1
        for e in sandbox.db.journal()["effects"]
        if e["kind"] == "shipment" and e["order_id"] == order_id
    )


def row_status(parts: AppParts, order_id: str) -> str | None:
    for summary in parts.window.model.summaries:
        if summary.order_id == order_id:
            return str(summary.status)
    return None


def test_desk_b_is_refused_an_order_desk_a_packs_and_sees_it_shipped_within_a_second(
    qtbot: Any, warehouse: Warehouse, station_url: str
) -> None:
    desk_a = warehouse.open_desk("Desk A", "Ana", station_url)
    desk_b = warehouse.open_desk("Desk B", "Ben", station_url)
    for parts in (desk_a, desk_b):
        assert parts.station is not None
        qtbot.waitUntil(lambda p=parts: "Coordinated" in p.station.indicator.text(), timeout=10_000)
    order = packable(warehouse.sandbox, desk_a)
    open_in_pack_mode(qtbot, desk_a, order)

    # Desk B scans the same order: refused, naming the desk and packer that hold it.
    opened_at_b: list[str] = []
    desk_b.pack_view.order_opened.connect(lambda o: opened_at_b.append(o.id))
    desk_b.pack_view.on_scan(order.number)
    qtbot.waitUntil(lambda: "Desk A" in desk_b.pack_view.message.text(), timeout=10_000)
    assert "Ana" in desk_b.pack_view.message.text()
    assert opened_at_b == [] and desk_b.pack_view.session is None

    # Desk A packs and ships it; desk B's list follows without a sync.
    assert desk_b.station is not None
    syncs_at_b: list[object] = []
    desk_b.window.sync_finished.connect(syncs_at_b.append)
    pack_and_ship(qtbot, desk_a, order)
    qtbot.waitUntil(lambda: shipments(warehouse.sandbox, order.id) == 1, timeout=30_000)
    confirmed = time.monotonic()
    qtbot.waitUntil(lambda: row_status(desk_b, order.id) == "shipped", timeout=5_000)
    assert time.monotonic() - confirmed < 1.0
    assert syncs_at_b == []
    assert shipments(warehouse.sandbox, order.id) == 1


def test_next_order_skips_the_order_the_other_desk_holds(
    qtbot: Any, warehouse: Warehouse, station_url: str
) -> None:
    desk_a = warehouse.open_desk("Desk A", "Ana", station_url)
    desk_b = warehouse.open_desk("Desk B", "Ben", station_url)
    # Two orders next to each other in desk B's list (as "next order" walks it), both
    # packable by scans: desk B packs the first, desk A holds the second.
    proxy = desk_b.window.proxy
    open_states = {status.value for status in SHIPPABLE}
    shippable = [
        proxy.key_at(r).order_id
        for r in range(proxy.rowCount())
        if proxy.summary_at(r).status in open_states
    ]
    orders = {o.id: o for o in packables(warehouse.sandbox, desk_b)}
    pair = next(
        (
            (shippable[i], shippable[i + 1])
            for i in range(len(shippable) - 1)
            if shippable[i] in orders and shippable[i + 1] in orders
        ),
        None,
    )
    assert pair is not None, "the sandbox's list has no two packable orders side by side"
    mine, held = orders[pair[0]], orders[pair[1]]
    open_in_pack_mode(qtbot, desk_a, held)
    opened_at_b: list[str] = []
    desk_b.pack_view.order_opened.connect(lambda o: opened_at_b.append(o.id))
    open_in_pack_mode(qtbot, desk_b, mine)
    pack_and_ship(qtbot, desk_b, mine)
    qtbot.waitUntil(lambda: len(opened_at_b) >= 2, timeout=20_000)
    assert opened_at_b[0] == mine.id
    assert opened_at_b[1] not in (mine.id, held.id)
    assert desk_a.pack_view.session is not None
    assert desk_a.pack_view.session.order.id == held.id


def test_a_stopped_station_database_turns_coordination_off_and_packing_goes_on(
    qtbot: Any, warehouse: Warehouse
) -> None:
    with ThrowawayPostgres() as server:
        desk = warehouse.open_desk("Desk A", "Ana", server.url)
        assert desk.station is not None
        indicator = desk.station.indicator
        qtbot.waitUntil(lambda: "Coordinated" in indicator.text(), timeout=10_000)
        server.stop()
        qtbot.waitUntil(lambda: "off" in indicator.text(), timeout=15_000)
        assert indicator.isVisible()

        order = packable(warehouse.sandbox, desk)
        open_in_pack_mode(qtbot, desk, order)
        pack_and_ship(qtbot, desk, order)
        qtbot.waitUntil(lambda: shipments(warehouse.sandbox, order.id) == 1, timeout=30_000)

        server.start()
        qtbot.waitUntil(lambda: "Coordinated" in indicator.text(), timeout=20_000)

        def audited() -> set[str]:
            with psycopg.connect(server.url) as conn:
                rows = conn.execute(
                    "SELECT kind FROM audit WHERE order_id = %s", (order.id,)
                ).fetchall()
            return {str(r[0]) for r in rows}

        qtbot.waitUntil(lambda: {"claim", "packed"} <= audited(), timeout=20_000)
        assert shipments(warehouse.sandbox, order.id) == 1


def test_an_order_closed_at_desk_a_can_be_packed_at_desk_b(
    qtbot: Any, warehouse: Warehouse, station_url: str
) -> None:
    desk_a = warehouse.open_desk("Desk A", "Ana", station_url)
    desk_b = warehouse.open_desk("Desk B", "Ben", station_url)
    order = packable(warehouse.sandbox, desk_a)
    open_in_pack_mode(qtbot, desk_a, order)
    desk_a.pack_view.run_command(PackCommand.CANCEL)
    assert desk_a.pack_view.session is None

    def holders() -> list[str]:
        with psycopg.connect(station_url) as conn:
            rows = conn.execute("SELECT desk FROM claims WHERE order_id = %s", (order.id,))
            return [str(r[0]) for r in rows.fetchall()]

    qtbot.waitUntil(lambda: holders() == [], timeout=10_000)
    open_in_pack_mode(qtbot, desk_b, order)
    assert holders() == ["Desk B"]


def test_a_desk_alone_packs_with_no_station_database_and_shows_no_indicator(
    qtbot: Any, warehouse: Warehouse
) -> None:
    desk = warehouse.open_desk("Solo", "Ana", "")
    assert desk.station is not None
    order = packable(warehouse.sandbox, desk)
    open_in_pack_mode(qtbot, desk, order)
    pack_and_ship(qtbot, desk, order)
    qtbot.waitUntil(lambda: shipments(warehouse.sandbox, order.id) == 1, timeout=30_000)
    assert not desk.station.indicator.isVisible() and desk.station.indicator.text() == ""
    assert not desk.station.timer.isActive()
