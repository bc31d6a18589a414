"""The print service: slips and labels reach their printers once, through the print queue,
and a printer that is down loses nothing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from fulfillment_station.printing.errors import BatchCancelled, DocumentError, PrinterError
from fulfillment_station.printing.printers import CupsPrinter, FilePrinter, NetworkPrinter
from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.services.print_service import (
    PrintService,
    parse_printer,
    print_settings_from,
    printer_from,
)
from fulfillment_station.store.print_queue import JobState, PrintQueue
from fulfillment_station.store.settings import Settings
from tests.printing.fake_printer import FakeRawPrinter

ORDER = sample_order("1001")
SHIPMENT = sample_shipment()


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[PrintQueue]:
    q = PrintQueue.open(tmp_path / "station.db")
    yield q
    q.close()


@pytest.fixture
def zebra() -> Iterator[FakeRawPrinter]:
    fake = FakeRawPrinter().start()
    yield fake
    fake.close()


def desk_settings(slips: Path | None, label: str, label_format: str = "zpl") -> Settings:
    return Settings.defaults().replace(
        {
            "station.store_name": "Harbour Teas",
            "station.return_name": "Harbour Teas",
            "station.return_line1": "12 Harbour Road",
            "station.return_city": "Portland",
            "station.return_region": "OR",
            "station.return_postal_code": "97201",
            "station.return_country": "US",
            "printers.slip_printer": f"file:{slips}" if slips else "",
            "printers.label_printer": label,
            "printers.label_format": label_format,
            # These tests print the app's own address label, which a desk must ask for.
            "printers.address_labels": True,
        }
    )


def files_in(folder: Path) -> list[Path]:
    return (
        sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []
    )


# -- settings -> print settings and printers ------------------------------------------------


def test_print_settings_come_from_the_station_settings(tmp_path: Path) -> None:
    settings = desk_settings(None, "").replace(
        {"printers.page_size": "a4", "printers.label_dpi": 300, "station.logo_path": ""}
    )

    printing = print_settings_from(settings)

    assert printing.store_name == "Harbour Teas"
    assert printing.return_address.line1 == "12 Harbour Road"
    assert printing.return_address.company is None  # "" is no company, not an empty line
    assert printing.return_address.country == "US"
    assert printing.logo_path is None
    assert (printing.page_size, printing.label_dpi) == ("a4", 300)
    logo = tmp_path / "logo.png"
    assert print_settings_from(settings.replace({"station.logo_path": str(logo)})).logo_path == logo


def test_printer_settings_choose_the_back_end(tmp_path: Path) -> None:
    network = parse_printer("tcp://10.0.0.7:9101", "label", "zpl")
    assert isinstance(network, NetworkPrinter)
    assert (network.host, network.port, network.accepts) == ("10.0.0.7", 9101, {"zpl"})
    assert parse_printer("tcp://zebra.local", "label", "zpl").port == 9100  # type: ignore[attr-defined]

    raw = parse_printer("cups:Zebra_ZD420", "label", "zpl")
    assert isinstance(raw, CupsPrinter) and raw.queue == "Zebra_ZD420" and raw.raw
    office = parse_printer("cups:Office", "slip")
    assert isinstance(office, CupsPrinter) and not office.raw and "pdf" in office.accepts

    folder = parse_printer(f"file:{tmp_path}", "slip")
    assert isinstance(folder, FilePrinter) and folder.directory == tmp_path


def test_no_label_printer_is_a_sentence_the_packer_can_act_on() -> None:
    with pytest.raises(PrinterError) as caught:
        printer_from(desk_settings(None, ""), "label")
    assert caught.value.message == (
        "No label printer is set up. Choose one in Settings → Printers, or save the label as PDF."
    )


@pytest.mark.parametrize("spec", ["lpt1", "tcp://", "cups:", "smb://host/queue"])
def test_a_printer_setting_that_makes_no_sense_is_refused_plainly(spec: str) -> None:
    with pytest.raises(PrinterError, match="not understood; use tcp://host:9100"):
        parse_printer(spec, "label", "zpl")


# -- printing through the queue -------------------------------------------------------------


@pytest.mark.integration
def test_pack_prints_slip_and_label_once(
    tmp_path: Path, queue: PrintQueue, zebra: FakeRawPrinter
) -> None:
    slips = tmp_path / "slips"
    service = PrintService(queue, desk_settings(slips, f"tcp://127.0.0.1:{zebra.port}"))

    slip, label = service.print_for_pack(ORDER, SHIPMENT)

    assert slip.sent and slip.printed and label.sent and label.printed
    assert zebra.wait_for_job()
    assert zebra.jobs[0].startswith(b"^XA") and SHIPMENT.tracking_number.encode() in zebra.jobs[0]
    saved = files_in(slips)
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF")
    assert "1001" in pypdf.PdfReader(saved[0]).pages[0].extract_text()
    assert [(j.job.kind, j.order_number, j.job.state) for j in service.jobs()] == [
        ("label", "1001", JobState.DONE),
        ("slip", "1001", JobState.DONE),
    ]

    # The packer scans the same order again: nothing prints a second time.
    again_slip, again_label = service.print_for_pack(ORDER, SHIPMENT)

    assert not again_slip.sent and not again_label.sent
    assert "already printed; use Reprint" in again_label.message
    assert len(files_in(slips)) == 1
    assert len(queue.jobs()) == 2

    # An explicit reprint does print again, as a new job that says what it reprints.
    reprinted = service.print_slip(ORDER, reprint=True)

    assert reprinted.sent and len(files_in(slips)) == 2
    assert reprinted.job is not None and reprinted.job.reprint_of == slip.job.id  # type: ignore[union-attr]


@pytest.mark.integration
def test_printer_down_keeps_the_job_and_retry_prints_it_once(
    tmp_path: Path, queue: PrintQueue
) -> None:
    zebra = FakeRawPrinter.switched_off()
    try:
        service = PrintService(
            queue, desk_settings(tmp_path / "slips", f"tcp://127.0.0.1:{zebra.port}")
        )

        down = service.print_label(ORDER, SHIPMENT)

        assert not down.sent and down.job is not None
        assert down.job.state is JobState.FAILED
        assert "refused the connection; check it is switched on" in down.message
        assert down.job.last_error == down.message
        assert down.job.data and down.job.data.startswith(b"^XA")  # nothing lost

        # Scanning the order again does not send a job that is waiting for Retry.
        waiting = service.print_label(ORDER, SHIPMENT)
        assert not waiting.sent and "waiting in the print queue for Retry" in waiting.message

        zebra.start()
        retried = service.retry(down.job.id)

        assert retried.sent and retried.job is not None
        assert retried.job.state is JobState.DONE and retried.job.attempts == 2
        assert zebra.wait_for_job()
        assert zebra.jobs == [down.job.data]
        assert len(queue.jobs()) == 1
    finally:
        zebra.close()


def test_slip_still_prints_when_no_label_printer_is_set_up(
    tmp_path: Path, queue: PrintQueue
) -> None:
    slips = tmp_path / "slips"
    service = PrintService(queue, desk_settings(slips, ""))

    slip, label = service.print_for_pack(ORDER, SHIPMENT)

    assert slip.printed and len(files_in(slips)) == 1
    assert label.job is None and not label.sent
    assert label.message.startswith("No label printer is set up.")


def test_a_label_from_the_store_is_printed_byte_for_byte(tmp_path: Path, queue: PrintQueue) -> None:
    labels = tmp_path / "labels"
    service = PrintService(queue, desk_settings(None, f"file:{labels}", "pdf"))
    store_label = b"%PDF-1.4\n% label made by the store\n%%EOF\n"

    outcome = service.print_label(ORDER, SHIPMENT, label_bytes=store_label)

    assert outcome.printed and outcome.job is not None and outcome.job.format == "pdf"
    saved = files_in(labels)
    assert [p.read_bytes() for p in saved] == [store_label]


def test_a_damaged_pdf_label_is_refused_by_a_zpl_printer_before_anything_is_sent(
    queue: PrintQueue, zebra: FakeRawPrinter
) -> None:
    # A readable PDF label is rasterised for the ZPL printer (tests/services/
    # test_store_labels.py); a damaged one cannot be, and nothing reaches the printer.
    service = PrintService(queue, desk_settings(None, f"tcp://127.0.0.1:{zebra.port}", "zpl"))

    with pytest.raises(DocumentError, match="cannot be read"):
        service.print_label(ORDER, SHIPMENT, label_bytes=b"%PDF-1.4\n%%EOF\n")

    assert queue.jobs() == [] and zebra.jobs == []


def test_reprint_from_the_queue_sends_the_same_document_again(
    tmp_path: Path, queue: PrintQueue
) -> None:
    labels = tmp_path / "labels"
    service = PrintService(queue, desk_settings(None, f"file:{labels}", "pdf"))
    first = service.print_label(ORDER, SHIPMENT)
    assert first.job is not None

    again = service.reprint(first.job.id)

    assert again.sent and again.job is not None and again.job.reprint_of == first.job.id
    contents = [p.read_bytes() for p in files_in(labels)]
    assert len(contents) == 2 and contents[0] == contents[1]
    assert contents[0].startswith(b"%PDF")


# -- documents that are not queued ----------------------------------------------------------


def test_batch_of_slips_reports_progress_and_can_be_cancelled(queue: PrintQueue) -> None:
    service = PrintService(queue, desk_settings(None, ""))
    orders = [sample_order(f"B{n}", lines=2) for n in range(5)]
    seen: list[tuple[int, int]] = []

    pdf = service.batch_slips(orders, lambda done, total: seen.append((done, total)))

    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 5
    assert seen[-1] == (5, 5)
    with pytest.raises(BatchCancelled):
        service.batch_slips(orders, None, lambda: True)


def test_pick_list_lists_the_orders_items(queue: PrintQueue) -> None:
    service = PrintService(queue, desk_settings(None, ""))

    pdf = service.pick_list([sample_order("P1", lines=2), sample_order("P2", lines=3)])

    assert pdf.startswith(b"%PDF")
