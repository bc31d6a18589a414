"""Real labels only: a label Price2b sells is bought through the outbox, fetched from
``label_url`` and printed as the store's own bytes (PDF as is; a faithful ZPL graphic on a
thermal printer), Reprint prints the same bytes, and the app's own label is an address label
marked NO POSTAGE that prints only when the desk asks for it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector
from fulfillment_station.domain.models import FulfillmentStatus, Order, OrderStatus, Shipment
from fulfillment_station.printing.label_raster import zpl_graphic_bits
from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.actions import Action
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.services.print_service import PrintService
from fulfillment_station.services.store_labels import (
    LabelDefaults,
    StoreLabelPrinter,
    label_ship_request,
    print_store_label,
)
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox
from fulfillment_station.store.print_queue import JobState, PrintQueue
from fulfillment_station.store.settings import Settings
from tests.conftest import TEST_TOKEN
from tests.printing.fake_printer import FakeRawPrinter

pytestmark = pytest.mark.integration

DEFAULTS = LabelDefaults(carrier="fedex", service="INTERNATIONAL_ECONOMY")


def desk(label_printer: str, label_format: str = "pdf", **extra: object) -> Settings:
    return Settings.defaults().replace(
        {
            "station.return_name": "Harbour Teas",
            "station.return_line1": "12 Harbour Road",
            "station.return_city": "Portland",
            "station.return_country": "US",
            "printers.label_printer": label_printer,
            "printers.label_format": label_format,
            **extra,
        }
    )


@pytest.fixture
def store(make_sandbox) -> SandboxServer:  # type: ignore[no-untyped-def]
    return make_sandbox("price2b", orders=40)


@pytest.fixture
def connector(store: SandboxServer) -> Iterator[Connector]:
    with connect("price2b", store.base_url, TEST_TOKEN) as conn:
        yield conn


def open_orders(connector: Connector) -> Iterator[Order]:
    for row in connector.list_orders():
        if (
            row.status == OrderStatus.PROCESSING
            and row.fulfillment_status == FulfillmentStatus.UNFULFILLED
        ):
            order = connector.get_order(row.id)
            if all(line.weight for line in order.lines):
                yield order


def ship_through_outbox(
    tmp_path: Path, connector: Connector, order: Order, prints: PrintService
) -> StoreLabelPrinter:
    store = open_store(tmp_path / "outbox.sqlite3")
    outbox: Outbox[Action] = Outbox(
        store, AuditLog(store, station="Desk 1"), decode=Action.model_validate
    )
    hook = StoreLabelPrinter(connector, prints, lambda _oid: order)
    service = OutboxService(outbox, connector, connection_id="p2b", on_shipped=hook)
    record = service.ship(order.id, label_ship_request(order, DEFAULTS), cached=order)
    service.run_until_idle(datetime.now(UTC) + timedelta(seconds=20))
    assert outbox.get(record.id).state is ActionState.DONE  # type: ignore[union-attr]
    store.close()
    return hook


def test_the_label_price2b_sells_prints_as_its_own_bytes_and_reprints_the_same(
    tmp_path: Path, connector: Connector
) -> None:
    order = next(open_orders(connector))
    folder = tmp_path / "labels"
    queue = PrintQueue.open(tmp_path / "queue.sqlite3")
    prints = PrintService(queue, desk(f"file:{folder}"))

    hook = ship_through_outbox(tmp_path, connector, order, prints)

    shipped = connector.get_order(order.id)
    assert shipped.status == OrderStatus.SHIPPED
    shipment = shipped.shipments[-1]
    (outcome,) = hook.outcomes
    assert outcome.printed and outcome.job is not None
    printed = sorted(folder.iterdir())
    assert len(printed) == 1
    store_label = connector.fetch_label(connector.label_url_for(shipment.id))  # type: ignore[attr-defined]
    assert printed[0].read_bytes() == store_label  # the store's label, not a look-alike
    assert (
        shipment.tracking_number in pypdf.PdfReader(io.BytesIO(store_label)).pages[0].extract_text()
    )

    again = prints.reprint(outcome.job.id)
    assert again.printed
    assert sorted(p.read_bytes() for p in folder.iterdir()) == [store_label, store_label]
    queue.close()


def test_a_zpl_printer_gets_the_store_label_dot_for_dot(
    tmp_path: Path, connector: Connector
) -> None:
    zebra = FakeRawPrinter().start()
    order = next(open_orders(connector))
    queue = PrintQueue.open(tmp_path / "queue.sqlite3")
    prints = PrintService(queue, desk(f"tcp://127.0.0.1:{zebra.port}", "zpl"))
    try:
        hook = ship_through_outbox(tmp_path, connector, order, prints)
        assert zebra.wait_for_job()
    finally:
        zebra.close()
        queue.close()
    (outcome,) = hook.outcomes
    assert outcome.printed
    (job,) = zebra.jobs
    assert job.startswith(b"^XA") and b"^GFA," in job and b"NO POSTAGE" not in job
    # Decode the graphic the printer gets and scan it: the store's barcode, intact.
    per_row, rows = zpl_graphic_bits(job)
    image = Image.frombytes(
        "1", (per_row * 8, len(rows)), bytes.fromhex("".join(rows)), "raw", "1;I"
    )
    tracking = connector.get_order(order.id).shipments[-1].tracking_number
    assert [r.text for r in zxingcpp.read_barcodes(image.convert("L"))] == [tracking]


def test_the_lone_parcel_is_weighed_from_its_lines_and_lists_them(connector: Connector) -> None:
    order = next(open_orders(connector))
    request = label_ship_request(order, DEFAULTS)
    (parcel,) = request.packages
    assert (request.carrier, request.service) == ("fedex", "INTERNATIONAL_ECONOMY")
    assert parcel.lines == {ln.id: ln.remaining for ln in order.lines}
    assert parcel.weight == sum((ln.weight or Decimal(0)) * ln.remaining for ln in order.lines)
    chosen = order.model_copy(update={"service_requested": "ups GROUND"})
    assert label_ship_request(chosen, DEFAULTS).service == "GROUND"
    assert label_ship_request(chosen, DEFAULTS).carrier == "ups"


def test_printing_again_from_the_order_fetches_the_same_label(
    tmp_path: Path, connector: Connector
) -> None:
    order = next(open_orders(connector))
    result = connector.ship(order.id, label_ship_request(order, DEFAULTS))
    assert result.shipment is not None and result.shipment.label_url
    reread = connector.get_order(order.id)  # its shipments carry no label_url
    folder = tmp_path / "labels"
    queue = PrintQueue.open(tmp_path / "queue.sqlite3")
    outcome = print_store_label(PrintService(queue, desk(f"file:{folder}")), connector, reread)
    queue.close()
    assert outcome.printed
    (printed,) = folder.iterdir()
    assert printed.read_bytes() == connector.fetch_label(result.shipment.label_url)


def test_the_app_draws_no_label_unless_the_desk_asks_and_then_says_no_postage(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "labels"
    order, shipment = sample_order("1001"), sample_shipment()
    queue = PrintQueue.open(tmp_path / "queue.sqlite3")
    refused = PrintService(queue, desk(f"file:{folder}")).print_label(order, shipment)
    assert refused.job is None and not refused.printed
    assert "carrier's label" in refused.message
    assert not folder.exists() or not list(folder.iterdir())
    asked = PrintService(queue, desk(f"file:{folder}", "zpl", **{"printers.address_labels": True}))
    outcome = asked.print_label(
        order, Shipment(carrier="UPS", tracking_number="1Z999AA10123456784")
    )
    queue.close()
    assert outcome.printed and outcome.job is not None and outcome.job.state is JobState.DONE
    (printed,) = folder.iterdir()
    assert "NO POSTAGE" in printed.read_text()
    assert "not a shipping label" in printed.read_text().lower()


def test_pack_mode_buys_the_label_where_the_store_sells_one(connector: Connector) -> None:
    from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
    from fulfillment_station.services.store_labels import pack_ship_request, prints_after_ship

    order = next(open_orders(connector))
    lines = {ln.id: ln.remaining for ln in order.lines}
    settings = desk("").replace(
        {"printers.label_carrier": "fedex", "printers.label_service": "GROUND"}
    )
    caps = connector.capabilities
    bought = pack_ship_request(order, lines, caps, settings)
    assert (bought.carrier, bought.service, bought.tracking_number) == ("fedex", "GROUND", None)
    assert bought.packages[0].lines == lines and prints_after_ship(bought, caps)
    result = connector.ship(order.id, bought)  # the store takes it: no "Other", no refusal
    assert result.shipment is not None and result.shipment.label_url
    scanned = pack_ship_request(
        order, lines, NEXUS, settings, tracking="1Z999AA10123456784", carrier="UPS"
    )
    assert scanned.tracking_number == "1Z999AA10123456784" and not prints_after_ship(scanned, NEXUS)


def test_a_label_image_that_would_unpack_to_gigabytes_is_refused_unread() -> None:
    from fulfillment_station.printing.errors import DocumentError
    from fulfillment_station.printing.label_raster import label_for_printer

    huge = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(huge, "PNG")  # a few kB on disk, 400 M dots
    assert len(huge.getvalue()) < 200_000
    with pytest.raises(DocumentError):
        label_for_printer(huge.getvalue(), "zpl", 203)
    small = io.BytesIO()
    Image.new("L", (400, 600), 255).save(small, "PNG")
    data, fmt = label_for_printer(small.getvalue(), "zpl", 203)
    assert fmt == "zpl" and data.startswith(b"^XA") and b"^GFA," in data
    assert label_for_printer(small.getvalue(), "pdf", 203) == (small.getvalue(), "png")
