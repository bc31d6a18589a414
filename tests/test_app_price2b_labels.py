"""The whole app on a Price2b connection: Order → Ship… buys the label Price2b sells (carrier
and service from the desk's defaults, the parcel weighed from its lines, with its items), the
outbox sends it, and the label printer gets the store's own label, byte for byte."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts, AppServices
from fulfillment_station.connectors import connect
from fulfillment_station.domain import OrderStatus
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, SettingsStore
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def scale_sim() -> Iterator[Any]:
    """A serial scale on a pseudo-terminal, a 1.250 kg parcel on it, for the desk to use."""
    from tests.helpers.scale_sim import ScaleSimulator

    with ScaleSimulator("cas", weight="1.250", unit="kg", state="stable") as sim:
        yield sim


@pytest.fixture
def price2b_desk(
    request: pytest.FixtureRequest,
    qtbot: Any,
    qapp: QApplication,
    tmp_path: Path,
    make_sandbox: Callable[..., SandboxServer],
) -> Iterator[tuple[AppParts, SandboxServer, Path]]:
    # A test that asks for the scale simulator gets a desk whose Settings name it.
    scale: dict[str, object] = {}
    if "scale_sim" in request.fixturenames:
        sim = request.getfixturevalue("scale_sim")
        scale = {"scale.source": "serial", "scale.device": sim.path, "scale.protocol": "cas"}
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    server = make_sandbox("price2b", orders=30, seed=4)
    labels = tmp_path / "labels"
    store = SettingsStore(tmp_path / "config" / "settings.json")
    store.save(
        store.load()
        .replace(
            {
                "printers.label_printer": f"file:{labels}",
                "printers.label_format": "pdf",
                "printers.label_carrier": "fedex",
                "printers.label_service": "GROUND",
                "station.packer_name": "Ana",
                "sounds.enabled": False,
                "pack.auto_print": False,
                **scale,
            }
        )
        .with_profile(
            ConnectionProfile("p2b", "Price2b shop", "price2b", server.base_url), activate=True
        )
    )
    redactor = Redactor()
    tokens = TokenStore(on_secret=redactor.add)
    tokens.set("p2b", TEST_TOKEN)
    services = AppServices(
        store,
        tokens,
        tmp_path / "data",
        redactor,
        configure_logging(tmp_path / "logs", redactor=redactor),
    )
    session = AppSession(qapp, services)
    built = session.parts
    qtbot.addWidget(built.window)
    built.window.confirm_close = lambda _pending: True
    yield built, server, labels
    session.close()
    keyring.set_keyring(previous)


def test_ship_from_the_order_menu_prints_the_label_price2b_sold(
    qtbot: Any, price2b_desk: tuple[AppParts, SandboxServer, Path]
) -> None:
    from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog

    parts, server, labels = price2b_desk
    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        weighed = {
            o.id
            for o in (connector.get_order(r.id) for r in connector.list_orders())
            if all(line.weight for line in o.lines) and not o.service_requested
        }
    assert weighed  # orders the customer chose no service for: the desk's defaults apply
    row = next(
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.summary_at(r).status == "processing"
        and window.proxy.summary_at(r).fulfillment == "unfulfilled"
        and window.proxy.key_at(r).order_id in weighed
    )
    ref = window.proxy.key_at(row)

    def selected() -> bool:
        # Rows may still be re-sorted after the first sync: select the order where it is now.
        rows = [r for r in range(window.proxy.rowCount()) if window.proxy.key_at(r) == ref]
        if rows and window.selected_refs() != [ref]:
            window.table.selectRow(rows[0])
        return window.selected_refs() == [ref]

    qtbot.waitUntil(selected, timeout=10_000)
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
    # (A cached list row carries no weights yet; the connector weighs the lines it ships.)
    assert dialog.package_box is not None
    # The desk's label defaults (Settings: fedex GROUND) fill the carrier and service.
    assert dialog.rows[0].carrier.carrier() == "fedex"
    assert dialog.rows[0].service.text() == "GROUND"
    assert dialog.weigher is None  # the desk has no scale: weights are typed
    with qtbot.waitSignal(parts.actions.orders_changed, timeout=30_000):
        dialog.accept()
    qtbot.waitUntil(lambda: labels.exists() and len(list(labels.iterdir())) == 1, timeout=20_000)
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        order = connector.get_order(ref.order_id)
        assert order.status == OrderStatus.SHIPPED
        shipment = order.shipments[-1]
        store_label = connector.fetch_label(connector.label_url_for(shipment.id))  # type: ignore[attr-defined]
    (printed,) = labels.iterdir()
    assert printed.read_bytes() == store_label


def test_the_order_menu_opens_price2b_channel_sync(
    qtbot: Any, price2b_desk: tuple[AppParts, SandboxServer, Path]
) -> None:
    from fulfillment_station.ui.dialogs.channel_sync_dialog import ChannelSyncDialog

    parts, _server, _labels = price2b_desk
    menu = next(a for a in parts.window.menuBar().actions() if a.text() == "&Order").menu()
    (action,) = [a for a in menu.actions() if a.text() == "Channel sync…"]
    action.trigger()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, ChannelSyncDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=10_000,
    )
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ChannelSyncDialog) and w.isVisible()
    )
    qtbot.waitUntil(lambda: dialog.status is not None, timeout=10_000)
    assert "Next scheduled sync" in dialog.next_run.text()
    dialog.close()


def test_pack_mode_buys_price2b_label_and_prints_its_own_bytes_with_scans_only(
    qtbot: Any, price2b_desk: tuple[AppParts, SandboxServer, Path]
) -> None:
    """Pack mode on a store that sells labels: the order number and every item scanned, and
    the order ships (no carrier label to scan: the store sells it); the shipment buys
    Price2b's label with the desk's carrier and service, and the label printer gets the
    store's bytes, once, and nothing the app drew itself."""
    from PySide6.QtCore import Qt

    parts, server, labels = price2b_desk
    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        details = [connector.get_order(r.id) for r in connector.list_orders()]
    order = next(
        o
        for o in details
        if o.status.value == "processing"
        and not o.shipments
        and 1 < sum(line.remaining for line in o.lines) <= 3
        and all(line.weight and line.sku for line in o.lines)
        and not o.service_requested
    )

    def scan(text: str) -> None:
        qtbot.keyClicks(parts.pack_view, text)
        qtbot.keyClick(parts.pack_view, Qt.Key.Key_Return)

    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.in_pack_mode
    with qtbot.waitSignal(parts.pack_view.order_opened, timeout=20_000):
        scan(order.number)
    units = [line.barcode or line.sku or "" for line in order.lines for _ in range(line.remaining)]
    for text in units[:-1]:
        scan(text)
    # The last unit scanned ships the order: there is no carrier label to scan, the ship buys
    # the store's.
    with qtbot.waitSignal(parts.pack_view.order_shipped, timeout=20_000):
        scan(units[-1])
    assert "tracking" not in parts.pack_view.message.text().lower()
    qtbot.waitUntil(lambda: labels.exists() and len(list(labels.iterdir())) == 1, timeout=30_000)
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        shipped = connector.get_order(order.id)
        assert shipped.status.value == "shipped"
        (shipment,) = shipped.shipments
        assert shipment.carrier.casefold() == "fedex"
        assert shipment.tracking_number
        store_label = connector.fetch_label(connector.label_url_for(shipment.id))  # type: ignore[attr-defined]
    (printed,) = labels.iterdir()
    assert printed.read_bytes() == store_label


