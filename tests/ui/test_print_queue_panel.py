"""The print queue panel: jobs in words, and Retry/Reprint for the job the packer selected."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fulfillment_station.services.print_service import QueuedJob
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.ui.panels.print_queue_panel import Column, PrintQueuePanel

pytestmark = pytest.mark.gui

PRINTER = "tcp://10.0.0.7:9100"
REFUSED = "Printer 10.0.0.7 at 10.0.0.7:9100 refused the connection; check it is switched on."


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[PrintQueue]:
    q = PrintQueue.open(tmp_path / "station.db")
    yield q
    q.close()


@pytest.fixture
def jobs(queue: PrintQueue) -> list[QueuedJob]:
    """A printed slip, a failed label, and a label still waiting, newest first."""
    slip = queue.enqueue("slip", "ord_1", "pdf", "file:/tmp/slips", data=b"%PDF-1.4")
    queue.claim(slip.id)
    queue.mark_done(slip.id)
    label = queue.enqueue("label", "ord_1", "zpl", PRINTER, data=b"^XA<b>^XZ")
    queue.claim(label.id)
    queue.mark_failed(label.id, REFUSED + " <b>bold</b>")
    queue.enqueue("label", "ord_2", "zpl", PRINTER, data=b"^XA^XZ")
    numbers = {"ord_1": "1001", "ord_2": "1002"}
    return [QueuedJob(j, numbers[j.order_id]) for j in reversed(queue.jobs())]


def cell(
    panel: PrintQueuePanel,
    row: int,
    column: Column,
    role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole,
) -> object:
    return panel.model.data(panel.model.index(row, column), role)


def test_jobs_are_shown_in_words(qtbot, jobs: list[QueuedJob]) -> None:
    panel = PrintQueuePanel()
    qtbot.addWidget(panel)

    panel.set_jobs(jobs)

    rows = [[cell(panel, r, c) for c in Column] for r in range(panel.model.rowCount())]
    assert rows == [
        ["Label", "1002", PRINTER, "Waiting to print", "0", ""],
        ["Label", "1001", PRINTER, "Failed — press Retry", "1", REFUSED + " <b>bold</b>"],
        ["Packing slip", "1001", "file:/tmp/slips", "Printed", "1", ""],
    ]
    # The tooltip is rich text with the error escaped, so printer or API text stays plain.
    assert cell(panel, 1, Column.ERROR, Qt.ItemDataRole.ToolTipRole) == (
        "<p>" + REFUSED + " &lt;b&gt;bold&lt;/b&gt;</p>"
    )


def test_retry_is_for_a_failed_job_and_emits_its_id(qtbot, jobs: list[QueuedJob]) -> None:
    panel = PrintQueuePanel()
    qtbot.addWidget(panel)
    panel.set_jobs(jobs)
    failed = jobs[1].job

    panel.select_job(failed.id)

    assert panel.retry_button.isEnabled() and not panel.reprint_button.isEnabled()
    with qtbot.waitSignal(panel.retry_requested, timeout=1000) as emitted:
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert emitted.args == [failed.id]


def test_reprint_is_for_a_printed_job_and_emits_its_id(qtbot, jobs: list[QueuedJob]) -> None:
    panel = PrintQueuePanel()
    qtbot.addWidget(panel)
    panel.set_jobs(jobs)
    printed = jobs[2].job

    panel.select_job(printed.id)

    assert panel.reprint_button.isEnabled() and not panel.retry_button.isEnabled()
    with qtbot.waitSignal(panel.reprint_requested, timeout=1000) as emitted:
        qtbot.mouseClick(panel.reprint_button, Qt.MouseButton.LeftButton)
    assert emitted.args == [printed.id]


def test_nothing_selected_offers_nothing(qtbot, jobs: list[QueuedJob]) -> None:
    panel = PrintQueuePanel()
    qtbot.addWidget(panel)
    panel.set_jobs(jobs)

    assert not panel.retry_button.isEnabled() and not panel.reprint_button.isEnabled()


def test_selection_follows_the_job_when_the_list_is_refreshed(
    qtbot, queue: PrintQueue, jobs: list[QueuedJob]
) -> None:
    panel = PrintQueuePanel()
    qtbot.addWidget(panel)
    panel.set_jobs(jobs)
    failed = jobs[1].job
    panel.select_job(failed.id)

    # The retry printed it, and a new job arrived at the top meanwhile.
    queue.claim(failed.id)
    queue.mark_done(failed.id)
    queue.enqueue("slip", "ord_2", "pdf", "file:/tmp/slips", data=b"%PDF-1.4")
    panel.set_jobs([QueuedJob(j, j.order_id) for j in reversed(queue.jobs())])

    selected = panel.selected_job()
    assert selected is not None and selected.job.id == failed.id
    assert panel.reprint_button.isEnabled() and not panel.retry_button.isEnabled()
