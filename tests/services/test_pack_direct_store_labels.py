"""The headless pack host on a store that sells labels (Price2b): scanning the last unit ships
the order by buying the store's label, and the label printed is the store's own bytes, as in
the app - whether the outbox resources print it (opened with a print queue) or the host's own
print resources do after :meth:`DirectPackHost.send`."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

from fulfillment_station.domain.models import FulfillmentStatus, Order, OrderStatus
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.pack_direct import DirectPackHost
from fulfillment_station.services.pack_flow import PackFlow, PackFlowOptions, PackPhase
from fulfillment_station.services.resources import (
    ConnectionConfig,
    OutboxResources,
    PrintResources,
    outbox_resources,
    print_resources,
)
from fulfillment_station.services.sync import SyncService
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.store.settings import Settings
from tests.conftest import TEST_TOKEN
from tests.helpers.pack_fakes import Display, RecordedSounds

pytestmark = pytest.mark.integration


def desk(labels: Path) -> Settings:
    return Settings.defaults().replace(
        {
            "station.return_name": "Harbour Teas",
            "station.return_line1": "12 Harbour Road",
            "station.return_city": "Portland",
            "station.return_country": "US",
            "printers.label_printer": f"file:{labels}",
            "printers.label_format": "pdf",
            "printers.label_carrier": "fedex",
            "printers.label_service": "INTERNATIONAL_ECONOMY",
        }
    )


@pytest.fixture
def store(make_sandbox: Callable[..., SandboxServer]) -> SandboxServer:
    return make_sandbox("price2b", orders=40)


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[PackProgress]:
    with PackProgress(tmp_path / "progress.sqlite3") as saved:
        yield saved


def open_outbox(store: SandboxServer, tmp_path: Path, settings: Settings | None) -> OutboxResources:
    config = ConnectionConfig(
        id="p2b", dialect="price2b", base_url=store.base_url, token=TEST_TOKEN, label="Price2b"
    )
    options: dict[str, Any] = {}
    if settings is not None:  # the outbox worker prints the store's label itself
        options = {"print_queue_path": tmp_path / "queue.sqlite3", "settings": lambda: settings}
    return outbox_resources(
        config,
        tmp_path / "cache.sqlite3",
        tmp_path / "outbox.sqlite3",
        station="Desk 1",
        sleep=lambda _s: None,
        max_read_attempts=2,
        **options,
    )()


def order_to_pack(resources: OutboxResources) -> Order:
    SyncService(resources.connector, resources.cache, "p2b").run()
    for summary in resources.cache.load_summaries("p2b"):
        order = resources.cache.get(summary.order_id, connection="p2b")
        if (
            order is not None
            and order.status is OrderStatus.PROCESSING
            and order.fulfillment_status is FulfillmentStatus.UNFULFILLED
            and not order.holds
            and all(line.weight and (line.barcode or line.sku) for line in order.lines)
        ):
            return order
    raise AssertionError("the sandbox has no Price2b order to pack")


def pack_by_scans(host: DirectPackHost, progress: PackProgress, order: Order) -> Display:
    display = Display()
    flow = PackFlow(host, progress, display, RecordedSounds(), PackFlowOptions(auto_print=False))
    flow.scan(order.number)
    assert display.opened_orders == [order.id]
    for line in order.lines:
        for _ in range(line.remaining):
            flow.scan(line.barcode or line.sku)
    # No tracking number asked for: the last scan shipped, buying the label.
    assert flow.phase is not PackPhase.AWAIT_TRACKING
    assert display.shipped_orders == [order.id]
    return display


def assert_store_label_printed(
    store: SandboxServer, resources: OutboxResources, order: Order, labels: Path
) -> None:
    shipped = resources.connector.get_order(order.id)
    assert shipped.status is OrderStatus.SHIPPED
    shipment = shipped.shipments[-1]
    assert shipment.tracking_number
    bought = [
        e
        for e in store.db.journal()["effects"]
        if e["kind"] == "shipment" and e["order_id"] == order.id
    ]
    assert len(bought) == 1
    store_label = resources.connector.fetch_label(
        resources.connector.label_url_for(shipment.id)  # type: ignore[attr-defined]
    )
    printed = sorted(labels.iterdir())
    assert [p.read_bytes() for p in printed] == [store_label]  # the store's bytes, once
    text = pypdf.PdfReader(io.BytesIO(store_label)).pages[0].extract_text()
    assert shipment.tracking_number in text


def test_the_host_prints_the_bought_label_itself_when_the_outbox_has_no_printer(
    store: SandboxServer, tmp_path: Path, progress: PackProgress
) -> None:
    labels = tmp_path / "labels"
    resources = open_outbox(store, tmp_path, None)
    printer: PrintResources = print_resources(
        tmp_path / "cache.sqlite3", tmp_path / "queue.sqlite3", lambda: desk(labels)
    )()
    try:
        order = order_to_pack(resources)
        host = DirectPackHost(resources, printer, packer="Ana")
        assert host.store_sells_labels
        pack_by_scans(host, progress, order)
        assert not labels.exists() or not list(labels.iterdir())  # nothing before the answer
        report = host.send()
        assert report.pending == 0 and not report.failures
        assert len(host.labels) == 1
        assert_store_label_printed(store, resources, order, labels)
        # The carrier and service came from the desk (or the order's checkout choice).
        (sent,) = [e for e in store.db.journal()["effects"] if e["kind"] == "shipment"]
        assert sent["detail"].get("carrier") or sent["detail"].get("carrier_code")
        host.send()  # a second pump prints nothing again
        assert len(list(labels.iterdir())) == 1
    finally:
        printer.close()
        resources.close()


def test_outbox_resources_with_a_print_queue_print_the_label_once(
    store: SandboxServer, tmp_path: Path, progress: PackProgress
) -> None:
    labels = tmp_path / "labels"
    settings = desk(labels)
    resources = open_outbox(store, tmp_path, settings)
    printer: PrintResources = print_resources(
        tmp_path / "cache.sqlite3", tmp_path / "queue.sqlite3", lambda: settings
    )()
    try:
        order = order_to_pack(resources)
        host = DirectPackHost(resources, printer, packer="Ana")
        pack_by_scans(host, progress, order)
        host.send()
        assert host.labels == []  # the outbox worker's hook printed it, not the host
        assert_store_label_printed(store, resources, order, labels)
    finally:
        printer.close()
        resources.close()
