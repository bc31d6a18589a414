"""New order from the real window (Order → New order…), as a packer would: the dialog offers
the SKUs of the cached orders with their prices and the store's product ids, OK sends the
create through the outbox on its worker and the dialog waits open for the store's answer:
an OUT_OF_STOCK refusal marks the short line (Inventory Cloud; the Squarespace seed documents
no stock refusal), the created order closes it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts
from fulfillment_station.connectors import connect
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.order_filters import PRESETS
from fulfillment_station.ui.dialogs.create_order_dialog import CreateOrderDialog
from tests.conftest import TEST_TOKEN
from tests.helpers.create_order import create, fill, refused_short_line_then_created
from tests.helpers.r3labels_desk import store_desk

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def desk(
    request: pytest.FixtureRequest,
    qtbot: Any,
    qapp: QApplication,
    tmp_path: Path,
    make_sandbox: Callable[..., SandboxServer],
) -> Iterator[tuple[AppParts, SandboxServer]]:
    server = make_sandbox(str(request.param), orders=40, seed=5)
    with store_desk(qtbot, qapp, tmp_path, server) as parts:
        # qtbot types a whole cell in one instant, which the application-wide scanner filter
        # rightly takes for a scanner burst; a packer types slower. These tests are about the
        # dialog, so the filter is taken off while they type.
        parts.scanner.uninstall(qapp)
        yield parts, server


def open_new_order(qtbot: Any, parts: AppParts) -> CreateOrderDialog:
    menu = next(a for a in parts.window.menuBar().actions() if a.text() == "&Order").menu()
    (action,) = [a for a in menu.actions() if a.text() == "&New order…"]
    assert action.isEnabled()
    action.trigger()

    def shown() -> list[CreateOrderDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CreateOrderDialog) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10_000)
    return shown()[0]


@pytest.mark.parametrize("desk", ["squarespace"], indirect=True)
def test_squarespace_order_created_from_the_window_with_the_cached_catalogue(
    qtbot: Any, desk: tuple[AppParts, SandboxServer]
) -> None:
    parts, server = desk
    dialog = open_new_order(qtbot, parts)
    # The catalogue comes from the cache the sync just filled: SKUs with the variant ids.
    known = [item for item in dialog.model._catalogue.values() if item.product_id]
    assert len(known) >= 2
    fill(qtbot, dialog, [(known[0].sku, "2", "12.50"), (known[1].sku, "1", "4.00")])
    create(qtbot, dialog)
    created = dialog.created
    assert created is not None and created.id
    assert created.total == Decimal("29.00")
    with connect("squarespace", server.base_url, TEST_TOKEN) as connector:
        stored = connector.get_order(created.id)
    assert [(ln.sku, ln.quantity) for ln in stored.lines] == [(known[0].sku, 2), (known[1].sku, 1)]
    # The list shows the new order at once (All), before any sync.
    qtbot.waitUntil(
        lambda: "created" in parts.window.statusBar().currentMessage().lower(), timeout=10_000
    )
    window = parts.window
    window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
    qtbot.waitUntil(
        lambda: (
            created.id in {window.proxy.key_at(r).order_id for r in range(window.proxy.rowCount())}
        ),
        timeout=10_000,
    )


@pytest.mark.parametrize("desk", ["inventory-cloud"], indirect=True)
def test_out_of_stock_marks_the_line_in_the_dialog_opened_from_the_window(
    qtbot: Any, desk: tuple[AppParts, SandboxServer]
) -> None:
    parts, server = desk
    dialog = open_new_order(qtbot, parts)
    refused_short_line_then_created(qtbot, dialog, short_row=1)
    assert dialog.created is not None
    with connect("inventory-cloud", server.base_url, TEST_TOKEN) as connector:
        stored = connector.get_order(dialog.created.id)
    # (An Inventory Cloud order object carries no lines: its total is the proof of them.)
    assert stored.status.value == "pending" and stored.total > 0
