"""The print queue keeps a job until a printer has taken it, and never prints it twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fulfillment_station.printing.errors import PrinterError
from fulfillment_station.printing.printers import NetworkPrinter
from fulfillment_station.store.print_queue import (
    INTERRUPTED_MESSAGE,
    JobNotPrintable,
    JobState,
    PrintQueue,
)
from tests.printing.fake_printer import FakeRawPrinter

LABEL = b"^XA^FO50,50^A0N,30,30^FH_^FDOrder 1001^FS^XZ\n"


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[PrintQueue]:
    q = PrintQueue.open(tmp_path / "station.db", clock=lambda: datetime(2026, 11, 23, tzinfo=UTC))
    yield q
    q.close()


def test_job_survives_a_printer_that_is_down_and_prints_once_when_retried(
    queue: PrintQueue,
) -> None:
    printer = FakeRawPrinter.switched_off()
    zebra = NetworkPrinter("Zebra", "127.0.0.1", printer.port, timeout=5)
    job = queue.enqueue("label", "ord_1001", "zpl", "Zebra", data=LABEL)
    try:
        with pytest.raises(PrinterError, match="refused the connection"):
            queue.print_job(job.id, zebra.send)
        failed = queue.get(job.id)
        assert failed.state is JobState.FAILED
        assert failed.attempts == 1
        assert failed.last_error is not None and "refused the connection" in failed.last_error
        assert failed.data == LABEL  # the document is kept for the retry

        printer.start()  # the packer switches the printer on and presses Retry
        done = queue.print_job(job.id, zebra.send)
        assert done.state is JobState.DONE
        assert done.attempts == 2
        assert printer.wait_for_job()
        assert printer.jobs == [LABEL]

        # Pressing Retry again (or a second worker) cannot print it a second time.
        with pytest.raises(JobNotPrintable, match="already printed; use reprint"):
            queue.print_job(job.id, zebra.send)
        assert not printer.wait_for_job(timeout=0.2)
        assert printer.jobs == [LABEL]
    finally:
        printer.close()


def test_jobs_persist_across_reopening(tmp_path: Path) -> None:
    first = PrintQueue.open(tmp_path / "q.db")
    job = first.enqueue("slip", "ord_7", "pdf", "Office", data=b"%PDF-1.4")
    first.close()
    again = PrintQueue.open(tmp_path / "q.db")
    try:
        assert [j.id for j in again.jobs([JobState.PENDING])] == [job.id]
    finally:
        again.close()


def test_a_claimed_job_cannot_be_claimed_again(queue: PrintQueue) -> None:
    job = queue.enqueue("slip", "ord_1", "pdf", "Office", data=b"%PDF-1.4")
    queue.claim(job.id)
    with pytest.raises(JobNotPrintable, match="already being printed"):
        queue.claim(job.id)


def test_reprint_is_an_explicit_new_job(queue: PrintQueue) -> None:
    sent: list[bytes] = []
    job = queue.enqueue("label", "ord_1", "zpl", "Zebra", data=LABEL)
    queue.print_job(job.id, sent.append)
    again = queue.reprint(job.id, printer="Zebra 2")
    assert (again.state, again.reprint_of, again.printer) == (JobState.PENDING, job.id, "Zebra 2")
    queue.print_job(again.id, sent.append)
    assert sent == [LABEL, LABEL]
    assert [j.state for j in queue.jobs(order_id="ord_1")] == [JobState.DONE, JobState.DONE]


def test_job_interrupted_by_a_crash_is_not_resent_unasked(tmp_path: Path) -> None:
    q = PrintQueue.open(tmp_path / "q.db")
    job = q.enqueue("label", "ord_1", "zpl", "Zebra", data=LABEL)
    q.claim(job.id)  # ... and the app dies before the printer answers
    q.close()

    restarted = PrintQueue.open(tmp_path / "q.db")
    try:
        (recovered,) = restarted.recover_interrupted()
        assert recovered.state is JobState.FAILED
        assert recovered.last_error == INTERRUPTED_MESSAGE
        assert restarted.jobs([JobState.PENDING, JobState.PRINTING]) == []
    finally:
        restarted.close()


def test_job_from_a_file_that_has_gone_fails_with_its_reason(
    queue: PrintQueue, tmp_path: Path
) -> None:
    document = tmp_path / "slip.pdf"
    document.write_bytes(b"%PDF-1.4")
    job = queue.enqueue("slip", "ord_1", "pdf", "Office", path=document)
    document.unlink()
    with pytest.raises(JobNotPrintable, match="cannot be read"):
        queue.print_job(job.id, lambda data: None)
    assert queue.get(job.id).state is JobState.FAILED


def test_a_job_needs_exactly_one_document(queue: PrintQueue) -> None:
    with pytest.raises(ValueError, match="either"):
        queue.enqueue("slip", "ord_1", "pdf", "Office")
    with pytest.raises(ValueError, match="print format"):
        queue.enqueue("slip", "ord_1", "docx", "Office", data=b"x")


def test_a_printer_failure_stays_translatable_after_reopening(tmp_path: Path) -> None:
    from fulfillment_station.domain.messages import Message
    from fulfillment_station.printing.printers import REFUSED

    first = PrintQueue.open(tmp_path / "q.db")
    job = first.enqueue("label", "ord_7", "zpl", "Zebra", data=LABEL)

    def refuse(_data: bytes) -> None:
        raise PrinterError(REFUSED.format(name="Zebra", where="10.0.0.9:9100"))

    with pytest.raises(PrinterError):
        first.print_job(job.id, refuse)
    first.close()
    again = PrintQueue.open(tmp_path / "q.db")
    try:
        error = again.get(job.id).last_error
        assert isinstance(error, Message) and error.template == REFUSED.template
        assert error.params == {"name": "Zebra", "where": "10.0.0.9:9100"}
        assert error.startswith("Printer Zebra at 10.0.0.9:9100 refused the connection")
    finally:
        again.close()
