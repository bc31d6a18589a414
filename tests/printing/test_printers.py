"""Printer back-ends: bytes arrive unchanged and once; failures are one plain sentence."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.printing.errors import PrinterError
from fulfillment_station.printing.printers import (
    CupsPrinter,
    FilePrinter,
    NetworkPrinter,
    send_document,
)
from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.printing.settings import PrintSettings
from fulfillment_station.printing.zpl import render_label_zpl

from .fake_printer import FakeRawPrinter


@pytest.fixture
def printer_on() -> Iterator[FakeRawPrinter]:
    fake = FakeRawPrinter().start()
    yield fake
    fake.close()


def test_network_printer_receives_exactly_the_zpl_once(
    printer_on: FakeRawPrinter, settings: PrintSettings
) -> None:
    zpl = render_label_zpl(sample_order(customer="^XZ~JA Юлия"), sample_shipment(), settings)
    printer = NetworkPrinter("Zebra", "127.0.0.1", printer_on.port, timeout=5)

    receipt = send_document(printer, zpl.encode("utf-8"), title="Label 1001")

    assert printer_on.wait_for_job()
    assert printer_on.jobs == [zpl.encode("utf-8")]
    assert receipt == f"Sent to Zebra (127.0.0.1:{printer_on.port})"


def test_printer_that_is_off_gives_a_plain_sentence() -> None:
    off = FakeRawPrinter.switched_off()
    try:
        with pytest.raises(PrinterError, match="refused the connection") as info:
            NetworkPrinter("Zebra", "127.0.0.1", off.port, timeout=2).send(b"^XA^XZ")
    finally:
        off.close()
    assert info.value.message.endswith(".")
    assert "\n" not in info.value.message


def test_pdf_is_refused_by_a_zpl_printer_before_anything_is_sent(
    printer_on: FakeRawPrinter,
) -> None:
    printer = NetworkPrinter("Zebra", "127.0.0.1", printer_on.port)
    with pytest.raises(PrinterError, match="takes ZPL but this document is PDF"):
        send_document(printer, b"%PDF-1.4\n...")
    assert not printer_on.wait_for_job(timeout=0.2)


def test_store_label_bytes_are_saved_unchanged(tmp_path: Path) -> None:
    printer = FilePrinter("Folder", tmp_path)
    label = b"\n^XA^FO50,50^A0N,30,30^FDfrom the API^FS^XZ\n"
    receipt = send_document(printer, label, title="Order 1001 label")
    assert receipt == f"Saved to {tmp_path / 'Order_1001_label.zpl'}"
    assert (tmp_path / "Order_1001_label.zpl").read_bytes() == label
    # A second job with the same title never overwrites the first.
    send_document(printer, b"^XA^FDsecond^FS^XZ", title="Order 1001 label")
    assert (tmp_path / "Order_1001_label-2.zpl").read_bytes() == b"^XA^FDsecond^FS^XZ"
    assert (tmp_path / "Order_1001_label.zpl").read_bytes() == label
    send_document(printer, b"%PDF-1.7 slip", title="Order 1001 label")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Order_1001_label-2.zpl",
        "Order_1001_label.pdf",
        "Order_1001_label.zpl",
    ]


def test_file_printer_in_an_unwritable_place_is_a_printer_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(PrinterError, match="Could not save"):
        FilePrinter("Folder", blocker).send(b"%PDF-1.4")


class FakeLp:
    def __init__(self, returncode: int = 0, stdout: bytes = b"", stderr: bytes = b"") -> None:
        self.calls: list[tuple[list[str], bytes]] = []
        self.result = (returncode, stdout, stderr)

    def __call__(self, command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        self.calls.append((command, kwargs["input"]))
        code, out, err = self.result
        return subprocess.CompletedProcess(command, code, out, err)


def test_cups_raw_queue_gets_the_bytes_through_lp() -> None:
    lp = FakeLp(stdout=b"request id is Zebra-17 (0 file(s))\n")
    receipt = CupsPrinter("Zebra", "Zebra_ZD421", run=lp).send(b"^XA^XZ", title="Label 1001")
    assert lp.calls == [(["lp", "-d", "Zebra_ZD421", "-o", "raw", "-t", "Label 1001"], b"^XA^XZ")]
    assert receipt == "Sent to Zebra (request id is Zebra-17 (0 file(s)))"


def test_cups_office_queue_is_not_raw_and_takes_pdf() -> None:
    lp = FakeLp()
    printer = CupsPrinter("Office", "HP", raw=False, run=lp)
    send_document(printer, b"%PDF-1.4 slip")
    assert lp.calls[0][0] == ["lp", "-d", "HP"]


def test_cups_refusal_and_missing_lp_are_plain_sentences() -> None:
    lp = FakeLp(returncode=1, stderr=b"lp: The printer or class does not exist.\n")
    with pytest.raises(PrinterError, match="CUPS would not print on Zebra: lp: The printer"):
        CupsPrinter("Zebra", "nope", run=lp).send(b"^XA^XZ")
    with pytest.raises(PrinterError, match="The lp command is missing"):
        CupsPrinter("Zebra", "Zebra", lp="/nonexistent/bin/lp").send(b"^XA^XZ")
