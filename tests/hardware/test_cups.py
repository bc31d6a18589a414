"""CUPS for real: a private cupsd (Debian's binary, own config and spool, loopback port) with a
raw queue whose device is a file and a cups-pdf virtual PDF printer. Documents go through the
app's own CupsPrinter (``lp``) and the queue states through lpstat."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from fulfillment_station.cli.main import main
from fulfillment_station.domain.models import Address
from fulfillment_station.hardware.cups import list_queues, queue_state
from fulfillment_station.printing.printers import CupsPrinter, send_document
from fulfillment_station.printing.samples import sample_order
from fulfillment_station.printing.settings import PrintSettings
from fulfillment_station.printing.slip import render_slip
from tests.helpers.cups_server import (
    CUPS_PDF_ANONYMOUS,
    PrivateCups,
    cups_pdf_missing,
    cupsd_missing,
)
from tests.helpers.zebra_sim import ZebraSimulator

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(cupsd_missing() is not None, reason=str(cupsd_missing())),
]


@pytest.fixture
def cups(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateCups]:
    # Not under pytest's tmp_path: that is private to this user (0700), and cupsd started as
    # root runs filters and the file device as lp, which must reach the spool.
    root = Path(tempfile.mkdtemp(prefix="fs-cups-"))
    os.chmod(root, 0o755)
    server = PrivateCups(root)
    try:
        server.start()
        monkeypatch.setenv("CUPS_SERVER", server.server)
        # A user without an account: cups-pdf files the PDF under ANONYMOUS, not in a home.
        monkeypatch.setenv("CUPS_USER", "fs-test-desk")
        yield server
    finally:
        server.close()
        shutil.rmtree(root, ignore_errors=True)


def wait_for(condition: object, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)  # polls a folder another process writes; bounded by the deadline
    return False


def test_raw_zpl_arrives_byte_for_byte_and_queue_states_are_read(cups: PrivateCups) -> None:
    zpl = b"^XA^CI28^FO50,50^A0N,40,40^FDOrder 1001 \xc3\xb1^FS^XZ"
    with ZebraSimulator() as zebra:
        cups.add_socket_queue("Zebra_raw", zebra.port)

        receipt = send_document(CupsPrinter("Label desk 1", "Zebra_raw", raw=True), zpl)

        assert receipt.startswith("Sent to Label desk 1 (request id is Zebra_raw-")
        assert zebra.wait_for_jobs(1, timeout=20)
        assert zebra.jobs == [zpl]

    queues = {q.name: q for q in list_queues()}
    assert queues["Zebra_raw"].can_print and queues["Zebra_raw"].accepting
    assert queue_state("Label desk 1", "Zebra_raw").can_print is True

    assert main(["printer", "status", "cups:Zebra_raw"]) == 0

    cups.stop_queue("Zebra_raw")
    assert main(["printer", "status", "cups:Zebra_raw"]) == 1  # the desk-setup command agrees
    stopped = queue_state("Label desk 1", "Zebra_raw")
    assert stopped.can_print is False
    assert str(stopped.problems[0]).startswith("The CUPS printer Label desk 1 is stopped")
    missing = queue_state("Label desk 2", "No_such_queue")
    assert missing.can_print is False
    assert str(missing.problems[0]) == "There is no CUPS printer called No_such_queue."


@pytest.mark.skipif(cups_pdf_missing() is not None, reason=str(cups_pdf_missing()))
def test_a_packing_slip_arrives_at_the_virtual_pdf_printer(cups: PrivateCups) -> None:
    cups.add_pdf_queue("Office_PDF")
    before = set(CUPS_PDF_ANONYMOUS.glob("*.pdf")) if CUPS_PDF_ANONYMOUS.exists() else set()
    slip = render_slip(
        sample_order("4711"),
        PrintSettings(store_name="Harbour Teas", return_address=Address(name="Harbour Teas")),
    )

    send_document(CupsPrinter("Office", "Office_PDF", raw=False), slip, title="Slip 4711")

    def arrived() -> list[Path]:
        found = set(CUPS_PDF_ANONYMOUS.glob("*.pdf")) if CUPS_PDF_ANONYMOUS.exists() else set()
        return sorted(found - before)

    try:
        assert wait_for(
            lambda: (
                arrived()
                and arrived()[0].stat().st_size > 0
                and arrived()[0].read_bytes().rstrip().endswith(b"%%EOF")
            )
        )
        [pdf] = arrived()
        text = pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
        assert "4711" in text
    finally:
        for path in arrived():
            path.unlink(missing_ok=True)
