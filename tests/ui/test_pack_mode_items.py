"""What pack mode says about a scan that is no line of the order: a code that is no product
is "not recognised" (nothing to put back), a product is a "wrong item", named when the app
knows it from another cached order; the stop stays until acknowledged or a right item."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.domain.models import Order
from fulfillment_station.services import operations
from fulfillment_station.services.pack_session import PackCommand, command_payload
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.ui.pack.pack_mode import PackModeView, PackPhase
from tests.helpers.factories import build_order
from tests.helpers.packdesk import EAN, OTHER_EAN, UPC_A, DeskHost, RecordedSounds, desk_order

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


def catalogue_order() -> Order:
    """Another order in the cache: what the app knows of products not on the packed one."""
    return build_order(
        "Z9",
        number="#900009",
        lines=[
            {
                "id": "Z1",
                "sku": "MUG-RED",
                "name": "Enamel mug red",
                "quantity": 1,
                "unit_price": "5",
                "barcode": OTHER_EAN,
            },
            {"id": "Z2", "sku": "CARD-0002", "name": "Gift card", "quantity": 1},
        ],
    )


class CacheHost(DeskHost):
    """The desk's host whose item lookup is the real operation on a real cache file."""

    def __init__(self, orders: list[Order], cache: OrderCache) -> None:
        super().__init__(orders)
        self.resources = SimpleNamespace(cache=cache)
        self.lookups: list[str] = []

    def describe_item(
        self, scan: str, done: Callable[[str | None], None], failed: Callable[[str], None]
    ) -> None:
        self.lookups.append(scan)
        done(operations.describe_item(self.resources, scan))


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[OrderCache]:
    with OrderCache(tmp_path / "cache.sqlite3") as opened:
        opened.upsert_many([desk_order("A1", "#100001"), catalogue_order()], connection="shop")
        yield opened


@pytest.fixture
def make_view(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., PackModeView]]:
    stores: list[PackProgress] = []

    def make(host: DeskHost) -> PackModeView:
        store = PackProgress(tmp_path / f"pack-{len(stores)}.sqlite3")
        stores.append(store)
        view = PackModeView(host, store, RecordedSounds())
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        view.on_scan("#100001")
        assert view.phase is PackPhase.PACKING
        return view

    yield make
    for store in stores:
        store.close()


def sounds_of(view: PackModeView) -> list[str]:
    return view.flow.sounds.played  # type: ignore[attr-defined]


def test_a_code_that_is_no_product_is_not_recognised(make_view) -> None:
    view = make_view(DeskHost([desk_order("A1", "#100001")]))
    view.on_scan("SHELF-B-07")  # a shelf label, not an item
    assert view.error_shown
    assert view.message.text().startswith("STOP — Not recognised: SHELF-B-07")
    assert "Wrong item" not in view.message.text() and "Put it back" not in view.message.text()
    assert view.session is not None and view.session.scanned_units == 0


def test_a_product_not_on_the_order_is_a_wrong_item_named_when_known(make_view, cache) -> None:
    host = CacheHost([desk_order("A1", "#100001")], cache)
    view = make_view(host)
    view.on_scan(OTHER_EAN)
    assert view.message.text().startswith(
        f"STOP — Wrong item: Enamel mug red ({OTHER_EAN}) is not on order #100001."
    )
    assert sounds_of(view).count("error") == 1  # the name makes it clearer, no second sound
    view.run_command(PackCommand.ACKNOWLEDGE)

    view.on_scan("card-0002")  # another order's SKU, typed in lower case on the label
    assert "Wrong item: Gift card (card-0002)" in view.message.text()
    view.run_command(PackCommand.ACKNOWLEDGE)

    view.on_scan("4012345678901")  # a valid EAN the app has never seen: a product all the same
    assert "Wrong item: 4012345678901 is not on order #100001" in view.message.text()
    view.run_command(PackCommand.ACKNOWLEDGE)
    view.on_scan("SHELF-B-07")
    assert "Not recognised: SHELF-B-07" in view.message.text()
    assert host.lookups == [OTHER_EAN, "card-0002", "4012345678901", "SHELF-B-07"]


def test_a_late_name_does_not_bring_back_an_acknowledged_stop(make_view, cache) -> None:
    class SlowLookup(CacheHost):
        def __init__(self, orders: list[Order], cache: OrderCache) -> None:
            super().__init__(orders, cache)
            self.answers: list[Callable[[], None]] = []

        def describe_item(self, scan, done, failed) -> None:
            self.answers.append(lambda: done(operations.describe_item(self.resources, scan)))

    host = SlowLookup([desk_order("A1", "#100001")], cache)
    view = make_view(host)
    view.on_scan(OTHER_EAN)
    view.run_command(PackCommand.ACKNOWLEDGE)
    host.answers.pop()()
    assert not view.error_shown
    assert "Wrong item" not in view.message.text()


def test_the_stop_stays_until_acknowledged_or_a_right_item(make_view, qtbot) -> None:
    """README: wrong items and over-scans stop the packer with a red message that stays until
    acknowledged (Esc, Enter, the OK barcode) or until the right item is scanned."""
    view = make_view(DeskHost([desk_order("A1", "#100001")]))
    for acknowledge in (
        lambda: qtbot.keyClick(view, Qt.Key.Key_Escape),
        lambda: qtbot.keyClick(view, Qt.Key.Key_Return),
        lambda: view.on_scan(command_payload(PackCommand.ACKNOWLEDGE)),
    ):
        view.on_scan(OTHER_EAN)
        qtbot.keyClick(view, Qt.Key.Key_5)  # another key: still stopped
        qtbot.keyClick(view, Qt.Key.Key_Backspace)
        assert view.error_shown
        acknowledge()
        assert not view.error_shown
        assert view.message.text() == "Order #100001: scan the items."
    view.on_scan(OTHER_EAN)
    view.on_scan(UPC_A)  # the right item: counted, and the stop is over
    assert not view.error_shown
    assert view.session is not None and view.session.line("L1").scanned == 1
    view.on_scan(EAN)
    assert view.next_count.text() == "2 left"
