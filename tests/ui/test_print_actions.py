"""Preview with "Save as PDF…", and a batch of slips rendered on the worker with a progress
dialog whose Cancel stops it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from fulfillment_station.printing.samples import sample_order, sample_settings, sample_shipment
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.services.print_service import PrintService
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.store.settings import Settings
from fulfillment_station.ui.common.print_actions import (
    CANCELLED_MESSAGE,
    PrintQueueActions,
    preview_document,
    run_batch_print,
)
from fulfillment_station.ui.common.tasks import ConnectionWorker
from fulfillment_station.ui.panels.print_queue_panel import Column, PrintQueuePanel
from tests.printing.fake_printer import FakeRawPrinter

pytestmark = pytest.mark.gui
# A label needs a sender: the desk's return address, as the packer sets it up in Settings.
SHIP_FROM = {
    "station.return_name": "Harbour",
    "station.return_line1": "1 Quay Street",
    "station.return_city": "Portland",
    "station.return_country": "US",
}


@dataclass
class Holder:
    service: PrintService


@pytest.fixture
def service(tmp_path: Path) -> Iterator[PrintService]:
    queue = PrintQueue.open(tmp_path / "station.db")
    yield PrintService(
        queue, Settings.defaults().replace({"station.store_name": "Harbour", **SHIP_FROM})
    )
    queue.close()


@pytest.fixture
def worker(service: PrintService) -> Iterator[ConnectionWorker]:
    w = ConnectionWorker(lambda: Holder(service), close_resources=lambda r: None, name="print")
    yield w
    w.stop()


@pytest.fixture(scope="module")
def slip_pdf() -> bytes:
    return render_slip(sample_order("1001", lines=2), sample_settings())


def test_preview_can_always_be_saved_as_pdf(qtbot, tmp_path: Path, slip_pdf: bytes) -> None:
    asked: list[str] = []

    def ask(_parent: object, suggested: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "slip 1001")

    dialog = preview_document(None, slip_pdf, "Packing slip 1001", ask=ask)
    qtbot.addWidget(dialog)

    assert dialog.isVisible() and len(dialog.page_labels) == 1
    assert dialog.print_button.isVisible()  # with nowhere given, Print asks for a printer
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert asked == ["Packing slip 1001.pdf"]
    assert (tmp_path / "slip 1001.pdf").read_bytes() == slip_pdf
    assert dialog.saved_to == tmp_path / "slip 1001.pdf"


def test_print_in_the_preview_hands_over_the_pdf(qtbot, slip_pdf: bytes) -> None:
    printed: list[bytes] = []

    dialog = preview_document(None, slip_pdf, "Packing slip 1001", on_print=printed.append)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    assert printed == [slip_pdf]


def test_print_without_a_desk_printer_asks_for_one_and_prints_every_page(
    qtbot, slip_pdf: bytes, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"
    asked: list[object] = []

    def ask_printer(parent: object) -> QPrinter:
        asked.append(parent)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a real print, to a file
        printer.setOutputFileName(str(out))
        printer.setResolution(96)
        return printer

    dialog = preview_document(None, slip_pdf, "Pick list", ask_printer=ask_printer)
    qtbot.addWidget(dialog)
    assert dialog.print_button.isVisible()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert out.read_bytes().startswith(b"%PDF")


def test_batch_reports_progress_to_the_end_then_previews_the_pdf(
    qtbot, worker: ConnectionWorker, service: PrintService
) -> None:
    orders = [sample_order(f"B{n}", lines=1 + n % 3) for n in range(12)]
    seen: list[int] = []

    batch = run_batch_print(None, worker, orders, service)
    qtbot.addWidget(batch.progress)
    # Connected after the dialog's own handler, so this reads what the packer sees.
    batch.task.progress.connect(lambda _done, _total: seen.append(batch.progress.value()))
    with qtbot.waitSignal(batch.shown, timeout=20_000) as shown:
        pass

    preview = shown.args[0]
    qtbot.addWidget(preview)
    assert seen[-1] == batch.progress.maximum() == 12 and seen == sorted(seen)
    assert not batch.progress.isVisible()
    assert len(pypdf.PdfReader(io.BytesIO(preview.pdf)).pages) == 12
    assert preview.isVisible() and preview.windowTitle() == "Packing slips (12)"


def test_cancel_stops_the_batch_and_shows_no_pdf(
    qtbot, worker: ConnectionWorker, service: PrintService
) -> None:
    # Keep the worker busy so Cancel is pressed before the batch has started: deterministic.
    release = threading.Event()
    worker.submit(lambda _ctx: release.wait(10), name="busy")
    orders = [sample_order(f"C{n}") for n in range(8)]
    shown: list[object] = []
    progressed: list[int] = []
    try:
        batch = run_batch_print(None, worker, orders, service)
        qtbot.addWidget(batch.progress)
        batch.shown.connect(shown.append)
        batch.task.progress.connect(lambda done, _total: progressed.append(done))
        cancel = batch.progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "&Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        release.set()

    with qtbot.waitSignal(batch.cancelled, timeout=20_000) as cancelled:
        pass

    assert cancelled.args == [CANCELLED_MESSAGE]
    assert shown == [] and batch.preview is None
    assert progressed == []
    assert not batch.progress.isVisible()


def test_a_batch_that_cannot_be_made_says_why(
    qtbot, worker: ConnectionWorker, service: PrintService
) -> None:
    batch = run_batch_print(None, worker, [], service)
    qtbot.addWidget(batch.progress)

    with qtbot.waitSignal(batch.failed, timeout=20_000) as failed:
        pass

    assert failed.args == ["No orders were selected, so there are no slips to print."]
    assert batch.preview is None


def test_saving_where_it_cannot_be_written_says_so_and_keeps_the_preview(
    qtbot, tmp_path: Path, slip_pdf: bytes
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    dialog = preview_document(
        None, slip_pdf, "Packing slip 1001", ask=lambda _parent, _name: str(blocker / "slip.pdf")
    )
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    box = dialog.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.text().startswith(f"The PDF could not be saved in {blocker}")
    assert box.text().endswith("choose another folder.")
    assert dialog.saved_to is None and dialog.isVisible()


@dataclass
class DeskResources:
    print_service: PrintService


def test_retry_from_the_panel_prints_the_waiting_label_once(qtbot, tmp_path: Path) -> None:
    zebra = FakeRawPrinter.switched_off()
    settings = Settings.defaults().replace(
        {
            "printers.label_printer": f"tcp://127.0.0.1:{zebra.port}",
            "printers.label_format": "zpl",
            **SHIP_FROM,
            "printers.address_labels": True,  # the app's own (no postage) label
        }
    )
    # The queue's SQLite connection is made on the worker thread, as the app does.
    desk = ConnectionWorker(
        lambda: DeskResources(PrintService(PrintQueue.open(tmp_path / "q.db"), settings)),
        close_resources=lambda r: r.print_service.queue.close(),
        name="desk",
    )
    panel = PrintQueuePanel()
    qtbot.addWidget(panel)
    actions = PrintQueueActions(panel, desk)
    try:
        with qtbot.waitSignal(actions.message, timeout=10_000) as down:
            actions.run(
                lambda service: service.print_label(sample_order("1001"), sample_shipment())
            )
        assert "refused the connection" in down.args[0]
        assert panel.model.data(panel.model.index(0, Column.STATE)) == "Failed — press Retry"
        assert panel.model.data(panel.model.index(0, Column.ORDER)) == "1001"

        zebra.start()
        panel.table.selectRow(0)
        with qtbot.waitSignal(actions.message, timeout=10_000) as printed:
            qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)

        assert printed.args[0] == "Label 1001 sent to 127.0.0.1."
        assert panel.model.data(panel.model.index(0, Column.STATE)) == "Printed"
        assert zebra.wait_for_job() and len(zebra.jobs) == 1
        assert zebra.jobs[0].startswith(b"^XA")

        # Retry on a job that has printed is refused plainly, and the list stays right.
        job_id = panel.model.job_at(0).job.id
        with qtbot.waitSignal(actions.message, timeout=10_000) as refused:
            actions.retry(job_id)
        assert refused.args[0] == (
            f"Print job {job_id} has already printed; use reprint to print it again."
        )
        assert panel.model.rowCount() == 1 and len(zebra.jobs) == 1
    finally:
        desk.stop()
        zebra.close()


def test_a_label_held_while_paper_is_out_prints_by_itself_once(qtbot, tmp_path: Path) -> None:
    from tests.helpers.zebra_sim import ZebraSimulator

    with ZebraSimulator() as zebra:
        zebra.paper_out = True
        settings = Settings.defaults().replace(
            {
                "printers.named": [
                    {"name": "Zebra desk 1", "uri": f"tcp://127.0.0.1:{zebra.port}"}
                ],
                "printers.label_printer": "Zebra desk 1",
                "printers.label_format": "zpl",
                **SHIP_FROM,
                "printers.address_labels": True,  # the app's own (no postage) label
            }
        )
        desk = ConnectionWorker(
            lambda: DeskResources(PrintService(PrintQueue.open(tmp_path / "q.db"), settings)),
            close_resources=lambda r: r.print_service.queue.close(),
            name="desk",
        )
        panel = PrintQueuePanel()
        qtbot.addWidget(panel)
        actions = PrintQueueActions(panel, desk, held_interval_ms=50)
        try:
            with qtbot.waitSignal(actions.message, timeout=10_000) as held:
                actions.run(
                    lambda service: service.print_label(sample_order("1001"), sample_shipment())
                )
            assert "Printer Zebra desk 1 is out of labels" in held.args[0]
            assert panel.model.data(panel.model.index(0, Column.STATE)) == "Waiting to print"
            assert "out of labels" in panel.model.data(panel.model.index(0, Column.ERROR))
            # The printer is asked again and again while the paper is out: nothing prints.
            qtbot.waitUntil(lambda: zebra.status_queries >= 4, timeout=10_000)
            assert zebra.jobs == []

            zebra.paper_out = False
            with qtbot.waitSignal(actions.message, timeout=10_000) as printed:
                pass
            assert printed.args[0] == "Label 1001 sent to Zebra desk 1."
            qtbot.waitUntil(
                lambda: panel.model.data(panel.model.index(0, Column.STATE)) == "Printed",
                timeout=10_000,
            )
            qtbot.waitUntil(lambda: not actions.held_timer.isActive(), timeout=10_000)
            assert zebra.wait_for_jobs(1) and len(zebra.jobs) == 1
        finally:
            desk.stop()
