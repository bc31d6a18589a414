"""What the window adds to the station: pack mode's wrong-item scans and overrides in the
shift's numbers (View → Shift report…), the menu entry without a station database, and a
cancel from the Order menu ending this desk's claim at once. Real windows (``build_app``), a
nexus sandbox and a real PostgreSQL."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest
from PySide6.QtGui import QAction

from fulfillment_station.domain import Order
from fulfillment_station.domain.requests import CancelRequest
from fulfillment_station.services.pack_session import PackCommand
from fulfillment_station.ui.dialogs.shift_report_dialog import ShiftReportMenu
from fulfillment_station.ui.orders.order_table import Column
from tests.helpers.station_window import (
    TRACKING,
    Warehouse,
    open_in_pack_mode,
    pack_and_ship,
    packables,
    shipments,
)

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


def _coordinated(qtbot: Any, parts: Any) -> None:
    assert parts.station is not None
    qtbot.waitUntil(lambda: "Coordinated" in parts.station.indicator.text(), timeout=10_000)


def _foreign_barcode(order: Order, other: Order) -> str:
    mine = {line.barcode for line in order.lines}
    return next(line.barcode for line in other.lines if line.barcode not in mine)


def _table_rows(table: Any) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_wrong_scans_and_a_tracking_override_in_pack_mode_are_in_the_shift_report(
    qtbot: Any, warehouse: Warehouse, station_url: str
) -> None:
    desk = warehouse.open_desk("Desk A", "Ana", station_url)
    _coordinated(qtbot, desk)
    first, second = packables(warehouse.sandbox, desk)[:2]
    pack = desk.pack_view

    # A wrong item while packing the first order: the packer is stopped, then goes on.
    open_in_pack_mode(qtbot, desk, first)
    pack.on_scan(_foreign_barcode(first, second))
    assert pack.error_shown
    pack.run_command(PackCommand.ACKNOWLEDGE)
    pack_and_ship(qtbot, desk, first)
    qtbot.waitUntil(lambda: shipments(warehouse.sandbox, first.id) == 1, timeout=30_000)

    # The second order gets the same tracking number: stopped, and the packer ships anyway.
    # "Next order" opens the following one by itself: leave it.
    qtbot.waitUntil(
        lambda: pack.session is not None and pack.session.order.id != first.id, timeout=20_000
    )
    pack.run_command(PackCommand.CANCEL)
    open_in_pack_mode(qtbot, desk, second)
    for line in second.lines:
        for _ in range(line.remaining):
            pack.on_scan(line.barcode or "")
    qtbot.waitUntil(lambda: "tracking" in pack.message.text().lower(), timeout=20_000)
    pack.on_scan(TRACKING)
    qtbot.waitUntil(lambda: pack.error_shown, timeout=10_000)
    with qtbot.waitSignal(pack.order_shipped, timeout=20_000):
        pack.run_command(PackCommand.SHIP_SCANNED)
    qtbot.waitUntil(lambda: shipments(warehouse.sandbox, second.id) == 1, timeout=30_000)

    # View → Shift report…
    action = desk.window.findChild(QAction, "shift_report")
    menu = desk.window.findChild(ShiftReportMenu, "shift_report_menu")
    assert action is not None and menu is not None
    assert action.isEnabled() and action in desk.window.view_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible(), timeout=15_000)
    dialog = menu.dialog
    assert dialog is not None
    assert _table_rows(dialog.scans) == [["Ana", "1", "1"]]
    numbers = {row[2] for row in _table_rows(dialog.manifest)}
    assert {first.number, second.number} <= numbers
    dialog.close()


def test_without_a_station_database_the_shift_report_entry_says_what_it_needs(
    qtbot: Any, warehouse: Warehouse
) -> None:
    desk = warehouse.open_desk("Solo", "Ana", "")
    action = desk.window.findChild(QAction, "shift_report")
    assert action is not None and action in desk.window.view_menu.actions()
    assert not action.isEnabled()
    assert "station database" in action.toolTip()


def test_cancelling_an_order_from_the_order_menu_ends_this_desks_claim_at_once(
    qtbot: Any, warehouse: Warehouse, station_url: str
) -> None:
    desk_a = warehouse.open_desk("Desk A", "Ana", station_url)
    desk_b = warehouse.open_desk("Desk B", "Ben", station_url)
    _coordinated(qtbot, desk_a)
    order = packables(warehouse.sandbox, desk_a)[0]
    open_in_pack_mode(qtbot, desk_a, order)

    def station_rows() -> tuple[list[str], list[str]]:
        with psycopg.connect(station_url) as conn:
            held = conn.execute(
                "SELECT desk FROM claims WHERE order_id = %s", (order.id,)
            ).fetchall()
            done = conn.execute(
                "SELECT reason FROM orders_done WHERE order_id = %s", (order.id,)
            ).fetchall()
        return [str(r[0]) for r in held], [str(r[0]) for r in done]

    assert station_rows() == (["Desk A"], [])
    # What Order → Cancel order… sends once the packer confirms.
    desk_a.actions.submit(order, CancelRequest(reason="customer called"))
    qtbot.waitUntil(lambda: station_rows()[0] == [], timeout=5_000)
    # The store confirms the cancel: finished for every desk, and desk B is told so.
    qtbot.waitUntil(lambda: station_rows()[1] == ["cancelled"], timeout=30_000)
    refused: list[str] = []
    desk_b.pack_view.order_opened.connect(lambda o: refused.append(o.id))
    desk_b.pack_view.on_scan(order.number)
    qtbot.waitUntil(lambda: desk_b.pack_view.error_shown, timeout=10_000)
    assert refused == [] and desk_b.pack_view.session is None


def _status_cell(parts: Any, order_id: str) -> str:
    model = parts.window.model
    row = model.row_of(("shop", order_id))
    assert row is not None
    return str(model.data(model.index(row, int(Column.STATUS))))


def test_another_desks_claim_shows_in_the_order_list_and_goes_when_it_ends(
    qtbot: Any, warehouse: Warehouse, station_url: str
) -> None:
    desk_a = warehouse.open_desk("Desk 3", "Ana", station_url)
    desk_b = warehouse.open_desk("Desk 4", "Ben", station_url)
    for parts in (desk_a, desk_b):
        _coordinated(qtbot, parts)
    order = packables(warehouse.sandbox, desk_a)[0]
    assert "Packing at" not in _status_cell(desk_b, order.id)

    open_in_pack_mode(qtbot, desk_a, order)
    opened = time.monotonic()
    qtbot.waitUntil(lambda: "Desk 3" in _status_cell(desk_b, order.id), timeout=5_000)
    assert time.monotonic() - opened < 1.0  # LISTEN/NOTIFY, not the next heartbeat
    cell = _status_cell(desk_b, order.id)
    assert "Packing at Desk 3 · Ana · since " in cell
    assert "Packing at" not in _status_cell(desk_a, order.id)  # not for its own claim

    desk_a.pack_view.run_command(PackCommand.CANCEL)  # the packer closes it: claim ends
    qtbot.waitUntil(lambda: "Packing at" not in _status_cell(desk_b, order.id), timeout=5_000)


def test_a_hold_from_the_order_menu_ends_the_claim_and_marks_the_order_held_for_all(
    qtbot: Any, warehouse: Warehouse, station_url: str
) -> None:
    desk = warehouse.open_desk("Desk A", "Ana", station_url)
    _coordinated(qtbot, desk)
    order = packables(warehouse.sandbox, desk)[0]
    open_in_pack_mode(qtbot, desk, order)

    def station_rows() -> tuple[int, int]:
        with psycopg.connect(station_url) as conn:
            claims = conn.execute(
                "SELECT count(*) FROM claims WHERE order_id = %s", (order.id,)
            ).fetchone()
            held = conn.execute(
                "SELECT count(*) FROM orders_held WHERE order_id = %s", (order.id,)
            ).fetchone()
        assert claims is not None and held is not None
        return int(claims[0]), int(held[0])

    assert station_rows() == (1, 0)
    desk.actions.set_hold(order, "address to check")
    qtbot.waitUntil(lambda: station_rows() == (0, 1), timeout=10_000)
    with psycopg.connect(station_url) as conn:
        # A packer's hold is in this desk's cache only (other desks cannot re-read it from
        # the store): it keeps them off the order past a short recheck.
        lasting = conn.execute(
            "SELECT recheck_at > now() + interval '1 hour' FROM orders_held WHERE order_id = %s",
            (order.id,),
        ).fetchone()
    assert lasting == (True,)
    desk.actions.set_hold(order, None)  # lifted: "next order" may offer it again
    qtbot.waitUntil(lambda: station_rows() == (0, 0), timeout=10_000)
