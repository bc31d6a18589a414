"""The outbox panel: every queued write, where it stands in words, and Retry/Dismiss.

The panel reads and writes nothing itself. The caller feeds it outbox records with
:meth:`OutboxPanel.set_records` and does the store writes on its worker when the panel emits
``retry_requested(action_id)`` or ``dismiss_requested(action_id)``. A state is always a word
(never a colour alone), and the API's messages are shown as plain text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.store.outbox import ActionRecord, ActionState
from fulfillment_station.ui.common.i18n import current_locale, format_datetime, translate_message
from fulfillment_station.ui.common.table_model import RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Record = ActionRecord[Any]
#: States hidden unless "Show done" is ticked: nothing is left to do about them.
FINISHED = frozenset({ActionState.DONE, ActionState.DISMISSED})


class Column(IntEnum):
    STATE = 0
    ORDER = 1
    ACTION = 2
    ATTEMPTS = 3
    NEXT = 4
    MESSAGE = 5


def state_words(state: ActionState) -> str:
    return {
        ActionState.PENDING: QCoreApplication.translate("OutboxPanel", "Waiting to send"),
        ActionState.SENDING: QCoreApplication.translate("OutboxPanel", "Sending"),
        ActionState.RETRYING: QCoreApplication.translate("OutboxPanel", "Will retry"),
        ActionState.FAILED: QCoreApplication.translate("OutboxPanel", "Failed: retry or dismiss"),
        ActionState.DONE: QCoreApplication.translate("OutboxPanel", "Done"),
        ActionState.DISMISSED: QCoreApplication.translate("OutboxPanel", "Dismissed"),
    }[state]


def pending_text(n: int) -> str:
    """The status-bar text for ``n`` actions still to be sent."""
    if n <= 0:
        return QCoreApplication.translate("OutboxPanel", "Nothing waiting to send")
    if n == 1:
        return QCoreApplication.translate("OutboxPanel", "1 action waiting to send")
    return QCoreApplication.translate("OutboxPanel", "{n} actions waiting to send").format(n=n)


class OutboxModel(RowTableModel[Record]):
    number_columns = frozenset({Column.ATTEMPTS})

    def header_words(self) -> list[str]:
        words = {
            Column.STATE: self.tr("State"),
            Column.ORDER: self.tr("Order"),
            Column.ACTION: self.tr("Action"),
            Column.ATTEMPTS: self.tr("Attempts"),
            Column.NEXT: self.tr("Next attempt"),
            Column.MESSAGE: self.tr("Message"),
        }
        return [words[column] for column in Column]

    def record_at(self, row: int) -> Record:
        return self.rows[row]

    def row_of(self, action_id: int) -> int | None:
        return self.find_row(lambda record: record.id == action_id)

    def cell(self, record: Record, column_no: int, role: int) -> Any:
        column = Column(column_no)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.MESSAGE and record.message:
            # Tooltips guess at rich text; escaping keeps an API message plain.
            text = translate_message(record.message)
            if record.api_message and record.api_message != record.message:
                text += "\n" + record.api_message
            return f"<p>{html.escape(text)}</p>".replace("\n", "<br>")
        if role == ACTION_ID_ROLE:
            return record.id
        return None

    def _text(self, record: Record, column: Column) -> str:
        if column is Column.STATE:
            return state_words(record.state)
        if column is Column.ORDER:
            return record.order_number
        if column is Column.ACTION:
            return translate_message(record.summary)
        if column is Column.ATTEMPTS:
            return str(record.attempts)
        if column is Column.NEXT:
            if record.state is ActionState.RETRYING and record.next_attempt_at is not None:
                return format_datetime(record.next_attempt_at, current_locale())
            return ""
        if record.state in (ActionState.FAILED, ActionState.RETRYING):
            return translate_message(record.message) or record.api_message
        return ""


class OutboxPanel(QWidget):
    """The outbox table, a "Show done" filter, and Retry/Dismiss for a failed action."""

    retry_requested = Signal(int)
    dismiss_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPanel")
        self._all: list[Record] = []
        self.model = OutboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            Column.MESSAGE, QHeaderView.ResizeMode.Stretch
        )
        self.show_done = QCheckBox(self.tr("Show done"))
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.dismiss_button.setToolTip(
            self.tr(
                "Let this action go: it will not be sent, and "
                "later actions on the order can go ahead."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_done)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.show_done.toggled.connect(self._refilter)
        self.retry_button.clicked.connect(self._retry)
        self.dismiss_button.clicked.connect(self._dismiss)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_records(self, records: Sequence[Record]) -> None:
        self._all = list(records)
        self._refilter()

    def _refilter(self) -> None:
        selected = self.selected()
        keep = selected.id if selected is not None else None
        shown = [r for r in self._all if self.show_done.isChecked() or r.state not in FINISHED]
        self.model.set_rows(shown)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> Record | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record_at(rows[0].row()) if rows else None

    def select_action(self, action_id: int) -> bool:
        row = self.model.row_of(action_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _update_buttons(self) -> None:
        record = self.selected()
        failed = record is not None and record.state is ActionState.FAILED
        self.retry_button.setEnabled(failed)
        self.dismiss_button.setEnabled(failed)

    def _retry(self) -> None:
        record = self.selected()
        if record is not None and record.state is ActionState.FAILED:
            self.retry_requested.emit(record.id)

    def _dismiss(self) -> None:
        record = self.selected()
        if record is not None and record.state is ActionState.FAILED:
            self.dismiss_requested.emit(record.id)
