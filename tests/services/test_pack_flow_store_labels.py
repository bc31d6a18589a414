"""Pack mode on a store that sells labels (the host's ``store_sells_labels``, Price2b): the
last unit scanned ships the order with no tracking number asked for (the ship buys the
store's label); a failed ship waits for the packer, who can retry (F2) or scan a carrier
label after all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fulfillment_station.services.pack_flow import PackFlow, PackPhase
from fulfillment_station.services.pack_session import PackCommand
from fulfillment_station.store.pack_progress import PackProgress
from tests.helpers.pack_fakes import EAN, UPC_A, UPS, Display, Host, RecordedSounds, two_line_order


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[PackProgress]:
    with PackProgress(tmp_path / "progress.sqlite3") as store:
        yield store


class LabelStoreHost(Host):
    store_sells_labels = True


def flow_on_label_store(progress: PackProgress) -> tuple[PackFlow, LabelStoreHost, Display]:
    host, display = LabelStoreHost([two_line_order("A1", "#1001")]), Display()
    return PackFlow(host, progress, display, RecordedSounds()), host, display


def test_the_last_scan_ships_without_asking_for_a_tracking_number(
    progress: PackProgress,
) -> None:
    flow, host, display = flow_on_label_store(progress)
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    assert host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1}, None)]
    assert display.shipped_orders == ["A1"]
    assert flow.phase is not PackPhase.AWAIT_TRACKING


def test_a_refused_label_purchase_waits_and_f2_retries(progress: PackProgress) -> None:
    flow, host, display = flow_on_label_store(progress)
    host.ship_error = "Price2b refused the label: no carrier."
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    assert flow.phase is PackPhase.AWAIT_TRACKING and "no carrier" in display.errors[-1]
    host.ship_error = None
    flow.command(PackCommand.SHIP_SCANNED)
    assert [call[3] for call in host.named("ship")] == [None, None]
    assert display.shipped_orders == ["A1"]


def test_a_store_selling_no_labels_still_asks_for_the_carrier_label(
    progress: PackProgress,
) -> None:
    host, display = Host([two_line_order("A1", "#1001")]), Display()
    flow = PackFlow(host, progress, display, RecordedSounds())
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    assert flow.phase is PackPhase.AWAIT_TRACKING and not host.named("ship")
    flow.scan(UPS)
    assert host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1}, UPS)]
