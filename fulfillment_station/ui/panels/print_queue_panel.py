"""The print queue panel: every slip and label job, where it stands in words, and Retry and
Reprint buttons.

The panel does no printing itself. Its buttons emit ``retry_requested(job_id)`` and
``reprint_requested(job_id)``; the caller runs ``PrintService.retry``/``reprint`` on its worker
and hands the fresh job list back through :meth:`PrintQueuePanel.set_jobs`. Retry is offered for
a job that has not printed (failed, or queued and never sent); Reprint for one that has, so a
failed label is never printed twice by pressing the wrong button.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.services.print_service import QueuedJob
from fulfillment_station.store.print_queue import JobKind, JobState
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.table_model import RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# The words are marked for the catalogs here and translated where they are shown.
STATE_WORDS: dict[JobState, str] = {
    JobState.PENDING: QT_TRANSLATE_NOOP("PrintJobsModel", "Waiting to print"),
    JobState.PRINTING: QT_TRANSLATE_NOOP("PrintJobsModel", "Printing"),
    JobState.DONE: QT_TRANSLATE_NOOP("PrintJobsModel", "Printed"),
    JobState.FAILED: QT_TRANSLATE_NOOP("PrintJobsModel", "Failed — press Retry"),
}
KIND_WORDS: dict[JobKind, str] = {
    JobKind.SLIP: QT_TRANSLATE_NOOP("PrintJobsModel", "Packing slip"),
    JobKind.LABEL: QT_TRANSLATE_NOOP("PrintJobsModel", "Label"),
}
RETRYABLE = frozenset({JobState.FAILED, JobState.PENDING})
REPRINTABLE = frozenset({JobState.DONE})


class Column(IntEnum):
    DOCUMENT = 0
    ORDER = 1
    PRINTER = 2
    STATE = 3
    ATTEMPTS = 4
    ERROR = 5


HEADERS: dict[Column, str] = {
    Column.DOCUMENT: QT_TRANSLATE_NOOP("PrintJobsModel", "Document"),
    Column.ORDER: QT_TRANSLATE_NOOP("PrintJobsModel", "Order"),
    Column.PRINTER: QT_TRANSLATE_NOOP("PrintJobsModel", "Printer"),
    Column.STATE: QT_TRANSLATE_NOOP("PrintJobsModel", "State"),
    Column.ATTEMPTS: QT_TRANSLATE_NOOP("PrintJobsModel", "Attempts"),
    Column.ERROR: QT_TRANSLATE_NOOP("PrintJobsModel", "Last error"),
}


class PrintJobsModel(RowTableModel[QueuedJob]):
    """Print jobs as rows; the text is plain (an error may quote an API or printer)."""

    number_columns = frozenset({Column.ATTEMPTS})

    def header_words(self) -> list[str]:
        return [self.tr(HEADERS[column]) for column in Column]

    def job_at(self, row: int) -> QueuedJob:
        return self.rows[row]

    def row_of(self, job_id: int) -> int | None:
        return self.find_row(lambda queued: queued.job.id == job_id)

    def cell(self, queued: QueuedJob, column_no: int, role: int) -> Any:
        job = queued.job
        column = Column(column_no)
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.DOCUMENT:
                words = self.tr(KIND_WORDS[job.kind])
                if job.reprint_of is None:
                    return words
                return self.tr("{document} (reprint)").format(document=words)
            if column is Column.ORDER:
                return queued.order_number
            if column is Column.PRINTER:
                return job.printer
            if column is Column.STATE:
                return self.tr(STATE_WORDS[job.state])
            if column is Column.ATTEMPTS:
                return str(job.attempts)
            return translate_message(job.last_error or "")
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.ERROR and job.last_error:
            # Tooltips guess at rich text; escaping keeps the message plain text.
            return f"<p>{html.escape(translate_message(job.last_error))}</p>"
        if role == JOB_ID_ROLE:
            return job.id
        return None


class PrintQueuePanel(QWidget):
    """The print jobs table with Retry and Reprint for the selected job."""

    retry_requested = Signal(int)
    reprint_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PrintJobsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            Column.ERROR, QHeaderView.ResizeMode.Stretch
        )
        self.table.setAccessibleName(self.tr("Print jobs"))

        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.setToolTip(self.tr("Send the selected job to its printer again."))
        self.reprint_button = QPushButton(self.tr("Re&print"))
        self.reprint_button.setToolTip(self.tr("Print another copy of the selected document."))
        self.retry_button.clicked.connect(self._retry)
        self.reprint_button.clicked.connect(self._reprint)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.reprint_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_jobs(self, jobs: Sequence[QueuedJob]) -> None:
        """Show ``jobs``; the selected job stays selected if it is still there."""
        selected = self.selected_job()
        self.model.set_rows(jobs)
        row = None if selected is None else self.model.row_of(selected.job.id)
        if row is not None:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    def select_job(self, job_id: int) -> None:
        row = self.model.row_of(job_id)
        if row is not None:
            self.table.selectRow(row)

    def selected_job(self) -> QueuedJob | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.job_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        selected = self.selected_job()
        state = None if selected is None else selected.job.state
        self.retry_button.setEnabled(state in RETRYABLE)
        self.reprint_button.setEnabled(state in REPRINTABLE)

    def _retry(self) -> None:
        selected = self.selected_job()
        if selected is not None and selected.job.state in RETRYABLE:
            self.retry_requested.emit(selected.job.id)

    def _reprint(self) -> None:
        selected = self.selected_job()
        if selected is not None and selected.job.state in REPRINTABLE:
            self.reprint_requested.emit(selected.job.id)
