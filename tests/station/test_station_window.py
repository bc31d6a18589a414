"""Two desks as the app builds them (``build_app``: real windows, workers, outbox, pack mode),
each with its own data dir, one nexus sandbox and one station database (a real PostgreSQL):
claims refuse an order the other desk packs, a shipment at one desk reaches the other's list
within a second, and a stopped station database turns coordination off without stopping the
packing."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest

from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.services.pack_session import PackCommand
from tests.helpers.station_pg import ThrowawayPostgres
from tests.helpers.station_window import (
    Warehouse,
    open_in_pack_mode,
    pack_and_ship,
    packable,
    packables,
    row_status,
    shipments,
)

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


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
