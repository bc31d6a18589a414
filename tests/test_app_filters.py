"""The filter bar of the real window on a Nexus store: the customer filter (part of a name or
email) and "With returns" / "Without returns" (Nexus ``has_returns``, which the sync reads from
each order's detail) narrow the list to exactly the orders the store says."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts
from fulfillment_station.connectors import connect
from fulfillment_station.domain import Order
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.order_filters import PRESETS
from tests.conftest import TEST_TOKEN
from tests.helpers.r3labels_desk import store_desk

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def nexus_desk(
    qtbot: Any, qapp: QApplication, tmp_path: Path, make_sandbox: Callable[..., SandboxServer]
) -> Iterator[tuple[AppParts, list[Order]]]:
    server = make_sandbox("nexus", orders=60, seed=7)
    with connect("nexus", server.base_url, TEST_TOKEN) as connector:
        orders = [connector.get_order(row.id) for row in connector.list_orders()]
    with store_desk(qtbot, qapp, tmp_path, server) as parts:
        parts.window.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
        yield parts, orders


def listed(parts: AppParts) -> set[str]:
    proxy = parts.window.proxy
    return {proxy.key_at(row).order_id for row in range(proxy.rowCount())}


def test_returns_filter_lists_exactly_the_orders_nexus_says_have_returns(
    qtbot: Any, nexus_desk: tuple[AppParts, list[Order]]
) -> None:
    parts, orders = nexus_desk
    bar = parts.window.filter_bar
    assert bar.returns.isVisible()  # Nexus documents has_returns
    with_returns = {o.id for o in orders if o.has_returns}
    without = {o.id for o in orders if o.has_returns is False}
    assert with_returns and without  # the sandbox has both kinds
    qtbot.waitUntil(lambda: listed(parts) == {o.id for o in orders}, timeout=10_000)
    bar.returns.setCurrentIndex(bar.returns.findData("yes"))
    qtbot.waitUntil(lambda: listed(parts) == with_returns, timeout=10_000)
    bar.returns.setCurrentIndex(bar.returns.findData("no"))
    qtbot.waitUntil(lambda: listed(parts) == without, timeout=10_000)
    bar.clear()
    qtbot.waitUntil(lambda: listed(parts) == {o.id for o in orders}, timeout=10_000)


def test_customer_filter_lists_that_customers_orders(
    qtbot: Any, nexus_desk: tuple[AppParts, list[Order]]
) -> None:
    parts, orders = nexus_desk
    bar = parts.window.filter_bar
    assert bar.customer.isVisible()
    name = next(o.customer.name for o in orders if o.customer.name)
    part = name.split()[-1].upper()  # a surname, typed in another case
    expected = {
        o.id
        for o in orders
        if part.casefold() in o.customer.name.casefold()
        or part.casefold() in (o.customer.email or "").casefold()
    }
    bar.customer.setText(part)
    qtbot.waitUntil(lambda: listed(parts) == expected, timeout=10_000)
    assert 0 < len(expected) < len(orders)


@pytest.mark.gui
def test_the_returns_filter_shows_only_where_the_store_says(qtbot: Any) -> None:
    from fulfillment_station.connectors import connector_class
    from fulfillment_station.ui.orders.filter_bar import FilterBar

    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.configure(connector_class("squarespace").CAPABILITIES)
    assert not bar.returns.isVisible() and bar.customer.isVisible()
    bar.configure(connector_class("nexus").CAPABILITIES)
    assert bar.returns.isVisible()