def test_the_ship_dialog_weighs_the_parcel_on_the_desks_scale(
    qtbot: Any, scale_sim: Any, price2b_desk: tuple[AppParts, SandboxServer, Path]
) -> None:
    """Settings name a serial scale: Order → Ship… opens with the scale running, and the
    parcel's weight fills itself from it; closing the dialog lets the scale go."""
    from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog

    parts, _server, _labels = price2b_desk
    window = parts.window
    with qtbot.waitSignal(window.sync_finished, timeout=60_000):
        parts.start()
    row = next(
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.summary_at(r).status == "processing"
        and window.proxy.summary_at(r).fulfillment == "unfulfilled"
    )
    ref = window.proxy.key_at(row)

    def selected() -> bool:
        rows = [r for r in range(window.proxy.rowCount()) if window.proxy.key_at(r) == ref]
        if rows and window.selected_refs() != [ref]:
            window.table.selectRow(rows[0])
        return window.selected_refs() == [ref]

    qtbot.waitUntil(selected, timeout=10_000)
    ship = next(a for a in window.menuBar().actions() if a.text() == "&Order").menu().actions()[0]
    ship.trigger()

    def dialogs() -> list[ShipDialog]:
        return [
            w for w in QApplication.topLevelWidgets() if isinstance(w, ShipDialog) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=10_000)
    dialog = dialogs()[0]
    assert dialog.weigher is not None and dialog.package_fields
    qtbot.waitUntil(lambda: dialog.package_fields["weight"].value() == 1.25, timeout=10_000)
    weigher = dialog.weigher
    dialog.reject()
    assert not weigher.running
