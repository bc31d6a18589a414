"""Desks as the app builds them for the station's window tests (``build_app``: real windows,
workers, outbox, pack mode), each with its own data dir, on one sandbox: the ``warehouse``
fixture (``tests/station/conftest.py``) and what the tests do with a desk."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts, AppServices, build_app
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.services.resources import ConnectionConfig
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring

TRACKING = "1Z999AA10123456784"
OpenDesk = Callable[[str, str, str], AppParts]


@dataclass
class Warehouse:
    sandbox: SandboxServer
    open_desk: OpenDesk


def warehouse_fixture(
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
